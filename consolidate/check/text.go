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
	before, after := []rune(text[:start]), []rune(text[end:])
	left := min(len(before), room/2)
	right := min(len(after), room-left)
	left = min(len(before), room-right) // give unused room on the right to the left
	out := string(before[len(before)-left:]) + text[start:end] + string(after[:right])
	if left < len(before) {
		out = "…" + out
	}
	if right < len(after) {
		out += "…"
	}
	return oneLine(out)
}

// clip quotes the start of a text, at most contextWidth characters.
func clip(text string) string {
	text = oneLine(text)
	if r := []rune(text); len(r) > contextWidth {
		return string(r[:contextWidth-1]) + "…"
	}
	return text
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sectionTitle is the title of the section holding p; "" for front matter.
func sectionTitle(d *ingest.Document, p *ingest.Paragraph) string {
	if p.Section >= 0 && p.Section < len(d.Sections) {
		return d.Sections[p.Section].Title
	}
	return ""
}
