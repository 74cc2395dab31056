package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text, with its byte span in
// that text. Key is the text as matched: apostrophes unified to ' and
// dashes to -, so that "N’Djamena" and "N'Djamena" compare equal.
type token struct {
	Key        string
	Start, End int
	Word       bool
}

// tokenize splits s into words (letters, digits and apostrophes) and single
// punctuation marks; white space separates tokens and is dropped.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i
			var b strings.Builder
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				b.WriteRune(foldPunct(r2))
				j += n2
			}
			toks = append(toks, token{Key: b.String(), Start: i, End: j, Word: true})
			i = j
		default:
			toks = append(toks, token{Key: string(foldPunct(r)), Start: i, End: i + n})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || isApostrophe(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '`':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

// foldPunct maps every apostrophe to ' and every dash to -.
func foldPunct(r rune) rune {
	switch {
	case isApostrophe(r):
		return '\''
	case isDash(r):
		return '-'
	}
	return r
}

// normalize folds apostrophes and dashes, collapses white space and
// lower-cases s: the form in which texts are compared loosely.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(foldPunct(r)))
	}
	return b.String()
}
