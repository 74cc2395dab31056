package ingest

import (
	"strings"

	"tsagmerge/ingest/opc"
)

// assemble turns the parsed parts into the Document.
func (r *reader) assemble() {
	d := r.doc
	if r.body.strict {
		d.Strict = true
	}
	d.Styles = r.styles
	d.Numbering = r.numbering
	r.finishParagraphs()
	r.buildSections()
	d.Blocks = r.body.blocks
	d.Tables = r.body.tables
	for _, so := range []*storyOut{r.body, r.footnotes, r.endnotes, r.comments} {
		if so == nil {
			continue
		}
		d.Revisions = append(d.Revisions, so.revisions...)
		d.Bookmarks = append(d.Bookmarks, so.bookmarks...)
		d.Fields = append(d.Fields, so.fields...)
		d.Hidden = append(d.Hidden, so.hidden...)
		d.Highlights = append(d.Highlights, so.highlights...)
		r.resolveLinks(so)
	}
	if r.footnotes != nil {
		d.Footnotes = r.footnotes.notes
	}
	if r.endnotes != nil {
		d.Endnotes = r.endnotes.notes
	}
	r.resolveFigures()
	r.joinComments()
	r.captions()
	r.fillSections()
	d.Region = DetectRegion(r.regionHeading(), d.Path, d.Meta.Title)
	r.findRegionLine()
	if n := r.body.altChunks; n > 0 {
		r.warn("holds %d imported document(s) (w:altChunk) whose text is not read; open it in Word and save it again so that Word merges them in", n)
	}
	r.emptyLists()
}

// finishParagraphs sets each body paragraph's style name, heading level and
// list information now that styles and numbering are known.
func (r *reader) finishParagraphs() {
	ss := r.styles
	for _, info := range r.body.paras {
		p := info.p
		if p.StyleID == "" && ss != nil {
			p.StyleID = ss.DefaultParagraph
		}
		p.Style = ss.Name(p.StyleID)
		p.Heading = r.headingLevel(info)
		numID, ilvl, ok := info.numID, info.ilvl, info.hasNum
		if !ok {
			numID, ilvl, ok = ss.numbering(p.StyleID)
		}
		if ok && numID != "" && numID != "0" {
			p.List = &ListInfo{NumID: numID, Level: ilvl, Format: r.numbering.format(numID, ilvl)}
		}
		r.doc.Paragraphs = append(r.doc.Paragraphs, p)
		if r.doc.Script == "" {
			if r.doc.Script = complexScriptOf(p.Text); r.doc.Script == "" && p.Original != p.Text {
				r.doc.Script = complexScriptOf(p.Original)
			}
			r.doc.ComplexScript = r.doc.Script != ""
		}
	}
}

// headingLevel is a paragraph's outline level: a direct w:outlineLvl wins
// over the style's; table cells and empty paragraphs are never headings.
func (r *reader) headingLevel(info *paraInfo) int {
	p := info.p
	if p.InTable || strings.TrimSpace(info.own) == "" {
		return 0
	}
	switch {
	case info.outline >= 1 && info.outline <= 9:
		return info.outline
	case info.outline == 10:
		return 0 // "body text" set on the paragraph itself
	}
	return r.styles.headingLevel(p.StyleID)
}

// resolveLinks fills in the URLs of a story's hyperlinks from its part's
// relationships, and adds them to the Document.
func (r *reader) resolveLinks(so *storyOut) {
	for _, h := range so.hyperlinks {
		if id, ok := so.linkRels[h]; ok {
			rel, found := r.rel(h.Part, id)
			switch {
			case !found:
				r.warn("hyperlink %q in %s names the missing relationship %s", h.Text, h.Part, id)
			case rel.External:
				h.URL = rel.Target
			default:
				h.URL = rel.Part
			}
		}
		r.doc.Hyperlinks = append(r.doc.Hyperlinks, h)
	}
}

// rel returns the relationship id of part, among those read with it.
func (r *reader) rel(part, id string) (opc.Relationship, bool) {
	for _, rel := range r.rels[part] {
		if rel.ID == id {
			return rel, true
		}
	}
	return opc.Relationship{}, false
}

// fillSections sets the section title of everything placed in a body
// paragraph.
func (r *reader) fillSections() {
	d := r.doc
	title := func(para int) string {
		if para < 1 || para > len(d.Paragraphs) {
			return ""
		}
		if s := d.Paragraphs[para-1].Section; s >= 0 && s < len(d.Sections) {
			return d.Sections[s].Title
		}
		return ""
	}
	for _, x := range d.Comments {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Revisions {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Figures {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Tables {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Hidden {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Highlights {
		x.Section = title(x.Paragraph)
	}
	for _, x := range d.Hyperlinks {
		x.Section = title(x.Paragraph)
	}
}

// emptyLists makes the Document's lists empty rather than nil, so JSON
// shows [] and callers may range without checks.
func (r *reader) emptyLists() {
	d := r.doc
	if d.Paragraphs == nil {
		d.Paragraphs = []*Paragraph{}
	}
	if d.Sections == nil {
		d.Sections = []*Section{}
	}
	if d.FrontMatter == nil {
		d.FrontMatter = []*Paragraph{}
		d.FrontMatterWhy = []string{}
	}
	if d.Comments == nil {
		d.Comments = []*Comment{}
	}
	if d.Revisions == nil {
		d.Revisions = []*Revision{}
	}
	if d.Figures == nil {
		d.Figures = []*Figure{}
	}
	if d.Tables == nil {
		d.Tables = []*Table{}
	}
	if d.Footnotes == nil {
		d.Footnotes = []*Note{}
	}
	if d.Endnotes == nil {
		d.Endnotes = []*Note{}
	}
	if d.Hyperlinks == nil {
		d.Hyperlinks = []*Hyperlink{}
	}
	if d.Bookmarks == nil {
		d.Bookmarks = []*Bookmark{}
	}
	if d.Fields == nil {
		d.Fields = []*Field{}
	}
	if d.Hidden == nil {
		d.Hidden = []*Mark{}
	}
	if d.Highlights == nil {
		d.Highlights = []*Mark{}
	}
	if d.Warnings == nil {
		d.Warnings = []string{}
	}
}
