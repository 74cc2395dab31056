package ingest

import (
	"strconv"
	"testing"
)

// formatStyles is a styles part with document defaults, a right-to-left
// Normal, a heading based on it and a character style.
const formatStyles = `<w:styles ` + testNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:bidi/><w:jc w:val="both"/></w:pPr><w:rPr><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr><w:rPr><w:bCs/><w:rFonts w:cs="Traditional Arabic"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Em"><w:name w:val="Emphasis"/><w:rPr><w:i/><w:iCs w:val="0"/></w:rPr></w:style>
</w:styles>`

func TestFormatResolves(t *testing.T) {
	body := `<w:p><w:r><w:t>plain</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>head</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:bidi w:val="0"/><w:ind w:left="720"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Em"/></w:rPr><w:t>em</w:t></w:r>` +
		`<w:r><w:rPr><w:sz w:val="30"/><w:rtl/></w:rPr><w:t>big</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:rPr><w:sz w:val="30"/><w:rtl/></w:rPr><w:t>+</w:t></w:r></w:ins></w:p>`
	d := testDoc{body: body, parts: map[string]string{"styles.xml": formatStyles}}.read(t)
	tests := []struct {
		para   int
		before bool
		want   string // the paragraph's properties, then each run span's
		spans  []string
	}{
		{1, false, "rightToLeft=1 spaceAfter=160 align=both",
			[]string{"5:font=Calibri fontComplex=Arial size=22 sizeComplex=28"}},
		{2, false, "rightToLeft=1 spaceAfter=160 align=center",
			[]string{"4:font=Calibri fontComplex=Traditional Arabic boldComplex=1 size=22 sizeComplex=28"}},
		{3, false, "rightToLeft=0 spaceAfter=160 indentStart=720 align=both",
			[]string{"2:font=Calibri fontComplex=Arial italic=1 italicComplex=0 size=22 sizeComplex=28",
				"4:font=Calibri fontComplex=Arial size=30 sizeComplex=28 rtlRun=1"}},
		{3, true, "rightToLeft=0 spaceAfter=160 indentStart=720 align=both",
			[]string{"2:font=Calibri fontComplex=Arial italic=1 italicComplex=0 size=22 sizeComplex=28",
				"3:font=Calibri fontComplex=Arial size=30 sizeComplex=28 rtlRun=1"}},
	}
	for _, tt := range tests {
		f := d.Format(d.Paragraphs[tt.para-1], tt.before)
		if got := f.Paragraph.String(); got != tt.want {
			t.Errorf("paragraph %d: %s, want %s", tt.para, got, tt.want)
		}
		if len(f.Runs) != len(tt.spans) {
			t.Fatalf("paragraph %d (before %v): %d spans %+v, want %d", tt.para, tt.before, len(f.Runs), f.Runs, len(tt.spans))
		}
		for i, s := range f.Runs {
			if got := strconv.Itoa(s.Chars) + ":" + s.Props.String(); got != tt.spans[i] {
				t.Errorf("paragraph %d span %d: %s, want %s", tt.para, i, got, tt.spans[i])
			}
		}
	}
}

func TestStylesDefinitions(t *testing.T) {
	ss, err := ParseStyles("t.docx", "word/styles.xml", []byte(formatStyles))
	if err != nil {
		t.Fatal(err)
	}
	if ss.DefaultParagraph != "Normal" || len(ss.List) != 3 || ss.End < 0 {
		t.Fatalf("default %q, %d styles, end %d", ss.DefaultParagraph, len(ss.List), ss.End)
	}
	h := ss.Get("H1")
	if h.Name != "heading 1" || h.BasedOn != "Normal" || string(h.Raw[:9]) != "<w:style " || formatStyles[h.Start:h.Start+len(h.Raw)] != string(h.Raw) {
		t.Errorf("H1 = %+v", h)
	}
	// The paragraph mark's bold (w:pPr/w:rPr) is not the style's.
	if h.Own.Value(Bold) != "0" || ss.headingLevel("H1") != 1 {
		t.Errorf("H1 own %s, level %d", h.Own, ss.headingLevel("H1"))
	}
}

// TestPropsSame holds Same to what Diff over every property says.
func TestPropsSame(t *testing.T) {
	every := func(Prop) bool { return true }
	tests := []struct {
		name string
		p, q Props
		same bool
	}{
		{"both empty", nil, nil, true},
		{"set to the neutral value and not set", Props{Bold: "0"}, nil, true},
		{"one bold", Props{Bold: "1"}, nil, false},
		{"a font shadowed by its theme font on one side", Props{FontASCII: "Arial", FontASCIITheme: "minorHAnsi"}, Props{FontASCIITheme: "minorHAnsi"}, true},
		{"a font against a theme font", Props{FontASCII: "Arial"}, Props{FontASCIITheme: "minorHAnsi"}, false},
		{"alike", Props{Size: "24", RTL: "1"}, Props{RTL: "1", Size: "24"}, true},
	}
	for _, tt := range tests {
		if got := tt.p.Same(tt.q); got != tt.same || got != (len(tt.p.Diff(tt.q, every)) == 0) || got != tt.q.Same(tt.p) {
			t.Errorf("%s: Same %v, want %v (Diff %v)", tt.name, got, tt.same, tt.p.Diff(tt.q, every))
		}
	}
}
