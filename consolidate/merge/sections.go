package merge

import (
	"strings"

	"tsagmerge/ingest/xmltok"
)

// Page sections. The template's body-level w:sectPr describes its one
// section: the cover and the standard sections 1 and 2, with a title page
// (w:titlePg) whose first-page header is the cover's and a default header
// ("- N -" and the TD number) on the pages after it. Each region brings
// its own sections, and in OOXML a w:sectPr ends the section it describes
// (its w:type says how that section starts). So the output is laid out as:
//
//   - the template's content, ended by a paragraph holding the template's
//     own section properties (title page and all), so the cover keeps its
//     first-page header;
//   - each region's sections, each ended by its own w:sectPr: those the
//     region has in paragraphs as they are, and the region's body-level one
//     in a paragraph of its own after the region (for the last region it
//     becomes the output's body-level w:sectPr). Before, the body-level one
//     was dropped, so a region's last section took the properties of
//     whatever sectPr came next: the next region's first (a lost page
//     break, a wrong orientation) or the template's;
//   - every region w:sectPr names the template's default (and even-page)
//     header and footer explicitly: the region's own are not carried, and
//     a section without references would inherit them from the previous
//     section only, leaving the sections before the first that has any
//     without a running header. A region's section never gets the title
//     page behaviour (its w:titlePg is dropped), so no region page shows the
//     cover's first-page header.
//
// A region's first section starts on a new page even when its source says
// continuous: in the source it was the first section, which starts a page
// whatever its type says. Page numbering (w:pgNumType) stays the region's
// (its format, chapter numbers and restarts), but for the restart of its
// first section: there it says where the contribution's own numbering
// begins, and inside the TD it would number a page in the middle "- 1 -"
// where the TD's pages run on from the cover. A restart further on is the
// region's choice, kept.

// sectSetup is what the regions' sections take from the template.
type sectSetup struct {
	start, end int    // the template's body-level w:sectPr in its main part
	raw        []byte // its bytes
	refs       []hdrRef
}

// hdrRef is a w:headerReference or w:footerReference of the template.
type hdrRef struct {
	local, typ, id string
}

// readSectSetup reads the template's body-level section properties, which
// start at from.
func readSectSetup(doc []byte, from int) sectSetup {
	ss := sectSetup{start: from, end: from}
	sc := newScanner("template", doc[from:])
	depth := 0
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			_, local := xmltok.SplitName(t.Name)
			if depth == 1 && (string(local) == "headerReference" || string(local) == "footerReference") {
				typ, _ := t.LocalAttr("type")
				if typ == "" {
					typ = "default"
				}
				id, _ := t.LocalAttr("id")
				ss.refs = append(ss.refs, hdrRef{string(local), typ, id})
			}
			if !t.SelfClosing {
				depth++
			} else if depth == 0 {
				ss.end = from + t.End
				ss.raw = doc[from:ss.end]
				return ss
			}
		case xmltok.EndTag:
			depth--
			if depth == 0 {
				ss.end = from + t.End
				ss.raw = doc[from:ss.end]
				return ss
			}
		}
	}
	return ss
}

// regionRefs renders the header and footer references every region
// section gets: the template's default and even-page ones (a first-page
// one serves only a section with a title page, which no region section
// has), with the output's prefixes.
func (ss sectSetup) regionRefs(wp, rp string) string {
	var b strings.Builder
	for _, ref := range ss.refs {
		if ref.typ == "first" {
			continue
		}
		b.WriteString("<" + wp + ":" + ref.local + " " + wp + `:type="` + ref.typ + `" ` + rp + `:id="`)
		b.WriteString(xmltok.EscapeText(ref.id))
		b.WriteString(`"/>`)
	}
	return b.String()
}

// sectStart handles a w:sectPr of a region's body: a paragraph's or the
// body's own (the one of a tracked property change is left alone). It
// returns false when the element was written anew.
func (rw *rewriter) sectStart(sc *xmltok.Scanner, fr *frame) bool {
	p := rw.parent()
	bodyLevel := p != nil && p.flags&fBody != 0
	if p == nil || !(bodyLevel || string(p.local) == "pPr") {
		return true
	}
	first := !rw.sawSect
	rw.sawSect = true
	if bodyLevel {
		fr.flags |= fFinalSect
	}
	if first {
		fr.flags |= fFirstSect
	}
	if !sc.Tok.SelfClosing {
		fr.flags |= fSect
		return true
	}
	// <w:sectPr/>: every property at its default, on the TD's page.
	mark := len(rw.out)
	rw.emitStart(sc, fr)
	rw.out = rw.out[:len(rw.out)-2]
	rw.writeString(">")
	rw.writeString(rw.r.sectRefs)
	if rw.r.page.w != "" {
		rw.synth(`<%w:pgSz %w:w="%s" %w:h="%s"/>`, rw.r.page.w, rw.r.page.h)
		rw.pageMargins()
	}
	rw.synth(`</%w:sectPr>`)
	if bodyLevel {
		rw.keepFinalSect(mark)
	}
	return false
}

// keepFinalSect takes the region's body-level w:sectPr, written from mark
// on, out of the body: assemble puts it after the region.
func (rw *rewriter) keepFinalSect(mark int) {
	rw.r.out.finalSect = append([]byte(nil), rw.out[mark:]...)
	rw.truncate(mark)
}

// sectChild handles a child of a region w:sectPr: the first section's type
// and its page numbering restart. It returns false to leave the element out.
func (rw *rewriter) sectChild(local string) bool {
	p := rw.parent()
	if p == nil || p.flags&fSect == 0 {
		return true
	}
	switch local {
	case "type":
		if p.flags&fFirstSect != 0 {
			if v, i := rw.attrGet(nsW, "val"); i >= 0 && (v == "continuous" || v == "nextColumn") {
				rw.setVal(i, "nextPage")
			}
		}
	case "pgNumType":
		if p.flags&fFirstSect != 0 {
			rw.dropAttr(nsW, "start")
		}
	}
	return true
}

// plainSect is the section properties of a region whose body has none: the
// template's references and page, without a title page.
func (m *merger) plainSect(r *region) []byte {
	wp := m.parts[mpDocument].union.prefixOf(uriW)
	out := "<" + wp + ":sectPr>" + r.sectRefs
	if ps := m.base.page; ps.w != "" {
		out += "<" + wp + `:pgSz ` + wp + `:w="` + ps.w + `" ` + wp + `:h="` + ps.h + `"/>`
		out += "<" + wp + ":pgMar"
		for _, k := range marginOrder {
			if v, ok := ps.mar[k]; ok {
				out += " " + wp + ":" + k + `="` + xmltok.EscapeText(v) + `"`
			}
		}
		out += "/>"
	}
	return []byte(out + "</" + wp + ":sectPr>")
}

// bodyInserts lays out the main document's sections (see above): the
// cover section's end before the regions, a section end after each region
// but the last, and the last region's section properties in place of the
// template's body-level ones.
func (m *merger) bodyInserts() []insert {
	b := m.base
	bodies := m.collect(func(o *regionOutput) []byte { return o.body })
	if len(m.regions) == 0 {
		return []insert{{at: b.insertAt, data: bodies}}
	}
	wp := m.parts[mpDocument].union.prefixOf(uriW)
	paraOpen, paraClose := []byte("<"+wp+":p><"+wp+":pPr>"), []byte("</"+wp+":pPr></"+wp+":p>")
	data := [][]byte{paraOpen, b.sect.raw, paraClose}
	for i, r := range m.regions {
		data = append(data, r.out.body)
		sect := r.out.finalSect
		if sect == nil {
			sect = m.plainSect(r)
		}
		if i < len(m.regions)-1 {
			data = append(data, paraOpen, sect, paraClose)
		} else {
			data = append(data, sect)
		}
	}
	return []insert{{at: b.insertAt, skip: b.sect.end - b.sect.start, data: data}}
}
