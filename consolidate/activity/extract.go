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
// in their fixed order, then files as given, then paragraphs), and gives
// the reporting period it completed their dates with.
func Extract(docs []*ingest.Document, opts Options) ([]Activity, Period) {
	var work []*docText
	for _, d := range ReportOrder(docs) {
		work = append(work, readDoc(d))
	}
	period := opts.Period
	if period.IsZero() {
		period, _ = derivePeriod(work)
	}
	var acts []Activity
	for _, w := range work {
		acts = append(acts, w.activities(period)...)
	}
	numberActivities(acts)
	return acts, period
}

// docText is a document read for extraction: its blocks (stage 1), and the
// sentences of each block read once.
type docText struct {
	d      *ingest.Document
	blocks []Block
	sents  [][]*facts // by block; nil for a table row
}

// readDoc reads a document's blocks and their sentences, in parallel.
func readDoc(d *ingest.Document) *docText {
	w := &docText{d: d, blocks: blocksOf(d)}
	w.sents = make([][]*facts, len(w.blocks))
	forEach(len(w.blocks), func(i int) {
		if w.blocks[i].Kind != TableRow {
			for _, s := range splitSentences(w.blocks[i].Text) {
				w.sents[i] = append(w.sents[i], read(s))
			}
		}
	})
	return w
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

// activities runs the rest of the pipeline on a document read: each
// sentence judged, the blocks cut into activities (stage 2) and their
// fields read (stage 3) into rows (stage 4).
func (w *docText) activities(period Period) []Activity {
	d, blocks, studied := w.d, w.blocks, w.sents
	forEach(len(blocks), func(i int) {
		for _, f := range studied[i] {
			f.judge(period)
		}
	})
	open := map[int][]*ingest.Comment{}
	for _, c := range d.Comments {
		if !c.Resolved {
			open[c.Paragraph] = append(open[c.Paragraph], c)
		}
	}
	// segmentation runs in order: what a block continues depends on the
	// activities before it
	var segs []*seg
	var rows []Activity        // a table row's activity, by the index in segs
	prior := map[string]bool{} // the event nouns of the section's activities so far
	section, sectionStart := -2, 0
	for i := range blocks {
		b := &blocks[i]
		if b.Section != section {
			section, sectionStart, prior = b.Section, len(segs), map[string]bool{}
		}
		if b.Kind == TableRow {
			if a, ok := tableActivity(b, period); ok && !restates(a, rows, segs, sectionStart, period) {
				segs, rows = append(segs, &seg{block: b}), append(rows, a)
				addNouns(prior, tokenize(b.Cells[roleEvent]))
			}
			continue
		}
		for _, s := range segmentBlock(b, studied[i], prior, period) {
			segs, rows = append(segs, s), append(rows, Activity{})
			for n := range s.nouns() {
				prior[n] = true
			}
		}
	}
	forEach(len(segs), func(i int) {
		if segs[i].sents != nil {
			rows[i] = segs[i].activity(period)
		}
	})
	for i, s := range segs {
		b := s.block
		a := &rows[i]
		a.Region, a.Section, a.Source, a.Paragraph = d.Region.Code, sectionTitle(d, b.Section), d.Path, b.Paragraph
	}
	attachComments(rows, segs, open)
	return rows
}

// addNouns adds the event nouns among toks to a set.
func addNouns(set map[string]bool, toks []token) {
	for i := range toks {
		if toks[i].is(roleEventNoun) {
			set[nounKey(toks[i].Lower)] = true
		}
	}
}

// restates reports whether a table row's activity repeats one the text of
// its section already reported, as a summary table does: same dates and
// same city. from is where the section's activities start in segs.
func restates(a Activity, rows []Activity, segs []*seg, from int, period Period) bool {
	if a.Date.IsZero() || a.Place.City == "" {
		return false
	}
	for i := from; i < len(segs); i++ {
		o := rows[i]
		if s := segs[i]; s.sents != nil {
			o.Date, o.Place = s.date(period), s.place()
		}
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

// attachComments counts each open comment of a paragraph on the activity
// of that paragraph whose text holds its anchor, else on the paragraph's
// first activity.
func attachComments(acts []Activity, segs []*seg, open map[int][]*ingest.Comment) {
	for i := 0; i < len(acts); {
		para := segs[i].block.Paragraph
		j := i
		for j < len(acts) && segs[j].block.Paragraph == para {
			j++
		}
		for _, c := range open[para] {
			k := i
			anchor := strings.TrimSpace(c.Anchor)
			for n := i; n < j; n++ {
				if anchor != "" && strings.Contains(acts[n].Text, anchor) {
					k = n
					break
				}
			}
			acts[k].OpenComments++
		}
		i = j
	}
}
