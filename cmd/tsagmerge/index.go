package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/index"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newIndexCmd) }

func newIndexCmd() *cobra.Command {
	var out, period string
	cmd := &cobra.Command{
		Use:   "index DIR|FILE... -o FILE.xlsx",
		Short: "Write the Excel activity index",
		Long: `index reads the contributions in the folders and files named (a folder's
.docx files; the latest version when a region sent several) and writes an
Excel workbook with five sheets:

  Activities  one row per activity a region reports: dates, city, country,
              countries involved, participants, ITU-T groups,
              Recommendations, partners, open comments, source file
  Comments    every review comment, open or resolved, with a Follow-up
              drop-down
  Revisions   the tracked changes not yet accepted, by region and author
  Figures     each picture's caption and size
  Summary     per region: activities, participants, countries reached,
              open comments, with a bar chart

Dates written without a year take it from the sentence, the paragraph, then
the reporting period, which is the half-year the contributions state
("July–December 2025") unless --period gives it.

Exit status: 0 when the workbook was written, 2 when the arguments are
wrong, nothing could be read or the workbook could not be written.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndex(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, out, period)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the workbook to `FILE.xlsx` (required)")
	cmd.Flags().StringVar(&period, "period", "", "the reporting period, `2025-H2` or 2025-07-01..2025-12-31 (default: as the files state it)")
	return cmd
}

// runIndex scans the inputs, builds the index and writes it; files not used
// and regions missing are noted on stderr.
func runIndex(stdout, stderr io.Writer, args []string, out, period string) error {
	if out == "" {
		return failf("index: name the workbook to write with -o FILE.xlsx")
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return failf("index: -o %s: the workbook's name must end in .xlsx", out)
	}
	var opts index.Options
	if period != "" {
		p, err := index.ParsePeriod(period)
		if err != nil {
			return failf("index: --period: %v", err)
		}
		opts.Period = p
	}
	in, err := inbox.Scan(args)
	if err != nil {
		return failf("index: %v", err)
	}
	defer in.Close()
	if err := requireUsed(stderr, "index", in, args); err != nil {
		return err
	}
	docs := in.Used()
	if len(in.Missing) > 0 {
		fmt.Fprintf(stderr, "tsagmerge: no contribution from %s\n", strings.Join(in.Missing, ", "))
	}
	x := index.Build(docs, opts)
	if err := x.WriteFile(out); err != nil {
		return failf("%v", err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	for _, line := range x.SheetLines() {
		fmt.Fprintln(stdout, "  "+line)
	}
	return nil
}
