package check

import (
	"fmt"
	"slices"
	"strings"

	"tsagmerge/ingest"
)

// emptySections reports headings with nothing under them: no text, table
// or figure before the next heading, which is of the same or a higher
// level. A heading whose only content is sub-sections is not empty; its
// empty sub-sections are reported instead.
func emptySections(d *ingest.Document, _ Options) []Finding {
	content := contentParagraphs(d)
	var out []Finding
	for i, s := range d.Sections {
		next := int(^uint(0) >> 1)
		if i+1 < len(d.Sections) {
			if d.Sections[i+1].Level > s.Level {
				continue // it has sub-sections
			}
			next = d.Sections[i+1].Paragraph
		}
		if !hasContent(content, s.Paragraph, next) && !readsLikeProse(s.Title) {
			out = append(out, Finding{
				Kind: EmptySection, Section: s.Title, Paragraph: s.Paragraph,
				Text:    fmt.Sprintf("heading %q (level %d) has nothing under it", strings.TrimSpace(s.Number+" "+s.Title), s.Level),
				Context: clip(s.Title),
			})
		}
	}
	return out
}

// maxHeadingWords is the longest a heading may be; a longer "heading" is a
// numbered paragraph in a heading style, as legal texts use them, and is
// content itself.
const maxHeadingWords = 15

// readsLikeProse reports whether a heading's text is a sentence rather
// than a title: too long, or ending as a sentence or clause does.
func readsLikeProse(title string) bool {
	t := strings.TrimSpace(title)
	return len(strings.Fields(t)) > maxHeadingWords || strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") ||
		strings.HasSuffix(t, ";") || strings.HasSuffix(t, ",")
}

// contentParagraphs returns, in order, the Index of every paragraph that
// carries something: text, a figure, or a place in a table.
func contentParagraphs(d *ingest.Document) []int {
	figures := map[int]bool{}
	for _, f := range d.Figures {
		figures[f.Paragraph] = true
	}
	var out []int
	for _, p := range d.Paragraphs {
		if p.Heading == 0 && (strings.TrimSpace(p.Text) != "" || figures[p.Index] || p.InTable) {
			out = append(out, p.Index)
		}
	}
	return out
}

// hasContent reports whether a content paragraph lies strictly between
// two paragraph indexes. content is in paragraph order, so the first
// after the heading is found by bisection: a report has thousands of
// sections and tens of thousands of paragraphs.
func hasContent(content []int, after, before int) bool {
	i, _ := slices.BinarySearch(content, after+1)
	return i < len(content) && content[i] < before
}

// frontMatterStyles are the styles a title block may use.
var frontMatterStyles = map[string]bool{"title": true, "subtitle": true, "author": true, "date": true}

// Front matter may be a title and an author line, no more.
const (
	maxFrontLines   = 2
	maxFrontLineLen = 150
)

// frontMatter reports a title block (Document.FrontMatter: what the merge
// leaves out, by ingest's rule) that is more than a short title and author
// line in their styles, so that what the merge leaves out on the strength
// of its text alone is seen before publication. Text before the heading
// that is not a title block is carried, and not reported.
func frontMatter(d *ingest.Document, _ Options) []Finding {
	var lines []*ingest.Paragraph
	var problems []string
	table := false
	for _, p := range d.FrontMatter {
		if strings.TrimSpace(p.Text) == "" && !p.InTable {
			continue
		}
		lines = append(lines, p)
		switch {
		case p.InTable:
			table = true
		case !frontMatterStyles[strings.ToLower(p.Style)]:
			problems = append(problems, fmt.Sprintf("paragraph %d has style %q", p.Index, p.Style))
		case len([]rune(p.Text)) > maxFrontLineLen:
			problems = append(problems, fmt.Sprintf("paragraph %d is %d characters long", p.Index, len([]rune(p.Text))))
		}
	}
	if len(lines) > maxFrontLines {
		problems = append([]string{fmt.Sprintf("%d paragraphs", len(lines))}, problems...)
	}
	if table {
		problems = append(problems, "a table")
	}
	if len(problems) == 0 {
		return nil
	}
	return []Finding{{
		Kind: FrontMatter, Paragraph: lines[0].Index,
		Text:    "the merge leaves out a title block beyond a title and author line: " + strings.Join(problems, "; "),
		Context: clip(lines[0].Text),
	}}
}

// headersFooters reports the region's headers and footers that show text
// or hold review marks: the TD's own serve every page, so what they say
// (and any tracked change or comment in them) does not reach the TD.
func headersFooters(d *ingest.Document, _ Options) []Finding {
	var out []Finding
	for _, hf := range d.HeadersFooters {
		if hf.Text == "" && hf.Revisions == 0 && hf.Comments == 0 {
			continue
		}
		text := fmt.Sprintf("its %s (%s) is not carried: the TD's own serve every page", hf.Kind, hf.Part)
		if hf.Revisions+hf.Comments > 0 {
			text += fmt.Sprintf("; it holds %d tracked changes and %d comments, which go with it", hf.Revisions, hf.Comments)
		}
		out = append(out, Finding{Kind: HeaderFooter, Text: text, Context: oneLineExcerpt(hf.Text)})
	}
	return out
}

// oneLineExcerpt is about 120 characters of text on one line.
func oneLineExcerpt(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return text
}
