package index

import (
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// startPatterns are the patterns startRegexp is checked on: the package's
// own, and some that use what they do not (case folding, \B, non-ASCII
// classes, a word boundary after an optional lead).
func startPatterns() map[string]*startRegexp {
	m := map[string]*startRegexp{}
	for _, p := range []string{
		`(?i:from|between)?\s*\b\d+`,
		`\Bab+`,
		`[^a-z ]+x`,
		`é+|\bñ`,
		`(?i)k\w*`,
		`(?:foo\s+)?\bbar\b`,
		`_\w+|\b-\d`,
		`.a`,
		`ab|a`,
		`x(?:y|)z?`,
		`(?i:xy)+q`,
		`[a-c]{2,}d|\d{1}e`,
		`ñ[^a]`,
		`x{2,3}y`,
		`(?:ab){2}c|\b(?:a|b){0,2}x`,
		`Côte d\w`,
		`a?b?c?d`,
		`\d{1,3}(?:,\d{3})+|\d+ ?ab`,
	} {
		m[p] = lazyStartRegexp(p)
	}
	return m
}

// startTexts are texts to try the patterns on: every paragraph and
// sentence of the sample contributions, lower-cased too, and edge cases.
func startTexts(t *testing.T) []string {
	texts := []string{
		"", "x", "therefrom 5 to 7 May", "x5 September 2025", "a_5 September", "from5 May", "Between 1 and 2 June",
		"bar foo  bar foobar", "éé ñx ñ", "\ufffd5 May", "\xff5 May\xe2\x80", "K\u212a kelvin", "_ab -1 a-1",
		"SG20 and SG3RG-LAC met; ITU-T X.1280 and X.1220/X.nspam", "approx. 40 participants, over 1,200 people", "la Côte dIvoire", "xxy xxxy", "ababc abx", "Le 5–7 May",
	}
	for _, d := range textDocs(t) {
		for _, p := range d.Paragraphs {
			texts = append(texts, p.Text, asciiLower(p.Text))
			for _, s := range splitSentences(p.Text) {
				texts = append(texts, s.Text)
			}
		}
	}
	return texts
}

func TestStartRegexpFindsWhatRegexpFinds(t *testing.T) {
	patterns := startPatterns()
	for i, f := range dateForms {
		patterns["date form "+string(rune('0'+i))] = f.re
	}
	patterns["participants"] = participantsPattern
	patterns["recommendations"] = recPattern
	patterns["period reference"] = refPattern
	for name, x := range map[string]*startRegexp{"SG": sgPattern, "Study Group": studyGroup, "FG": fgAcronym,
		"Focus Group": fgLong, "TSAG": tsagPattern} {
		patterns[name] = x
	}
	texts := startTexts(t)
	// and random texts made of the pieces dates, counts and names are
	// made of
	pieces := []string{" ", "  ", "-", "–", ",", ".", "(", ")", "ab", "x", "y", "c", "d", "Côte", "1,200", "5", "12", "31", "2025", "th", "of", "from", "Between",
		"and", "to", "May", "Sept", "September", "Dec.", "in", "late", "more than", "40", "participants", "X.", "1280",
		"ITU-T", "SG", "é", "_", "\xff", "period", "this"}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for name, x := range patterns {
		for _, s := range texts {
			want := x.compiled().re.FindAllStringSubmatchIndex(s, -1)
			if got := x.findAll(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: found %v, want %v", name, s, got, want)
			}
		}
	}
}

func FuzzStartRegexp(f *testing.F) {
	for _, s := range []string{"from 5 to 7 May 2025", "x5 May", "more than 40 participants", "ITU-T X.1280", "é_ab"} {
		f.Add(s)
	}
	patterns := startPatterns()
	patterns["date form 1"] = dateForms[1].re
	patterns["participants"] = participantsPattern
	f.Fuzz(func(t *testing.T, s string) {
		for name, x := range patterns {
			want := x.compiled().re.FindAllStringSubmatchIndex(s, -1)
			if got := x.findAll(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: found %v, want %v", name, s, got, want)
			}
		}
	})
}

func TestStartRegexpRefusesEmptyMatches(t *testing.T) {
	for _, p := range []string{`\b`, `a*`, `(?:x|)`, `\s*\b`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: accepted a pattern that can match the empty text", p)
				}
			}()
			compileStart(p)
		}()
	}
}

func TestAnyOfMatchesAsTheAlternation(t *testing.T) {
	for name, patterns := range map[string][]string{
		"general": {`coordinat\w*\s+(?:closely\s+)?with\s+(?:the\s+)?tsb`, `\bcontinu(?:e|es|ed)\s+to\b`, `\bperiodic(?:al)?(?:ly)?\b`,
			`(?:has|have)\s+(?:also\s+)?been\s+providing\s+support`, `as\s+per\s+tsb\s+request`},
		"framing": {`what\s+follows`, `\baims?\s+to\b`, `main\s+objective`},
		"folded":  {`(?i)tsb\s+x`, `(?i:abc)d`, `x`},
		"choices": {`\b(?:is|are)\s+(?:supporting|promoting)\s+(?:tsb|itu)`, `(?:a|bc)d`},
	} {
		a := mustAnyOf(patterns...)
		alt := regexp.MustCompile("(?:" + strings.Join(patterns, ")|(?:") + ")")
		texts := append(startTexts(t), "continues to", "it continued  to", "periodically", "PERIODIC", "TSB X", "ABCd", "abcD",
			"have also been providing support", "coordinated closely with the tsb", "is promoting itu", "are  supporting tsb", "bcd", "ad")
		for _, s := range texts {
			for _, s := range []string{s, strings.ToLower(s)} {
				if got, want := a.MatchString(s), alt.MatchString(s); got != want {
					t.Errorf("%s on %q: %v, the alternation says %v", name, s, got, want)
				}
			}
		}
	}
}

func TestRequiredLiterals(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    []string
	}{
		{`coordinat\w*\s+(?:closely\s+)?with\s+(?:the\s+)?tsb`, []string{"coordinat"}},
		{`\bcontinu(?:e|es|ed)\s+to\b`, []string{"continu"}},
		{`(?:has|have)\s+been`, []string{"been"}},
		{`\b(?:is|are)\s+(?:supporting|facilitating|promoting)\s+(?:tsb|the\s+x)`, []string{"supporting", "facilitating", "promoting"}},
		{`(?i)tsb\s+x`, nil},
		{`abc`, []string{"abc"}},
		{`a|bc`, []string{"a", "bc"}},
		{`a|b+`, nil},
	} {
		if got := requiredLiterals(c.pattern); !reflect.DeepEqual(got, c.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
}
