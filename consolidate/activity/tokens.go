package activity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text. Key is the text as
// matched: apostrophes unified to ' and dashes to -, so that "N’Djamena"
// and "N'Djamena" compare equal; Lower is Key lower-cased. Pos and End are
// the token's byte span in the text, and Gap tells that white space comes
// before it ("9-12" has none around its dash, "9 - 12" has). role is what
// the word can be, from the lexicon.
type token struct {
	Key, Lower string
	Pos, End   int32 // a sentence is far shorter than 2 GiB
	role       wordRole
	Word, Gap  bool
}

// tokenize splits s into words (letters, digits and apostrophes) and single
// punctuation marks; white space separates tokens and is dropped. A key is
// a slice of s unless folding changes it, so most tokens cost no copy.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1) // rarely more than a token every five bytes
	gap := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && asciiClass[c] == asciiSpace {
			gap = true
			i++
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c < utf8.RuneSelf && asciiClass[c] == asciiWord || c >= utf8.RuneSelf && isWordRune(r):
			j := wordEnd(s, i)
			toks = append(toks, token{Key: foldKey(s[i:j]), Word: true, Pos: int32(i), End: int32(j), Gap: gap})
			i = j
		case unicode.IsSpace(r):
			gap = true
			i += n
			continue
		default:
			key := s[i : i+n]
			// a byte that is not UTF-8 reads as U+FFFD, as it is written
			if f := foldPunct(r); f != r || r == utf8.RuneError {
				key = string(f)
			}
			toks = append(toks, token{Key: key, Pos: int32(i), End: int32(i + n), Gap: gap})
			i += n
		}
		gap = false
		t := &toks[len(toks)-1]
		t.Lower = lowerKey(t.Key)
		if t.Word {
			t.role = lexicon[t.Lower]
		}
	}
	return toks
}

// The classes of ASCII bytes, looked up rather than asked of package
// unicode: most text is ASCII.
const (
	asciiOther = iota
	asciiSpace
	asciiWord
)

var asciiClass = func() (c [utf8.RuneSelf]byte) {
	for b := range utf8.RuneSelf {
		switch {
		case unicode.IsSpace(rune(b)):
			c[b] = asciiSpace
		case isWordRune(rune(b)):
			c[b] = asciiWord
		}
	}
	return c
}()

// wordEnd is the end of the word starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c] != asciiWord {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// foldKey unifies the apostrophes of a word, copying it only when one
// needs it.
func foldKey(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] == '`' || w[i] >= utf8.RuneSelf && strings.ContainsFunc(w, func(r rune) bool { return foldPunct(r) != r }) {
			return strings.Map(foldPunct, w)
		}
	}
	return w
}

// lowerKey lower-cases a key, copying it only when it has a capital.
func lowerKey(k string) string {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(k)
		}
	}
	return k
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

// Normalize folds apostrophes and dashes, collapses white space and
// lower-cases s: the form in which texts are compared loosely.
func Normalize(s string) string {
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

// isDigits reports whether s is all ASCII digits (and not empty).
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// wordSet makes a set of the space-separated words of a list.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
