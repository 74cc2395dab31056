package ingest

import (
	"reflect"
	"strconv"
	"testing"
)

const testTheme = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<t:theme xmlns:t="http://schemas.openxmlformats.org/drawingml/2006/main" name="Test"><t:themeElements>
<t:clrScheme name="Test">
<t:dk1><t:sysClr val="windowText" lastClr="000000"/></t:dk1><t:lt1><t:sysClr val="window" lastClr="ffffff"/></t:lt1>
<t:dk2><t:srgbClr val="1F497D"/></t:dk2><t:lt2><t:srgbClr val="EEECE1"/></t:lt2>
<t:accent1><t:srgbClr val="FF0000"/></t:accent1><t:accent2><t:srgbClr val="C0504D"/></t:accent2>
<t:accent3><t:srgbClr val="9BBB59"/></t:accent3><t:accent4><t:srgbClr val="8064A2"/></t:accent4>
<t:accent5><t:srgbClr val="4BACC6"/></t:accent5><t:accent6><t:srgbClr val="F79646"/></t:accent6>
<t:hlink><t:srgbClr val="0000FF"/></t:hlink><t:folHlink><t:srgbClr val="800080"/></t:folHlink>
</t:clrScheme>
<t:fontScheme name="Test"><t:majorFont><t:latin typeface="Cambria"/><t:ea typeface=""/><t:cs typeface="Times New Roman"/></t:majorFont>
<t:minorFont><t:latin typeface="Calibri"/><t:ea typeface="MS Mincho"/><t:cs typeface=""/><t:font script="Arab" typeface="Arial"/><t:font script="Hebr" typeface="David"/></t:minorFont></t:fontScheme>
<t:fmtScheme name="Test"><t:fillStyleLst><t:solidFill><t:schemeClr val="phClr"/></t:solidFill></t:fillStyleLst></t:fmtScheme>
</t:themeElements>
<t:extraClrSchemeLst><t:extraClrScheme><t:clrScheme name="Other"><t:accent1><t:srgbClr val="00FF00"/></t:accent1></t:clrScheme></t:extraClrScheme></t:extraClrSchemeLst>
</t:theme>`

func TestParseTheme(t *testing.T) {
	th, err := ParseTheme([]byte(testTheme))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"dk1": "000000", "lt1": "FFFFFF", "dk2": "1F497D", "lt2": "EEECE1",
		"accent1": "FF0000", "accent2": "C0504D", "accent3": "9BBB59", "accent4": "8064A2",
		"accent5": "4BACC6", "accent6": "F79646", "hlink": "0000FF", "folHlink": "800080"}
	for slot, rgb := range want {
		if th.Colors[slot] != rgb {
			t.Errorf("Colors[%s] = %q, want %q", slot, th.Colors[slot], rgb)
		}
	}
	if len(th.Colors) != len(want) {
		t.Errorf("Colors has %d slots, want %d: %v", len(th.Colors), len(want), th.Colors)
	}
	if !reflect.DeepEqual(th.Major, ThemeFonts{Latin: "Cambria", ComplexScript: "Times New Roman"}) {
		t.Errorf("Major = %+v", th.Major)
	}
	if !reflect.DeepEqual(th.Minor, ThemeFonts{Latin: "Calibri", EastAsia: "MS Mincho", Scripts: map[string]string{"Arab": "Arial", "Hebr": "David"}}) {
		t.Errorf("Minor = %+v", th.Minor)
	}
	if _, err := ParseTheme([]byte(`<a:theme xmlns:a="x"><a:themeElements>`)); err == nil {
		t.Error("a truncated theme parsed without error")
	}
}

// TestThemeTypeface resolves the theme font references of both
// vocabularies; a complex-script font the collection leaves empty takes
// the script's.
func TestThemeTypeface(t *testing.T) {
	th, err := ParseTheme([]byte(testTheme))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ref, script, want string }{
		{"minorHAnsi", "", "Calibri"},
		{"minorAscii", "Arab", "Calibri"},
		{"majorHAnsi", "", "Cambria"},
		{"+mn-lt", "", "Calibri"},
		{"+mj-lt", "", "Cambria"},
		{"majorBidi", "Arab", "Times New Roman"}, // the collection's own cs font first
		{"minorBidi", "Arab", "Arial"},           // empty: the script's
		{"+mn-cs", "Hebr", "David"},
		{"minorBidi", "", ""},     // no script to look up
		{"minorBidi", "Thai", ""}, // a script the theme does not name
		{"minorEastAsia", "", "MS Mincho"},
		{"majorEastAsia", "", ""},
		{"Calibri", "", ""}, // not a reference
		{"+mn-xx", "", ""},  // not a slot
	} {
		if got := th.Typeface(c.ref, c.script); got != c.want {
			t.Errorf("Typeface(%q, %q) = %q, want %q", c.ref, c.script, got, c.want)
		}
	}
}

// TestResolveThemeFonts turns the theme fonts a run sets into the
// typefaces they show in, leaving what the theme cannot name.
func TestResolveThemeFonts(t *testing.T) {
	th, _ := ParseTheme([]byte(testTheme))
	p := Props{FontCSTheme: "minorBidi", FontASCIITheme: "majorHAnsi", FontASCII: "Arial", FontEastAsiaTheme: "majorEastAsia"}
	got := ResolveThemeFonts(p, th, "Arab")
	want := Props{FontCS: "Arial", FontASCII: "Cambria", FontEastAsiaTheme: "majorEastAsia"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveThemeFonts = %v, want %v", got, want)
	}
	if _, changed := p[FontCS]; changed || p[FontCSTheme] != "minorBidi" {
		t.Errorf("ResolveThemeFonts changed its argument: %v", p)
	}
}

func TestColorMap(t *testing.T) {
	settings := `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:clrSchemeMapping w:bg1="dark1" w:t1="light1" w:bg2="light2" w:t2="dark2" w:accent1="accent2" w:hyperlink="hyperlink"/></w:settings>`
	m, err := ParseColorMap([]byte(settings))
	if err != nil {
		t.Fatal(err)
	}
	th, _ := ParseTheme([]byte(testTheme))
	for _, c := range []struct {
		name, want string
		ok         bool
	}{
		{"bg1", "000000", true}, {"tx1", "FFFFFF", true}, {"tx2", "1F497D", true}, {"bg2", "EEECE1", true},
		{"accent1", "C0504D", true}, {"dk1", "000000", true}, {"lt1", "FFFFFF", true}, {"folHlink", "800080", true},
		{"phClr", "", false}, {"nonsense", "", false},
	} {
		got, ok := th.SchemeColor(c.name, m)
		if got != c.want || ok != c.ok {
			t.Errorf("SchemeColor(%q) = %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	def := DefaultColorMap()
	for _, c := range [][3]string{
		{"text1", "", "000000"}, {"background1", "", "FFFFFF"}, {"text2", "", "1F497D"}, {"background2", "", "EEECE1"},
		{"dark2", "", "1F497D"}, {"light2", "", "EEECE1"}, {"hyperlink", "", "0000FF"}, {"followedHyperlink", "", "800080"},
	} {
		if got, _ := th.WordColor(c[0], "", "", def); got != c[2] {
			t.Errorf("WordColor(%q) = %q, want %q", c[0], got, c[2])
		}
	}
	if _, ok := th.WordColor("none", "", "", def); ok {
		t.Error(`WordColor("none") resolved`)
	}
	// A theme-less document resolves against the Office theme.
	var none *Theme
	if got, _ := none.WordColor("accent1", "", "", nil); got != "4472C4" {
		t.Errorf("nil theme accent1 = %q, want 4472C4", got)
	}
}

// TestTintShade checks the HSL-luminance arithmetic against the worked
// values Word writes: [MS-OI29500] 2.1.72's example (accent2 C0504D,
// themeShade BF, Word writes 943634) and pairs of w:val and theme
// attributes saved by Word (accent6 F79646 tint 33 is FDE9D9; the
// Office 2007 theme's text2 1F497D shade BF is 17365D, accent1 4F81BD
// tint 99 is 95B3D7) and the w:val values Word wrote in the corpus. Word rounds its HSL on a 0…240 scale, so a channel
// may differ by one.
func TestTintShade(t *testing.T) {
	for _, c := range []struct{ rgb, tint, shade, want string }{
		{"C0504D", "", "BF", "943634"},
		// w:val beside the theme attributes in Word-written corpus files:
		{"4F81BD", "", "BF", "365F91"}, {"4F81BD", "", "7F", "243F60"}, {"000000", "BF", "", "404040"},
		{"000000", "A6", "", "595959"}, {"000000", "F2", "", "0D0D0D"}, {"000000", "D8", "", "272727"},
		{"F79646", "", "BF", "E36C0A"}, {"156082", "", "BF", "0F4761"}, {"5B9BD5", "", "BF", "2E74B5"},
		{"C0504D", "", "CC", "9E3A38"}, {"FFFFFF", "", "1A", "1A1A1A"},
		{"F79646", "33", "", "FDE9D9"},
		{"1F497D", "", "BF", "17365D"},
		{"4F81BD", "99", "", "95B3D7"},
		{"4F81BD", "99", "BF", "95B3D7"}, // both: the tint wins
		{"4F81BD", "", "", "4F81BD"},
		{"4F81BD", "zz", "", "4F81BD"},
		{"000000", "80", "", "808080"},
		{"FFFFFF", "", "80", "808080"},
		{"FFFFFF", "", "00", "000000"},
	} {
		got := TintShade(c.rgb, c.tint, c.shade)
		if !near(got, c.want) {
			t.Errorf("TintShade(%s, tint %q, shade %q) = %s, want %s", c.rgb, c.tint, c.shade, got, c.want)
		}
	}
}

func near(a, b string) bool {
	x, err1 := strconv.ParseUint(a, 16, 32)
	y, err2 := strconv.ParseUint(b, 16, 32)
	if err1 != nil || err2 != nil || len(a) != 6 {
		return a == b
	}
	for sh := 0; sh <= 16; sh += 8 {
		d := int(x>>sh&0xFF) - int(y>>sh&0xFF)
		if d < -1 || d > 1 {
			return false
		}
	}
	return true
}
