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

func compareParagraphs(oldDoc, newDoc *ingest.Document, wd *wordDiffer) []ParagraphChange {
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
			Words: wd.words(a.Text, b.Text),
		})
	}
	score := func(i, j int) float64 { return wd.similarity(old[i].Text, new[j].Text) }
	for _, h := range align(texts(old), texts(new)) {
		if h.equal {
			continue
		}
		pairing := pairUp
		if pairingWork(h, old, new) > maxPairingWork {
			pairing = pairByPosition
		}
		walkHunk(h, pairing(h.old, h.new, score, minSimilarity), removed, added, changed)
	}
	return findMoved(out)
}

// findMoved makes each paragraph removed whose text a paragraph added
// has (of minMoveWords words or more) one paragraph moved, listed where
// it now stands.
func findMoved(cs []ParagraphChange) []ParagraphChange {
	removed := map[string][]int{}
	for i, c := range cs {
		if c.Change == Removed && len(strings.Fields(c.Old)) >= minMoveWords {
			removed[c.Old] = append(removed[c.Old], i)
		}
	}
	gone := map[int]bool{}
	for i := range cs {
		c := &cs[i]
		if at := removed[c.New]; c.Change == Added && len(at) > 0 {
			was := cs[at[0]]
			removed[c.New] = at[1:]
			gone[at[0]] = true
			c.Change, c.OldIndex, c.Old = Moved, was.OldIndex, was.Old
		}
	}
	out := cs[:0]
	for i, c := range cs {
		if !gone[i] {
			out = append(out, c)
		}
	}
	return out
}

// maxPairingWork bounds what pairing a hunk's paragraphs may cost: each
// old one is word-diffed with each new one, at a cost that grows with the
// product of their lengths, so the product of the hunk's old and new text
// lengths (in bytes) may be at most this; past it they pair by position.
// Real hunks are far below it (64 paragraphs of 1 KB a side: 2^32/1000).
const maxPairingWork = 1 << 32

// pairingWork is the product of the text lengths of hunk h's two sides.
func pairingWork(h hunk, old, new []*ingest.Paragraph) int {
	sum := func(ps []*ingest.Paragraph, at []int) int {
		n := 0
		for _, i := range at {
			n += len(ps[i].Text)
		}
		return n
	}
	return sum(old, h.old) * sum(new, h.new)
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
