package check

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regular expressions the cutters of pieces.go stand for: the
// definition each must keep to.
var (
	clauseBreakRE = regexp.MustCompile(`[.;:!?]\s+|[()\[\]]`)
	conjunctionRE = regexp.MustCompile(`\s(?:and|or|&)\s`)
	wordRE        = regexp.MustCompile(`\S+`)
)

// reSplit cuts the stretch in of text at every match of sep.
func reSplit(text string, in piece, sep *regexp.Regexp) []piece {
	var out []piece
	start := in.start
	for _, m := range sep.FindAllStringIndex(text[in.start:in.end], -1) {
		out = append(out, piece{start, in.start + m[0]})
		start = in.start + m[1]
	}
	return append(out, piece{start, in.end})
}

// cutterTexts are texts whose cuts are easy to get wrong.
var cutterTexts = []string{
	"", " ", ".", ". ", "a.b", "End.", "Yes!! Really?\tNo:\r\n\fthen; so",
	"(a, b) [c] ((", "X.1280 and 3:2, etc.  Next",
	"Chad, Gabon, Niger, and Gabon.", " and and ", "a and or b", "a & b &\tc", "x\u00a0and\u00a0y, z and",
	"Trinidad and Tobago, Jamaica or Barbados", "and", " or", "band orchestra and",
	" Eswatini", "\u3000Ghana Kenya\u00a0", " two  spaces ",
	"tabs\tand\nnewlines\vvertical\u0085next\u2003em", "\xffbad, utf8 \xfe and x",
	"Ethiopia, Eswatini, The Gambia, South Sudan, Ghana, Zimbabwe, Malawi, Lesotho, Ethiopia, Burkina Faso and Gabon.",
}

func TestClauses(t *testing.T) {
	for _, text := range cutterTexts {
		if got, want := slices.Collect(clauses(text)), reSplit(text, piece{0, len(text)}, clauseBreakRE); !reflect.DeepEqual(got, want) {
			t.Errorf("clauses(%q) = %v; the regexp gives %v", text, got, want)
		}
	}
}

func TestCommaItems(t *testing.T) {
	for _, text := range cutterTexts {
		for _, in := range []piece{{0, len(text)}, {len(text) / 3, len(text) - len(text)/3}} {
			if got, want := commaItems(text, in), reSplit(text, in, regexp.MustCompile(`,`)); !reflect.DeepEqual(got, want) {
				t.Errorf("commaItems(%q, %v) = %v; want %v", text, in, got, want)
			}
		}
	}
}

func TestLastConjunction(t *testing.T) {
	for _, text := range cutterTexts {
		var want piece
		ms := conjunctionRE.FindAllStringIndex(text, -1)
		if len(ms) > 0 {
			want = piece{ms[len(ms)-1][0], ms[len(ms)-1][1]}
		}
		if got, ok := lastConjunction(text); got != want || ok != (len(ms) > 0) {
			t.Errorf("lastConjunction(%q) = %v, %v; the regexp gives %v, %v", text, got, ok, want, len(ms) > 0)
		}
	}
}

func TestLastWords(t *testing.T) {
	for _, text := range cutterTexts {
		in := piece{len(text) / 4, len(text)}
		words := wordRE.FindAllStringIndex(text[in.start:in.end], -1)
		for _, n := range []int{1, 3, len(words), len(words) + 1} {
			var want []piece
			for _, m := range words[max(len(words)-n, 0):] {
				want = append(want, piece{in.start + m[0], in.start + m[1]})
			}
			if got := lastWords(text, in, n); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Errorf("lastWords(%q, %v, %d) = %v; the regexp gives %v", text, in, n, got, want)
			}
		}
	}
}

func TestCountFieldsAndOneLine(t *testing.T) {
	for _, text := range cutterTexts {
		fields := strings.Fields(text)
		if got, want := countFields(text, 100), len(fields); got != want {
			t.Errorf("countFields(%q) = %d; want %d", text, got, want)
		}
		if got := countFields(text, 2); got > 3 || got < min(len(fields), 3) {
			t.Errorf("countFields(%q, 2) = %d; want %d", text, got, min(len(fields), 3))
		}
		joined := strings.Join(fields, " ")
		if got := isOneLine(text); got != (text == joined) {
			t.Errorf("isOneLine(%q) = %v; want %v", text, got, !got)
		}
		if got := oneLine(text); got != joined {
			t.Errorf("oneLine(%q) = %q; want %q", text, got, joined)
		}
	}
}

// FuzzCutters checks the cutters against their regexps on any text.
func FuzzCutters(f *testing.F) {
	for _, text := range cutterTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		all := piece{0, len(text)}
		if got, want := slices.Collect(clauses(text)), reSplit(text, all, clauseBreakRE); !reflect.DeepEqual(got, want) {
			t.Errorf("clauses(%q) = %v; the regexp gives %v", text, got, want)
		}
		ms := conjunctionRE.FindAllStringIndex(text, -1)
		if got, ok := lastConjunction(text); ok != (len(ms) > 0) || ok && got != (piece{ms[len(ms)-1][0], ms[len(ms)-1][1]}) {
			t.Errorf("lastConjunction(%q) = %v, %v; the regexp gives %v", text, got, ok, ms)
		}
		var words []piece
		for _, m := range wordRE.FindAllStringIndex(text, -1) {
			words = append(words, piece{m[0], m[1]})
		}
		if got := lastWords(text, all, 3); len(got)+len(words) > 0 && !reflect.DeepEqual(got, words[max(len(words)-3, 0):]) {
			t.Errorf("lastWords(%q, 3) = %v; the regexp gives %v", text, got, words)
		}
		fields := strings.Fields(text)
		if got := countFields(text, len(text)); got != len(fields) {
			t.Errorf("countFields(%q) = %d; want %d", text, got, len(fields))
		}
		if got, want := oneLine(text), strings.Join(fields, " "); got != want {
			t.Errorf("oneLine(%q) = %q; want %q", text, got, want)
		}
	})
}
