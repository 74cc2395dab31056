package consolidate

import (
	"regexp"
	"strings"

	"tsagmerge/ingest"
)

// headingPlan says, in terms of the top-level elements of a region's body
// (counted from 0, as ingest.Paragraph.Body counts them), what the merge
// does to the region's headings.
type headingPlan struct {
	// start is the first element carried; those before are front matter.
	start int
	// heading is the element holding the region heading, rewritten as a
	// numbered level-1 heading; -1 when the region has none and one is
	// written before its content.
	heading int
	// title is the heading's text without any number the region typed.
	title string
	// typedNumber is the number the region typed, replaced by the output's.
	typedNumber string
	// levels gives the new outline level of sub-headings that move.
	levels map[int]int
	// demoted counts the sub-headings that went down a level or more.
	demoted int
}

// planHeadings reads the region heading and sub-headings off the model.
// The region heading is the document's first heading when it names the
// region, or the heading that follows the front matter ingest found; a
// contribution without one is given one (RegionInfo.Heading).
func planHeadings(doc *ingest.Document, info ingest.RegionInfo) headingPlan {
	plan := headingPlan{heading: -1, levels: map[int]int{}}
	for _, p := range doc.FrontMatter {
		if !p.InTable && p.Body+1 > plan.start {
			plan.start = p.Body + 1
		}
	}
	first := -1
	for i, s := range doc.Sections {
		if p := paragraphAt(doc, s.Paragraph); p != nil && !p.InTable {
			first = i
			break
		}
	}
	regionLevel := 0
	subFrom := 0
	if first >= 0 && isRegionHeading(doc, first, info) {
		s := doc.Sections[first]
		p := paragraphAt(doc, s.Paragraph)
		plan.heading, plan.start = p.Body, p.Body
		plan.title, plan.typedNumber = s.Title, s.Number
		regionLevel = s.Level
		subFrom = first + 1
	} else {
		plan.title = info.Heading
	}
	if plan.title == "" {
		plan.title = info.Heading
	}
	plan.title = strings.TrimSpace(typedNumber.ReplaceAllString(plan.title, ""))
	plan.planLevels(doc, subFrom, regionLevel)
	return plan
}

// typedNumber matches a number typed before a heading's title ("8\t",
// "3 ", "3.1. "), in case the model left one on the title.
var typedNumber = regexp.MustCompile(`^\s*\d+(\.\d+)*\.?[\t ]+`)

// planLevels moves the sub-headings under the region heading, keeping
// their relative levels: under a level-L region heading, level L+k
// becomes 1+k; when some sub-heading stands at or above L (or there is no
// region heading), all are pushed down so the highest becomes level 2.
func (plan *headingPlan) planLevels(doc *ingest.Document, from, regionLevel int) {
	minLevel := 0
	var subs []*ingest.Section
	for _, s := range doc.Sections[from:] {
		p := paragraphAt(doc, s.Paragraph)
		if p == nil || p.InTable || s.Inferred || p.Body < plan.start {
			continue
		}
		subs = append(subs, s)
		if minLevel == 0 || s.Level < minLevel {
			minLevel = s.Level
		}
	}
	shift := 1 - regionLevel
	if regionLevel == 0 || minLevel <= regionLevel {
		shift = 2 - minLevel
	}
	for _, s := range subs {
		nl := min(max(s.Level+shift, 2), 9)
		if nl != s.Level {
			plan.levels[paragraphAt(doc, s.Paragraph).Body] = nl
			if nl > s.Level {
				plan.demoted++
			}
		}
	}
}

// neededLevels lists the heading levels the plan writes.
func (plan *headingPlan) neededLevels() []int {
	seen := map[int]bool{1: true}
	out := []int{1}
	for _, l := range plan.levels {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// isRegionHeading tells whether section i is the region's own heading: it
// names the region, or it directly follows the front matter ingest found.
func isRegionHeading(doc *ingest.Document, i int, info ingest.RegionInfo) bool {
	s := doc.Sections[i]
	title := strings.ToLower(s.Title)
	if info.Name != "" && strings.Contains(title, strings.ToLower(info.Name)) {
		return true
	}
	if info.Code != "" && regexp.MustCompile(`\b`+strings.ToLower(info.Code)+`\b`).MatchString(title) {
		return true
	}
	if n := len(doc.FrontMatter); n > 0 {
		return doc.FrontMatter[n-1].Index+1 == s.Paragraph
	}
	return false
}

// paragraphAt returns the paragraph with the given Index (from 1).
func paragraphAt(doc *ingest.Document, index int) *ingest.Paragraph {
	if index >= 1 && index <= len(doc.Paragraphs) && doc.Paragraphs[index-1].Index == index {
		return doc.Paragraphs[index-1]
	}
	for _, p := range doc.Paragraphs {
		if p.Index == index {
			return p
		}
	}
	return nil
}

// headingState follows the region heading paragraph while it is rewritten.
type headingState struct {
	open bool
}

// headingTail are the marks of the heading paragraph written after its
// new text: where a range ends, and the references that sit in runs.
var headingTail = map[string]bool{"bookmarkEnd": true, "commentRangeEnd": true, "commentReference": true,
	"footnoteReference": true, "endnoteReference": true}

// headingHead are the marks written before the new text.
var headingHead = map[string]bool{"bookmarkStart": true, "commentRangeStart": true}

// beginHeading starts rewriting the region heading paragraph: its text is
// replaced, its bookmarks and comment anchors are kept around the new text.
func (rw *rewriter) beginHeading(fr *frame) {
	fr.flags |= fHidden | fHeading
	rw.heading = &headingState{open: true}
	rw.synth(`<%w:p><%w:pPr><%w:pStyle %w:val="%s"/></%w:pPr>`, rw.r.headingID[1])
}

// inHeading handles an element inside the region heading paragraph.
func (rw *rewriter) inHeading(sc *scanner, fr *frame) bool {
	local := string(fr.local)
	switch {
	case fr.kind == nsW && headingHead[local]:
		return rw.handleW(sc, fr)
	case fr.kind == nsW && headingTail[local]:
		raw := sc.tok.raw(sc.src)
		if !sc.tok.selfClose {
			raw = sc.src[sc.tok.start:elementEndAt(sc.src, sc.tok.start)]
		}
		if local == "commentReference" || strings.HasSuffix(local, "noteReference") {
			rw.tailSrc = append(rw.tailSrc, rw.srcTag("r")...)
			rw.tailSrc = append(rw.tailSrc, raw...)
			rw.tailSrc = append(rw.tailSrc, rw.srcTag("/r")...)
		} else {
			rw.tailSrc = append(rw.tailSrc, raw...)
		}
		return false
	}
	fr.flags |= fHidden
	return true
}

// srcTag writes a tag of w: with the source part's prefix.
func (rw *rewriter) srcTag(local string) []byte {
	out := []byte{'<'}
	name := strings.TrimPrefix(local, "/")
	if name != local {
		out = append(out, '/')
	}
	if len(rw.srcW) > 0 {
		out = append(out, rw.srcW...)
		out = append(out, ':')
	}
	out = append(out, name...)
	return append(out, '>')
}

// finishHeading writes the heading's number and title, then its marks.
func (rw *rewriter) finishHeading() {
	rw.heading.open = false
	rw.writeHeadingText()
	if len(rw.tailSrc) > 0 {
		tail := rw.tailSrc
		rw.tailSrc = nil
		_ = rw.fragment(rw.part, tail)
	}
	rw.synth(`</%w:p>`)
}

// writeHeading writes a whole region heading for a region without one.
func (rw *rewriter) writeHeading(*frame) {
	rw.synth(`<%w:p><%w:pPr><%w:pStyle %w:val="%s"/></%w:pPr>`, rw.r.headingID[1])
	rw.writeHeadingText()
	rw.synth(`</%w:p>`)
}

// writeHeadingText types the number as the template does: number, tab,
// title, each in a run of its own.
func (rw *rewriter) writeHeadingText() {
	rw.synth(`<%w:r><%w:t>%s</%w:t></%w:r><%w:r><%w:tab/></%w:r>`, itoa(int64(rw.r.number)))
	rw.synth(`<%w:r><%w:t xml:space="preserve">%s</%w:t></%w:r>`, rw.r.plan.title)
}
