package ingest

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"tsagmerge/ingest/opc"
)

// Theme is what a document's theme part (word/theme/theme1.xml, found by
// the main document's theme relationship) defines for the colours and
// fonts that content refers to by name.
type Theme struct {
	// Colors maps the colour scheme's slots (dk1, lt1, dk2, lt2,
	// accent1…accent6, hlink, folHlink) to "RRGGBB", upper case. A system
	// colour (a:sysClr) is taken at its lastClr.
	Colors map[string]string
	// Major and Minor are the font scheme's heading and body fonts.
	Major, Minor ThemeFonts
}

// ThemeFonts are the typefaces of one font collection of a theme: one for
// each kind of script, and, for the scripts the theme names (a:font), the
// typeface of that script, by ISO 15924 code ("Arab": "Times New Roman").
type ThemeFonts struct {
	Latin, EastAsia, ComplexScript string
	Scripts                        map[string]string
}

// officeTheme is OfficeTheme made once, for reading only.
var officeTheme = sync.OnceValue(OfficeTheme)

// Typeface returns the typeface a theme font reference names: a
// WordprocessingML one (w:rFonts' "minorHAnsi", "majorBidi") or a
// DrawingML one ("+mn-lt", "+mj-cs"). A complex-script or East Asian
// reference whose font the collection leaves empty takes the collection's
// typeface for script, as Word does. It returns "" for anything else, and
// when the theme names no typeface.
func (t *Theme) Typeface(ref, script string) string {
	var fonts *ThemeFonts
	switch {
	case strings.HasPrefix(ref, "major"), strings.HasPrefix(ref, "+mj-"):
		fonts = &t.Major
	case strings.HasPrefix(ref, "minor"), strings.HasPrefix(ref, "+mn-"):
		fonts = &t.Minor
	default:
		return ""
	}
	face := ""
	switch {
	case strings.HasSuffix(ref, "Ascii"), strings.HasSuffix(ref, "HAnsi"), strings.HasSuffix(ref, "-lt"):
		return fonts.Latin
	case strings.HasSuffix(ref, "EastAsia"), strings.HasSuffix(ref, "-ea"):
		face = fonts.EastAsia
	case strings.HasSuffix(ref, "Bidi"), strings.HasSuffix(ref, "-cs"):
		face = fonts.ComplexScript
	default:
		return ""
	}
	if face == "" && script != "" {
		face = fonts.Scripts[script]
	}
	return face
}

// SchemeSlots are the colour scheme's slots, in the order a:clrScheme
// holds them.
var SchemeSlots = []string{"dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"}

// OfficeTheme returns the standard Office theme of Word 2013 to 2021 and
// Microsoft 365 before 2023 ("Office Theme": accent1 4472C4, Calibri):
// the theme the embedded TD template carries, and the one a document
// without a theme part resolves against.
func OfficeTheme() *Theme {
	return &Theme{
		Colors: map[string]string{
			"dk1": "000000", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6",
			"accent1": "4472C4", "accent2": "ED7D31", "accent3": "A5A5A5", "accent4": "FFC000",
			"accent5": "5B9BD5", "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72",
		},
		Major: ThemeFonts{Latin: "Calibri Light"},
		Minor: ThemeFonts{Latin: "Calibri"},
	}
}

// ParseTheme reads a theme part (a:theme, or a chart's a:themeOverride,
// whose colour scheme it reads the same way). Slots the scheme leaves out
// are absent from Colors.
func ParseTheme(data []byte) (*Theme, error) {
	return parseTheme("", "theme", data)
}

func parseTheme(file, part string, data []byte) (*Theme, error) {
	th := &Theme{Colors: map[string]string{}}
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	slot := ""            // the colour slot being read
	var fonts *ThemeFonts // the font collection being read
	for {
		t, err := s.next()
		if err == io.EOF {
			return th, nil
		}
		if err != nil {
			return nil, err
		}
		if t.ns != nsA {
			continue
		}
		if t.kind == tokEnd {
			switch {
			case t.local == slot:
				slot = ""
			case t.local == "majorFont" || t.local == "minorFont":
				fonts = nil
			}
			continue
		}
		if t.kind != tokStart {
			continue
		}
		switch t.local {
		case "majorFont":
			fonts = &th.Major
		case "minorFont":
			fonts = &th.Minor
		case "font":
			if fonts != nil {
				if fonts.Scripts == nil {
					fonts.Scripts = map[string]string{}
				}
				fonts.Scripts[s.attr(&t, nsNone, "script")] = s.attr(&t, nsNone, "typeface")
			}
		case "latin", "ea", "cs":
			if fonts != nil {
				face := s.attr(&t, nsNone, "typeface")
				switch t.local {
				case "latin":
					fonts.Latin = face
				case "ea":
					fonts.EastAsia = face
				default:
					fonts.ComplexScript = face
				}
			}
		case "srgbClr", "sysClr":
			if slot == "" || th.Colors[slot] != "" {
				continue
			}
			v := s.attr(&t, nsNone, "val")
			if t.local == "sysClr" {
				v = s.attr(&t, nsNone, "lastClr")
			}
			if rgb, ok := normRGB(v); ok {
				th.Colors[slot] = rgb
			}
		default:
			if s.parentIs(nsA, "clrScheme") {
				slot = t.local
			}
		}
	}
}

// normRGB returns an RRGGBB value in upper case, and false for anything
// else.
func normRGB(v string) (string, bool) {
	if len(v) != 6 {
		return "", false
	}
	if _, err := strconv.ParseUint(v, 16, 32); err != nil {
		return "", false
	}
	return strings.ToUpper(v), true
}

// DefaultColorMap is the mapping of a document whose settings have no
// w:clrSchemeMapping: text on dark 1, background on light 1, and every
// other name on the slot of that name. The keys are DrawingML's names
// (bg1, tx1, bg2, tx2, accent1…accent6, hlink, folHlink); the values are
// colour scheme slots.
func DefaultColorMap() map[string]string {
	return map[string]string{
		"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2",
		"accent1": "accent1", "accent2": "accent2", "accent3": "accent3", "accent4": "accent4",
		"accent5": "accent5", "accent6": "accent6", "hlink": "hlink", "folHlink": "folHlink",
	}
}

// clrSchemeMapping's attributes (WordprocessingML names) by DrawingML
// name, and its values (ST_WmlColorSchemeIndex) by scheme slot.
var (
	mappingAttrs = map[string]string{
		"bg1": "bg1", "t1": "tx1", "bg2": "bg2", "t2": "tx2",
		"accent1": "accent1", "accent2": "accent2", "accent3": "accent3", "accent4": "accent4",
		"accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink", "followedHyperlink": "folHlink",
	}
	schemeIndex = map[string]string{
		"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
		"accent1": "accent1", "accent2": "accent2", "accent3": "accent3", "accent4": "accent4",
		"accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink", "followedHyperlink": "folHlink",
	}
)

// ParseColorMap reads the w:clrSchemeMapping of a settings part onto
// DefaultColorMap: what the element leaves out keeps its default.
func ParseColorMap(data []byte) (map[string]string, error) {
	return parseColorMap("", "settings", data)
}

func parseColorMap(file, part string, data []byte) (map[string]string, error) {
	m := DefaultColorMap()
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	for {
		t, err := s.next()
		if err == io.EOF {
			return m, nil
		}
		if err != nil {
			return nil, err
		}
		if t.kind != tokStart || t.ns != nsW || t.local != "clrSchemeMapping" {
			continue
		}
		for attr, name := range mappingAttrs {
			if v, ok := s.lookupAttr(&t, nsW, attr); ok {
				if slot, ok := schemeIndex[v]; ok {
					m[name] = slot
				}
			}
		}
	}
}

// wordThemeColors maps WordprocessingML's theme colour names
// (ST_ThemeColor) to DrawingML's: text1 is tx1, dark1 is the slot dk1.
var wordThemeColors = map[string]string{
	"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
	"text1": "tx1", "background1": "bg1", "text2": "tx2", "background2": "bg2",
	"accent1": "accent1", "accent2": "accent2", "accent3": "accent3", "accent4": "accent4",
	"accent5": "accent5", "accent6": "accent6", "hyperlink": "hlink", "followedHyperlink": "folHlink",
}

// SchemeColor resolves a DrawingML scheme colour name (a:schemeClr val):
// the slots themselves (dk1…folHlink) and, through cmap (the document's
// colour mapping; nil is DefaultColorMap), the names bg1, tx1, bg2, tx2
// and the accents and links. phClr and unknown names give false.
func (t *Theme) SchemeColor(name string, cmap map[string]string) (string, bool) {
	if t == nil {
		t = OfficeTheme()
	}
	if cmap == nil {
		cmap = DefaultColorMap()
	}
	slot := name
	if s, ok := cmap[name]; ok {
		slot = s
	}
	rgb, ok := t.Colors[slot]
	return rgb, ok
}

// WordColor resolves a WordprocessingML theme colour: a themeColor
// (ST_ThemeColor: accent1, text1, dark2…) with its themeTint and
// themeShade attributes (hex bytes, "" when absent). It gives false for
// "none" and for names the theme does not define.
func (t *Theme) WordColor(themeColor, tint, shade string, cmap map[string]string) (string, bool) {
	name, ok := wordThemeColors[themeColor]
	if !ok {
		return "", false
	}
	rgb, ok := t.SchemeColor(name, cmap)
	if !ok {
		return "", false
	}
	return TintShade(rgb, tint, shade), true
}

// TintShade applies WordprocessingML's themeTint or themeShade (hex
// bytes, "" when absent) to an RRGGBB colour. When both are given the
// tint wins, as Word does ([MS-OI29500] 2.1.72 b). The arithmetic is
// Word's ([MS-OI29500] 2.1.72 a, on ECMA-376 Part 1 §17.3.2.6), on the
// colour's HSL luminance L (0…1), with T and S the byte over 255:
//
//	shade: L' = L × S
//	tint:  L' = L × T + (1 − T)
//
// hue and saturation kept. (ECMA-376's own text gives per-channel
// formulas that Word does not follow.) A malformed byte is ignored.
func TintShade(rgb, tint, shade string) string {
	if v, ok := hexByte(tint); ok {
		return withLuminance(rgb, func(l float64) float64 { return l*v + (1 - v) })
	}
	if v, ok := hexByte(shade); ok {
		return withLuminance(rgb, func(l float64) float64 { return l * v })
	}
	return rgb
}

func hexByte(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 16, 8)
	if err != nil {
		return 0, false
	}
	return float64(n) / 255, true
}

// withLuminance converts rgb to HSL, maps its luminance and converts back.
func withLuminance(rgb string, f func(float64) float64) string {
	n, err := strconv.ParseUint(rgb, 16, 32)
	if err != nil || len(rgb) != 6 {
		return rgb
	}
	r, g, b := float64(n>>16&0xFF)/255, float64(n>>8&0xFF)/255, float64(n&0xFF)/255
	h, s, l := rgbToHSL(r, g, b)
	l = math.Max(0, math.Min(1, f(l)))
	r, g, b = hslToRGB(h, s, l)
	return fmt.Sprintf("%02X%02X%02X", to255(r), to255(g), to255(b))
}

func to255(v float64) int { return int(math.Round(math.Max(0, math.Min(1, v)) * 255)) }

// rgbToHSL gives hue in [0,1), saturation and luminance in [0,1].
func rgbToHSL(r, g, b float64) (h, s, l float64) {
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	d := mx - mn
	if d == 0 {
		return 0, 0, l
	}
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6, s, l
}

func hslToRGB(h, s, l float64) (r, g, b float64) {
	if s == 0 {
		return l, l, l
	}
	var q float64
	if l < 0.5 {
		q = l * (1 + s)
	} else {
		q = l + s - l*s
	}
	p := 2*l - q
	return hueToRGB(p, q, h+1.0/3), hueToRGB(p, q, h), hueToRGB(p, q, h-1.0/3)
}

func hueToRGB(p, q, t float64) float64 {
	if t < 0 {
		t++
	}
	if t > 1 {
		t--
	}
	switch {
	case t < 1.0/6:
		return p + (q-p)*6*t
	case t < 0.5:
		return q
	case t < 2.0/3:
		return p + (q-p)*(2.0/3-t)*6
	}
	return p
}

// ReadColours reads what a package's main document resolves its colours
// against, as Read does: the theme (nil when there is none, or it cannot
// be read) and the settings' colour mapping (DefaultColorMap then). It
// lets a caller that holds only the package's bytes read its colours.
func ReadColours(p *opc.Package) (*Theme, map[string]string) {
	main, err := p.MainDocument()
	if err != nil {
		return nil, DefaultColorMap()
	}
	var theme *Theme
	if part := p.RelatedPart(main, opc.RelTheme); part != "" {
		if data, err := p.Read(part); err == nil {
			theme, _ = parseTheme(p.Path, part, data)
		}
	}
	cmap := DefaultColorMap()
	if part := p.RelatedPart(main, opc.RelSettings); part != "" {
		if data, err := p.Read(part); err == nil {
			if m, err := parseColorMap(p.Path, part, data); err == nil {
				cmap = m
			}
		}
	}
	return theme, cmap
}
