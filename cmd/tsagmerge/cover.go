package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/outfile"
	"tsagmerge/templates"
)

func init() { subcommands = append(subcommands, newCoverCmd) }

func newCoverCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cover",
		Short: "Prepare the TD's cover (meta.yaml)",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "init [meta.yaml]",
		Short: "Write a meta.yaml to fill in for the TD's cover",
		Long: `cover init writes meta.yaml (or the file named): every field of the TD's
cover, explained, those that change with every TD left empty to fill in.
It never replaces an existing file. Then:

  tsagmerge consolidate inbox/ -o TD.docx --meta meta.yaml`,
		Example: "  tsagmerge cover init\n  tsagmerge cover init covers/2026-H1.yaml",
		Args:    needs(cobra.MaximumNArgs(1), "takes at most one argument, the file to write (meta.yaml when none is named)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "meta.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			return coverInitRun(cmd.OutOrStdout(), path)
		},
	})
	return cmd
}

// coverInitRun writes the skeleton to path, which must not exist.
func coverInitRun(stdout io.Writer, path string) error {
	if err := outfile.CheckTarget(path); err != nil {
		return failf("%v", err)
	}
	if _, err := os.Lstat(path); err == nil {
		return failf("%s exists; fill it in, or name another file", path)
	}
	if err := outfile.Write(path, func(w io.Writer) error { _, err := io.WriteString(w, templates.MetaSkeleton); return err }); err != nil {
		return failf("%v", err)
	}
	fmt.Fprintf(stdout, "wrote %s: fill in td_number, place, date and the contact, then run\n  tsagmerge consolidate INBOX -o TD.docx --meta %s\n", path, path)
	return nil
}
