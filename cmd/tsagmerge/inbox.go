package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tsagmerge/ingest/inbox"
)

// requireUsed fails (exit 2), naming the command, when in has no
// contribution to use; otherwise it notes on stderr the files not used.
// args are the folders or files scanned, named when none held a .docx.
func requireUsed(stderr io.Writer, command string, in *inbox.Inbox, args []string) error {
	left := notUsed(in)
	if len(in.Used()) == 0 {
		if len(left) == 0 {
			return failf("%s: no .docx contribution found in %s", command, strings.Join(args, ", "))
		}
		return failf("%s: nothing usable: %s", command, strings.Join(left, "; "))
	}
	for _, n := range left {
		fmt.Fprintln(stderr, "tsagmerge: not used: "+n)
	}
	return nil
}

// notUsed lists the files of in left out, each with why: a refused file
// with the reason, a superseded one with the name of its later version.
func notUsed(in *inbox.Inbox) []string {
	var out []string
	for _, f := range in.Files {
		switch f.Status {
		case inbox.Refused:
			out = append(out, f.Path+": "+f.Reason)
		case inbox.Superseded:
			out = append(out, f.Path+": superseded by "+filepath.Base(f.SupersededBy))
		}
	}
	return out
}
