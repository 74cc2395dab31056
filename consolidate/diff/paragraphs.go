package diff

import (
	"strings"

	"tsagmerge/ingest"
)

// minSimilarity is how alike two paragraphs must be to count as one
// paragraph changed rather than one removed and another added.
const minSimilarity = 0.5

// bodyParagraphs lists the paragraphs diff compares: every non-empty
// paragraph that is not a heading (headings are compared as sections).
func bodyParagraphs(d *ingest.Document) []*ingest.Paragraph {
	var out []*ingest.Paragraph
	for _, p := range d.Paragraphs {
		if p.Heading == 0 && strings.TrimSpace(p.Text) != "" {
			out = append(out, p)
		}
	}
	return out
}

func compareParagraphs(oldDoc, newDoc *ingest.Document) []ParagraphChange {
	old, new := bodyParagraphs(oldDoc), bodyParagraphs(newDoc)
	var out []ParagraphChange
	removed := func(i int) {
		p := old[i]
		out = append(out, ParagraphChange{Change: Removed, Section: sectionOf(oldDoc, p), OldIndex: p.Index, Old: p.Text})
	}
	added := func(j int) {
		p := new[j]
		out = append(out, ParagraphChange{Change: Added, Section: sectionOf(newDoc, p), NewIndex: p.Index, New: p.Text})
	}
	changed := func(pr pair) {
		a, b := old[pr.old], new[pr.new]
		out = append(out, ParagraphChange{
			Change: Changed, Section: sectionOf(newDoc, b),
			OldIndex: a.Index, NewIndex: b.Index, Old: a.Text, New: b.Text,
			Words: Words(a.Text, b.Text),
		})
	}
	score := func(i, j int) float64 { return similarity(old[i].Text, new[j].Text) }
	for _, h := range align(texts(old), texts(new)) {
		if h.equal {
			continue
		}
		walkHunk(h, pairUp(h.old, h.new, score, minSimilarity), removed, added, changed)
	}
	return out
}

func texts(ps []*ingest.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

// sectionOf names the section holding p, or "(front matter)".
func sectionOf(d *ingest.Document, p *ingest.Paragraph) string {
	if p.Section >= 0 && p.Section < len(d.Sections) {
		return d.Sections[p.Section].Title
	}
	return "(front matter)"
}
