package ingest

import (
	"strconv"
	"strings"
	"testing"
)

const numberingXML = `<w:numbering ` + testNS + `>
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

func TestSectionsAndFrontMatter(t *testing.T) {
	body := para("Title", run("Contribution of the ITU Regional Office for Africa")) +
		para("", run("ITU Regional Office for Africa")) +
		para("Heading1", run("3\tAfrica – Regional Office for Africa")) +
		para("", run("Intro")) +
		para("Heading2", run("3.1 Training")) +
		para("Derived", run("Outline by inheritance")) +
		para("Heading3", run("Deep")) +
		para("", `<w:pPr><w:outlineLvl w:val="0"/></w:pPr>`+run("8 Direct outline")) +
		para("Heading2", `<w:pPr><w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/></w:pPr>`+run("Body text by direct outline")) +
		para("Heading2", "")
	doc := testDoc{body: body, parts: map[string]string{"styles.xml": stylesXML}}.read(t)
	type sec struct {
		level         int
		number, title string
		parent, para  int
	}
	want := []sec{
		{1, "3", "Africa – Regional Office for Africa", -1, 3},
		{2, "3.1", "Training", 0, 5},
		{2, "", "Outline by inheritance", 0, 6},
		{3, "", "Deep", 2, 7},
		{1, "8", "Direct outline", -1, 8},
	}
	if len(doc.Sections) != len(want) {
		t.Fatalf("got %d sections, want %d: %+v", len(doc.Sections), len(want), doc.Sections)
	}
	for i, w := range want {
		s := doc.Sections[i]
		if got := (sec{s.Level, s.Number, s.Title, s.Parent, s.Paragraph}); got != w || s.Inferred {
			t.Errorf("section %d = %+v, want %+v", i, got, w)
		}
	}
	if len(doc.FrontMatter) != 2 || doc.FrontMatter[0].Style != "Title" || doc.FrontMatter[1].Style != "Normal" {
		t.Errorf("front matter = %+v", doc.FrontMatter)
	}
	wantSection := []int{-1, -1, 0, 0, 1, 2, 3, 4, 4, 4}
	for i, p := range doc.Paragraphs {
		if p.Section != wantSection[i] {
			t.Errorf("paragraph %d in section %d, want %d", p.Index, p.Section, wantSection[i])
		}
	}
	if doc.Region.Code != "AFR" || doc.Region.Evidence != "heading: Africa – Regional Office for Africa" {
		t.Errorf("region = %+v", doc.Region)
	}
}

func TestInferredHeadings(t *testing.T) {
	bold := func(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }
	body := para("Title", run("Report")) +
		para("", bold("1 Europe")) +
		para("", run("Some text that is not bold at all.")) +
		para("", bold("1.1 Workshops")) +
		para("", bold("Half bold")+run(" half plain")) +
		para("", `<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Strong style</w:t></w:r>`) +
		para("", bold(strings.Repeat("word ", 12))) +
		`<w:tbl><w:tr><w:tc>` + para("", bold("In a table")) + `</w:tc></w:tr></w:tbl>`
	styles := strings.ReplaceAll(stylesXML, `w:name w:val="heading`, `w:name w:val="unused`)
	styles = strings.ReplaceAll(styles, `w:name w:val="Heading 3"`, `w:name w:val="Unused 3"`)
	styles = strings.ReplaceAll(styles, `<w:outlineLvl w:val="1"/>`, ``)
	doc := testDoc{body: body, parts: map[string]string{"styles.xml": styles}}.read(t)
	var got []string
	for _, s := range doc.Sections {
		if !s.Inferred {
			t.Errorf("section %q not marked inferred", s.Title)
		}
		got = append(got, strings.Repeat(">", s.Level)+s.Number+" "+s.Title)
	}
	if want := ">1 Europe|>>1.1 Workshops|> Strong style"; strings.Join(got, "|") != want {
		t.Errorf("inferred sections %q, want %q", strings.Join(got, "|"), want)
	}
	if len(doc.FrontMatter) != 1 {
		t.Errorf("front matter = %d paragraphs, want the title only", len(doc.FrontMatter))
	}
}

func TestLists(t *testing.T) {
	body := para("", `<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>`+run("a")) +
		para("ListBullet", run("b")) +
		para("", `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>`+run("c")) +
		para("", `<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>`+run("d"))
	doc := testDoc{body: body, parts: map[string]string{"styles.xml": stylesXML, "numbering.xml": numberingXML}}.read(t)
	want := []*ListInfo{{"1", 1, "lowerLetter"}, {"2", 0, "bullet"}, {"3", 0, "upperRoman"}, nil}
	for i, w := range want {
		got := doc.Paragraphs[i].List
		if (got == nil) != (w == nil) || got != nil && *got != *w {
			t.Errorf("paragraph %d list = %+v, want %+v", i+1, got, w)
		}
	}
}

func TestFiguresAndTables(t *testing.T) {
	body := para("Heading1", run("Europe")) +
		para("", inlinePicture("rIdImg", "Participants")) +
		para("Caption", run("Figure 1: Participants by month")) +
		para("", run("Figure 2 – Before the picture")) +
		para("", `<w:r><w:pict><v:shape alt="vml alt"><v:imagedata r:id="rIdImg2" o:title=""/></v:shape></w:pict></w:r>`) +
		para("", `<w:r><w:drawing><wp:anchor><wp:docPr id="3" name="x" title="Linked"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rIdLinked"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`) +
		para("", `<w:r><w:t>Plot </w:t></w:r><w:fldSimple w:instr=" SEQ Figure \* ARABIC ">`+run("3")+`</w:fldSimple>`) +
		para("", run("Table 1. Workshops")) +
		`<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + para("", run("wide")) + `</w:tc><w:tc>` + para("", run("c")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", run("1")) + `<w:tbl><w:tr><w:tc>` + para("", run("nested")) + `</w:tc></w:tr></w:tbl></w:tc><w:tc>` + para("", run("2")) + `</w:tc></w:tr></w:tbl>` +
		`<w:tbl><w:tblPr><w:tblCaption w:val="Own caption"/></w:tblPr><w:tr><w:tc>` + para("", run("x")) + `</w:tc></w:tr></w:tbl>`
	doc := testDoc{body: body,
		parts: map[string]string{"styles.xml": stylesXML, "media/image1.png": tinyPNG(t, 48, 24), "media/image2.png": tinyPNG(t, 5, 7)},
		rels: map[string]string{
			"rIdImg":    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image|media/image1.png",
			"rIdImg2":   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image|media/image2.png",
			"rIdLinked": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image|file:///C:/pic.png|ext",
		}}.read(t)
	type fig struct {
		part         string
		w, h         int
		alt, caption string
		external     bool
		section      string
	}
	want := []fig{
		{"word/media/image1.png", 48, 24, "Participants", "Figure 1: Participants by month", false, "Europe"},
		{"word/media/image2.png", 5, 7, "vml alt", "Figure 2 – Before the picture", false, "Europe"},
		{"file:///C:/pic.png", 0, 0, "Linked", "Plot 3", true, "Europe"},
	}
	if len(doc.Figures) != len(want) {
		t.Fatalf("got %d figures, want %d", len(doc.Figures), len(want))
	}
	for i, w := range want {
		f := doc.Figures[i]
		if got := (fig{f.Part, f.Width, f.Height, f.Alt, f.Caption, f.External, f.Section}); got != w {
			t.Errorf("figure %d = %+v, want %+v", i, got, w)
		}
	}
	if f := doc.Figures[0]; f.ContentType != "image/png" || f.Bytes == 0 {
		t.Errorf("figure 0 type/bytes = %q %d", f.ContentType, f.Bytes)
	}
	if len(doc.Tables) != 2 {
		t.Fatalf("got %d tables, want 2", len(doc.Tables))
	}
	t1, t2 := doc.Tables[0], doc.Tables[1]
	if t1.Rows != 2 || t1.Cols != 3 || t1.Caption != "Table 1. Workshops" || t1.Nested != 1 || t1.Section != "Europe" {
		t.Errorf("table 1 = %+v", t1)
	}
	if got := t1.Cells[1][0]; got != "1\nnested" {
		t.Errorf("cell with a nested table = %q", got)
	}
	if t2.Caption != "Own caption" || t2.Rows != 1 || t2.Cols != 1 {
		t.Errorf("table 2 = %+v", t2)
	}
	inTable := 0
	for _, p := range doc.Paragraphs {
		if p.InTable {
			inTable++
		}
	}
	if inTable != 6 {
		t.Errorf("%d paragraphs in tables, want 6", inTable)
	}
	if n := len(doc.Blocks); n != 10 || doc.Blocks[8].Table != t1 {
		t.Errorf("blocks = %d, want 8 paragraphs then 2 tables", n)
	}
}

// TestHeadingWithTextBox checks that a text box anchored in a heading is
// part of the paragraph's text but not of the section's title.
func TestHeadingWithTextBox(t *testing.T) {
	box := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData>` +
		`<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Quote AFR</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Quote AFR</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	doc := testDoc{body: para("Heading1", run("Europe")+box+run(" office")), parts: map[string]string{"styles.xml": stylesXML}}.read(t)
	if got := doc.Paragraphs[0].Text; got != "Europe office\nQuote AFR" {
		t.Errorf("paragraph text %q", got)
	}
	if len(doc.Sections) != 1 || doc.Sections[0].Title != "Europe office" || doc.Region.Code != "EUR" {
		t.Errorf("sections %+v, region %+v", doc.Sections, doc.Region)
	}
	if len(doc.Figures) != 0 {
		t.Errorf("a text box is not a figure: %+v", doc.Figures)
	}
}

// TestBodyIndex checks Paragraph.Body counts w:body's children as they
// stand in the file, markup-compatibility wrappers included.
func TestBodyIndex(t *testing.T) {
	body := `<w:bookmarkStart w:id="0" w:name="b"/>` + para("", run("a")) +
		`<mc:AlternateContent><mc:Choice Requires="w14">` + para("", run("b")) + `</mc:Choice><mc:Fallback>` + para("", run("b")) + `</mc:Fallback></mc:AlternateContent>` +
		`<w:tbl><w:tr><w:tc>` + para("", run("c")) + para("", run("d")) + `</w:tc></w:tr></w:tbl>` +
		`<w:sdt><w:sdtPr/><w:sdtContent>` + para("", run("e")) + `</w:sdtContent></w:sdt>` + para("", run("f")) + `<w:sectPr/>`
	doc := testDoc{body: body}.read(t)
	var got []string
	for _, p := range doc.Paragraphs {
		got = append(got, p.Text+strconv.Itoa(p.Body))
	}
	if want := "a1 b2 c3 d3 e4 f5"; strings.Join(got, " ") != want {
		t.Errorf("paragraphs and body indexes %q, want %q", strings.Join(got, " "), want)
	}
}
