package ingest

import (
	"path/filepath"
	"strings"
	"unicode"
)

// regionWords lists, per region code, the words and phrases that name the
// region: its code, its names in English and French, and its office's city.
// They are matched as whole words after case and accent folding, so "CIS"
// does not match inside "decision".
var regionWords = map[string][]string{
	"AFR": {"afr", "africa", "afrique", "african", "addis ababa", "addis abeba"},
	"AMS": {"ams", "americas", "america", "ameriques", "amerique", "americas region", "brasilia"},
	"ARB": {"arb", "arab", "arabe", "arabes", "cairo", "caire"},
	"ASP": {"asp", "asia", "asie", "asia pacific", "pacific", "pacifique", "bangkok"},
	"CIS": {"cis", "cei", "commonwealth of independent states", "moscow", "moscou"},
	"EUR": {"eur", "europe", "european", "geneva", "geneve", "genf"},
}

// DetectRegion names the region a contribution reports on from, in order of
// trust, the text of its region heading, its file name and its core title.
// The first of the three that names a region decides; within one text the
// region named first wins. Evidence records which text decided.
func DetectRegion(heading, fileName, title string) Region {
	sources := []struct {
		label, text string
		// anyCase lets a region code match in lower case too ("afr"):
		// file names are written carelessly, prose is not, and "ams" or
		// "asp" in prose is rarely a region.
		anyCase bool
	}{
		{"heading", heading, false},
		{"file name", filepath.Base(fileName), true},
		{"title", title, false},
	}
	for _, src := range sources {
		if strings.TrimSpace(src.text) == "" || src.text == "." {
			continue
		}
		if code := regionIn(src.text, src.anyCase); code != "" {
			return Region{Code: code, Evidence: src.label + ": " + strings.TrimSpace(src.text)}
		}
	}
	return Region{}
}

// regionIn returns the code of the region named first in text, or "".
// Unless anyCase, a region code counts only when written in capitals.
func regionIn(text string, anyCase bool) string {
	words := foldWords(text)
	best, bestAt := "", len(words)
	for _, info := range Regions {
		for _, phrase := range regionWords[info.Code] {
			at := indexPhrase(words, strings.Fields(phrase))
			if at >= 0 && !anyCase && strings.EqualFold(phrase, info.Code) && !capitalised(text, phrase) {
				at = -1
			}
			if at >= 0 && at < bestAt {
				best, bestAt = info.Code, at
			}
		}
	}
	return best
}

// capitalised reports whether a region code stands in text in capitals
// as a whole word.
func capitalised(text, code string) bool {
	upper := strings.ToUpper(code)
	for i := strings.Index(text, upper); i >= 0; {
		before, after := i == 0, i+len(upper) == len(text)
		if !before {
			r := rune(text[i-1])
			before = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if !after {
			r := rune(text[i+len(upper)])
			after = !unicode.IsLetter(r)
		}
		if before && after {
			return true
		}
		next := strings.Index(text[i+1:], upper)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// indexPhrase returns the position of the word sequence phrase in words,
// or -1.
func indexPhrase(words, phrase []string) int {
	for i := 0; i+len(phrase) <= len(words); i++ {
		match := true
		for j, w := range phrase {
			if words[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// foldWords lower-cases text, strips accents and splits it into words of
// letters or of digits ("AFR2025" gives "afr", "2025").
func foldWords(text string) []string {
	var (
		words []string
		cur   strings.Builder
		kind  int // 0 none, 1 letters, 2 digits
	)
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range text {
		k := 0
		switch {
		case unicode.IsLetter(r):
			k = 1
		case unicode.IsDigit(r):
			k = 2
		}
		if k != kind {
			flush()
			kind = k
		}
		if k != 0 {
			cur.WriteString(foldRune(r))
		}
	}
	flush()
	return words
}

// accents maps accented Latin letters to their base letter.
var accents = func() map[rune]string {
	m := map[rune]string{}
	for base, list := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "e": "èéêëēĕėęě", "i": "ìíîïĩīĭįı",
		"n": "ñńņňŉ", "o": "òóôõöøōŏő", "u": "ùúûüũūŭůűų", "y": "ýÿŷ",
		"s": "śŝşšș", "z": "źżž", "g": "ĝğġģ", "d": "ďđ", "l": "ĺļľŀł", "r": "ŕŗř", "t": "ţťŧț",
		"ss": "ß", "ae": "æ", "oe": "œ",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

func foldRune(r rune) string {
	r = unicode.ToLower(r)
	if s, ok := accents[r]; ok {
		return s
	}
	return string(r)
}
