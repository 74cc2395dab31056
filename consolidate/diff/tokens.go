package diff

import (
	"strings"
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
	c := newCodec()
	a, b := c.encode(tokens(old)), c.encode(tokens(new))
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

// similarity is the share of words two texts have in common, from 0 (none)
// to 1 (the same words), by the length of the kept text.
func similarity(old, new string) float64 {
	if old == new {
		return 1
	}
	total := len(old) + len(new)
	if total == 0 {
		return 1
	}
	kept := 0
	for _, e := range Words(old, new) {
		if e.Op == Equal && strings.TrimSpace(e.Text) != "" {
			kept += 2 * len(e.Text)
		}
	}
	return float64(kept) / float64(total)
}
