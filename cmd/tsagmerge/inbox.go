package main

import (
	"io"

	"tsagmerge/ingest/inbox"
)

// requireUsed fails (exit 2) when in has no contribution to use;
// otherwise it notes on stderr the files not used. args are the folders
// or files scanned.
func requireUsed(stderr io.Writer, in *inbox.Inbox, args []string) error {
	if err := in.RequireUsed(args); err != nil {
		return failf("%v", err)
	}
	for _, n := range in.NotUsed() {
		notef(stderr, "not used: %s", n)
	}
	return nil
}
