package templates

import (
	"strings"
	"testing"
)

func TestInsertionOffset(t *testing.T) {
	const head = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	const tail = `</w:body></w:document>`
	tests := []struct {
		name, body string
		want       string // text at the offset; "" for an error
		err        string
	}{
		{"last child", `<w:p/><w:sectPr><w:titlePg/></w:sectPr>`, "<w:sectPr>", ""},
		{"white space around", "<w:p/>\n  <w:sectPr/>\n", "<w:sectPr/>", ""},
		{"paragraph sectPr only", `<w:p><w:pPr><w:sectPr/></w:pPr></w:p>`, "", "no section properties"},
		{"content after sectPr", `<w:sectPr/><w:p/>`, "", "no section properties"},
		{"no sectPr", `<w:p/>`, "", "no section properties"},
		{"text in body", `stray<w:sectPr/>`, "", "text directly in w:body"},
		{"malformed", `<w:p>`, "", "not well-formed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := []byte(head + tt.body + tail)
			off, err := InsertionOffset(doc)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(doc[off:]), tt.want) {
				t.Errorf("offset %d is at %.20q, want %q", off, doc[off:], tt.want)
			}
		})
	}
}
