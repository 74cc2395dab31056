package check

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The cutters of this file split a paragraph into clauses, list items and
// words. They are hand-written scanners, not regular expressions: they run
// on every paragraph, and Go's regexp tries a pattern that starts with a
// class at every byte of the text. Each is the regexp named in its comment
// (pieces_test.go holds them and checks the two agree), so "blank" below is
// \s as Go's regexp has it: ASCII tab, newline, form feed, return, space.

// piece is a stretch of a paragraph's text, by byte offsets.
type piece struct{ start, end int }

// isBlank reports whether b is a blank (\s).
func isBlank(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// clauses yields the clauses of text, cut at every clause break,
// `[.;:!?]\s+|[()\[\]]`: sentence punctuation followed by blanks, or a
// bracket, so that a list in parentheses is a clause of its own. They are
// yielded, not collected, as most are passed over.
func clauses(text string) iter.Seq[piece] {
	return func(yield func(piece) bool) {
		start := 0
		for i := 0; i < len(text); i++ {
			end := i // end of the break starting at i, if one does
			switch clauseBreaks[text[i]] {
			case breakBracket:
				end = i + 1
			case breakStop:
				if end = blanksAfter(text, i+1); end == i+1 {
					end = i // no blank follows: "X.1280", "3:2", the text's end
				}
			}
			if end > i {
				if !yield(piece{start, i}) {
					return
				}
				start, i = end, end-1
			}
		}
		yield(piece{start, len(text)})
	}
}

// The bytes that may break a clause: a bracket always does, sentence
// punctuation when blanks follow it. A table, as clauses looks up every
// byte of a paragraph.
const (
	breakBracket = 1 + iota
	breakStop
)

var clauseBreaks = [256]uint8{
	'(': breakBracket, ')': breakBracket, '[': breakBracket, ']': breakBracket,
	'.': breakStop, ';': breakStop, ':': breakStop, '!': breakStop, '?': breakStop,
}

// blanksAfter returns the end of the run of blanks starting at i.
func blanksAfter(text string, i int) int {
	for i < len(text) && isBlank(text[i]) {
		i++
	}
	return i
}

// commaItems cuts the stretch in of text at its commas.
func commaItems(text string, in piece) []piece {
	var out []piece
	start := in.start
	for {
		i := strings.IndexByte(text[start:in.end], ',')
		if i < 0 {
			return append(out, piece{start, in.end})
		}
		out = append(out, piece{start, start + i})
		start += i + 1
	}
}

// conjunctions join the last two items of a list.
var conjunctions = []string{"and", "or", "&"}

// lastConjunction finds in s the last match of `\s(?:and|or|&)\s` when the
// matches are taken left to right without overlapping, as a regexp's
// FindAll takes them: in " and and " that is the first " and ", whose
// closing blank the second would need.
func lastConjunction(s string) (piece, bool) {
	var last piece
	found := false
	for i := 0; i < len(s); i++ {
		if !isBlank(s[i]) {
			continue
		}
		for _, c := range conjunctions {
			end := i + 1 + len(c)
			if end < len(s) && s[i+1:end] == c && isBlank(s[end]) {
				last, found = piece{i, end + 1}, true
				i = end // the next match starts after this one
				break
			}
		}
	}
	return last, found
}

// lastWords returns the last n words of the stretch p of text (all of
// them when it has fewer), in text order. Words are runs of non-blanks
// (`\S+`). Only the end of a piece can hold a lead-in's item, and the
// piece may be a long stretch of prose.
func lastWords(text string, p piece, n int) []piece {
	out := make([]piece, n)
	k := n
	for i := p.end; i > p.start && k > 0; {
		if isBlank(text[i-1]) {
			i--
			continue
		}
		end := i
		for i > p.start && !isBlank(text[i-1]) {
			i--
		}
		k--
		out[k] = piece{i, end}
	}
	return out[k:]
}

// countFields returns how many words strings.Fields would find in s (words
// separated by Unicode spaces), counting no further than limit, without
// making the slice.
func countFields(s string, limit int) int {
	n, inWord := 0, false
	for i := 0; i < len(s) && n <= limit; {
		space, size := asciiSpace[s[i]&0x7f], 1 // spaceAt, inlined for ASCII
		if s[i] >= utf8.RuneSelf {
			space, size = spaceAt(s, i)
		}
		if space {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
		i += size
	}
	return n
}

// spaceAt reports whether the character at s[i] is a Unicode space, and
// its length in bytes. It is too big for Go to inline, so the loops over
// whole paragraphs look ASCII, nearly all of the text, up in asciiSpace
// themselves and call it for the other characters.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}

// asciiSpace tells the ASCII characters that unicode.IsSpace calls spaces.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isOneLine reports whether s is already what oneLine makes of it: words
// separated by single ASCII spaces, nothing before the first nor after the
// last. Most texts are, and then need no copy.
func isOneLine(s string) bool {
	afterSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		space, size := asciiSpace[s[i]&0x7f], 1 // spaceAt, inlined for ASCII
		if s[i] >= utf8.RuneSelf {
			space, size = spaceAt(s, i)
		}
		if space && (s[i] != ' ' || afterSpace) {
			return false
		}
		afterSpace = space
		i += size
	}
	return !afterSpace || s == ""
}
