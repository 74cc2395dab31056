package check

import (
	"reflect"
	"testing"
)

// residueTests are texts with the residue residueSpans must find in them.
var residueTests = []struct {
	text string
	want []string
}{
	{"BICMA is evaluating.\tComment by Chan, Calvin: Akanksha - is there anything we can add here?\tComment by Sharma, Akanksha: I don’t have any updates on this.",
		[]string{"Comment by Chan, Calvin:", "Comment by Sharma, Akanksha:"}},
	{"[bookmark: _Toc406757652]ITU Plenipotentiary Resolution 25", []string{"[bookmark: _Toc406757652]"}},
	{"The meeting will be held in [TBC: Geneva] on TBD.", []string{"[TBC: Geneva]", "TBD"}},
	{"Resolution XX (Rev. XXX) and document xxx", []string{"XX", "XXX", "xxx"}},
	{"Recommendation ITU-T X.xxx is under study", []string{"xxx"}},
	{"Date ???", []string{"???"}},
	{"see Figure Error! Reference source not found. above", []string{"Error! Reference source not found."}},
	{"see Error! Bookmark not defined.", []string{"Error! Bookmark not defined."}},
	{"@Calvin Chan please check", []string{"@Calvin Chan"}},
	{"(@Sharma) to confirm", []string{"@Sharma"}},
	// Not residue.
	{"In the XXI century, Recommendation X.1280 and X.1220/X.nspam were approved.", nil},
	{"Write to tsbsg20@itu.int or info@ITU.org for details.", nil},
	{"Follow @ITU and @ITU_ArabStates on social media.", nil},
	{"TBCs and TBDs are not words here; neither is STBC.", nil},
	{"Is that right? Yes!! Really?", nil},
	{"Comments by members were welcome.", nil},
	{"Annotate the class with @XmlRootElement(name = \"p\").", nil},
	{"@McNeil, please confirm", []string{"@McNeil"}},
}

func TestResidueSpans(t *testing.T) {
	for _, tc := range residueTests {
		var got []string
		for _, s := range residueSpans(tc.text) {
			got = append(got, tc.text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("residueSpans(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestResidueHints checks that every match of a residue pattern holds one
// of its hints, so that skipping the texts without them loses nothing.
func TestResidueHints(t *testing.T) {
	texts := []string{"[BOOKMARK: x]", "[tbd later]", "[ＴＢＣ]", "XXXX", "xx.", "??????", "@Ólafur Ragnarsson"}
	for _, tc := range residueTests {
		texts = append(texts, tc.text)
	}
	for _, p := range residuePatterns() {
		for _, text := range texts {
			for _, m := range p.re.FindAllString(text, -1) {
				if !p.mayMatch(m) {
					t.Errorf("%s matches %q, which holds none of the hints %q", p.re, m, p.hints)
				}
			}
		}
	}
}
