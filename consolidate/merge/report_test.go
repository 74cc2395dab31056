package merge

import (
	"strings"
	"testing"
	"unicode"
)

// TestCountWords counts words as strings.Fields cuts them, in ASCII text
// and in text with other spaces (no-break, ideographic) and letters.
func TestCountWords(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " one ", "one two", "one  two\tthree\nfour",
		"Ghana,\u00a0Togo", "東京\u3000大阪 京都", "مرحبا بالعالم", "a\u2003b\u2028c",
		"\u00a0lead and trail\u00a0", "x\x00y", strings.Repeat("word ", 100),
	} {
		if got, want := countWords(s), len(strings.FieldsFunc(s, unicode.IsSpace)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
