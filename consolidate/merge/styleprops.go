package merge

import (
	"bytes"
	"slices"
	"sort"

	"tsagmerge/ingest"
	"tsagmerge/ingest/xmltok"
)

// Writing formatting into styles: the styles a region keeps its look with
// ("Normal (ARB)") are written whole, and a region's own style that would
// inherit another look in the output has the properties it needs set in
// its definition, each element where the schema puts it.

// The children of w:style, w:pPr and w:rPr in schema order (CT_Style,
// CT_PPr, CT_RPr), so that an element added goes where Word expects it.
var (
	styleOrder = []string{"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
		"uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
		"personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"}
	pPrOrder = []string{"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
		"numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
		"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
		"spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
		"textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"}
	rPrOrder = []string{"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
		"outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color",
		"spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
		"vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"}
)

// rank is a name's place in order; names it does not list go last.
func rank(order []string, local string) int {
	if i := slices.Index(order, local); i >= 0 {
		return i
	}
	return len(order)
}

// propGroup is the properties of set held by one element, in order.
type propGroup struct {
	elem  string
	props []ingest.Prop
}

// groups splits the properties of set that para selects (paragraph or
// run ones) by element, in property (and so schema) order.
func groups(set ingest.Props, para bool) []propGroup {
	var out []propGroup
	for _, p := range set.Keys() {
		if p.IsParagraph() != para {
			continue
		}
		if n := len(out); n > 0 && out[n-1].elem == p.Element() {
			out[n-1].props = append(out[n-1].props, p)
			continue
		}
		out = append(out, propGroup{elem: p.Element(), props: []ingest.Prop{p}})
	}
	return out
}

// appendElement writes one property element with the values set gives;
// an attribute without a value (a font that was never named) is left out.
func appendElement(b []byte, w string, g propGroup, set ingest.Props) []byte {
	b = append(b, '<')
	b = append(b, w...)
	b = append(b, ':')
	b = append(b, g.elem...)
	for _, p := range g.props {
		v := set[p]
		if p.IsToggle() {
			if v == "0" {
				b = appendPropAttr(b, w, "val", "0")
			}
			continue
		}
		if v != "" {
			b = appendPropAttr(b, w, p.Attr(), v)
		}
	}
	return append(b, "/>"...)
}

func appendPropAttr(b []byte, w, local, val string) []byte {
	b = append(b, ' ')
	b = append(b, w...)
	b = append(b, ':')
	b = append(b, local...)
	b = append(b, `="`...)
	b = xmltok.AppendEscaped(b, val)
	return append(b, '"')
}

// propsXML writes the w:pPr or w:rPr holding the properties of set.
func propsXML(b []byte, w string, set ingest.Props, para bool) []byte {
	gs := groups(set, para)
	if len(gs) == 0 {
		return b
	}
	name := "rPr"
	if para {
		name = "pPr"
	}
	b = append(b, "<"+w+":"+name+">"...)
	for _, g := range gs {
		b = appendElement(b, w, g, set)
	}
	return append(b, "</"+w+":"+name+">"...)
}

// variantXML writes a style of a region's, based on the output's style
// base, that sets the properties of set.
func variantXML(id, name, typ, base string, set ingest.Props) []byte {
	b := []byte(`<w:style w:type="`)
	b = xmltok.AppendEscaped(b, typ)
	b = append(b, `" w:customStyle="1" w:styleId="`...)
	b = xmltok.AppendEscaped(b, id)
	b = append(b, `"><w:name w:val="`...)
	b = xmltok.AppendEscaped(b, name)
	b = append(b, `"/><w:basedOn w:val="`...)
	b = xmltok.AppendEscaped(b, base)
	b = append(b, `"/><w:qFormat/>`...)
	if typ == "paragraph" {
		b = propsXML(b, "w", set, true)
	}
	b = propsXML(b, "w", set, false)
	return append(b, "</w:style>"...)
}

// edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       []byte
}

// styleChild is an element found in a style: its start tag's range, and the
// range of the whole element.
type styleChild struct {
	local        string
	tag          xmltok.Token
	start, end   int
	selfClosing  bool
	contentStart int // just after the start tag
	contentEnd   int // at the end tag
}

// setStyleProps returns the style element xml with the properties of set
// written into its w:pPr and w:rPr: an element the style has takes the
// values, one it lacks is added in schema order, and so are w:pPr and
// w:rPr themselves.
func setStyleProps(where string, xml []byte, set ingest.Props) ([]byte, error) {
	if len(set) == 0 {
		return xml, nil
	}
	w, top, inner, err := styleChildren(where, xml)
	if err != nil {
		return nil, err
	}
	var edits []edit
	for _, container := range []string{"pPr", "rPr"} {
		gs := groups(set, container == "pPr")
		if len(gs) == 0 {
			continue
		}
		c := findChild(top, container)
		if c == nil {
			at := insertPoint(top, styleOrder, container, len(xml)-len("</"+w+":style>"))
			edits = append(edits, edit{at, at, propsXML(nil, w, set, container == "pPr")})
			continue
		}
		order := rPrOrder
		if container == "pPr" {
			order = pPrOrder
		}
		edits = append(edits, containerEdits(w, xml, c, inner[container], order, gs, set)...)
	}
	// From the end back, so that offsets hold; of two insertions at one
	// place, the one made later (schema order) is applied first and so
	// stands after the other.
	slices.Reverse(edits)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := bytes.Clone(xml)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], e.text, out[e.end:])
	}
	return out, nil
}

// containerEdits sets the groups' elements inside an existing w:pPr or
// w:rPr c, whose children are kids.
func containerEdits(w string, xml []byte, c *styleChild, kids []*styleChild, order []string, gs []propGroup, set ingest.Props) []edit {
	if c.selfClosing {
		var b []byte
		b = append(b, "<"+w+":"+c.local+">"...)
		for _, g := range gs {
			b = appendElement(b, w, g, set)
		}
		b = append(b, "</"+w+":"+c.local+">"...)
		return []edit{{c.start, c.end, b}}
	}
	var edits []edit
	for _, g := range gs {
		if k := findChild(kids, g.elem); k != nil {
			edits = append(edits, edit{k.start, k.end, mergedElement(w, k, g, set)})
			continue
		}
		at := insertPoint(kids, order, g.elem, c.contentEnd)
		edits = append(edits, edit{at, at, appendElement(nil, w, g, set)})
	}
	return edits
}

// mergedElement rewrites an existing property element with the values of
// set, keeping its other attributes; an on/off element is written anew.
func mergedElement(w string, k *styleChild, g propGroup, set ingest.Props) []byte {
	if g.props[0].IsToggle() {
		return appendElement(nil, w, g, set)
	}
	b := append([]byte(nil), k.tag.Name...)
	b = append([]byte{'<'}, b...)
	replaced := map[string]bool{}
	for _, p := range g.props {
		replaced[p.Attr()] = true
		if alias := aliasOf(p); alias != "" {
			replaced[alias] = true
		}
	}
	for _, a := range k.tag.Attrs {
		if _, l := xmltok.SplitName(a.Name); replaced[string(l)] {
			continue
		}
		b = append(b, ' ')
		b = append(b, a.Name...)
		b = append(b, `="`...)
		b = xmltok.AppendEscaped(b, xmltok.Unescape(a.Value))
		b = append(b, '"')
	}
	for _, p := range g.props {
		if v := set[p]; v != "" {
			b = appendPropAttr(b, w, p.Attr(), v)
		}
	}
	return append(b, "/>"...)
}

// aliasOf names the other attribute a property may be written in (ind's
// start for left), which a merged element must not keep beside it.
func aliasOf(p ingest.Prop) string {
	switch p {
	case ingest.IndentStart:
		return "start"
	case ingest.IndentEnd:
		return "end"
	}
	return ""
}

func findChild(kids []*styleChild, local string) *styleChild {
	for _, k := range kids {
		if k.local == local {
			return k
		}
	}
	return nil
}

// insertPoint is where an element named local goes among kids: before the
// first that the order puts after it, else at end.
func insertPoint(kids []*styleChild, order []string, local string, end int) int {
	r := rank(order, local)
	for _, k := range kids {
		if rank(order, k.local) > r {
			return k.start
		}
	}
	return end
}

// styleChildren scans a w:style element: its prefix for w:, its children,
// and the children of its w:pPr and w:rPr.
func styleChildren(where string, xml []byte) (w string, top []*styleChild, inner map[string][]*styleChild, err error) {
	inner = map[string][]*styleChild{}
	sc := newScanner(where, xml)
	var open []*styleChild
	for sc.Next() {
		t := sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			depth := sc.Depth() - boolInt(!t.SelfClosing)
			prefix, local := xmltok.SplitName(t.Name)
			if depth == 0 {
				w = string(prefix)
				continue
			}
			c := &styleChild{local: string(local), tag: t, start: t.Start, end: t.End, selfClosing: t.SelfClosing, contentStart: t.End}
			c.tag.Attrs = slices.Clone(t.Attrs)
			switch depth {
			case 1:
				top = append(top, c)
			case 2:
				if p := open[0]; p.local == "pPr" || p.local == "rPr" {
					inner[p.local] = append(inner[p.local], c)
				}
			}
			if !t.SelfClosing {
				open = append(open, c)
			}
		case xmltok.EndTag:
			if len(open) > 0 {
				c := open[len(open)-1]
				open = open[:len(open)-1]
				c.contentEnd, c.end = t.Start, t.End
			}
		}
	}
	if err := scanErr(sc); err != nil {
		return "", nil, nil, err
	}
	return w, top, inner, nil
}
