package index

import (
	"fmt"
	"slices"
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
	// when short.
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

// shortActivity is the word count under which an activity's text is given
// whole rather than by its leading sentence.
const shortActivity = 45

// Extract finds the activities of the documents, in report order (regions
// in their fixed order, then files as given, then paragraphs).
func Extract(docs []*ingest.Document, opts Options) []Activity {
	period := opts.Period
	if period.IsZero() {
		period, _ = DerivePeriod(docs)
	}
	var acts []Activity
	for _, d := range reportOrder(docs) {
		acts = append(acts, extractDoc(d, period)...)
	}
	numberActivities(acts)
	return acts
}

// reportOrder sorts documents by region in the report's order, unknown
// regions last, keeping the given order otherwise.
func reportOrder(docs []*ingest.Document) []*ingest.Document {
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

// extractDoc finds the activities of one document, its paragraphs studied
// in parallel.
func extractDoc(d *ingest.Document, period Period) []Activity {
	captions := map[string]bool{}
	for _, f := range d.Figures {
		captions[strings.TrimSpace(f.Caption)] = true
	}
	for _, t := range d.Tables {
		captions[strings.TrimSpace(t.Caption)] = true
	}
	open := map[int][]*ingest.Comment{}
	for _, c := range d.Comments {
		if !c.Resolved {
			open[c.Paragraph] = append(open[c.Paragraph], c)
		}
	}
	front := map[*ingest.Paragraph]bool{}
	for _, p := range d.FrontMatter {
		front[p] = true
	}
	found := make([][]Activity, len(d.Paragraphs))
	forEach(len(d.Paragraphs), func(i int) {
		p := d.Paragraphs[i]
		text := strings.TrimSpace(p.Text)
		// Outside any section is front matter, unless the file has no
		// headings at all: then its body is all there is.
		outside := front[p] || p.Section < 0 && len(d.Sections) > 0
		if outside || p.Heading > 0 || p.InTable || text == "" || captions[text] ||
			strings.Contains(strings.ToLower(p.Style), "caption") {
			return
		}
		found[i] = extractParagraph(d, p, period, open[p.Index])
	})
	var acts []Activity
	for _, a := range found {
		acts = append(acts, a...)
	}
	return acts
}

// extractParagraph finds the activities of paragraph p of d, counting the
// open comments anchored in it.
func extractParagraph(d *ingest.Document, p *ingest.Paragraph, period Period, comments []*ingest.Comment) []Activity {
	segs := segment(p.Text, period)
	if len(segs) == 0 {
		return nil
	}
	acts := make([]Activity, len(segs))
	for i, s := range segs {
		a := s.activity(period)
		a.Region = d.Region.Code
		a.Section = sectionTitle(d, p.Section)
		a.Source = d.Path
		a.Paragraph = p.Index
		acts[i] = a
	}
	attachComments(acts, segs, comments)
	return acts
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

// attachComments counts each open comment on the activity whose text holds
// its anchor, else on the paragraph's first activity.
func attachComments(acts []Activity, segs []*seg, comments []*ingest.Comment) {
	for _, c := range comments {
		k := 0
		anchor := strings.TrimSpace(c.Anchor)
		for i, s := range segs {
			if anchor != "" && strings.Contains(s.text(), anchor) {
				k = i
				break
			}
		}
		acts[k].OpenComments++
	}
}

// seg is one activity's sentences within a paragraph: those before its
// leading sentence (context), the leading sentence, and those that go on
// about it. all holds every sentence of the paragraph, for references to
// dates and years elsewhere in it.
type seg struct {
	sents []*facts
	lead  int
	all   []*facts
}

func (s *seg) text() string {
	var parts []string
	for _, f := range s.sents {
		parts = append(parts, f.s.Text)
	}
	return strings.Join(parts, " ")
}

// segment cuts a paragraph into activities. The first sentence that
// reports something leads the first activity; a later sentence with
// strong evidence of its own (two signals or more) that does not go on
// about the current activity starts a new one.
func segment(text string, period Period) []*seg {
	var all []*facts
	for _, s := range splitSentences(text) {
		all = append(all, study(s, period))
	}
	var out []*seg
	cur := &seg{lead: -1, all: all}
	for _, f := range all {
		if cur.lead >= 0 && f.reports() && f.signals() >= 2 && !continues(f, cur.sents[cur.lead:]) {
			out = append(out, cur)
			cur = &seg{lead: -1, all: all}
		}
		cur.sents = append(cur.sents, f)
		if cur.lead < 0 && f.reports() {
			cur.lead = len(cur.sents) - 1
		}
	}
	if cur.lead >= 0 {
		out = append(out, cur)
	}
	return out
}

// activity builds the index row of a segment (without its document
// fields).
func (s *seg) activity(period Period) Activity {
	after := s.sents[s.lead:]
	a := Activity{Text: s.activityText()}
	for _, f := range after {
		if d, ok := s.mainDate(f, period); ok {
			a.Date = d
			break
		}
	}
	for _, f := range after {
		if !f.places.event.IsZero() {
			a.Place = f.places.event
			break
		}
	}
	for _, f := range after {
		if len(f.heads) > 0 {
			a.Participants = f.heads[0]
			break
		}
	}
	seen := map[string]bool{}
	for _, f := range s.sents {
		for _, c := range f.places.named {
			if !seen[c.ISO3] {
				seen[c.ISO3] = true
				a.Countries = append(a.Countries, c)
			}
		}
		a.Groups = appendNew(a.Groups, f.groups...)
		a.Recs = appendNew(a.Recs, f.recs...)
		a.Partners = appendNew(a.Partners, findPartners(f.toks)...)
	}
	return a
}

// activityText is the leading sentence, or everything from it on when that
// is short.
func (s *seg) activityText() string {
	var parts []string
	words := 0
	for _, f := range s.sents[s.lead:] {
		parts = append(parts, f.s.Text)
		words += len(strings.Fields(f.s.Text))
	}
	if words <= shortActivity {
		return strings.Join(parts, " ")
	}
	return parts[0]
}

// appendNew appends the items not yet in list.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
