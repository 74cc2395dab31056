package merge

import (
	"strconv"

	"tsagmerge/ingest/xmltok"
)

// A region's own section breaks are kept (a landscape page for a wide
// table is content), but their pages take the TD's size and margins: a
// contribution written on Letter paper would otherwise print a few Letter
// pages in the middle of an A4 document.

// pageSetup is the template's page size and margins, from its body-level
// section properties.
type pageSetup struct {
	w, h string            // page width and height in twentieths of a point
	mar  map[string]string // pgMar attributes by local name
}

// readPageSetup reads the w:pgSz and w:pgMar of the template's last section.
func readPageSetup(sectPr []byte) pageSetup {
	ps := pageSetup{mar: map[string]string{}}
	forEachTag(sectPr, func(t *xmltok.Token, local []byte) {
		switch string(local) {
		case "pgSz":
			ps.w, _ = t.LocalAttr("w")
			ps.h, _ = t.LocalAttr("h")
		case "pgMar":
			for _, a := range t.Attrs {
				_, l := xmltok.SplitName(a.Name)
				ps.mar[string(l)] = xmltok.Unescape(a.Value)
			}
		}
	})
	return ps
}

// marginOrder is the order Word writes w:pgMar's attributes in.
var marginOrder = []string{"top", "right", "bottom", "left", "header", "footer", "gutter"}

// pageSize writes the template's page size in place of a region section's,
// turned when the region's page is landscape.
func (rw *rewriter) pageSize() {
	ps := rw.r.page
	w, h := ps.w, ps.h
	orient, _ := rw.attrGet(nsW, "orient")
	sw, _ := rw.attrGet(nsW, "w")
	sh, _ := rw.attrGet(nsW, "h")
	if orient == "landscape" || wider(sw, sh) {
		w, h = h, w
		rw.synth(`<%w:pgSz %w:w="%s" %w:h="%s" %w:orient="landscape"/>`, w, h)
		return
	}
	rw.synth(`<%w:pgSz %w:w="%s" %w:h="%s"/>`, w, h)
}

// pageMargins writes the template's margins in place of a region section's.
func (rw *rewriter) pageMargins() {
	rw.synth(`<%w:pgMar`)
	for _, k := range marginOrder {
		if v, ok := rw.r.page.mar[k]; ok {
			rw.synth(` %w:`+k+`="%s"`, v)
		}
	}
	rw.synth(`/>`)
}

// wider reports whether a page of width w and height h (twentieths of a
// point, as written) is wider than high: landscape even without w:orient.
func wider(w, h string) bool {
	wv, err1 := strconv.ParseFloat(w, 64)
	hv, err2 := strconv.ParseFloat(h, 64)
	return err1 == nil && err2 == nil && wv > hv
}
