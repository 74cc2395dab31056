package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// maxInferredWords is the length under which a bold paragraph standing
// alone is taken for a heading in a file without heading styles.
const maxInferredWords = 12

// typedNumber matches a number typed at the start of a heading: "8\tEurope",
// "3 Africa", "3.1. Foo".
var typedNumber = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?[ \t]+(\S.*)$`)

// buildSections finds the headings (inferring them from bold paragraphs
// when the file has none), splits the title block off (frontmatter.go),
// and builds the flat section list with parents. What stands before the
// region's heading is in no section.
func (r *reader) buildSections() {
	d := r.doc
	inferred := false
	if !anyHeading(d.Paragraphs) {
		inferred = r.inferHeadings()
	}
	start := regionHeadingIndex(d.Paragraphs)
	r.splitFrontMatter(firstHeadingIndex(d.Paragraphs))
	var stack []int // open sections, outermost first
	for i, info := range r.body.paras {
		p := info.p
		if start < 0 || i < start {
			p.Section = -1
			continue
		}
		if p.Heading > 0 {
			for len(stack) > 0 && d.Sections[stack[len(stack)-1]].Level >= p.Heading {
				stack = stack[:len(stack)-1]
			}
			sec := newSection(p, info.own, inferred)
			sec.Parent = -1
			if len(stack) > 0 {
				sec.Parent = stack[len(stack)-1]
			}
			stack = append(stack, len(d.Sections))
			d.Sections = append(d.Sections, sec)
		}
		p.Section = -1
		if len(stack) > 0 {
			p.Section = stack[len(stack)-1]
		}
	}
}

// newSection makes the section a heading paragraph opens from its own
// text (text boxes left out), splitting off a typed number.
func newSection(p *Paragraph, text string, inferred bool) *Section {
	number, title := SplitHeadingNumber(text)
	return &Section{Level: p.Heading, Number: number, Title: title, Paragraph: p.Index, Inferred: inferred}
}

// SplitHeadingNumber splits a number typed at the start of a heading off
// its title: "8\tEurope – …" gives "8" and "Europe – …", "3.1. Foo" gives
// "3.1" and "Foo". A number has one to three digits per level, so a year
// ("2010 Word features") or "5G" stays in the title. White space in the
// title is collapsed; text without a typed number is returned whole as the
// title. It is the one rule for typed heading numbers: Section.Number is
// made with it, and so is any comparison of headings.
func SplitHeadingNumber(text string) (number, title string) {
	text = strings.Join(strings.Fields(text), " ")
	if m := typedNumber.FindStringSubmatch(text); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	return "", text
}

func anyHeading(paras []*Paragraph) bool {
	for _, p := range paras {
		if p.Heading > 0 {
			return true
		}
	}
	return false
}

// firstHeadingIndex is the position of the first heading, -1 when there
// is none.
func firstHeadingIndex(paras []*Paragraph) int {
	for i, p := range paras {
		if p.Heading > 0 {
			return i
		}
	}
	return -1
}

// inferHeadings marks as headings the short paragraphs whose text runs are
// all bold, for files written without heading styles. The level is 1, or
// deeper by the dots of a typed number ("3.1" is level 2).
func (r *reader) inferHeadings() bool {
	found := false
	for _, info := range r.body.paras {
		p := info.p
		if !r.looksLikeHeading(info) {
			continue
		}
		number, _ := SplitHeadingNumber(info.own)
		p.Heading = min(9, 1+strings.Count(number, "."))
		found = true
	}
	return found
}

// looksLikeHeading reports whether a paragraph is short, outside tables,
// not a title, and bold in all its text runs (directly, or through its
// character or paragraph style).
func (r *reader) looksLikeHeading(info *paraInfo) bool {
	p := info.p
	if p.InTable || info.boldRuns+len(info.plainStyles) == 0 {
		return false
	}
	words := strings.Fields(info.own)
	if len(words) == 0 || len(words) >= maxInferredWords || !strings.ContainsFunc(info.own, unicode.IsLetter) {
		return false
	}
	if name := strings.ToLower(p.Style); strings.Contains(name, "title") || strings.Contains(name, "caption") {
		return false
	}
	paraBold := r.styles.isBold(p.StyleID)
	for _, rs := range info.plainStyles {
		switch {
		case rs == "\x00off":
			return false
		case rs == "" && !paraBold:
			return false
		case rs != "" && !r.styles.isBold(rs) && !paraBold:
			return false
		}
	}
	return true
}
