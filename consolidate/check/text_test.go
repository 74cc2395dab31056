package check

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 60)
	text := long + "MATCH" + long
	i := strings.Index(text, "MATCH")
	got := excerpt(text, i, i+5)
	if !strings.Contains(got, "MATCH") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("excerpt = %q; want the match with both sides cut", got)
	}
	if n := utf8.RuneCountInString(got); n > contextWidth+2 {
		t.Errorf("excerpt is %d characters, more than %d", n, contextWidth+2)
	}
	if got := excerpt("short MATCH text", 6, 11); got != "short MATCH text" {
		t.Errorf("excerpt of a short text = %q", got)
	}
	// Room not needed on the left goes to the right.
	text = "MATCH " + long
	if got := excerpt(text, 0, 5); utf8.RuneCountInString(got) < contextWidth {
		t.Errorf("excerpt at the start = %q; too short", got)
	}
}
