package main

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/activity"
	"tsagmerge/consolidate/index"
	"tsagmerge/consolidate/outfile"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newIndexCmd) }

func newIndexCmd() *cobra.Command {
	var (
		out, period string
		asJSON      bool
	)
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
		Example: `  tsagmerge index inbox/ -o activities.xlsx
  tsagmerge index inbox/ -o activities.xlsx --period 2025-H2 --json`,
		Args: needs(cobra.MinimumNArgs(1), needInputs("index")),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIndex(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, out, period, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was written and every activity found, as JSON")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the workbook to `FILE.xlsx` (required)")
	cmd.Flags().StringVar(&period, "period", "", "the reporting period, `2025-H2` or 2025-07-01..2025-12-31 (default: as the files state it)")
	cmd.ValidArgsFunction = docxArgs
	cmd.MarkFlagFilename("output", "xlsx")
	return cmd
}

// runIndex scans the inputs, builds the index and writes it; files not used
// and regions missing are noted on stderr.
func runIndex(stdout, stderr io.Writer, args []string, out, period string, asJSON bool) error {
	if out == "" {
		return failf("name the workbook to write with -o FILE.xlsx")
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return failf("-o %s: the workbook's name must end in .xlsx", out)
	}
	if err := outfile.CheckTarget(out); err != nil {
		return failf("%v", err)
	}
	if err := index.CheckReplace(out); err != nil {
		return failf("-o %v", err)
	}
	var opts activity.Options
	if period != "" {
		p, err := activity.ParsePeriod(period)
		if err != nil {
			return failf("--period: %v", err)
		}
		opts.Period = p
	}
	in, err := inbox.Scan(args)
	if err != nil {
		return failf("%v", err)
	}
	defer in.Close()
	if err := requireUsed(stderr, in, args); err != nil {
		return err
	}
	docs := in.Used()
	if len(in.Missing) > 0 {
		sayf(stderr, "no contribution from %s", strings.Join(in.Missing, ", "))
	}
	x := index.Build(docs, opts)
	if err := x.WriteFile(out); err != nil {
		return failf("%v", err)
	}
	if asJSON {
		return printIndexJSON(stdout, out, x)
	}
	say(stdout, "wrote %s", out)
	for _, line := range x.SheetLines() {
		say(stdout, "  %s", line)
	}
	return nil
}

// indexJSON is what index --json prints: the workbook written and each
// activity as its row says it.
type indexJSON struct {
	Output     string         `json:"output"`
	Period     string         `json:"period"`
	Sheets     []string       `json:"sheets"`
	Activities []activityJSON `json:"activities"`
}

type activityJSON struct {
	ID           string   `json:"id"`
	Region       string   `json:"region"`
	Section      string   `json:"section"`
	Text         string   `json:"text"`
	Date         string   `json:"date,omitempty"` // as written, with its notes
	Start        string   `json:"start,omitempty"`
	End          string   `json:"end,omitempty"`
	City         string   `json:"city,omitempty"`
	Country      string   `json:"country,omitempty"`
	Countries    []string `json:"countries"`
	Participants int      `json:"participants,omitempty"`
	Qualifier    string   `json:"participantsQualifier,omitempty"`
	Groups       []string `json:"groups"`
	Recs         []string `json:"recommendations"`
	Partners     []string `json:"partners"`
	OpenComments int      `json:"openComments"`
	Source       string   `json:"source"`
	Paragraph    int      `json:"paragraph"`
}

func printIndexJSON(w io.Writer, out string, x *index.Index) error {
	v := indexJSON{Output: out, Sheets: x.SheetLines(), Activities: []activityJSON{}}
	if !x.Period.IsZero() {
		v.Period = x.Period.Start.Format(time.DateOnly) + ".." + x.Period.End.Format(time.DateOnly)
	}
	for _, a := range x.Activities {
		j := activityJSON{ID: a.ID, Region: a.Region, Section: a.Section, Text: a.Text, Date: a.Date.Describe(),
			City: a.Place.City, Country: a.Place.Country.Name, Countries: []string{},
			Participants: a.Participants.N, Qualifier: a.Participants.Qualifier,
			Groups: nonNil(a.Groups), Recs: nonNil(a.Recs), Partners: nonNil(a.Partners),
			OpenComments: a.OpenComments, Source: a.Source, Paragraph: a.Paragraph}
		if !a.Date.IsZero() {
			j.Start, j.End = a.Date.Start.Format(time.DateOnly), a.Date.End.Format(time.DateOnly)
		}
		for _, c := range a.Countries {
			j.Countries = append(j.Countries, c.Name)
		}
		v.Activities = append(v.Activities, j)
	}
	return writeJSON(w, v)
}

// nonNil makes a nil list an empty one, so that JSON says [] for it.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
