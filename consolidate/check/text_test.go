package check

import (
	"strings"
	"testing"
	"time"
)

// excerptByRunes is excerpt as it was first written, on the whole text's
// runes: the reference the windowed one must agree with.
func excerptByRunes(text string, start, end int) string {
	match := len([]rune(text[start:end]))
	room := max(contextWidth-match, 0)
	before, after := []rune(text[:start]), []rune(text[end:])
	left := min(len(before), room/2)
	right := min(len(after), room-left)
	left = min(len(before), room-right)
	out := string(before[len(before)-left:]) + text[start:end] + string(after[:right])
	if left < len(before) {
		out = "…" + out
	}
	if right < len(after) {
		out += "…"
	}
	return oneLine(out)
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("région été ", 40)
	tests := []struct {
		name, text, match string
	}{
		{"short", "see [TBD] here", "[TBD]"},
		{"at start", "TBD " + long, "TBD"},
		{"at end", long + "TBD", "TBD"},
		{"middle", long + " XXX " + long, "XXX"},
		{"arabic", strings.Repeat("مكتب ", 50) + "TBC" + strings.Repeat(" إقليمي", 50), "TBC"},
		{"long match", "a " + strings.Repeat("x", 200) + " b", strings.Repeat("x", 200)},
		{"spaces", long + "\n\t TBD \n" + long, "TBD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.text, tt.match)
			got, want := excerpt(tt.text, i, i+len(tt.match)), excerptByRunes(tt.text, i, i+len(tt.match))
			if got != want {
				t.Errorf("excerpt = %q\nwant       %q", got, want)
			}
		})
	}
}

// TestExcerptCostsTheSameInAHugeParagraph: quoting a match is not
// proportional to its paragraph's length (it was: check took minutes on a
// paragraph of megabytes with many findings).
func TestExcerptCostsTheSameInAHugeParagraph(t *testing.T) {
	text := strings.Repeat("word TBD ", 1<<20) // 9 MB
	start := time.Now()
	for i := 0; i < 10000; i++ {
		at := (i * 9 * 97) % (len(text) - 3)
		excerpt(text, at, at+3)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("10,000 excerpts of a 9 MB paragraph took %v", took)
	}
}
