package main

import (
	"encoding/json"
	"io"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/diff"
	"tsagmerge/ingest"
)

func init() { subcommands = append(subcommands, newDiffCmd) }

func newDiffCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Show what changed between two versions of a contribution",
		Long: `diff compares two versions of a contribution: sections added, removed or
renamed; paragraphs added, removed or changed, with the changed words marked
[-deleted-]{+inserted+}; comments added, removed, resolved or reopened;
tracked changes that appeared or are gone; and the counts of figures,
tables, notes and links. Formatting alone is not compared.

Exit status, as for diff(1): 0 when the versions are the same, 1 when they
differ, 2 when a file cannot be read.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd.OutOrStdout(), args[0], args[1], asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the differences as JSON")
	return cmd
}

func runDiff(w io.Writer, oldPath, newPath string, asJSON bool) error {
	docs := make([]*ingest.Document, 2)
	for i, p := range []string{oldPath, newPath} {
		d, err := ingest.Read(p)
		if err != nil {
			return failf("%v", err)
		}
		defer d.Package.Close()
		docs[i] = d
	}
	res := diff.Compare(docs[0], docs[1])
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else if err := res.WriteText(w, colorOn(w)); err != nil {
		return err
	}
	if !res.Identical() {
		return &exitError{code: exitFindings} // 1: the versions differ
	}
	return nil
}
