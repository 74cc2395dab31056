package ingest

import (
	"errors"
	"strings"
	"testing"

	"tsagmerge/ingest/opc"
)

// TestXMLEvents checks what the event layer adds to the tokenizer: text
// unescaped (CDATA included), a declared single-byte encoding read,
// self-closing and hidden elements closed, and prefixes resolved by what
// they are bound to, not by how they are spelled.
func TestXMLEvents(t *testing.T) {
	tests := []struct {
		name, doc, text string
	}{
		{"entities, references and CDATA",
			`<w:document ` + testNS + `><w:body>` + para("", `<w:r><w:t>a &amp; b&#x2013;c</w:t><w:t><![CDATA[ <d>]]></w:t></w:r>`) + `</w:body></w:document>`,
			"a & b–c <d>"},
		{"ISO-8859-1 declared",
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><w:document " + testNS + "><w:body>" + para("", run("Gen\xe8ve")) + "</w:body></w:document>",
			"Genève"},
		{"other prefix, default namespace",
			`<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>x</t></r></p>` +
				`<ns0:p xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:r><ns0:t>y</ns0:t></ns0:r></ns0:p></body></document>`,
			"x|y"},
		{"self-closing Choice skipped, Fallback read",
			`<w:document ` + testNS + `><w:body>` + para("", `<mc:AlternateContent><mc:Choice Requires="x"/><mc:Choice Requires="y"><w:r><w:t>c</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>f</w:t></w:r></mc:Fallback></mc:AlternateContent>`+run("!")) + `</w:body></w:document>`,
			"!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc{raw: tt.doc}.read(t)
			var texts []string
			for _, p := range doc.Paragraphs {
				texts = append(texts, p.Text)
			}
			if got := strings.Join(texts, "|"); got != tt.text {
				t.Errorf("text %q, want %q", got, tt.text)
			}
		})
	}
}

func TestXMLEventsRefuse(t *testing.T) {
	for _, tt := range []struct {
		name, doc, msg string
	}{
		{"undeclared encoding", `<?xml version="1.0" encoding="UTF-16"?><w:document ` + testNS + `><w:body/></w:document>`, `declares the encoding "UTF-16"`},
		{"second root", `<w:document ` + testNS + `><w:body/></w:document><w:document ` + testNS + `/>`, "line 1: has a second root element <w:document>"},
		{"text after the root", `<w:document ` + testNS + `><w:body/></w:document>x`, "text outside the root element"},
		{"mismatched end", `<w:document ` + testNS + `><w:body><w:p></w:body></w:document>`, "has </w:body> where </w:p> is due"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := testDoc{raw: tt.doc}.tryRead(t)
			var oe *opc.Error
			if !errors.As(err, &oe) || !errors.Is(err, opc.ErrCorrupt) || !strings.Contains(oe.Problem, tt.msg) ||
				!strings.Contains(oe.Problem, `part "word/document.xml"`) {
				t.Errorf("error %v, want a corrupt word/document.xml saying %q", err, tt.msg)
			}
		})
	}
}
