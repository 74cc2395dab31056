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
	var out []ParagraphChange
	for _, r := range lineUp(bodyParagraphs(oldDoc), bodyParagraphs(newDoc), wd) {
		switch r.change {
		case Removed:
			out = append(out, ParagraphChange{Change: Removed, Section: sectionOf(oldDoc, r.old), OldIndex: r.old.Index, Old: r.old.Text})
		case Added:
			out = append(out, ParagraphChange{Change: Added, Section: sectionOf(newDoc, r.new), NewIndex: r.new.Index, New: r.new.Text})
		case Changed:
			out = append(out, ParagraphChange{
				Change: Changed, Section: sectionOf(newDoc, r.new),
				OldIndex: r.old.Index, NewIndex: r.new.Index, Old: r.old.Text, New: r.new.Text, Words: r.words,
			})
		}
	}
	return findMoved(out)
}

// lineRow is one row of two versions' paragraphs lined up: a paragraph
// in both (change "", the same text, or Changed, with its word diff), or
// in one of them only (Removed, Added).
type lineRow struct {
	change   Change
	old, new *ingest.Paragraph
	words    []Edit
}

// lineUp lines up two lists of paragraphs: by text, then, in each stretch
// that differs, pairing the paragraphs alike enough (by position when
// comparing each with each would cost too much).
func lineUp(old, new []*ingest.Paragraph, wd *wordDiffer) []lineRow {
	var out []lineRow
	removed := func(i int) { out = append(out, lineRow{change: Removed, old: old[i]}) }
	added := func(j int) { out = append(out, lineRow{change: Added, new: new[j]}) }
	changed := func(pr pair) {
		a, b := old[pr.old], new[pr.new]
		out = append(out, lineRow{change: Changed, old: a, new: b, words: wd.words(a.Text, b.Text)})
	}
	score := func(i, j int) float64 { return wd.similarity(old[i].Text, new[j].Text) }
	for _, h := range align(texts(old), texts(new)) {
		if h.equal {
			for k := range h.old {
				out = append(out, lineRow{old: old[h.old[k]], new: new[h.new[k]]})
			}
			continue
		}
		pairing := pairUp
		if pairingWork(h, old, new) > maxPairingWork {
			pairing = pairByPosition
		}
		walkHunk(h, pairing(h.old, h.new, score, minSimilarity), removed, added, changed)
	}
	return out
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
