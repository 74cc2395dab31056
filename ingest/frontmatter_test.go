package ingest

import (
	"strings"
	"testing"
)

// frontStyles adds to stylesXML a style based on Title under another name
// and pandoc's Author and Date styles.
var frontStyles = strings.Replace(stylesXML, `</w:styles>`,
	`<w:style w:type="paragraph" w:styleId="CoverTitle"><w:name w:val="Cover Title"/><w:basedOn w:val="Title"/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Author"><w:name w:val="Author"/></w:style>`+
		`<w:style w:type="paragraph" w:styleId="Date"><w:name w:val="Date"/></w:style></w:styles>`, 1)

func TestFrontMatterRule(t *testing.T) {
	bold := func(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }
	h1 := para("Heading1", run("Africa – Regional Office for Africa"))
	h2 := para("Heading2", run("Workshops"))
	tests := []struct {
		name  string
		body  string
		front string // the FrontMatter texts, "|"-joined
		why   string // FrontMatterWhy, "|"-joined
		line  string // RegionLine's text, "" for none
	}{
		{"title and author styles", para("Title", run("Anything")) + para("Author", run("Someone")) + h1,
			"Anything|Someone", "styled Title|styled Author", ""},
		{"title by basedOn", para("CoverTitle", run("Anything")) + h1, "Anything", "styled Title", ""},
		{"pandoc date style and an empty line", para("Date", run("soon")) + para("", "") + h1, "soon|", "styled Date|empty", ""},
		{"title, affiliation and date lines by text", para("", run("Contribution of the ITU Regional Office for Africa")) +
			para("", run("ITU Regional Office for Africa, Addis Ababa")) + para("", run("15 December 2025")) + h1,
			"Contribution of the ITU Regional Office for Africa|ITU Regional Office for Africa, Addis Ababa|15 December 2025",
			"a title line|an author or affiliation line|a date line", ""},
		{"source and period lines", para("", run("Source: BDT")) + para("", run("July–December 2025")) + h1,
			"Source: BDT|July–December 2025", "an author or affiliation line|a date line", ""},
		{"text before a level-1 heading stays", para("Title", run("T")) + para("", run("Please note the new format.")) + h1,
			"T", "styled Title", ""},
		{"the block ends at the first other text", para("", run("An introduction.")) + para("Title", run("Late title")) + h1,
			"", "", ""},
		{"text before a level-2 first heading stays", para("Title", run("T")) + para("", run("An introduction.")) + h2 + para("", run("x")),
			"T", "styled Title", ""},
		{"a table ends the block", `<w:tbl><w:tr><w:tc>` + para("Title", run("In a table")) + `</w:tc></w:tr></w:tbl>` + h1, "", "", ""},
		{"a long line is not a date", para("", run("The workshop held on 15 December 2025 gathered 40 experts.")) + h1, "", "", ""},
		{"a bold line naming the region, no level-1 heading", para("Title", run("T")) + para("", bold("Africa")) + h2,
			"T", "styled Title", "Africa"},
		{"a level-2 heading naming the region", para("Heading2", run("Africa")) + para("", run("x")) + h2, "", "", "Africa"},
		{"a bold line not naming the region", para("", bold("Highlights")) + h2, "", "", ""},
		{"a bold line after other text", para("", run("Intro.")) + para("", bold("Africa")) + h2, "", "", ""},
		{"a region heading at level 1: no region line", para("", bold("Africa")) + h1, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			td := testDoc{body: tt.body, name: "AFR.docx", parts: map[string]string{"styles.xml": frontStyles}}
			doc := td.read(t)
			var front []string
			for _, p := range doc.FrontMatter {
				front = append(front, p.Text)
			}
			if got := strings.Join(front, "|"); got != tt.front {
				t.Errorf("front matter %q, want %q", got, tt.front)
			}
			if got := strings.Join(doc.FrontMatterWhy, "|"); got != tt.why {
				t.Errorf("reasons %q, want %q", got, tt.why)
			}
			line := ""
			if doc.RegionLine != nil {
				line = doc.RegionLine.Text
			}
			if line != tt.line {
				t.Errorf("region line %q, want %q", line, tt.line)
			}
			// Nothing before the first heading is in a section; what is not
			// front matter is carried all the same (the model keeps it).
			if len(doc.Paragraphs) < len(doc.FrontMatter) {
				t.Errorf("%d paragraphs, %d front matter", len(doc.Paragraphs), len(doc.FrontMatter))
			}
		})
	}
}

func TestIsDateLine(t *testing.T) {
	for text, want := range map[string]bool{
		"15 December 2025": true, "December 2025": true, "July–December 2025": true, "20-23 January 2026": true,
		"Date: 2025-12-15": true, "15/12/2025": true, "1st March": true, "2025": true,
		"December": false, "Geneva, 20 January 2026": false, "Report 2025": false, "3 Africa": false, "May we": false,
	} {
		if got := isDateLine(text); got != want {
			t.Errorf("isDateLine(%q) = %v, want %v", text, got, want)
		}
	}
}
