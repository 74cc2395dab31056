package templates

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest/opc"
)

func TestDefaultIsDeterministic(t *testing.T) {
	a, b := Default(), Default()
	if !bytes.Equal(a, b) {
		t.Fatal("two calls of Default differ")
	}
	fresh, err := buildDefault()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, fresh) {
		t.Fatal("zipping the template again gives different bytes")
	}
	a[0] ^= 0xff // the caller owns its copy
	if bytes.Equal(a, Default()) {
		t.Fatal("Default returned shared bytes")
	}
}

func TestDefaultZipLayout(t *testing.T) {
	zr, err := zip.NewReader(bytes.NewReader(Default()), int64(len(Default())))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry is %s, want [Content_Types].xml", zr.File[0].Name)
	}
	var embedded int
	fs.WalkDir(td, "td", func(_ string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			embedded++
		}
		return nil
	})
	if len(zr.File) != embedded {
		t.Errorf("zip has %d entries, td/ has %d files", len(zr.File), embedded)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)) { // opc.WriteZip's
			t.Errorf("%s: modified %v, want 1 January 1980", f.Name, f.Modified)
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
	}
}

// TestDefaultIsValidPackage checks what Word checks first: every part has a
// content type and is well-formed, every relationship target exists, and
// every r:id the document uses is declared.
func TestDefaultIsValidPackage(t *testing.T) {
	p, err := opc.OpenBytes("template.docx", Default())
	if err != nil {
		t.Fatal(err)
	}
	main, err := p.MainDocument()
	if err != nil || main != "word/document.xml" {
		t.Fatalf("main document %q, %v", main, err)
	}
	for _, name := range p.Names {
		data, err := p.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed: %v", name, err)
		}
		if err := opc.CheckXML("template.docx", name, data); err != nil {
			t.Error(err)
		}
		if name != "[Content_Types].xml" && p.ContentType(name) == "" {
			t.Errorf("%s has no content type", name)
		}
		if strings.HasSuffix(name, ".rels") {
			continue
		}
		rels, err := p.Rels(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ids := map[string]bool{}
		for _, r := range rels {
			ids[r.ID] = true
			if !r.External && !p.Has(r.Part) {
				t.Errorf("%s: relationship %s targets missing part %s", name, r.ID, r.Target)
			}
		}
		for _, m := range regexp.MustCompile(`r:id="([^"]+)"`).FindAllStringSubmatch(string(data), -1) {
			if !ids[m[1]] {
				t.Errorf("%s uses r:id %s, which %s does not declare", name, m[1], opc.RelsPartName(name))
			}
		}
	}
	for _, want := range []string{"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "docProps/core.xml", "docProps/app.xml"} {
		if !p.Has(want) {
			t.Errorf("no part %s", want)
		}
	}
}

func TestDefaultStyles(t *testing.T) {
	styles := string(parts(t, Default())["word/styles.xml"])
	// Word's own names for its built-in styles (what Word writes), and the
	// ITU style sheet's names for the rest.
	for _, name := range []string{
		"Normal", "heading 1", "heading 2", "heading 3", "Headingb", "enumlev1", "enumlev2",
		"Normal_after_title", "Note", "Figure", "Figure_No &amp; title", "Figure_Title",
		"Table_No &amp; title", "Table_Title", "Table_head", "Table_text", "caption", "Title",
		"footnote text", "footnote reference", "Hyperlink", "annotation text",
		"annotation reference", "List Paragraph", "Table Grid", "header", "footer", "Call",
	} {
		if !strings.Contains(styles, `<w:name w:val="`+name+`"/>`) {
			t.Errorf("styles.xml has no style named %q", name)
		}
	}
	for _, id := range []string{"FigureNotitle", "TableNotitle"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("styles.xml has no style id %q", id)
		}
	}
	for lvl, id := range []string{"Heading1", "Heading2", "Heading3"} {
		re := regexp.MustCompile(`(?s)w:styleId="` + id + `">.*?<w:outlineLvl w:val="(\d)"/>.*?</w:style>`)
		m := re.FindStringSubmatch(styles)
		if m == nil || m[1] != string(rune('0'+lvl)) {
			t.Errorf("%s: outline level %v, want %d", id, m, lvl)
		}
	}
}

func TestDefaultBody(t *testing.T) {
	ps := parts(t, Default())
	doc := ps["word/document.xml"]
	text := visibleText(t, doc)
	for _, want := range []string{
		"INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR",
		"STUDY PERIOD 2025-2028", "Original: English", "\nTD\n",
		"Question(s):", "Source:", "Title:", "Purpose:", "Contact:", "Keywords:", "Abstract:",
		"This document summarizes contribution of the ITU Regional Offices",
		"1\tIntroduction: ITU Regional Presence\n",
		"ITU has offices in the six BDT regions:\nAfrica\nAmericas\nArab States\nAsia and the Pacific\nCommonwealth of Independent States\nEurope\n",
		"overall of thirteen field offices",
		"2\tITU Plenipotentiary Resolution 25 (Rev. Bucharest, 2022)\n",
		"further resolves",
		"3\tthat regional and area offices shall regularly provide reports to the Sector advisory groups",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("template text lacks %q", want)
		}
	}
	if strings.Contains(text, "[bookmark") || strings.Contains(text, "Comment by") {
		t.Error("template carries review residue from the published report")
	}
	if n := strings.Count(string(doc), `<w:numId w:val="1"/>`); n != 6 {
		t.Errorf("%d bulleted paragraphs, want the six regions", n)
	}
	if !strings.Contains(string(ps["word/numbering.xml"]), `<w:numFmt w:val="bullet"/>`) {
		t.Error("numbering.xml has no bullet list")
	}
	fs, err := findPlaceholders("word/document.xml", doc)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range fs {
		if f.split || !isPlaceholder(f.name) {
			t.Errorf("cover placeholder %s is split or unknown", f)
		}
		seen[f.name] = true
	}
	for _, name := range Placeholders {
		if !seen[name] && name != PhDraft {
			t.Errorf("cover lacks %s", token(name))
		}
	}
	for _, h := range []string{"word/header1.xml", "word/header2.xml"} {
		if !strings.Contains(string(ps[h]), token(PhDraft)) {
			t.Errorf("%s lacks %s: a draft's pages would not say so", h, token(PhDraft))
		}
	}
	header := string(ps["word/header1.xml"])
	if !strings.Contains(header, " PAGE ") || !strings.Contains(header, token(PhTDNumber)) {
		t.Error("running header lacks the PAGE field or the TD number")
	}
}

func TestDefaultEndsWithSectPr(t *testing.T) {
	doc := parts(t, Default())["word/document.xml"]
	off, err := InsertionOffset(doc)
	if err != nil {
		t.Fatal(err)
	}
	sect := string(doc[off:])
	if !strings.HasPrefix(sect, "<w:sectPr>") {
		t.Fatalf("offset %d is at %.20q", off, sect)
	}
	for _, want := range []string{
		`<w:headerReference w:type="default" r:id="rId7"/>`, `<w:headerReference w:type="first" r:id="rId8"/>`,
		`<w:pgSz w:w="11906" w:h="16838"`, "<w:titlePg/>",
	} {
		if !strings.Contains(sect, want) {
			t.Errorf("body sectPr lacks %s", want)
		}
	}
	before := visibleText(t, append(append([]byte{}, doc[:off]...), "</w:body></w:document>"...))
	if !strings.HasSuffix(before, "their respective Sectors.”\n") {
		t.Errorf("the template does not end with section 2's text: %q", before[max(0, len(before)-60):])
	}
	rels := string(parts(t, Default())["word/_rels/document.xml.rels"])
	if !strings.Contains(rels, `Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"`) {
		t.Error("rId7 is not the running header header1.xml")
	}
}
