package check

import (
	"fmt"
	"strings"

	"tsagmerge/ingest"
)

// A TD's own check: the file that will be published, rather than the
// contributions it was made from. The document checks that mean the same
// in a TD run on the whole of it, each finding placed in the region whose
// section holds it; and what only a TD can get wrong is looked at too:
// markers left on the cover, a draft's marks, the region sections.

// tdChecks are the document checks that apply to a TD as they do to a
// contribution (a TD has no front matter of its own to report, and its
// headers and footers are its own).
var tdChecks = []docCheck{comments, revisions, residue, duplicates, emptySections}

// coverMarkers are what a draft's cover shows where a value was missing
// (templates.Meta.FillDraftMarkers).
var coverMarkers = []string{"TSAG-TD000", "[place]", "[dates]", "[contact]"}

// checkTD checks one TD.
func checkTD(d *ingest.Document, opts Options) []Finding {
	var out []Finding
	for _, c := range tdChecks {
		out = append(out, c(d, opts)...)
	}
	placeInRegions(d, out)
	out = append(out, draftMarks(d)...)
	out = append(out, regionSections(d)...)
	return out
}

// placeInRegions gives each finding the region whose level-1 section
// holds its paragraph.
func placeInRegions(d *ingest.Document, fs []Finding) {
	secs := d.TDSections()
	for i := range fs {
		for _, s := range secs {
			if fs[i].Paragraph >= s.Paragraph {
				fs[i].Region = s.Region
			}
		}
	}
}

// draftMarks reports what says the TD is a draft: its status, and the
// cover's markers for values never given.
func draftMarks(d *ingest.Document) []Finding {
	var out []Finding
	if strings.EqualFold(d.Meta.Status, ingest.DraftStatus) {
		out = append(out, Finding{Kind: DraftTD, Text: "the TD is a draft (its status is " + d.Meta.Status + ", and its pages say DRAFT); publish it with consolidate without --draft"})
	}
	first := firstRegion(d)
	for _, p := range d.Paragraphs {
		if p.Index >= first {
			break // the cover and the template's sections come first
		}
		for _, m := range coverMarkers {
			if strings.Contains(p.Text, m) {
				out = append(out, Finding{Kind: CoverMarker, Paragraph: p.Index, Text: fmt.Sprintf("the cover still shows %s where a value was not given", m),
					Context: clip(p.Text)})
			}
		}
	}
	return out
}

// firstRegion is the paragraph of the TD's first region heading.
func firstRegion(d *ingest.Document) int {
	for _, s := range d.TDSections() {
		if s.Region != "" {
			return s.Paragraph
		}
	}
	return int(^uint(0) >> 1)
}

// regionSections reports a region section given twice, one standing
// before a region it should follow, and the regions the TD lacks.
func regionSections(d *ingest.Document) []Finding {
	var out []Finding
	seen := map[string]bool{}
	var prev *ingest.TDSection
	for _, s := range d.TDSections() {
		if s.Region == "" {
			continue
		}
		finding := Finding{Kind: RegionOrder, Region: s.Region, Section: s.Title, Paragraph: s.Paragraph, Context: clip(s.Title)}
		switch {
		case seen[s.Region]:
			finding.Text = fmt.Sprintf("%s has a second section, %q", s.Region, s.Title)
			out = append(out, finding)
			continue
		case prev != nil && regionOrder(s.Region) < regionOrder(prev.Region):
			finding.Text = fmt.Sprintf("%q stands after %q, which should follow it (the order is Africa, Americas, Arab States, Asia and the Pacific, CIS, Europe)", s.Title, prev.Title)
			out = append(out, finding)
		}
		seen[s.Region] = true
		prev = &s
	}
	for _, r := range ingest.Regions {
		if !seen[r.Code] {
			out = append(out, Finding{Kind: MissingRegion, Region: r.Code, Text: fmt.Sprintf("the TD has no section for %s", r.Name)})
		}
	}
	return out
}

// regionOrder is a region's place in the report's order.
func regionOrder(code string) int {
	_, i, _ := ingest.RegionByCode(code)
	return i
}
