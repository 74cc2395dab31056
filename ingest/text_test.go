package ingest

import (
	"testing"
)

// TestParagraphText checks the shown text (changes accepted) and the
// original text (before the changes) of tricky paragraphs.
func TestParagraphText(t *testing.T) {
	tests := []struct {
		name, body     string
		text, original string
	}{
		{"plain", run("Hello") + run(" world"), "Hello world", "Hello world"},
		{"insertion and deletion",
			run("in ") + `<w:ins w:id="1" w:author="A"><w:r><w:t>October</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>September</w:delText></w:r></w:del>` + run(" 2025"),
			"in October 2025", "in September 2025"},
		{"move", `<w:moveFrom w:id="1"><w:r><w:t>old </w:t></w:r></w:moveFrom>` + run("stay") + `<w:moveTo w:id="2"><w:r><w:t> new</w:t></w:r></w:moveTo>`,
			"stay new", "old stay"},
		{"tab, break, hyphen, symbol", `<w:r><w:t>8</w:t><w:tab/><w:t>Europe</w:t><w:br/><w:t>non</w:t><w:noBreakHyphen/><w:t>stop</w:t><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>`,
			"8\tEurope\nnon-stop", "8\tEurope\nnon-stop"},
		{"tab stops are not text", `<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` + run("x"), "x", "x"},
		{"alternate content read once (Choice)", run("a ") + `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
			"a choice", "a choice"},
		{"alternate content without Choice", `<mc:AlternateContent><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>`,
			"fallback", "fallback"},
		{"text box paragraphs are lines of their paragraph", run("before") + `<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`,
			"before\nboxed", "before\nboxed"},
		{"field result shown, code not", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("7") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
			"7", "7"},
		{"math and smart tags", `<w:smartTag w:element="place">` + run("Addis") + `</w:smartTag>`, "Addis", "Addis"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc{body: para("", tt.body)}.read(t)
			if len(doc.Paragraphs) != 1 {
				t.Fatalf("got %d paragraphs, want 1", len(doc.Paragraphs))
			}
			p := doc.Paragraphs[0]
			if p.Text != tt.text || p.Original != tt.original {
				t.Errorf("Text %q Original %q, want %q and %q", p.Text, p.Original, tt.text, tt.original)
			}
		})
	}
}

// TestNamespacePrefixes checks that elements are matched by namespace, not
// by prefix: WordprocessingML bound to another prefix, or as the default
// namespace, reads the same; a w: element of a foreign namespace is not
// WordprocessingML.
func TestNamespacePrefixes(t *testing.T) {
	const main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	tests := []struct{ name, raw, want string }{
		{"other prefix", `<x:document xmlns:x="` + main + `"><x:body><x:p><x:r><x:t>Hi</x:t></x:r></x:p></x:body></x:document>`, "Hi"},
		{"default namespace", `<document xmlns="` + main + `"><body><p><r><t>Hi</t></r></p></body></document>`, "Hi"},
		{"prefix rebound inside", `<w:document xmlns:w="` + main + `"><w:body><w:p><w:r xmlns:w="urn:other"><w:t>no</w:t></w:r><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>`, "Hi"},
		{"strict", `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>`, "Hi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc{raw: tt.raw}.read(t)
			if len(doc.Paragraphs) != 1 || doc.Paragraphs[0].Text != tt.want {
				t.Fatalf("paragraphs %+v, want one reading %q", doc.Paragraphs, tt.want)
			}
			if got := doc.Strict; got != (tt.name == "strict") {
				t.Errorf("Strict = %v", got)
			}
		})
	}
}
