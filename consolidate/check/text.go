package check

import (
	"strings"
	"unicode/utf8"

	"tsagmerge/ingest"
)

// contextWidth is about how long a context quote may be, in characters.
const contextWidth = 120

// excerpt quotes text around the bytes [start, end): the match and as much
// on either side as fits in contextWidth characters, with "…" where text
// was cut. Spaces are collapsed so the quote stays on one line.
func excerpt(text string, start, end int) string {
	match := utf8.RuneCountInString(text[start:end])
	room := max(contextWidth-match, 0)
	// Only the room's worth of characters either side is looked at, so that
	// quoting costs the same in a line as in a paragraph of megabytes.
	_, before := runesBack(text[:start], room)
	_, after := runesOn(text[end:], room)
	left := min(before, room/2)
	right := min(after, room-left)
	left = min(before, room-right) // give unused room on the right to the left
	lo, _ := runesBack(text[:start], left)
	n, _ := runesOn(text[end:], right)
	hi := end + n
	out := text[lo:hi]
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(text) {
		out += "…"
	}
	return oneLine(out)
}

// runesBack returns where the last n characters of s start, and how many
// there are (fewer than n when s is shorter).
func runesBack(s string, n int) (at, got int) {
	at = len(s)
	for ; got < n && at > 0; got++ {
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return at, got
}

// runesOn returns where the first n characters of s end, and how many
// there are.
func runesOn(s string, n int) (at, got int) {
	for ; got < n && at < len(s); got++ {
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at, got
}

// clip quotes the start of a text, at most contextWidth characters.
func clip(text string) string {
	text = oneLine(text)
	if r := []rune(text); len(r) > contextWidth {
		return string(r[:contextWidth-1]) + "…"
	}
	return text
}

// oneLine collapses the spaces of s to single ASCII spaces and trims it.
// Most texts need at most trimming (a list item cut after a comma starts
// with a space), and then no copy is made.
func oneLine(s string) string {
	if t := strings.TrimSpace(s); isOneLine(t) {
		return t
	}
	return strings.Join(strings.Fields(s), " ")
}

// sectionTitle is the title of the section holding p; "" for front matter.
func sectionTitle(d *ingest.Document, p *ingest.Paragraph) string {
	if p.Section >= 0 && p.Section < len(d.Sections) {
		return d.Sections[p.Section].Title
	}
	return ""
}

// paragraphContext quotes the paragraph with the given Index around the
// first place quote occurs in it (in its text, or its text before the
// tracked changes), so that a comment's anchor or a tracked change can be
// found; it falls back to quote itself.
func paragraphContext(d *ingest.Document, index int, quote string) string {
	quote = strings.TrimSpace(quote)
	p := d.ParagraphAt(index)
	if p == nil || quote == "" {
		return clip(quote)
	}
	for _, text := range []string{p.Text, p.Original} {
		if i := strings.Index(text, quote); i >= 0 {
			return excerpt(text, i, i+len(quote))
		}
	}
	return clip(quote)
}
