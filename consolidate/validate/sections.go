package validate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// The rules checkSections checks.
const (
	RuleSections  = "sections"   // a region has its source's page sections: count, orientation, columns
	RuleHeaderRef = "header-ref" // every section names a default header and footer that exist
)

// pageSection is one w:sectPr of a main document, a paragraph's or the
// body's own.
type pageSection struct {
	para      int  // Index of the paragraph it ends (the body's own: one past the last)
	landscape bool // w:pgSz w:orient="landscape", or wider than high
	cols      int
	refs      []sectRef
}

// sectRef is a w:headerReference or w:footerReference.
type sectRef struct {
	kind, typ, id string // kind "header" or "footer"; typ "default" when not given
}

// checkSections checks the output's page sections against the sources': each
// region has as many sections as its source, in the same orientations and
// with the same columns, and every section of the output names a default
// header and a default footer (as any of its sections does) whose
// relationships lead to existing header and footer parts. Problems are
// named by the region the section is in, or the main part for the
// template's own. A source section whose paragraphs were all dropped as
// the merge's report says is not expected.
func checkSections(rep *report, out *Output, sources *Sources, spans map[string]span, acc map[string]*account) {
	if out.side.main == "" {
		return // Package reports it
	}
	main := out.side.main
	if out.side.sectionsErr != nil {
		rep.add(main, RuleSections, "the page sections cannot be read: %v", out.side.sectionsErr)
		return
	}
	outSects := out.side.sections
	owner := sectionOwners(out.Doc, spans, outSects)
	checkRefs(rep, out.Doc.Package, main, outSects, owner)
	byRegion := map[string][]pageSection{}
	for i, s := range outSects {
		if owner[i] != "" {
			byRegion[owner[i]] = append(byRegion[owner[i]], s)
		}
	}
	for _, in := range sources.docs {
		code := in.Region.Code
		src := sources.source(in)
		if _, ok := spans[code]; !ok || !src.sectionsOK {
			continue // Content reports a missing region
		}
		compareSections(rep, code, carriedSections(src.sections, acc[code].dropped), byRegion[code])
	}
}

// mainSections reads the page sections of a package's main part, as
// they were before their tracked changes when original is set. A
// document without any has one section, every property at its default.
func mainSections(p *opc.Package, original bool) ([]pageSection, bool) {
	if p == nil {
		return nil, false
	}
	main, err := p.MainDocument()
	if err != nil {
		return nil, false
	}
	sects, err := readSections(p, main, original)
	if err != nil {
		return nil, false
	}
	if len(sects) == 0 {
		sects = []pageSection{{cols: 1}}
	}
	return sects, true
}

// carriedSections leaves out of a source's sections those whose every
// paragraph the merge dropped (a contribution's own title page, ended by a
// section break): the section goes with its content, and the next one
// starts the region. The last section always stands: the region's heading
// is in it whatever else was dropped.
func carriedSections(src []pageSection, dropped map[int]bool) []pageSection {
	var out []pageSection
	from := 1
	for k, s := range src {
		if k == len(src)-1 {
			return append(out, s)
		}
		for i := from; i <= s.para; i++ {
			if !dropped[i] {
				out = append(out, s)
				break
			}
		}
		from = s.para + 1
	}
	return out
}

// sectionOwners names the region each output section is in: the region
// whose span holds the paragraph the section ends with ("" for the
// template's).
func sectionOwners(out *ingest.Document, spans map[string]span, sects []pageSection) []string {
	type start struct {
		index int
		code  string
	}
	var starts []start
	for code, sp := range spans {
		if sp.from < len(out.Paragraphs) {
			starts = append(starts, start{out.Paragraphs[sp.from].Index, code})
		}
	}
	owner := make([]string, len(sects))
	for i, s := range sects {
		best := -1
		for j, st := range starts {
			if st.index <= s.para && (best < 0 || st.index > starts[best].index) {
				best = j
			}
		}
		if best >= 0 {
			owner[i] = starts[best].code
		}
	}
	return owner
}

// compareSections holds a region's sections in the output to its source's.
func compareSections(rep *report, code string, src, out []pageSection) {
	if len(src) != len(out) {
		rep.add(code, RuleSections, "the source has %s, the output %d for the region", plural(len(src), "page section"), len(out))
		return
	}
	for i := range src {
		s, o := src[i], out[i]
		if s.landscape != o.landscape {
			rep.add(code, RuleSections, "section %d of the region is %s in the source, %s in the output", i+1, orientation(s.landscape), orientation(o.landscape))
		}
		if s.cols != o.cols {
			rep.add(code, RuleSections, "section %d of the region has %s in the source, %d in the output", i+1, plural(s.cols, "column"), o.cols)
		}
	}
}

// checkRefs checks every section's header and footer references.
func checkRefs(rep *report, p *opc.Package, main string, sects []pageSection, owner []string) {
	rels, _ := p.Rels(main)
	byID := map[string]opc.Relationship{}
	for _, r := range rels {
		byID[r.ID] = r
	}
	want := map[string]bool{} // what any section names, every section must
	for _, s := range sects {
		for _, r := range s.refs {
			if r.typ == "default" {
				want[r.kind] = true
			}
		}
	}
	for i, s := range sects {
		where := owner[i]
		name := fmt.Sprintf("section %d of the TD", i+1)
		if where == "" {
			where = main
		}
		has := map[string]bool{}
		for _, r := range s.refs {
			rel, ok := byID[r.id]
			relType := opc.RelHeader
			if r.kind == "footer" {
				relType = opc.RelFooter
			}
			switch {
			case !ok:
				rep.add(where, RuleHeaderRef, "%s names %s %q that the main part's relationships do not have", name, r.kind, r.id)
				continue
			case !rel.TypeIs(relType) || rel.External || !p.Has(rel.Part):
				rep.add(where, RuleHeaderRef, "%s names %s %q, which leads to no %s part", name, r.kind, r.id, r.kind)
				continue
			}
			if r.typ == "default" {
				has[r.kind] = true
			}
		}
		for _, kind := range []string{"header", "footer"} {
			if want[kind] && !has[kind] {
				rep.add(where, RuleHeaderRef, "%s names no default %s: its pages show no running %s", name, kind, kind)
			}
		}
	}
}

// readSections lists the page sections of a main document part, as they
// are, or with original set as they were before their tracked changes
// (w:sectPrChange holds the old properties whole).
func readSections(p *opc.Package, main string, original bool) ([]pageSection, error) {
	data, err := p.Read(main)
	if err != nil {
		return nil, err
	}
	sc := xmltok.New(data, xmltok.Options{})
	var (
		stack []string
		out   []pageSection
		cur   *pageSection
		paras int // body paragraphs met, as ingest counts them
		openP int
	)
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			_, l := xmltok.SplitName(t.Name)
			local := string(l)
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch {
			case local == "p":
				if openP == 0 && inBody(stack) {
					paras++
				}
			case local == "sectPr" && (parent == "pPr" || parent == "body") && inBody(stack):
				para := paras
				if parent == "body" {
					para = paras + 1
				}
				out = append(out, pageSection{para: para, cols: 1})
				cur = &out[len(out)-1]
			case cur != nil && local == "sectPr" && parent == "sectPrChange":
				if original { // the old properties replace the current ones
					*cur = pageSection{para: cur.para, cols: 1, refs: cur.refs}
				}
			case cur != nil && parent == "sectPr" && (original || !slices.Contains(stack, "sectPrChange")):
				readSectChild(cur, local, t)
			}
			if !t.SelfClosing {
				stack = append(stack, local)
				if local == "p" {
					openP++
				}
			} else if local == "sectPr" {
				cur = nil
			}
		case xmltok.EndTag:
			if len(stack) == 0 {
				continue
			}
			local := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch local {
			case "p":
				openP--
			case "sectPr":
				if len(stack) > 0 && (stack[len(stack)-1] == "pPr" || stack[len(stack)-1] == "body") {
					cur = nil
				}
			}
		}
	}
	return out, sc.Err()
}

// inBody reports whether the open elements are inside w:body.
func inBody(stack []string) bool {
	return len(stack) >= 2 && stack[1] == "body"
}

// readSectChild reads one child of a section's properties.
func readSectChild(s *pageSection, local string, t *xmltok.Token) {
	switch local {
	case "headerReference", "footerReference":
		typ, _ := t.LocalAttr("type")
		if typ == "" {
			typ = "default"
		}
		id, _ := t.LocalAttr("id")
		s.refs = append(s.refs, sectRef{strings.TrimSuffix(local, "Reference"), typ, id})
	case "pgSz":
		orient, _ := t.LocalAttr("orient")
		w, _ := t.LocalAttr("w")
		h, _ := t.LocalAttr("h")
		wv, _ := strconv.ParseFloat(w, 64)
		hv, _ := strconv.ParseFloat(h, 64)
		s.landscape = orient == "landscape" || wv > hv && hv > 0
	case "cols":
		if n, _ := t.LocalAttr("num"); n != "" {
			if v, err := strconv.Atoi(n); err == nil && v > 0 {
				s.cols = v
			}
		}
	}
}

func orientation(landscape bool) string {
	if landscape {
		return "landscape"
	}
	return "portrait"
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
