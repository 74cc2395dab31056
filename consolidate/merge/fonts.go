package merge

import "tsagmerge/ingest"

// A region's runs, styles and lists may name theme fonts (w:rFonts'
// asciiTheme, hAnsiTheme, eastAsiaTheme, cstheme: "minorHAnsi",
// "majorBidi"); in the TD they would resolve against the TD's theme, and a
// region whose theme has other fonts (an Arabic contribution's theme
// naming Arial for Arabic body text, where the TD's names none) would show
// in others. Wherever the two themes give a different typeface for the
// region's text (its complex script's, ingest.Document.Script), the
// rewriter names the region's typeface outright: the theme attribute
// dropped, the typeface put in w:ascii, w:hAnsi, w:eastAsia or w:cs. Theme
// fonts that resolve alike stay theme fonts, and so do those the region's
// theme leaves empty: no typeface can be named for them (with a template
// whose theme names one there, such a run takes the TD's; the read-back
// then says so). The styles the house-style rule writes for a region
// compare and set fonts the same way (styles.go). DrawingML text (a shape's a:latin typeface="+mn-lt") is
// left to the TD's theme.

// fontMap resolves one region's theme font references against the
// output's.
type fontMap struct {
	src, out *ingest.Theme
	script   string
}

// themeFontRefs are the values of w:ST_Theme, every theme font a
// w:rFonts may name.
var themeFontRefs = []string{"majorAscii", "majorHAnsi", "majorEastAsia", "majorBidi",
	"minorAscii", "minorHAnsi", "minorEastAsia", "minorBidi"}

// newFontMap returns the font map of a region whose text is in script, or
// nil when every theme font resolves alike in the region and the output.
func newFontMap(src, out *ingest.Theme, script string) *fontMap {
	if src == nil {
		src = ingest.OfficeTheme()
	}
	f := &fontMap{src: src, out: out, script: script}
	for _, ref := range themeFontRefs {
		if _, change := f.face(ref); change {
			return f
		}
	}
	return nil
}

// face is the typeface ref names in the region, and whether the output's
// theme names another.
func (f *fontMap) face(ref string) (string, bool) {
	face := f.src.Typeface(ref, f.script)
	return face, face != "" && face != f.out.Typeface(ref, f.script)
}

// refont rewrites the w:rFonts just started: each theme font that shows
// otherwise in the output becomes the region's typeface, named outright.
func (rw *rewriter) refont(fr *frame) {
	if fr.kind != nsW || string(fr.local) != "rFonts" {
		return
	}
	for _, a := range ingest.ThemeFontProps {
		ref, i := rw.attrGet(nsW, a.Theme.Attr())
		if i < 0 {
			continue
		}
		face, change := rw.r.fonts.face(ref)
		if !change {
			continue
		}
		rw.dropAttr(nsW, a.Theme.Attr())
		rw.putAttr(a.Font.Attr(), face)
	}
}
