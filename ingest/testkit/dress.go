package testkit

import (
	"fmt"
	"html"
	"testing"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// Dress copies the .docx src to dst as a region's contribution: a
// paragraph holding heading, with w:outlineLvl level (0 is the outline's
// top, a level-1 heading; 9 is body text), is put first in the body, so that the file reads as the
// region the heading names. Everything else is copied as it is. The
// paragraph is written in the prefix the body's element uses.
func Dress(t testing.TB, src, dst, heading string, level int) {
	t.Helper()
	p, err := opc.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	main, err := p.MainDocument()
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	Rewrite(t, src, dst, main, func(data []byte) []byte {
		sc := xmltok.New(data, xmltok.Options{})
		for sc.Next() {
			tok := &sc.Tok
			prefix, local := xmltok.SplitName(tok.Name)
			if tok.Kind != xmltok.StartTag || string(local) != "body" {
				continue
			}
			q := ""
			if prefix != nil {
				q = string(prefix) + ":"
			}
			para := fmt.Sprintf(`<%[1]sp><%[1]spPr><%[1]soutlineLvl %[1]sval="%[2]d"/></%[1]spPr>`+
				`<%[1]sr><%[1]srPr><%[1]sb/><%[1]ssz %[1]sval="32"/></%[1]srPr><%[1]st xml:space="preserve">%[3]s</%[1]st></%[1]sr></%[1]sp>`,
				q, level, html.EscapeString(heading))
			if tok.SelfClosing {
				t.Fatalf("%s: its body is empty", src)
			}
			out := append([]byte(nil), data[:tok.End]...)
			out = append(out, para...)
			return append(out, data[tok.End:]...)
		}
		t.Fatalf("%s: %s has no body (%v)", src, main, sc.Err())
		return nil
	})
}
