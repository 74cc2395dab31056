package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text. Key is the text as
// matched: apostrophes unified to ' and dashes to -, so that "N’Djamena"
// and "N'Djamena" compare equal.
type token struct {
	Key  string
	Word bool
}

// tokenize splits s into words (letters, digits and apostrophes) and single
// punctuation marks; white space separates tokens and is dropped. A key is
// a slice of s unless folding changes it, so most tokens cost no copy.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/4+1) // rarely more than a token every four bytes
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j, folded := i, false
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r2) {
					break
				}
				folded = folded || foldPunct(r2) != r2
				j += n2
			}
			key := s[i:j]
			if folded {
				key = strings.Map(foldPunct, key)
			}
			toks = append(toks, token{Key: key, Word: true})
			i = j
		default:
			key := s[i : i+n]
			// a byte that is not UTF-8 reads as U+FFFD, as it is written
			if f := foldPunct(r); f != r || r == utf8.RuneError {
				key = string(f)
			}
			toks = append(toks, token{Key: key})
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
