package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// The front matter rule. What stands before a contribution's first heading
// is part of the region's text, with one exception: the title block at
// the top of the file (its title, author and date lines), which the
// merged report replaces with its own region heading. A top-level element
// of the body belongs to the title block when it is one paragraph, or a
// content control holding only paragraphs, each of which is empty or
//
//   - styled Title, Subtitle, Author or Date (the style's name, or the name
//     of a style it is based on: Word's, pandoc's and LibreOffice's styles
//     are called so), or
//   - the document's title as its core properties give it, or its author, or
//   - a "Contribution of the ITU Regional Office for …" line (a short line
//     opening with contribution, report, submission or input and naming
//     an office), or
//   - a date line ("15 December 2025", "July–December 2025", "Date:
//     2025-12-15"), or
//   - an author or affiliation line ("ITU Regional Office for Africa",
//     "Source: …", "Prepared by …", "Contact: …").
//
// The block is the run of such elements from the top of the body; it ends
// at the first element that is none of these (or a heading, or a table),
// and everything from there on is carried. Document.FrontMatter holds the
// block's paragraphs and Document.FrontMatterWhy the reason for each; check,
// consolidate and the read-back all work from these two lists.

// titleStyleNames are the style names of a title block, lower case.
var titleStyleNames = map[string]string{"title": "Title", "subtitle": "Subtitle", "author": "Author", "date": "Date"}

// maxTitleWords bounds the lines recognised by their text alone.
const maxTitleWords = 25

var (
	contributionLine = regexp.MustCompile(`(?i)^(?:draft\s+)?(?:contribution|report|submission|input)s?\b.*\boffices?\b`)
	authorLine       = regexp.MustCompile(`(?i)^(?:(?:authors?|source|prepared by|submitted by|contact|from)\b\s*[:\-–]?\s*\S|(?:the\s+)?(?:itu\s+)?(?:regional\s+|area\s+)?office\s+(?:for|of)\b)`)
	dateLabel        = regexp.MustCompile(`(?i)^date\s*:?\s*`)
	isoDate          = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$`)
	ordinalDay       = regexp.MustCompile(`(?i)^\d{1,2}(?:st|nd|rd|th)?$`)
	year             = regexp.MustCompile(`^(?:19|20)\d\d$`)
)

var monthNames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec"} {
		m[s] = true
	}
	return m
}()

// isDateLine reports whether text is nothing but a date or a period.
func isDateLine(text string) bool {
	text = dateLabel.ReplaceAllString(text, "")
	if isoDate.MatchString(text) {
		return true
	}
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '-' || r == '–' || r == '—' || r == '/' || r == '.'
	})
	years, months := 0, 0
	for _, f := range fields {
		switch {
		case year.MatchString(f):
			years++
		case monthNames[strings.ToLower(f)]:
			months++
		case ordinalDay.MatchString(f):
		default:
			return false
		}
	}
	return years > 0 && len(fields) <= 8 || months > 0 && len(fields) <= 4 && len(fields) > months
}

// titleReason says why a paragraph before the first heading belongs to the
// title block, "" when it does not.
func (r *reader) titleReason(p *Paragraph) string {
	text := strings.Join(strings.Fields(p.Text), " ")
	if p.InTable || p.Heading > 0 {
		return ""
	}
	if text == "" {
		return "empty"
	}
	var styled string
	r.styles.walk(p.StyleID, func(st *Style) bool {
		styled = titleStyleNames[strings.ToLower(strings.TrimSpace(st.Name))]
		return styled != ""
	})
	if styled == "" && p.StyleID == "" {
		styled = titleStyleNames[strings.ToLower(p.Style)]
	}
	if styled != "" {
		return "styled " + styled
	}
	meta := r.doc.Meta
	if t := strings.Join(strings.Fields(meta.Title), " "); t != "" && strings.EqualFold(text, t) {
		return "the document's title"
	}
	if a := strings.Join(strings.Fields(meta.Creator), " "); a != "" && strings.EqualFold(text, a) {
		return "the document's author"
	}
	if len(strings.Fields(text)) > maxTitleWords {
		return ""
	}
	switch {
	case contributionLine.MatchString(text):
		return "a title line"
	case isDateLine(text):
		return "a date line"
	case authorLine.MatchString(text):
		return "an author or affiliation line"
	}
	return ""
}

// splitFrontMatter fills FrontMatter and FrontMatterWhy with the title
// block among the paragraphs before body paragraph first (all of them
// when first < 0).
func (r *reader) splitFrontMatter(first int) {
	paras := r.body.paras
	if first < 0 {
		first = len(paras)
	}
	d := r.doc
	for i := 0; i < first; {
		// The paragraphs of one top-level element.
		j := i + 1
		for j < first && paras[j].p.Body == paras[i].p.Body {
			j++
		}
		if j == first && first < len(paras) && paras[first].p.Body == paras[i].p.Body {
			return // the element holds the first heading too
		}
		why := make([]string, 0, j-i)
		for _, info := range paras[i:j] {
			reason := r.titleReason(info.p)
			if reason == "" {
				return
			}
			why = append(why, reason)
		}
		for k, info := range paras[i:j] {
			d.FrontMatter = append(d.FrontMatter, info.p)
			d.FrontMatterWhy = append(d.FrontMatterWhy, why[k])
		}
		i = j
	}
}

// findRegionLine sets RegionLine: when the document has no level-1
// heading, its first paragraph after the title block, if that is a
// short standalone line, bold or a heading, that names the document's
// region (by ingest's region words). The merge makes it the region
// heading instead of adding one.
func (r *reader) findRegionLine() {
	d := r.doc
	if d.Region.Code == "" {
		return
	}
	if firstLevel1Index(d.Paragraphs) >= 0 {
		return
	}
	n := len(d.FrontMatter)
	if n >= len(r.body.paras) {
		return
	}
	info := r.body.paras[n]
	p := info.p
	if p.InTable || (n+1 < len(r.body.paras) && r.body.paras[n+1].p.Body == p.Body) {
		return // in a table, or a control holding more than the line
	}
	if p.Heading == 0 && !r.looksLikeHeading(info) {
		return
	}
	if len(strings.Fields(info.own)) >= maxInferredWords || regionIn(info.own, false) != d.Region.Code {
		return
	}
	d.RegionLine = p
}
