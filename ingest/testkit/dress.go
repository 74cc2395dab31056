package testkit

import (
	"bytes"
	"html"
	"regexp"
	"testing"
)

// bodyStart finds the start tag of the main document's body, whatever its
// prefix.
var bodyStart = regexp.MustCompile(`<(\w+:)?body(\s[^>]*)?>`)

// Dress copies the .docx src to dst as a region's contribution: a heading
// paragraph (w:outlineLvl level, 0 for a level-1 heading, no style) is put
// at the top of its body, as a regional office would head a file that came
// from elsewhere. The rest of the package is copied as it is.
func Dress(t testing.TB, src, dst, heading string, level int) {
	t.Helper()
	Rewrite(t, src, dst, "word/document.xml", func(data []byte) []byte {
		loc := bodyStart.FindSubmatchIndex(data)
		if loc == nil {
			t.Fatalf("%s: no w:body in word/document.xml", src)
		}
		w := ""
		if loc[2] >= 0 {
			w = string(data[loc[2]:loc[3]])
		}
		var p bytes.Buffer
		p.WriteString("<" + w + "p><" + w + "pPr><" + w + `outlineLvl ` + w + `val="`)
		p.WriteString(string(rune('0' + level)))
		p.WriteString(`"/></` + w + "pPr><" + w + "r><" + w + "t>")
		p.WriteString(html.EscapeString(heading))
		p.WriteString("</" + w + "t></" + w + "r></" + w + "p>")
		return append(data[:loc[1]:loc[1]], append(p.Bytes(), data[loc[1]:]...)...)
	})
}
