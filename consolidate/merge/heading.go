package merge

import (
	"strings"

	"tsagmerge/ingest"
)

// headingPlan says, in terms of the top-level elements of a region's body
// (counted from 0, as ingest.Paragraph.Body counts them), what the merge
// does to the region's front matter and headings.
type headingPlan struct {
	// drop holds the elements left out: the title block ingest found
	// (Document.FrontMatter).
	drop map[int]bool
	// heading is the element holding the region heading, rewritten as a
	// numbered level-1 heading; -1 when the region has none and one is
	// written before its content. headingPara is the heading's paragraph
	// Index (the element may be a content control around it). Content
	// carried from before the heading element is moved under it.
	heading, headingPara int
	// replaced is true when the heading is a line that named the region
	// (Document.RegionLine) rather than a level-1 heading.
	replaced bool
	// title is the heading's text without any number the region typed.
	title string
	// typedNumber is the number the region typed, replaced by the output's.
	typedNumber string
	// levels gives the new outline level of the sub-headings that move, by
	// paragraph Index.
	levels map[int]int
	// demoted counts the sub-headings that went down a level or more.
	demoted int
}

// planHeadings reads the region heading and sub-headings off the model.
// The title block ingest found (Document.FrontMatter) is left out; the
// region heading is the one ingest's region heading rule gives
// (Document.RegionHeading): its first level-1 heading, else the line
// naming the region; a contribution with neither is given one, titled
// RegionInfo.Heading.
func planHeadings(doc *ingest.Document) headingPlan {
	rh := doc.RegionHeading()
	plan := headingPlan{drop: map[int]bool{}, heading: -1, headingPara: -1, levels: map[int]int{},
		replaced: rh.Line, title: rh.Title, typedNumber: rh.Number}
	for _, p := range doc.FrontMatter {
		plan.drop[p.Body] = true
	}
	regionLevel, subFrom := 0, 0
	if rh.Paragraph != nil {
		plan.heading, plan.headingPara = rh.Paragraph.Body, rh.Paragraph.Index
	}
	if rh.Section >= 0 {
		regionLevel, subFrom = doc.Sections[rh.Section].Level, rh.Section+1
	}
	plan.planLevels(doc, subFrom, regionLevel)
	return plan
}

// planLevels moves the sub-headings under the region heading, keeping
// their relative levels: under a level-L region heading, level L+k
// becomes 1+k; when some sub-heading stands at or above L (or there is no
// region heading), all are pushed down so the highest becomes level 2.
// The sub-headings are the carried headings but the region heading: those
// of the sections from the from'th on, and those that stood before the
// region heading (in no section) and now stand under it. Headings in
// tables, and those ingest inferred from bold text, stay as they are.
func (plan *headingPlan) planLevels(doc *ingest.Document, from, regionLevel int) {
	minLevel := 0
	var subs []*ingest.Section
	consider := func(s *ingest.Section) {
		p := doc.ParagraphAt(s.Paragraph)
		if p == nil || p.InTable || s.Inferred || plan.drop[p.Body] || p.Index == plan.headingPara {
			return
		}
		subs = append(subs, s)
		if minLevel == 0 || s.Level < minLevel {
			minLevel = s.Level
		}
	}
	for _, p := range doc.Paragraphs {
		if plan.heading < 0 || p.Body >= plan.heading {
			break
		}
		if p.Heading > 0 && p.Section < 0 {
			consider(&ingest.Section{Level: p.Heading, Paragraph: p.Index})
		}
	}
	for _, s := range doc.Sections[from:] {
		consider(s)
	}
	shift := 1 - regionLevel
	if regionLevel == 0 || minLevel <= regionLevel {
		shift = 2 - minLevel
	}
	for _, s := range subs {
		nl := min(max(s.Level+shift, 2), 9)
		if nl != s.Level {
			plan.levels[s.Paragraph] = nl
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

// The region heading paragraph keeps its content (its runs, bookmarks,
// comment anchors, pictures) but takes the template's Heading 1 style
// with none of its own paragraph formatting or list numbering, and the
// output's number typed before it as the template types its own: number,
// tab, title. A number the region typed is taken out of the text.

// numberStrip takes a typed heading number, and the tab or spaces after
// it, off the start of the heading's text, and notes whether any text is
// left.
type numberStrip struct {
	pending string // the part of the number not yet met
	done    bool
	wrote   bool // some text of the title was written
}

// text returns what remains of a piece of the heading's text.
func (ns *numberStrip) text(s string) string {
	out := ns.cut(s)
	if strings.TrimSpace(out) != "" {
		ns.wrote = true
	}
	return out
}

func (ns *numberStrip) cut(s string) string {
	for i, c := range s {
		switch {
		case ns.done:
			return s[i:]
		case ns.pending != "" && strings.HasPrefix(ns.pending, string(c)):
			ns.pending = ns.pending[len(string(c)):]
		case ns.pending == "" && (c == '.' || c == ' ' || c == '\t' || c == '\u00a0'):
		default:
			ns.done = true
			return s[i:]
		}
	}
	return ""
}

// tab reports whether a w:tab is the separator after the number.
func (ns *numberStrip) tab() bool {
	if ns.done {
		return false
	}
	if ns.pending != "" {
		ns.done = true
		return false
	}
	return true
}

// active reports whether the number is still being looked for.
func (ns *numberStrip) active() bool { return ns != nil && !ns.done }

// headingPPrKeeps are the paragraph properties of the region heading that
// stay: the section break it may end, its paragraph mark's run
// properties, and the record of a tracked change of its properties.
var headingPPrKeeps = map[string]bool{"rPr": true, "sectPr": true, "pPrChange": true}

// writeNumber types the region heading's number and the tab after it.
func (rw *rewriter) writeNumber() {
	rw.synth(`<%w:r><%w:t>%s</%w:t></%w:r><%w:r><%w:tab/></%w:r>`, itoa(int64(rw.r.number)))
}

// endHeading ends the region heading paragraph; a heading left without
// text (all of it was a rejected insertion) takes the region's name.
func (rw *rewriter) endHeading() {
	if !rw.strip.wrote {
		rw.synth(`<%w:r><%w:t xml:space="preserve">%s</%w:t></%w:r>`, rw.r.info.Heading)
	}
	rw.strip = nil
}

// writeHeading writes a whole region heading for a region without one.
func (rw *rewriter) writeHeading() {
	rw.synth(`<%w:p><%w:pPr><%w:pStyle %w:val="%s"/></%w:pPr>`, rw.r.headingID[1])
	rw.writeNumber()
	rw.synth(`<%w:r><%w:t xml:space="preserve">%s</%w:t></%w:r></%w:p>`, rw.r.plan.title)
}
