package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzResidue runs the residue finder and its quoting on arbitrary text:
// spans must lie in the text, in order and apart, and quoting them must
// not panic nor quote more than about contextWidth characters.
func FuzzResidue(f *testing.F) {
	for _, s := range []string{
		"A workshop [TBD] in XX, Error! Reference source not found. @Jane Doe ???",
		"Comment by Jane Doe: check [bookmark: _Toc1] TBC",
		"mail jane@itu.int and @ITU_Europe, XXI, X.1280",
		"مكتب [TBC] إقليمي", "\xff\xfe[TBD]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		at := 0
		for _, s := range residueSpans(text) {
			if s.start < at || s.end <= s.start || s.end > len(text) {
				t.Fatalf("span %d..%d after %d in %d bytes", s.start, s.end, at, len(text))
			}
			at = s.end
			q := excerpt(text, s.start, s.end)
			if n := utf8.RuneCountInString(q); n > contextWidth+2+utf8.RuneCountInString(text[s.start:s.end]) {
				t.Fatalf("quote of %d characters", n)
			}
			if utf8.ValidString(text) && !strings.Contains(q, strings.Join(strings.Fields(text[s.start:s.end]), " ")) {
				t.Fatalf("quote %q lacks the match %q", q, text[s.start:s.end])
			}
		}
	})
}
