package diff

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// codec maps whole units (paragraphs, words) to single runes so that
// diffmatchpatch, which diffs characters, diffs those units instead: a
// word-level or paragraph-level diff with its well-tested algorithm.
type codec struct {
	index map[string]rune
	units []string
}

func newCodec() *codec { return &codec{index: map[string]rune{}} }

// encode returns one rune per unit, giving a new unit the next free rune.
func (c *codec) encode(units []string) []rune {
	out := make([]rune, len(units))
	for i, u := range units {
		r, ok := c.index[u]
		if !ok {
			r = codeRune(len(c.units))
			c.index[u] = r
			c.units = append(c.units, u)
		}
		out[i] = r
	}
	return out
}

// decode turns a diff over encoded runes back into the units' text.
func (c *codec) decode(text string) []string {
	var out []string
	for _, r := range text {
		out = append(out, c.units[unitIndex(r)])
	}
	return out
}

// codeRune gives unit i a rune that is valid in a Go string: it starts
// past the ASCII range and jumps over the UTF-16 surrogates.
func codeRune(i int) rune {
	r := rune(0x100 + i)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func unitIndex(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r - 0x100)
}

// maxUnits is how many distinct units the rune encoding can carry.
const maxUnits = utf8.MaxRune - 0x100 - 0x800

// tokens splits text into words, runs of spaces and single punctuation
// marks, so that a word diff never splits a word and keeps spacing exact.
func tokens(text string) []string {
	var out []string
	start := -1
	kind := 0
	flush := func(i int) {
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	for i, r := range text {
		k := tokenKind(r)
		if start >= 0 && (k != kind || k == punctKind) {
			flush(i)
		}
		if start < 0 {
			start, kind = i, k
		}
	}
	flush(len(text))
	return out
}

const (
	wordKind = iota
	spaceKind
	punctKind
)

func tokenKind(r rune) int {
	switch {
	case unicode.IsSpace(r):
		return spaceKind
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’' || r == '-':
		return wordKind
	}
	return punctKind
}

// Op is what a piece of a word diff does.
type Op string

// The operations of a word diff.
const (
	Equal  Op = "="
	Delete Op = "-"
	Insert Op = "+"
)

// Edit is one piece of a word-level diff of two texts.
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Words diffs two texts word by word: the pieces, in order, that are kept,
// deleted from old or inserted in new.
func Words(old, new string) []Edit {
	return (*wordDiffer)(nil).words(old, new)
}

// wordDiffer word-diffs the paragraphs of one comparison within a time
// budget: past its deadline, every diff is the coarse one (common start,
// old middle, new middle, common end), which costs a pass over the text.
// Real comparisons take well under a second; the budget keeps a hostile
// pair of documents (thousands of long paragraphs that share nothing)
// from taking hours.
type wordDiffer struct {
	deadline time.Time
	// coarse is set once a diff was made coarse for the deadline.
	coarse bool
}

// wordDiffTime is a comparison's budget for word diffs.
const wordDiffTime = 15 * time.Second

func newWordDiffer() *wordDiffer { return &wordDiffer{deadline: time.Now().Add(wordDiffTime)} }

// words is Words within w's budget; a nil w has none.
func (w *wordDiffer) words(old, new string) []Edit {
	ta, tb := tokens(old), tokens(new)
	late := w != nil && time.Now().After(w.deadline)
	if edits, beyond := coarseWords(ta, tb, late); beyond {
		if late {
			w.coarse = true
		}
		return edits
	}
	c := newCodec()
	a, b := c.encode(ta), c.encode(tb)
	if len(c.units) > maxUnits {
		return []Edit{{Delete, old}, {Insert, new}}
	}
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	var out []Edit
	for _, d := range diffs {
		text := strings.Join(c.decode(d.Text), "")
		if text == "" {
			continue
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			continue
		}
		out = append(out, Edit{op, text})
	}
	return out
}

// maxWordTokens is the most words, spaces and marks that the changed
// middle of two texts (their common start and end aside) may hold for a
// word diff; past it the middle is one deletion and one insertion. The
// diff's cost grows with the square of the tokens (two unlike middles of
// 2,000 tokens each: 70 ms), and the longest real paragraph holds about
// 2,600 of them.
const maxWordTokens = 4000

// coarseWords is the diff of texts whose changed middle is past
// maxWordTokens (or of any texts, with always): the common start, the old
// middle, the new middle, the common end. ok is false when the middle is
// within the cap and always is false.
func coarseWords(a, b []string, always bool) (edits []Edit, ok bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	if len(a)+len(b)-2*(pre+suf) <= maxWordTokens && !always {
		return nil, false
	}
	for _, e := range []Edit{
		{Equal, strings.Join(a[:pre], "")},
		{Delete, strings.Join(a[pre:len(a)-suf], "")},
		{Insert, strings.Join(b[pre:len(b)-suf], "")},
		{Equal, strings.Join(a[len(a)-suf:], "")},
	} {
		if e.Text != "" {
			edits = append(edits, e)
		}
	}
	return edits, true
}

// similarity is the share of words two texts have in common, from 0 (none)
// to 1 (the same words), by the length of the kept text.
func (w *wordDiffer) similarity(old, new string) float64 {
	if old == new {
		return 1
	}
	total := len(old) + len(new)
	if total == 0 {
		return 1
	}
	kept := 0
	for _, e := range w.words(old, new) {
		if e.Op == Equal && strings.TrimSpace(e.Text) != "" {
			kept += 2 * len(e.Text)
		}
	}
	return float64(kept) / float64(total)
}
