package validate

import (
	"fmt"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// RuleColour is Content's check that every colour of a region's runs and
// drawings (its body, and the charts it shows) resolves in the output,
// under the output's theme, to the RGB value it has in the source under
// the source's theme.
const RuleColour = "colour"

// colour is one colour as a reader sees it: what element says it, where
// (the body element of its range, from 1, and whether in the chart that
// element shows), and the RGB value (or "auto", or "phClr") it resolves to.
type colour struct {
	what    string
	el      int
	inChart bool
	rgb     string
	// inParaProps is set for the colours of a body paragraph's own
	// properties (its w:pPr), which cutColours may leave out.
	inParaProps bool
}

// where says where the colour stands, for messages.
func (c colour) where() string {
	at := fmt.Sprintf("at body element %d", c.el)
	if c.inChart {
		at += ", its chart"
	}
	return at
}

// colourRange is the body children from to to (exclusive, -1 for the end)
// of a main document, whose colours are compared together; head is the
// child whose paragraph properties are left out (the region heading's,
// which the merge writes anew), -1 for none.
type colourRange struct{ from, to, head int }

// colourScope is what a document's colours resolve against.
type colourScope struct {
	pkg   *opc.Package
	main  string
	theme *ingest.Theme
	cmap  map[string]string
}

// scopeOf returns the scope of a package's main document under its theme
// and colour mapping (Office's own when it has none).
func scopeOf(p *opc.Package, theme *ingest.Theme, cmap map[string]string) (colourScope, error) {
	main, err := p.MainDocument()
	if err != nil {
		return colourScope{}, err
	}
	s := colourScope{pkg: p, main: main, theme: theme, cmap: cmap}
	if s.theme == nil {
		s.theme = ingest.OfficeTheme()
	}
	if s.cmap == nil {
		s.cmap = ingest.DefaultColorMap()
	}
	return s, nil
}

// checkColours compares, region by region, the colours of the source's
// body (from its region heading on) with those of the region's span of
// the output, in document order, each resolved from its own package's
// theme and colour mapping. The source is read as expect says the merge
// treated its tracked changes.
func checkColours(rep *report, out *Output, sources *Sources, spans map[string]span, acc map[string]*account) {
	if !out.side.coloursOK {
		return
	}
	doc := out.Doc
	for _, in := range sources.docs {
		code := in.Region.Code
		sp, ok := spans[code]
		a := acc[code]
		src := sources.source(in)
		if !ok || !src.coloursOK || a == nil || len(a.carried) == 0 && a.heading == nil {
			continue
		}
		first := a.heading
		if first == nil || len(a.carried) > 0 && a.carried[0].Body < first.Body {
			first = a.carried[0]
		}
		head := -1
		if a.heading != nil {
			head = a.heading.Body
		}
		to := -1
		if sp.to < len(doc.Paragraphs) {
			to = doc.Paragraphs[sp.to].Body
		}
		from := doc.Paragraphs[sp.from].Body
		want := cutColours(src.colours, colourRange{first.Body, -1, head})
		got := cutColours(out.side.colours, colourRange{from, to, from})
		// Text that stood before the region heading stands after it in
		// the output (the report says so): the same colours in another
		// order are the same colours.
		if !sameColours(want, got) {
			compareColours(rep, code, want, got)
		}
	}
}

// bodyColours reads the colours of a package's whole body, as the mode
// shows them: what checkColours cuts a region's from (cutColours), once
// it knows where the region stands.
func bodyColours(p *opc.Package, theme *ingest.Theme, cmap map[string]string, mode RevisionMode) ([]colour, bool) {
	if p == nil {
		return nil, false
	}
	cs, err := scopeOf(p, theme, cmap)
	if err != nil {
		return nil, false
	}
	data, err := p.Read(cs.main)
	if err != nil {
		return nil, false
	}
	return cs.collect(data, mode), true
}

// cutColours keeps, of the colours of a whole body, those of the range's
// elements, leaving out those of its head's paragraph properties, and
// counts their elements from the range's first.
func cutColours(all []colour, r colourRange) []colour {
	var out []colour
	for _, c := range all {
		top := c.el - 1 // all counts from the body's first element
		if top < r.from || r.to >= 0 && top >= r.to || top == r.head && c.inParaProps {
			continue
		}
		c.el = top - r.from + 1
		out = append(out, c)
	}
	return out
}

// compareColours reports the colours that differ, in order. When one
// side has colours the other lacks, only that is reported, at the first
// place where the two part: a positional comparison after it would blame
// every colour that follows.
func compareColours(rep *report, code string, src, dst []colour) {
	n := min(len(src), len(dst))
	if len(src) == len(dst) {
		for i := 0; i < n; i++ {
			if src[i].rgb != dst[i].rgb {
				rep.add(code, RuleColour, "%s %s shows %s in the output but %s in the source (%s)", dst[i].what, dst[i].where(), dst[i].rgb, src[i].rgb, src[i].what)
			}
		}
		return
	}
	i := 0
	for i < n && src[i].rgb == dst[i].rgb {
		i++
	}
	describe := func(side string, cs []colour) string {
		if i < len(cs) {
			return fmt.Sprintf("the %s's %s %s (%s)", side, cs[i].what, cs[i].where(), cs[i].rgb)
		}
		return "the " + side + "'s end"
	}
	rep.add(code, RuleColour, "the output has %d colours where the source has %d; they part at %s, against %s",
		len(dst), len(src), describe("source", src), describe("output", dst))
}

// colourBorders are the w: elements whose w:color (and w:themeColor) is a
// colour beside w:color itself and w:shd: underlines and borders.
var colourBorders = map[string]bool{
	"u": true, "bdr": true, "top": true, "left": true, "bottom": true, "right": true, "start": true, "end": true,
	"insideH": true, "insideV": true, "tl2br": true, "tr2bl": true, "between": true, "bar": true,
}

// propsElements are the property elements whose tracked change
// (rPrChange, pPrChange…) holds the properties as they were.
var propsElements = map[string]bool{"rPr": true, "pPr": true, "tblPr": true, "trPr": true, "tcPr": true, "sectPr": true, "tblPrEx": true}

// colourWalk is one reading of a main document's body.
type colourWalk struct {
	cs   colourScope
	mode RevisionMode
	out  []colour
	top  int // index of the current child of w:body, from 0
	// skip is the depth below which nothing is read; 0 when reading.
	skip int
	// props are the open property elements, so that a rejected format
	// change can replace their colours.
	props []propsMark
	// paraProps is the depth of the open w:pPr of a body paragraph, 0
	// when none is open.
	paraProps int
	// rows are the open table rows: where their colours start, and
	// whether the merge leaves the row out.
	rows []rowMark
	// tables are the open tables: where their colours start, and how
	// many of their rows are kept; a table left without rows is left out.
	tables []tableMark
}

type tableMark struct{ at, rows, kept int }

// propsMark is an open property element: where its colours start in out,
// where those of its tracked change start (-1: none), and, for a w:pPr,
// where those of its w:rPr are, which a rejection keeps after the old
// properties.
type propsMark struct {
	local            string
	at, change       int
	keptFrom, keptTo int
}

type rowMark struct {
	depth, at int
	drop      bool
}

// collect reads the colours of the whole body of a main document, in one
// pass, each numbered by its body element (from 1); cutColours cuts a
// range's from them.
func (cs colourScope) collect(data []byte, mode RevisionMode) []colour {
	cw := &colourWalk{cs: cs, mode: mode, top: -1}
	sc := xmltok.New(data, xmltok.Options{})
	ns := xmltok.NewScope(opc.Transitional)
	var names xmltok.Names // a body names few elements, many times
	depth, bodyDepth := 0, -1
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			depth++
			uri, local, _ := ns.Element(t.Name)
			el := name{uri, names.String(local)}
			switch {
			case bodyDepth < 0 && el == w("body"):
				bodyDepth = depth
			case bodyDepth > 0 && depth == bodyDepth+1:
				cw.top++
			}
			if bodyDepth > 0 && depth > bodyDepth {
				cw.start(t, el, ns, depth, depth == bodyDepth+2)
			}
			if t.SelfClosing {
				cw.end(el, depth)
				ns.Close()
				depth--
			}
		case xmltok.EndTag:
			uri, local, _ := ns.Element(t.Name)
			cw.end(name{uri, names.String(local)}, depth)
			ns.Close()
			depth--
		}
	}
	return cw.out
}

// start reads one element of the body; child is set for the direct
// children of a body element.
func (cw *colourWalk) start(t *xmltok.Token, el name, ns *xmltok.Scope[string], depth int, child bool) {
	if cw.skip > 0 {
		return
	}
	var top *propsMark
	if len(cw.props) > 0 {
		top = &cw.props[len(cw.props)-1]
	}
	isChange := el.ns == nsW && strings.HasSuffix(el.local, "Change") && top != nil
	switch {
	case el == w("sectPr"),
		cw.mode == AcceptRevisions && top == nil && (el == w("del") || el == w("moveFrom")),
		cw.mode == RejectRevisions && top == nil && (el == w("ins") || el == w("moveTo")),
		cw.mode == AcceptRevisions && isChange:
		cw.skip = depth
		return
	case isChange && cw.mode == RejectRevisions:
		top.change = len(cw.out)
	case el.ns == nsW && propsElements[el.local]:
		if el.local == "rPr" && top != nil && top.local == "pPr" {
			top.keptFrom = len(cw.out)
		}
		cw.props = append(cw.props, propsMark{local: el.local, at: len(cw.out), change: -1, keptFrom: -1, keptTo: -1})
		if child && el.local == "pPr" {
			cw.paraProps = depth
		}
	case el == w("tbl"):
		cw.tables = append(cw.tables, tableMark{at: len(cw.out)})
	case el == w("tr"):
		cw.rows = append(cw.rows, rowMark{depth: depth, at: len(cw.out)})
	case top != nil && top.local == "trPr" && len(cw.rows) > 0 &&
		(el == w("del") && cw.mode == AcceptRevisions || el == w("ins") && cw.mode == RejectRevisions):
		cw.rows[len(cw.rows)-1].drop = true // a row inserted or deleted as a whole
	}
	cw.colours(t, el, ns)
}

func (cw *colourWalk) end(el name, depth int) {
	if cw.skip > 0 {
		if depth == cw.skip {
			cw.skip = 0
		}
		return
	}
	if depth == cw.paraProps {
		cw.paraProps = 0
	}
	switch {
	case el.ns == nsW && propsElements[el.local] && len(cw.props) > 0:
		cw.endProps()
	case el == w("tr") && len(cw.rows) > 0:
		r := cw.rows[len(cw.rows)-1]
		cw.rows = cw.rows[:len(cw.rows)-1]
		if r.drop {
			cw.out = cw.out[:r.at]
		}
		if len(cw.tables) > 0 {
			tm := &cw.tables[len(cw.tables)-1]
			tm.rows++
			if !r.drop {
				tm.kept++
			}
		}
	case el == w("tbl") && len(cw.tables) > 0:
		tm := cw.tables[len(cw.tables)-1]
		cw.tables = cw.tables[:len(cw.tables)-1]
		if tm.rows > 0 && tm.kept == 0 {
			cw.out = cw.out[:tm.at]
		}
	}
}

// endProps closes a property element. When a rejection restores the
// properties as they were, the colours of its tracked change replace its
// own, but for a w:pPr's w:rPr, which the merge keeps after them.
func (cw *colourWalk) endProps() {
	m := cw.props[len(cw.props)-1]
	cw.props = cw.props[:len(cw.props)-1]
	if m.local == "rPr" && len(cw.props) > 0 && cw.props[len(cw.props)-1].local == "pPr" {
		cw.props[len(cw.props)-1].keptTo = len(cw.out)
	}
	if m.change < 0 {
		return
	}
	old := append([]colour(nil), cw.out[m.change:]...)
	var kept []colour
	if m.keptFrom >= 0 && m.keptTo >= m.keptFrom {
		kept = append(kept, cw.out[m.keptFrom:m.keptTo]...)
	}
	cw.out = append(append(cw.out[:m.at], old...), kept...)
}

// colours adds the colours one element says, resolved, and those of the
// chart it shows.
func (cw *colourWalk) colours(t *xmltok.Token, el name, ns *xmltok.Scope[string]) {
	attr := func(uri, local string) (string, bool) {
		for _, a := range t.Attrs {
			p, l := xmltok.SplitName(a.Name)
			if string(l) != local {
				continue
			}
			if p == nil && uri == "" {
				return xmltok.Unescape(a.Value), true
			}
			if p != nil {
				if u, ok := ns.Lookup(p); ok && u == uri {
					return xmltok.Unescape(a.Value), true
				}
			}
		}
		return "", false
	}
	switch el.ns {
	case nsW:
		switch {
		case el.local == "color":
			cw.word(attr, "w:color", "val", "themeColor", "themeTint", "themeShade")
		case el.local == "shd":
			cw.word(attr, "w:shd color", "color", "themeColor", "themeTint", "themeShade")
			cw.word(attr, "w:shd fill", "fill", "themeFill", "themeFillTint", "themeFillShade")
		case colourBorders[el.local]:
			cw.word(attr, "w:"+el.local, "color", "themeColor", "themeTint", "themeShade")
		}
	case nsA, nsW14:
		valNS, prefix := "", "a:"
		if el.ns == nsW14 {
			valNS, prefix = nsW14, "w14:"
		}
		v, ok := attr(valNS, "val")
		if !ok {
			return
		}
		switch el.local {
		case "schemeClr":
			rgb, ok := cw.cs.theme.SchemeColor(v, cw.cs.cmap)
			if !ok {
				rgb = v // phClr, which the shape's style fills in
			}
			cw.add(prefix+"schemeClr "+v, rgb)
		case "srgbClr":
			cw.add(prefix+"srgbClr", strings.ToUpper(v))
		}
	case nsC:
		if el.local == "chart" {
			if id, ok := attr(nsR, "id"); ok {
				cw.chart(id)
			}
		}
	}
}

// word adds a WordprocessingML colour: the theme colour with its tint or
// shade when there is one the theme defines, else the RGB attribute.
func (cw *colourWalk) word(attr func(uri, local string) (string, bool), what, rgbAttr, themeAttr, tintAttr, shadeAttr string) {
	if tc, ok := attr(nsW, themeAttr); ok {
		tint, _ := attr(nsW, tintAttr)
		shade, _ := attr(nsW, shadeAttr)
		if rgb, ok := cw.cs.theme.WordColor(tc, tint, shade, cw.cs.cmap); ok {
			cw.add(what+" "+tc, rgb)
			return
		}
	}
	if v, ok := attr(nsW, rgbAttr); ok {
		cw.add(what, strings.ToUpper(v))
	}
}

func (cw *colourWalk) add(what, rgb string) {
	cw.out = append(cw.out, colour{what: what, el: cw.top + 1, rgb: rgb, inParaProps: cw.paraProps > 0})
}

// chart adds the colours of the chart a c:chart shows, resolved against
// the chart's theme override when it has one, and its c:clrMapOvr.
func (cw *colourWalk) chart(id string) {
	p := cw.cs.pkg
	rels, err := p.Rels(cw.cs.main)
	if err != nil {
		return
	}
	for _, rel := range rels {
		if rel.ID != id || rel.External || !p.Has(rel.Part) {
			continue
		}
		data, err := p.Read(rel.Part)
		if err != nil {
			return
		}
		theme := cw.cs.theme
		if part := p.RelatedPart(rel.Part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/themeOverride"); part != "" {
			if d, err := p.Read(part); err == nil {
				if th, err := ingest.ParseTheme(d); err == nil && len(th.Colors) > 0 {
					theme = th
				}
			}
		}
		cw.out = append(cw.out, chartColours(data, theme, cw.cs.cmap, cw.top+1)...)
		return
	}
}

// chartColours reads the scheme and RGB colours of a chart part.
func chartColours(data []byte, theme *ingest.Theme, cmap map[string]string, el int) []colour {
	var out []colour
	sc := xmltok.New(data, xmltok.Options{})
	ns := xmltok.NewScope(opc.Transitional)
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			uri, local, _ := ns.Element(t.Name)
			switch {
			case uri == nsC && string(local) == "clrMapOvr":
				cmap = ingest.DefaultColorMap()
				for _, a := range t.Attrs {
					if p, l := xmltok.SplitName(a.Name); p == nil {
						if _, ok := cmap[string(l)]; ok {
							cmap[string(l)] = xmltok.Unescape(a.Value)
						}
					}
				}
			case uri == nsA && string(local) == "schemeClr":
				v, _ := t.LocalAttr("val")
				rgb, ok := theme.SchemeColor(v, cmap)
				if !ok {
					rgb = v
				}
				out = append(out, colour{what: "a:schemeClr " + v, el: el, inChart: true, rgb: rgb})
			case uri == nsA && string(local) == "srgbClr":
				v, _ := t.LocalAttr("val")
				out = append(out, colour{what: "a:srgbClr", el: el, inChart: true, rgb: strings.ToUpper(v)})
			}
			if t.SelfClosing {
				ns.Close()
			}
		case xmltok.EndTag:
			ns.Close()
		}
	}
	return out
}

// sameColours reports whether two lists show the same colours, in any
// order (a theme colour written as RGB reads otherwise, and shows alike).
func sameColours(a, b []colour) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, c := range a {
		count[c.rgb]++
	}
	for _, c := range b {
		k := c.rgb
		if count[k] == 0 {
			return false
		}
		count[k]--
	}
	return true
}
