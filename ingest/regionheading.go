package ingest

import "strings"

// The region heading rule. A contribution's region heading is its first
// level-1 heading: the sections start there (what stands before it is in
// no section), and it is Document.Sections[0]. A contribution without a
// level-1 heading may instead have a line naming its region
// (Document.RegionLine, frontmatter.go), which the merge makes its region
// heading; without either, the merge writes one. The heading's title is its
// text without the number the region typed before it (SplitHeadingNumber),
// or, when that leaves nothing or there is no heading, the region's own
// heading in the report (RegionInfo.Heading). Two spellings of a region
// heading are the same heading when their HeadingKey is the same.
//
// ingest finds the sections and the region from it, consolidate rewrites
// it as the TD's numbered level-1 heading (Document.RegionHeading), and the
// read-back finds each region's span of the TD by it (HeadingKey).

// RegionHeading is a contribution's region heading, by the rule above.
type RegionHeading struct {
	// Paragraph is the heading; nil when the contribution has none.
	Paragraph *Paragraph
	// Line is true when Paragraph is the line naming the region
	// (Document.RegionLine) rather than a level-1 heading.
	Line bool
	// Section is the index in Document.Sections of the section the heading
	// opens, -1 when it opens none.
	Section int
	// Number is the number the region typed before the title ("3"), "" when
	// none.
	Number string
	// Title is the heading's title, without a typed number.
	Title string
}

// RegionHeading returns the document's region heading.
func (d *Document) RegionHeading() RegionHeading {
	info, _, _ := RegionByCode(d.Region.Code)
	rh := RegionHeading{Section: -1, Title: info.Heading}
	if len(d.Sections) > 0 && d.Sections[0].Level == 1 {
		if p := d.ParagraphAt(d.Sections[0].Paragraph); p != nil && !p.InTable {
			rh.Paragraph = p
		}
	}
	if rh.Paragraph == nil && d.RegionLine != nil {
		rh.Paragraph, rh.Line = d.RegionLine, true
		rh.Title = HeadingTitle(d.RegionLine.Text)
	}
	if rh.Paragraph != nil {
		for i, s := range d.Sections {
			if s.Paragraph == rh.Paragraph.Index {
				rh.Section, rh.Title, rh.Number = i, s.Title, s.Number
				break
			}
		}
	}
	// A number may still stand before the title (typed twice); it goes too.
	if rh.Title = HeadingTitle(rh.Title); rh.Title == "" {
		rh.Title = info.Heading
	}
	return rh
}

// HeadingTitle is a heading's text without the number typed before it,
// white space collapsed: SplitHeadingNumber's title.
func HeadingTitle(text string) string {
	_, title := SplitHeadingNumber(text)
	return title
}

var dashes = strings.NewReplacer("–", "-", "—", "-", "‑", "-")

// HeadingKey is how two spellings of a region heading are matched: typed
// number, dashes, case and spacing do not count.
func HeadingKey(text string) string {
	return strings.ToLower(dashes.Replace(HeadingTitle(text)))
}

// regionHeadingIndex is the position of the paragraph the sections start
// at: the region heading, else (in a contribution without a level-1
// heading) the first heading; -1 when there is none.
func regionHeadingIndex(paras []*Paragraph) int {
	if i := firstLevel1Index(paras); i >= 0 {
		return i
	}
	return firstHeadingIndex(paras)
}

// firstLevel1Index is the position of the first level-1 heading, -1 when
// there is none.
func firstLevel1Index(paras []*Paragraph) int {
	for i, p := range paras {
		if p.Heading == 1 {
			return i
		}
	}
	return -1
}

// regionHeading is the text the region is detected from: the title of the
// first section (the region heading, else the first heading), "" when
// there is none.
func (r *reader) regionHeading() string {
	if len(r.doc.Sections) == 0 {
		return ""
	}
	return r.doc.Sections[0].Title
}

// TDSection is a level-1 section of a consolidated TD, with the region it
// opens: in a TD each region's part starts at a level-1 heading naming the
// region (the merge writes it); a level-1 section naming none is the
// template's own, and ends the region before it.
type TDSection struct {
	*Section
	// Region is the code of the region the heading names, "" for none.
	Region string
}

// TDSections lists the document's level-1 sections in order, each with the
// region its title names.
func (d *Document) TDSections() []TDSection {
	var out []TDSection
	for _, s := range d.Sections {
		if s.Level == 1 {
			out = append(out, TDSection{s, DetectRegion(s.Title, "", "").Code})
		}
	}
	return out
}

// RegionSections counts the regions the document's level-1 headings name,
// each once: a contribution names one, a consolidated TD several.
func (d *Document) RegionSections() int {
	seen := map[string]bool{}
	for _, s := range d.TDSections() {
		if s.Region != "" {
			seen[s.Region] = true
		}
	}
	return len(seen)
}
