package activity

import (
	"fmt"
	"sort"
	"strings"

	"tsagmerge/ingest"
)

// Activity is one row of the index: an event, a project, a meeting or a
// piece of work a region reports.
type Activity struct {
	// ID is the region code and a number in report order: "AFR-003".
	ID     string
	Region string // region code, "" when unknown
	// Section is the title of the section holding the paragraph.
	Section string
	// Text is the activity's own words: its leading sentence, or all of it
	// when short; a table row's cells.
	Text         string
	Date         DateSpan
	Place        Place
	Countries    []Country // each country named, once, in order
	Participants Participants
	Groups       []string // ITU-T groups
	Recs         []string // ITU-T Recommendations
	Partners     []string
	// OpenComments counts the unresolved review comments anchored in the
	// activity's text (or, failing that, in its paragraph).
	OpenComments int
	Source       string // the file, as given
	Paragraph    int    // the paragraph's Index in the file
}

// Options tune the extraction.
type Options struct {
	// Period is the reporting period; when zero it is derived from the
	// documents (see DerivePeriod).
	Period Period
}

// Extract finds the activities of the documents, in report order (regions
// in their fixed order, then files as given, then paragraphs).
func Extract(docs []*ingest.Document, opts Options) []Activity {
	period := opts.Period
	if period.IsZero() {
		period, _ = DerivePeriod(docs)
	}
	var acts []Activity
	for _, d := range ReportOrder(docs) {
		acts = append(acts, extractDoc(d, period)...)
	}
	numberActivities(acts)
	return acts
}

// ReportOrder sorts documents by region in the report's order, unknown
// regions last, keeping the given order otherwise.
func ReportOrder(docs []*ingest.Document) []*ingest.Document {
	out := append([]*ingest.Document(nil), docs...)
	sort.SliceStable(out, func(i, j int) bool { return regionRank(out[i]) < regionRank(out[j]) })
	return out
}

func regionRank(d *ingest.Document) int {
	if _, n, ok := ingest.RegionByCode(d.Region.Code); ok {
		return n
	}
	return len(ingest.Regions)
}

// numberActivities gives each activity its ID: region code and number.
func numberActivities(acts []Activity) {
	count := map[string]int{}
	for _, a := range acts {
		count[a.Region]++
	}
	seen := map[string]int{}
	for i := range acts {
		r := acts[i].Region
		seen[r]++
		width := max(3, len(fmt.Sprint(count[r])))
		code := r
		if code == "" {
			code = "ACT"
		}
		acts[i].ID = fmt.Sprintf("%s-%0*d", code, width, seen[r])
	}
}

// extractDoc runs the pipeline on one document: its blocks (stage 1), each
// block's sentences studied in parallel, then cut into activities (stage
// 2) and their fields read (stage 3) into rows (stage 4).
func extractDoc(d *ingest.Document, period Period) []Activity {
	blocks := blocksOf(d)
	studied := make([][]*facts, len(blocks))
	forEach(len(blocks), func(i int) {
		if blocks[i].Kind != TableRow {
			for _, s := range splitSentences(blocks[i].Text) {
				studied[i] = append(studied[i], study(s, period))
			}
		}
	})
	open := map[int][]*ingest.Comment{}
	for _, c := range d.Comments {
		if !c.Resolved {
			open[c.Paragraph] = append(open[c.Paragraph], c)
		}
	}
	var acts []Activity
	prior := map[string]bool{} // the event nouns of the section's activities so far
	section := -2
	for i := range blocks {
		b := &blocks[i]
		if b.Section != section {
			section, prior = b.Section, map[string]bool{}
		}
		var found []Activity
		if b.Kind == TableRow {
			if a, ok := tableActivity(b, period); ok && !restates(a, acts) {
				found = append(found, a)
				for _, t := range tokenize(b.Cells[roleEvent]) {
					if n := nounKey(t.Lower); eventNouns[n] {
						prior[n] = true
					}
				}
			}
		} else {
			segs := segmentBlock(b, studied[i], prior, period)
			for _, s := range segs {
				found = append(found, s.activity(period))
				for n := range s.nouns() {
					prior[n] = true
				}
			}
		}
		attachComments(found, open[b.Paragraph])
		for k := range found {
			found[k].Region, found[k].Section = d.Region.Code, sectionTitle(d, b.Section)
			found[k].Source, found[k].Paragraph = d.Path, b.Paragraph
		}
		acts = append(acts, found...)
	}
	return acts
}

// restates reports whether a table row's activity repeats one the text
// already reported, as a summary table does: same dates and same city.
func restates(a Activity, acts []Activity) bool {
	if a.Date.IsZero() || a.Place.City == "" {
		return false
	}
	for _, o := range acts {
		if sameSpan(o.Date, a.Date) && sameCity(o.Place, a.Place) {
			return true
		}
	}
	return false
}

// sectionTitle names section i of d as the index shows it.
func sectionTitle(d *ingest.Document, i int) string {
	if i < 0 || i >= len(d.Sections) {
		return ""
	}
	s := d.Sections[i]
	if s.Number != "" {
		return s.Number + " " + s.Title
	}
	return s.Title
}

// attachComments counts each open comment of a block on the activity whose
// text holds its anchor, else on the block's first activity.
func attachComments(acts []Activity, comments []*ingest.Comment) {
	if len(acts) == 0 {
		return
	}
	for _, c := range comments {
		k := 0
		anchor := strings.TrimSpace(c.Anchor)
		for i, a := range acts {
			if anchor != "" && strings.Contains(a.Text, anchor) {
				k = i
				break
			}
		}
		acts[k].OpenComments++
	}
}
