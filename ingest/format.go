package ingest

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Prop is one formatting property of a paragraph (w:pPr) or a run (w:rPr)
// that the model resolves: what a reader of the page sees of direction,
// alignment, indents, spacing, fonts, size, weight, slant and colour.
// Latin and complex-script properties are apart (w:b and w:bCs, w:sz and
// w:szCs, rFonts' ascii and cs), as Word keeps them.
type Prop uint8

// The paragraph properties, in the order of CT_PPrBase.
const (
	KeepNext      Prop = iota // w:keepNext
	KeepLines                 // w:keepLines
	Bidi                      // w:bidi: the paragraph reads right to left
	SpaceBefore               // w:spacing/@before
	SpaceAfter                // w:spacing/@after
	SpaceLine                 // w:spacing/@line
	SpaceRule                 // w:spacing/@lineRule
	IndentStart               // w:ind/@left (or @start)
	IndentEnd                 // w:ind/@right (or @end)
	IndentFirst               // w:ind/@firstLine
	IndentHanging             // w:ind/@hanging
	Align                     // w:jc
	firstRunProp
)

// The run properties, in the order of CT_RPrBase.
const (
	FontASCII         Prop = firstRunProp + iota // w:rFonts/@ascii
	FontHAnsi                                    // w:rFonts/@hAnsi
	FontEastAsia                                 // w:rFonts/@eastAsia
	FontCS                                       // w:rFonts/@cs: the complex-script font
	FontASCIITheme                               // w:rFonts/@asciiTheme
	FontHAnsiTheme                               // w:rFonts/@hAnsiTheme
	FontEastAsiaTheme                            // w:rFonts/@eastAsiaTheme
	FontCSTheme                                  // w:rFonts/@cstheme
	Bold                                         // w:b
	BoldCS                                       // w:bCs
	Italic                                       // w:i
	ItalicCS                                     // w:iCs
	Caps                                         // w:caps
	Strike                                       // w:strike
	Color                                        // w:color/@val
	ThemeColor                                   // w:color/@themeColor
	Size                                         // w:sz, in half-points
	SizeCS                                       // w:szCs
	Underline                                    // w:u/@val
	RTL                                          // w:rtl: the run's text is right to left
	LangBidi                                     // w:lang/@bidi
	numProps
)

// NumProps is the number of properties the model resolves.
const NumProps = int(numProps)

// propDef says where a property is written.
type propDef struct {
	name string // the property's name in JSON
	elem string // the element's local name, in w:
	attr string // the attribute's local name; "" for an on/off element
	// alias is another attribute of the same meaning (ind's start for left).
	alias string
	// neutral is what Word assumes when nothing sets the property ("" when
	// it depends on the application, as fonts do); "0" for on/off elements.
	neutral string
}

var propDefs = [numProps]propDef{
	KeepNext:          {"keepNext", "keepNext", "", "", "0"},
	KeepLines:         {"keepLines", "keepLines", "", "", "0"},
	Bidi:              {"rightToLeft", "bidi", "", "", "0"},
	SpaceBefore:       {"spaceBefore", "spacing", "before", "", "0"},
	SpaceAfter:        {"spaceAfter", "spacing", "after", "", "0"},
	SpaceLine:         {"lineSpacing", "spacing", "line", "", "240"},
	SpaceRule:         {"lineRule", "spacing", "lineRule", "", "auto"},
	IndentStart:       {"indentStart", "ind", "left", "start", "0"},
	IndentEnd:         {"indentEnd", "ind", "right", "end", "0"},
	IndentFirst:       {"indentFirstLine", "ind", "firstLine", "", "0"},
	IndentHanging:     {"indentHanging", "ind", "hanging", "", "0"},
	Align:             {"align", "jc", "val", "", "left"},
	FontASCII:         {"font", "rFonts", "ascii", "", ""},
	FontHAnsi:         {"fontHAnsi", "rFonts", "hAnsi", "", ""},
	FontEastAsia:      {"fontEastAsia", "rFonts", "eastAsia", "", ""},
	FontCS:            {"fontComplex", "rFonts", "cs", "", ""},
	FontASCIITheme:    {"fontTheme", "rFonts", "asciiTheme", "", ""},
	FontHAnsiTheme:    {"fontHAnsiTheme", "rFonts", "hAnsiTheme", "", ""},
	FontEastAsiaTheme: {"fontEastAsiaTheme", "rFonts", "eastAsiaTheme", "", ""},
	FontCSTheme:       {"fontComplexTheme", "rFonts", "cstheme", "", ""},
	Bold:              {"bold", "b", "", "", "0"},
	BoldCS:            {"boldComplex", "bCs", "", "", "0"},
	Italic:            {"italic", "i", "", "", "0"},
	ItalicCS:          {"italicComplex", "iCs", "", "", "0"},
	Caps:              {"caps", "caps", "", "", "0"},
	Strike:            {"strike", "strike", "", "", "0"},
	Color:             {"color", "color", "val", "", "auto"},
	ThemeColor:        {"themeColor", "color", "themeColor", "", ""},
	Size:              {"size", "sz", "val", "", "20"},
	SizeCS:            {"sizeComplex", "szCs", "val", "", "20"},
	Underline:         {"underline", "u", "val", "", "none"},
	RTL:               {"rtlRun", "rtl", "", "", "0"},
	LangBidi:          {"langComplex", "lang", "bidi", "", ""},
}

// IsParagraph reports whether p is written in w:pPr (else in w:rPr).
func (p Prop) IsParagraph() bool { return p < firstRunProp }

// Name is the property's name in JSON ("rightToLeft", "boldComplex").
func (p Prop) Name() string { return propDefs[p].name }

// Element is the local name of the w: element that holds the property.
func (p Prop) Element() string { return propDefs[p].elem }

// Attr is the attribute of Element that holds the value, "" for an on/off
// element, whose value the model keeps as "1" or "0".
func (p Prop) Attr() string { return propDefs[p].attr }

// IsToggle reports whether p is an on/off element (w:b, w:bidi).
func (p Prop) IsToggle() bool { return propDefs[p].attr == "" }

// propsOf lists, by element local name, the properties it holds;
// paragraph and run elements do not share names, so one table serves both.
var propsOf = func() map[string][]Prop {
	m := map[string][]Prop{}
	for p := Prop(0); p < numProps; p++ {
		m[propDefs[p].elem] = append(m[propDefs[p].elem], p)
	}
	return m
}()

// Props is a set of formatting properties, each with its value as written
// ("1" or "0" for on/off elements). A nil Props sets nothing.
type Props map[Prop]string

// ParagraphFormat is the effective formatting of one paragraph: its own properties
// and, run by run, its text's, each resolved from the document defaults
// through the style chain to the direct formatting.
type ParagraphFormat struct {
	Paragraph Props `json:"paragraph"`
	// Runs covers the paragraph's text in order; adjacent runs of the same
	// formatting are one span.
	Runs []RunSpan `json:"runs"`
}

// RunSpan is a stretch of a paragraph's text in one run formatting.
type RunSpan struct {
	Chars int   `json:"chars"` // characters (Unicode code points)
	Props Props `json:"props"`
}

// RunFormat is what the reader keeps of one text run: its character style,
// its direct formatting and how many characters it shows.
type RunFormat struct {
	Style  string // w:rStyle, the character style's id
	Direct Props  // the run's own w:rPr
	// Shown counts the characters the run shows with every tracked change
	// accepted, Before those it showed before the changes.
	Shown, Before int
}

// Overlay sets in p every property that q sets, and returns p (a new map
// when p is nil and q sets something). A font q names outright replaces a
// theme font p inherits for that script, as in Word.
func (p Props) Overlay(q Props) Props {
	if len(q) == 0 {
		return p
	}
	if p == nil {
		p = make(Props, len(q))
	}
	for k, v := range q {
		p[k] = v
		if theme, ok := themeFontOf[k]; ok {
			if _, both := q[theme]; !both {
				delete(p, theme)
			}
		}
	}
	return p
}

// themeFontOf pairs each font attribute with the theme font attribute that
// wins over it when both are set.
var themeFontOf = map[Prop]Prop{FontASCII: FontASCIITheme, FontHAnsi: FontHAnsiTheme,
	FontEastAsia: FontEastAsiaTheme, FontCS: FontCSTheme}

// Shown is the value of k as it shows: Value, except that a font named
// outright does not show where a theme font is set for its script.
func (p Props) Shown(k Prop) string {
	if k >= FontASCII && k <= FontCS { // fonts, which a theme font may shadow
		if theme, ok := themeFontOf[k]; ok && p[theme] != "" {
			return ""
		}
	}
	return p.Value(k)
}

// Same reports whether p and q show alike in every property (Diff over
// every property is empty), looking at the properties they set only.
func (p Props) Same(q Props) bool {
	for k := range p {
		if p.Shown(k) != q.Shown(k) {
			return false
		}
	}
	for k := range q {
		if _, ok := p[k]; !ok && p.Shown(k) != q.Shown(k) {
			return false
		}
	}
	return true
}

// Clone returns a copy of p.
func (p Props) Clone() Props {
	if len(p) == 0 {
		return nil
	}
	q := make(Props, len(p))
	for k, v := range p {
		q[k] = v
	}
	return q
}

// Only returns the properties of p that keep says to keep.
func (p Props) Only(keep func(Prop) bool) Props {
	var q Props
	for k, v := range p {
		if keep(k) {
			if q == nil {
				q = Props{}
			}
			q[k] = v
		}
	}
	return q
}

// Value is the property's value, or what Word assumes when nothing sets
// it (Neutral).
func (p Props) Value(k Prop) string {
	if v, ok := p[k]; ok {
		return v
	}
	return propDefs[k].neutral
}

// Neutral is what Word assumes when nothing sets the property: "0" for an
// on/off element, "" where the application decides (fonts, language).
func (p Prop) Neutral() string { return propDefs[p].neutral }

// Diff lists the properties among those keep selects whose values differ
// between p and q (as they show), in property order.
func (p Props) Diff(q Props, keep func(Prop) bool) []Prop {
	var out []Prop
	for k := Prop(0); k < numProps; k++ {
		if keep(k) && p.Shown(k) != q.Shown(k) {
			out = append(out, k)
		}
	}
	return out
}

// Keys lists the properties p sets, in property order.
func (p Props) Keys() []Prop {
	out := make([]Prop, 0, len(p))
	for k := range p {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// String writes p as "name=value" pairs, in property order.
func (p Props) String() string {
	var b strings.Builder
	for i, k := range p.Keys() {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k.Name() + "=" + p[k])
	}
	return b.String()
}

// MarshalJSON writes p as an object keyed by property name.
func (p Props) MarshalJSON() ([]byte, error) {
	m := make(map[string]string, len(p))
	for k, v := range p {
		m[k.Name()] = v
	}
	return json.Marshal(m)
}

// readProp records in *props the properties that the w: element local
// holds, reading its attributes with attr (lookup reports presence). It
// reports whether local holds any.
func readProp(props *Props, local string, attr func(name string) (string, bool)) bool {
	list, ok := propsOf[local]
	if !ok {
		return false
	}
	for _, p := range list {
		d := &propDefs[p]
		var v string
		if d.attr == "" {
			v = "1"
			if val, ok := attr("val"); ok && !isOn(val) {
				v = "0"
			}
		} else {
			var ok bool
			if v, ok = attr(d.attr); !ok && d.alias != "" {
				v, ok = attr(d.alias)
			}
			if !ok {
				continue
			}
		}
		if p == Align {
			v = logicalAlign(v)
		}
		if *props == nil {
			*props = Props{}
		}
		(*props)[p] = v
	}
	return true
}

// Format resolves a paragraph's effective formatting: its paragraph
// properties, and its text in spans of one run formatting, as shown with
// the tracked changes accepted, or as it was before them when before is
// set. Its Props may be shared with other results: do not change them.
func (d *Document) Format(p *Paragraph, before bool) ParagraphFormat {
	ss := d.Styles
	runBase := ss.runBase(p.StyleID)
	var f ParagraphFormat
	if len(p.Direct) > 0 {
		f.Paragraph = ss.paragraph(p.StyleID).Clone().Overlay(p.Direct).Only(Prop.IsParagraph)
		runBase = runBase.Clone().Overlay(p.Direct.Only(func(k Prop) bool { return !k.IsParagraph() }))
	} else if ss != nil {
		f.Paragraph = byStyle(ss.own, p.StyleID)
	}
	for _, rf := range p.Runs {
		n := rf.Shown
		if before {
			n = rf.Before
		}
		if n == 0 {
			continue
		}
		props := runBase
		if rf.Style != "" || len(rf.Direct) > 0 {
			props = ss.Run(runBase, rf)
		}
		if last := len(f.Runs) - 1; last >= 0 && props.Same(f.Runs[last].Props) {
			f.Runs[last].Chars += n
			continue
		}
		f.Runs = append(f.Runs, RunSpan{Chars: n, Props: props})
	}
	return f
}

// logicalAlign reads Strict's w:jc "start" and "end" as transitional's
// "left" and "right", which mean the same (the paragraph's start and end
// sides, whatever its direction).
func logicalAlign(v string) string {
	switch v {
	case "start":
		return "left"
	case "end":
		return "right"
	}
	return v
}

// IsComplexScript reports whether p is one of the properties Word applies
// to complex-script text only (Arabic, Hebrew, the Indic scripts, Thai):
// the cs font, w:bCs, w:iCs, w:szCs and the bidi language.
func (p Prop) IsComplexScript() bool {
	switch p {
	case FontCS, FontCSTheme, BoldCS, ItalicCS, SizeCS, LangBidi:
		return true
	}
	return false
}

// complexScripts are the scripts Word sets in a run's complex-script font
// and size, with their ISO 15924 codes (which a theme's a:font script
// attribute uses).
var complexScripts = []struct {
	table *unicode.RangeTable
	code  string
}{
	{unicode.Arabic, "Arab"}, {unicode.Hebrew, "Hebr"}, {unicode.Syriac, "Syrc"}, {unicode.Thaana, "Thaa"},
	{unicode.Nko, "Nkoo"}, {unicode.Devanagari, "Deva"}, {unicode.Bengali, "Beng"}, {unicode.Gurmukhi, "Guru"},
	{unicode.Gujarati, "Gujr"}, {unicode.Oriya, "Orya"}, {unicode.Tamil, "Taml"}, {unicode.Telugu, "Telu"},
	{unicode.Kannada, "Knda"}, {unicode.Malayalam, "Mlym"}, {unicode.Sinhala, "Sinh"}, {unicode.Thai, "Thai"},
	{unicode.Lao, "Laoo"}, {unicode.Tibetan, "Tibt"}, {unicode.Myanmar, "Mymr"}, {unicode.Khmer, "Khmr"},
}

// complexScriptOf returns the ISO 15924 code of the first complex-script
// letter in text, "" when it holds none.
func complexScriptOf(text string) string {
	for i := 0; i < len(text); i++ {
		// Every complex script stands at U+0590 or above, whose UTF-8
		// starts with 0xD6 or more: other bytes need no decoding.
		if text[i] < 0xD6 {
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		for _, cs := range complexScripts {
			if unicode.Is(cs.table, r) {
				return cs.code
			}
		}
		i += n - 1
	}
	return ""
}

// ThemeFontProps pairs each theme font property with the font property it
// shows in (w:asciiTheme names the typeface of w:ascii, and so on).
var ThemeFontProps = []struct{ Theme, Font Prop }{
	{FontASCIITheme, FontASCII}, {FontHAnsiTheme, FontHAnsi}, {FontEastAsiaTheme, FontEastAsia}, {FontCSTheme, FontCS},
}

// ResolveThemeFonts returns p with each theme font it sets replaced by the
// typeface theme gives it for text in script (Theme.Typeface), as Word
// shows it; a theme font the theme leaves empty stays a theme font. p is
// not changed.
func ResolveThemeFonts(p Props, theme *Theme, script string) Props {
	var out Props
	for _, tf := range ThemeFontProps {
		ref, ok := p[tf.Theme]
		if !ok {
			continue
		}
		face := theme.Typeface(ref, script)
		if face == "" {
			continue
		}
		if out == nil {
			out = p.Clone()
		}
		delete(out, tf.Theme)
		out[tf.Font] = face
	}
	if out == nil {
		return p
	}
	return out
}

// ShownFonts is ResolveThemeFonts under the document's theme (the Office
// theme when it has none) for its complex script.
func (d *Document) ShownFonts(p Props) Props { return d.FontsFor(p, d.Script) }

// FontsFor is ResolveThemeFonts under the document's theme for text in
// script: how text of another document's script shows in this one.
func (d *Document) FontsFor(p Props, script string) Props {
	th := d.Theme
	if th == nil {
		th = officeTheme()
	}
	return ResolveThemeFonts(p, th, script)
}
