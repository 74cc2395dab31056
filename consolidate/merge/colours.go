package merge

import (
	"fmt"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// A region's content names colours of its theme (w:themeColor, a:schemeClr
// val="accent1"); in the TD they would resolve against the TD's theme.
// Wherever the two themes give a different colour, the rewriter writes the
// region's colour as RGB instead: the theme attributes dropped and the
// resolved value put in w:val, w:color or w:fill; a:schemeClr (and
// w14:schemeClr) becoming srgbClr with its colour transforms kept, since
// they apply to an RGB colour the same way. Colours that resolve the same
// are left as they are, so they stay theme colours.

// themeOf reads a package's theme and colour mapping as Word resolves
// them: a package without a theme part uses the Office theme, settings
// without w:clrSchemeMapping the default mapping.
func themeOf(where string, pkg *opc.Package, main string) (*ingest.Theme, map[string]string, error) {
	th, cmap := ingest.OfficeTheme(), ingest.DefaultColorMap()
	if part := pkg.RelatedPart(main, opc.RelTheme); part != "" {
		data, err := pkg.Read(part)
		if err != nil {
			return nil, nil, err
		}
		if th, err = ingest.ParseTheme(data); err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", where, part, err)
		}
	}
	if part := pkg.RelatedPart(main, opc.RelSettings); part != "" {
		data, err := pkg.Read(part)
		if err != nil {
			return nil, nil, err
		}
		if cmap, err = ingest.ParseColorMap(data); err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", where, part, err)
		}
	}
	return th, cmap, nil
}

// palette resolves one region's theme colours and the output's.
type palette struct {
	src, out       *ingest.Theme
	srcMap, outMap map[string]string
}

// schemeNames are every name a scheme colour may be referred to by.
var schemeNames = append([]string{"bg1", "tx1", "bg2", "tx2"}, ingest.SchemeSlots...)

// newPalette returns the palette of a region, or nil when every scheme
// colour resolves the same in the region and in the output: then there is
// nothing to rewrite.
func newPalette(src *ingest.Theme, srcMap map[string]string, out *ingest.Theme, outMap map[string]string) *palette {
	if src == nil {
		src = ingest.OfficeTheme()
	}
	if srcMap == nil {
		srcMap = ingest.DefaultColorMap()
	}
	p := &palette{src: src, out: out, srcMap: srcMap, outMap: outMap}
	for _, n := range schemeNames {
		if _, change := p.drawing(n); change {
			return p
		}
	}
	return nil
}

// withMap returns the palette with both sides' colour mapping replaced by
// m (a chart's c:clrMapOvr, which travels with the chart).
func (p *palette) withMap(m map[string]string) *palette {
	q := *p
	q.srcMap, q.outMap = m, m
	return &q
}

// word resolves a WordprocessingML theme colour (themeColor, themeTint,
// themeShade) in the region; change is true when the output would show
// another colour.
func (p *palette) word(themeColor, tint, shade string) (rgb string, change bool) {
	src, ok := p.src.WordColor(themeColor, tint, shade, p.srcMap)
	if !ok {
		return "", false
	}
	out, ok := p.out.WordColor(themeColor, tint, shade, p.outMap)
	return src, !ok || out != src
}

// drawing resolves a DrawingML scheme colour name; change as for word.
func (p *palette) drawing(name string) (rgb string, change bool) {
	src, ok := p.src.SchemeColor(name, p.srcMap)
	if !ok {
		return "", false
	}
	out, ok := p.out.SchemeColor(name, p.outMap)
	return src, !ok || out != src
}

// wordThemeAttrs are the attributes of a WordprocessingML colour: the
// theme colour, its tint and shade, and the attribute that holds the RGB
// value.
type wordThemeAttrs struct{ color, tint, shade string }

var (
	themeColorAttrs = wordThemeAttrs{"themeColor", "themeTint", "themeShade"}
	themeFillAttrs  = wordThemeAttrs{"themeFill", "themeFillTint", "themeFillShade"}
)

// wordColoured are the w: elements that may name a theme colour: w:color,
// w:shd, w:u and the borders.
var wordColoured = map[string]bool{"color": true, "shd": true, "u": true,
	"bdr": true, "top": true, "left": true, "bottom": true, "right": true, "start": true, "end": true,
	"insideH": true, "insideV": true, "tl2br": true, "tr2bl": true, "between": true, "bar": true}

// recolour rewrites the element just started when it names a theme
// colour that resolves differently in the output.
func (rw *rewriter) recolour(fr *frame) {
	switch fr.kind {
	case nsW:
		if !wordColoured[string(fr.local)] {
			return
		}
		rgbAttr := "color" // w:u, w:shd and the borders
		if string(fr.local) == "color" {
			rgbAttr = "val"
		}
		rw.recolourWord(themeColorAttrs, rgbAttr)
		if string(fr.local) == "shd" {
			rw.recolourWord(themeFillAttrs, "fill")
		}
	case nsA, nsW14:
		if string(fr.local) != "schemeClr" {
			return
		}
		valKind := nsOther
		if fr.kind == nsW14 {
			valKind = nsW14
		}
		v, i := rw.attrGet(valKind, "val")
		if i < 0 {
			return
		}
		if rgb, change := rw.r.pal.drawing(v); change {
			rw.setVal(i, rgb)
			p, _ := xmltok.SplitName(rw.elName)
			rw.elName = srgbName(p)
		}
	}
}

// recolourWord replaces one theme colour of a w: element by its RGB value.
func (rw *rewriter) recolourWord(a wordThemeAttrs, rgbAttr string) {
	tc, i := rw.attrGet(nsW, a.color)
	if i < 0 {
		return
	}
	tint, _ := rw.attrGet(nsW, a.tint)
	shade, _ := rw.attrGet(nsW, a.shade)
	rgb, change := rw.r.pal.word(tc, tint, shade)
	if !change {
		return
	}
	for _, n := range []string{a.color, a.tint, a.shade} {
		rw.dropAttr(nsW, n)
	}
	rw.putAttr(rgbAttr, rgb)
}

// srgbName is the name srgbClr under the given prefix (nil: unprefixed).
func srgbName(prefix []byte) []byte {
	if prefix == nil {
		return []byte("srgbClr")
	}
	return append(append(append([]byte(nil), prefix...), ':'), "srgbClr"...)
}

// recolourable tells the copied parts whose DrawingML colours the region's
// palette applies to: charts and their styles and colours, chart drawings,
// diagrams.
func recolourable(ct string) bool {
	ct = strings.ToLower(ct)
	return strings.HasSuffix(ct, "+xml") && (strings.Contains(ct, "drawingml") ||
		strings.Contains(ct, "chartstyle") || strings.Contains(ct, "chartcolorstyle"))
}

// recolourPart rewrites the scheme colours of a copied DrawingML part
// (a chart, a diagram) in one pass, copying every other byte. A chart's
// c:clrMapOvr replaces the colour mapping on both sides.
func recolourPart(where string, data []byte, pal *palette) ([]byte, error) {
	sc := newScanner(where, data)
	ns := xmltok.NewScope(kindOf)
	var out []byte
	last := 0
	var renamed []bool // per open element: its end tag is rewritten
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			prefix, local := xmltok.SplitName(t.Name)
			kind, _ := ns.Lookup(prefix)
			rename := false
			switch {
			case string(local) == "clrMapOvr":
				pal = pal.withMap(clrMapOf(t))
			case kind == nsA && string(local) == "schemeClr":
				v, _ := t.LocalAttr("val")
				if rgb, change := pal.drawing(v); change {
					out = append(out, data[last:t.Start]...)
					out = appendSRGB(out, prefix, t, rgb)
					last, rename = t.End, true
				}
			}
			if t.SelfClosing {
				ns.Close()
			} else {
				renamed = append(renamed, rename)
			}
		case xmltok.EndTag:
			ns.Close()
			if renamed[len(renamed)-1] {
				prefix, _ := xmltok.SplitName(t.Name)
				out = append(out, data[last:t.Start]...)
				out = append(append(append(out, "</"...), srgbName(prefix)...), '>')
				last = t.End
			}
			renamed = renamed[:len(renamed)-1]
		}
	}
	if err := scanErr(sc); err != nil {
		return nil, err
	}
	if out == nil {
		return data, nil
	}
	return append(out, data[last:]...), nil
}

// appendSRGB writes a scheme colour's start tag as srgbClr with the
// colour as its val.
func appendSRGB(out, prefix []byte, t *xmltok.Token, rgb string) []byte {
	out = append(append(out, '<'), srgbName(prefix)...)
	for _, a := range t.Attrs {
		if _, l := xmltok.SplitName(a.Name); string(l) == "val" {
			continue
		}
		out = append(append(append(append(out, ' '), a.Name...), '=', a.Quote), a.Value...)
		out = append(out, a.Quote)
	}
	out = append(out, ` val="`...)
	out = append(append(out, rgb...), '"')
	if t.SelfClosing {
		return append(out, "/>"...)
	}
	return append(out, '>')
}

// clrMapOf reads a c:clrMapOvr (or a:overrideClrMapping): unprefixed
// attributes named as DrawingML names them, valued with scheme slots.
func clrMapOf(t *xmltok.Token) map[string]string {
	m := ingest.DefaultColorMap()
	for _, a := range t.Attrs {
		p, l := xmltok.SplitName(a.Name)
		if p != nil {
			continue
		}
		if _, ok := m[string(l)]; ok {
			m[string(l)] = xmltok.Unescape(a.Value)
		}
	}
	return m
}

// isThemeOverride tells a chart's theme override relationship.
func isThemeOverride(typ string) bool { return strings.HasSuffix(typ, "/themeOverride") }
