package index

import (
	"fmt"

	"tsagmerge/consolidate/activity"
	"tsagmerge/ingest"
)

// Index is the activity index of a set of contributions: what the
// workbook shows.
type Index struct {
	// Docs are the contributions in report order.
	Docs []*ingest.Document
	// Period is the reporting period used to complete dates.
	Period     activity.Period
	Activities []activity.Activity
}

// Build extracts the activities of docs into an Index.
func Build(docs []*ingest.Document, opts activity.Options) *Index {
	acts, period := activity.Extract(docs, opts)
	return &Index{Docs: activity.ReportOrder(docs), Period: period, Activities: acts}
}

// RegionSummary is one row of the Summary sheet.
type RegionSummary struct {
	Code, Name string
	Files      int
	Activities int
	// Participants sums the activities' head counts, kept apart by what
	// the text says of them: exact (a number given as it is, or a total),
	// at least (more than, at least), and about (about, at most, up to):
	// added together they would read as exact.
	Participants        int
	ParticipantsAtLeast int
	ParticipantsAbout   int
	// OutsidePeriod counts the activities dated outside the reporting
	// period.
	OutsidePeriod int
	// Countries is the number of distinct countries the activities took
	// place in or named.
	Countries    int
	OpenComments int
	Revisions    int
	Figures      int
}

// Summary gives one row per region that sent a file, in report order (a
// file of unknown region last).
func (x *Index) Summary() []RegionSummary {
	var out []RegionSummary
	codes := []string{}
	for _, r := range ingest.Regions {
		codes = append(codes, r.Code)
	}
	for _, code := range append(codes, "") {
		s := RegionSummary{Code: code, Name: "unknown region"}
		if info, _, ok := ingest.RegionByCode(code); ok {
			s.Name = info.Name
		}
		for _, d := range x.Docs {
			if d.Region.Code != code {
				continue
			}
			s.Files++
			s.Revisions += len(d.Revisions)
			s.Figures += len(d.Figures)
			for _, c := range d.Comments {
				if !c.Resolved {
					s.OpenComments++
				}
			}
		}
		countries := map[string]bool{}
		for _, a := range x.Activities {
			if a.Region != code {
				continue
			}
			s.Activities++
			switch a.Participants.Bound() {
			case activity.AtLeast:
				s.ParticipantsAtLeast += a.Participants.N
			case activity.About:
				s.ParticipantsAbout += a.Participants.N
			default:
				s.Participants += a.Participants.N
			}
			if !x.Period.Holds(a.Date) {
				s.OutsidePeriod++
			}
			if a.Place.Country.ISO3 != "" {
				countries[a.Place.Country.ISO3] = true
			}
			for _, c := range a.Countries {
				countries[c.ISO3] = true
			}
		}
		s.Countries = len(countries)
		if s.Files > 0 || s.Activities > 0 {
			out = append(out, s)
		}
	}
	return out
}

// SheetLines describes each sheet of the workbook in one line, for the
// command to print.
func (x *Index) SheetLines() []string {
	var dated, placed, counted, comments, open, revisions, figures int
	for _, a := range x.Activities {
		if !a.Date.IsZero() {
			dated++
		}
		if !a.Place.IsZero() {
			placed++
		}
		if a.Participants.N > 0 {
			counted++
		}
	}
	for _, d := range x.Docs {
		comments += len(d.Comments)
		revisions += len(d.Revisions)
		figures += len(d.Figures)
		for _, c := range d.Comments {
			if !c.Resolved {
				open++
			}
		}
	}
	return []string{
		fmt.Sprintf("Activities  %d from %d %s, period %s (%d dated, %d placed, %d with a head count)",
			len(x.Activities), len(x.Docs), plural(len(x.Docs), "file"), x.Period, dated, placed, counted),
		fmt.Sprintf("Comments    %d, %d open", comments, open),
		fmt.Sprintf("Revisions   %d pending %s", revisions, plural(revisions, "tracked change")),
		fmt.Sprintf("Figures     %d", figures),
		fmt.Sprintf("Summary     %d %s, with a chart", len(x.Summary()), plural(len(x.Summary()), "region")),
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
