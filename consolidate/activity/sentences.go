package activity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of a paragraph with its byte offset there.
type sentence struct {
	Text string
	Pos  int
}

// abbreviations end in a period that does not end a sentence.
var abbreviations = map[string]bool{
	"St": true, "Dr": true, "Mr": true, "Mrs": true, "Ms": true, "Prof": true, "No": true, "Nos": true,
	"Rev": true, "cf": true, "e.g": true, "i.e": true, "vs": true, "approx": true, "Inc": true, "Ltd": true,
	"Co": true, "Corp": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true, "Rep": true, "Dem": true,
	"Mt": true, "Hon": true, "H.E": true, "Amb": true, "Fig": true, "Vol": true, "Art": true, "para": true,
}

// splitSentences cuts a paragraph into sentences: after ".", "!" or "?"
// (and any closing quotes or brackets) followed by a space and a capital,
// a digit or an opening quote, unless the period ends an abbreviation or
// an initial ("St. Petersburg", "Lao P.D.R.") or stands inside quotes or
// brackets ("… and Services. Vision 2030”).
func splitSentences(p string) []sentence {
	var out []sentence
	start := 0
	depth := 0      // ( and [
	quoted := false // inside “…” or "…"
	for i := 0; i < len(p); {
		r, n := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(p[i:])
		}
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '“':
			quoted = true
		case '”':
			quoted = false
		case '"':
			quoted = !quoted
		case '.', '!', '?':
			end := i + n
			for end < len(p) && strings.ContainsRune(`"”’')]`, rune(p[end])) {
				end++
			}
			if depth == 0 && !quoted && endsSentence(p, i, end) {
				if s := strings.TrimSpace(p[start:end]); s != "" {
					out = append(out, sentence{Text: s, Pos: start + leadingSpace(p[start:end])})
				}
				start = end
			}
		}
		i += n
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, sentence{Text: s, Pos: start + leadingSpace(p[start:])})
	}
	return out
}

// endsSentence decides whether the mark at i (closing material up to end)
// ends a sentence.
func endsSentence(p string, i, end int) bool {
	if end >= len(p) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p[end:])
	if !unicode.IsSpace(r) {
		return false
	}
	next := strings.TrimLeftFunc(p[end:], unicode.IsSpace)
	if next == "" {
		return true
	}
	nr, _ := utf8.DecodeRuneInString(next)
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune(`"“‘'(`, nr)) {
		return false
	}
	if p[i] != '.' {
		return true
	}
	word := lastWord(p[:i])
	if abbreviations[word] {
		return false
	}
	// an initial: "P.D.R." or a single capital "J."
	if w := strings.TrimRight(word, "."); utf8.RuneCountInString(lastSegment(w)) == 1 && startsUpper(w) {
		return false
	}
	return true
}

// lastSegment is the part of an initialism after its last period.
func lastSegment(w string) string {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		return w[k+1:]
	}
	return w
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
}

// lastWord is the last word of s (as strings.Fields splits it), without
// the punctuation ",;:()" around it. It looks only at the end of s.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	return strings.Trim(s, ",;:()")
}
