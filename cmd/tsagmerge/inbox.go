package main

import (
	"fmt"
	"io"

	"tsagmerge/ingest/inbox"
)

// requireUsed fails (exit 2), naming the command, when in has no
// contribution to use; otherwise it notes on stderr the files not used.
// args are the folders or files scanned.
func requireUsed(stderr io.Writer, command string, in *inbox.Inbox, args []string) error {
	if err := in.RequireUsed(args); err != nil {
		return failf("%s: %v", command, err)
	}
	for _, n := range in.NotUsed() {
		fmt.Fprintln(stderr, "tsagmerge: not used: "+n)
	}
	return nil
}
