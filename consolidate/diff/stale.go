package diff

import (
	"strings"

	"tsagmerge/ingest"
)

// minStaleWords is the fewest words a paragraph must have to be reported
// as carried over: short lines (a country, "Workshop", a date) recur from
// one period to the next by right.
const minStaleWords = 8

// StaleParagraph is a paragraph of a contribution that last period's TD
// already held, word for word.
type StaleParagraph struct {
	Paragraph int    `json:"paragraph"`
	Section   string `json:"section"`
	Text      string `json:"text"`
}

// Stale lists the paragraphs of d, region's contribution, that stand
// unchanged in last, last period's published TD: in that region's section
// of it, or anywhere in it when it has no section for the region. Headings
// and paragraphs of fewer than minStaleWords words are not reported.
func Stale(last, d *ingest.Document, region string) []StaleParagraph {
	before := tdTexts(last, region)
	if len(before) == 0 {
		before = tdTexts(last, "")
	}
	var out []StaleParagraph
	for _, p := range d.Paragraphs {
		t := normalText(p.Text)
		if p.Heading > 0 || len(strings.Fields(t)) < minStaleWords || !before[t] {
			continue
		}
		out = append(out, StaleParagraph{Paragraph: p.Index, Section: sectionOf(d, p), Text: p.Text})
	}
	return out
}

// tdTexts gathers the texts of a TD's paragraphs in region's section (the
// level-1 heading that names the region, up to the next level-1
// heading), or of all of them for region "".
func tdTexts(td *ingest.Document, region string) map[string]bool {
	out := map[string]bool{}
	in := region == ""
	for _, p := range td.Paragraphs {
		if p.Heading == 1 && region != "" {
			in = ingest.DetectRegion(p.Text, "", "").Code == region
		}
		if in && p.Heading == 0 {
			out[normalText(p.Text)] = true
		}
	}
	return out
}

// normalText is a text with its spacing made plain, as the reader sees it.
func normalText(s string) string { return strings.Join(strings.Fields(s), " ") }
