package testkit

import (
	"archive/zip"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Dress copies the .docx src to dst with a heading paragraph put at the
// top of its body: the text heading, with w:outlineLvl w:val="level" in
// its own properties (0 makes it a level-1 heading for Word and ingest, 1
// a level-2 one …) and no style, so that it is a heading whatever styles
// the file defines. It dresses any file as a region's contribution: a
// corpus file dressed with "Africa – Regional Office for Africa" at level
// 0 is Africa's. The heading takes the prefix the body is written with.
func Dress(t testing.TB, src, dst, heading string, level int) {
	t.Helper()
	main := mainPart(t, src)
	Rewrite(t, src, dst, main, func(data []byte) []byte {
		loc := bodyStart.FindSubmatchIndex(data)
		if loc == nil {
			t.Fatalf("%s: %s has no body", src, main)
		}
		w := ""
		if loc[2] >= 0 {
			w = string(data[loc[2]:loc[3]]) // "w:"
		}
		p := `<` + w + `p><` + w + `pPr><` + w + `outlineLvl ` + w + `val="` + strconv.Itoa(level) + `"/></` + w + `pPr><` +
			w + `r><` + w + `t xml:space="preserve">` + html.EscapeString(heading) + `</` + w + `t></` + w + `r></` + w + `p>`
		out := append([]byte(nil), data[:loc[1]]...)
		out = append(out, p...)
		return append(out, data[loc[1]:]...)
	})
}

var (
	bodyStart  = regexp.MustCompile(`<([A-Za-z_][\w.-]*:)?body(?:\s[^>]*)?>`)
	officeRel  = regexp.MustCompile(`<Relationship\b[^>]*>`)
	relTarget  = regexp.MustCompile(`\bTarget="([^"]*)"`)
	officeType = regexp.MustCompile(`\bType="[^"]*/officeDocument"`)
)

// mainPart names the package's main document part, from its package
// relationships.
func mainPart(t testing.TB, src string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range officeRel.FindAll(data, -1) {
			if m := relTarget.FindSubmatch(r); m != nil && officeType.Match(r) {
				return strings.TrimPrefix(html.UnescapeString(string(m[1])), "/")
			}
		}
	}
	return "word/document.xml"
}
