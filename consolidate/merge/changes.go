package merge

import (
	"fmt"
	"strings"

	"tsagmerge/consolidate/validate"
)

// Change is one element of a region that the merge left out or changed.
type Change struct {
	Kind   ChangeKind `json:"kind"`
	Region string     `json:"region"`
	// Paragraph is the source paragraph's Index (as ingest counts them), 0
	// for what is not one paragraph of the body (an added heading, a
	// comment, a note's revision).
	Paragraph int `json:"paragraph,omitempty"`
	// Text is the element's text in the source (the added heading's for
	// heading-added).
	Text string `json:"text"`
	// Detail says why, or what became of it.
	Detail string `json:"detail,omitempty"`
}

// ChangeKind names what the merge did.
type ChangeKind string

// The kinds of change.
const (
	// FrontMatterDropped: a paragraph of the title block (ingest's rule),
	// left out; Detail gives the reason ingest found.
	FrontMatterDropped ChangeKind = "front-matter-dropped"
	// MovedUnderHeading: a paragraph that stood before the region heading,
	// carried after it.
	MovedUnderHeading ChangeKind = "moved-under-heading"
	// HeadingAdded: the region had no heading; the merge wrote one.
	HeadingAdded ChangeKind = "heading-added"
	// HeadingReplaced: a line naming the region was made its heading.
	HeadingReplaced ChangeKind = "heading-replaced"
	// HeadingRenumbered: the region heading, given the output's number
	// (and the template's Heading 1) in place of its own.
	HeadingRenumbered ChangeKind = "heading-renumbered"
	// HeadingDemoted and HeadingPromoted: a sub-heading given another
	// level to stand under the region heading.
	HeadingDemoted  ChangeKind = "heading-demoted"
	HeadingPromoted ChangeKind = "heading-promoted"
	// CommentDropped: a comment not carried (--comments drop, or its
	// anchor left out).
	CommentDropped ChangeKind = "comment-dropped"
	// RevisionAccepted and RevisionRejected: a tracked change resolved.
	RevisionAccepted ChangeKind = "revision-accepted"
	RevisionRejected ChangeKind = "revision-rejected"
	// BindingRemoved: a content control's data binding (to the core
	// properties or custom XML) taken off, so that it keeps showing the
	// region's text and not the TD's value.
	BindingRemoved ChangeKind = "binding-removed"
)

// changes lists what the merge did to the region, from its plan and what
// the rewriting noted.
func (r *region) changes() []Change {
	d, plan, code := r.doc, &r.plan, r.info.Code
	var out []Change
	add := func(kind ChangeKind, para int, text, detail string) {
		out = append(out, Change{Kind: kind, Region: code, Paragraph: para, Text: text, Detail: detail})
	}
	for i, p := range d.FrontMatter {
		why := ""
		if i < len(d.FrontMatterWhy) {
			why = d.FrontMatterWhy[i]
		}
		add(FrontMatterDropped, p.Index, p.Text, why)
	}
	number := fmt.Sprintf("%d", r.number)
	switch head := d.ParagraphAt(plan.headingPara); {
	case plan.heading < 0:
		add(HeadingAdded, 0, plan.title, "numbered "+number+": the contribution has no region heading")
	case plan.replaced:
		add(HeadingReplaced, head.Index, head.Text, "made the region heading, numbered "+number)
	default:
		detail := "numbered " + number
		if plan.typedNumber != "" && plan.typedNumber != number {
			detail = "typed number " + plan.typedNumber + " replaced by " + number
		}
		add(HeadingRenumbered, head.Index, head.Text, detail)
	}
	if plan.heading >= 0 {
		for _, p := range d.Paragraphs {
			if p.Body >= plan.heading {
				break
			}
			if !plan.drop[p.Body] && strings.TrimSpace(p.Text) != "" {
				add(MovedUnderHeading, p.Index, p.Text, "stood before the region heading")
			}
		}
	}
	for _, s := range d.Sections {
		if lvl, ok := plan.levels[s.Paragraph]; ok {
			kind := HeadingDemoted
			if lvl < s.Level {
				kind = HeadingPromoted
			}
			add(kind, s.Paragraph, s.Title, fmt.Sprintf("level %d became %d", s.Level, lvl))
		}
	}
	out = append(out, r.bindings...)
	for _, c := range d.Comments {
		if !r.keptComments[c.ID] {
			add(CommentDropped, c.Paragraph, c.Text, "by "+c.Author)
		}
	}
	if mode := r.opts.Revisions; mode != RevisionsKeep {
		kind := RevisionAccepted
		if mode == RevisionsReject {
			kind = RevisionRejected
		}
		dropped := map[int]bool{}
		for _, p := range d.FrontMatter {
			dropped[p.Index] = true
		}
		for _, rev := range d.Revisions {
			if rev.Part == r.parts.comments && r.opts.Comments == CommentsDrop || dropped[rev.Paragraph] && rev.Paragraph > 0 {
				continue
			}
			add(kind, rev.Paragraph, rev.Text, string(rev.Kind))
		}
	}
	return out
}

// noteBinding takes note of a data binding left out.
func (r *region) noteBinding(para int, xpath string) {
	text := ""
	if p := r.doc.ParagraphAt(para); p != nil {
		text = p.Text
	}
	r.bindings = append(r.bindings, Change{Kind: BindingRemoved, Region: r.info.Code, Paragraph: para, Text: text,
		Detail: "bound to " + xpath + "; the region's text kept"})
}

// keepComment notes a comment carried.
func (r *region) keepComment(id string) {
	if r.keptComments == nil {
		r.keptComments = map[string]bool{}
	}
	r.keptComments[id] = true
}

// Claims returns, by region code, what the report says the merge did to
// each region's paragraphs, in the terms the read-back verifies against
// the sources and the output (validate.Expectations.Regions).
func (rep *Report) Claims() map[string]validate.RegionClaims {
	out := map[string]validate.RegionClaims{}
	for _, rr := range rep.Regions {
		var c validate.RegionClaims
		for _, ch := range rr.Changes {
			switch ch.Kind {
			case FrontMatterDropped:
				c.Dropped = append(c.Dropped, validate.Drop{Paragraph: ch.Paragraph, Text: ch.Text})
			case HeadingRenumbered, HeadingReplaced:
				c.Heading = ch.Paragraph
			}
		}
		out[rr.Code] = c
	}
	return out
}
