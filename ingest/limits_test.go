package ingest_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
)

// TestReadRefusesWhatIsTooLarge: a document past one of the caps on text
// (in a paragraph, with its text boxes, in all) or on paragraphs is
// refused while it is read, in one line naming the file and the cap; one
// just within them is read.
func TestReadRefusesWhatIsTooLarge(t *testing.T) {
	long := words(ingest.MaxParagraphText - 10)
	chunk := long[:ingest.MaxParagraphText/4+10] // a quarter of the paragraph cap, and a bit
	box := func(text string) string {
		return `<w:p><w:r><w:t>` + text + `</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>` +
			testkit.P("", text) + `</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`
	}
	tests := []struct {
		name string
		file testkit.File
		want string // "" when the file must be read
	}{
		{"paragraph within the cap", testkit.File{Body: testkit.P("", long)}, ""},
		{"paragraph past the cap", testkit.File{Body: testkit.P("", long+" more words")}, "paragraph 1 holds more than 1 MiB of text, the most a paragraph may hold"},
		{"runs adding up past the cap", testkit.File{Body: testkit.P("", "intro") +
			`<w:p>` + strings.Repeat(`<w:r><w:t>`+chunk+`</w:t></w:r>`, 5) + `</w:p>`}, "paragraph 2 holds more than 1 MiB"},
		{"text box adding up past the cap", testkit.File{Body: box(chunk + chunk + chunk)}, "paragraph 1 holds more than 1 MiB"},
		{"deleted text past the cap", testkit.File{Body: `<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>` + long + " more words" + `</w:delText></w:r></w:del></w:p>`}, "paragraph 1 holds more than 1 MiB"},
		{"footnote past the cap", testkit.File{Body: testkit.P("", "x"), Footnotes: `<w:footnote w:id="1">` + testkit.P("", long+" more words") + `</w:footnote>`}, "a paragraph of word/footnotes.xml holds more than 1 MiB"},
		{"text past the document cap", testkit.File{Body: strings.Repeat(testkit.P("", long), ingest.MaxText/ingest.MaxParagraphText+1)}, "holds more than 50 MiB of text, the most a contribution may hold"},
		{"paragraphs within the cap", testkit.File{Body: paragraphs(ingest.MaxParagraphs)}, ""},
		{"paragraphs past the cap", testkit.File{Body: paragraphs(ingest.MaxParagraphs + 1)}, "has more than 250000 paragraphs, the most a contribution may hold"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && strings.Contains(tt.name, "document cap") {
				t.Skip("builds a 50 MB document")
			}
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".docx")
			testkit.Write(t, path, tt.file)
			doc, err := ingest.Read(path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				doc.Package.Close()
				return
			}
			if err == nil {
				doc.Package.Close()
				t.Fatal("read, want refused")
			}
			msg := err.Error()
			if !errors.Is(err, opc.ErrTooLarge) || !strings.HasPrefix(msg, path+": ") || !strings.Contains(msg, tt.want) ||
				!strings.Contains(msg, "; no contribution is that large") || strings.Contains(msg, "\n") {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// words is n bytes of words that do not compress like a zip bomb.
func words(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < n {
		fmt.Fprintf(&b, "w%x ", r.Uint32())
	}
	return b.String()[:n]
}

// paragraphs is n short paragraphs, each its own.
func paragraphs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<w:p><w:r><w:t>%d</w:t></w:r></w:p>", i*7919%1000003)
	}
	return b.String()
}

// nested is a region whose paragraph stands in content controls nested k
// deep: the body's deepest element is at 2k+5 levels (w:document, w:body,
// k times w:sdt and w:sdtContent, w:p, w:r, w:t), 2k+8 with ruby (the
// text in w:ruby, w:rubyBase and a run of its own).
func nested(k int, ruby bool) string {
	open, end := strings.Repeat("<w:sdt><w:sdtContent>", k), strings.Repeat("</w:sdtContent></w:sdt>", k)
	p := testkit.P("", "deep")
	if ruby {
		p = `<w:p><w:r><w:ruby><w:rubyBase><w:r><w:t>deep</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>`
	}
	return testkit.P("Heading1", "Africa") + open + p + end
}

// TestReadNesting: 256 levels are read, 257 refused (libxml2, and so the
// readers of the TD, stop there), in one line naming the file.
func TestReadNesting(t *testing.T) {
	tests := []struct {
		name string
		body string
		ok   bool
	}{
		{"255 levels", nested(125, false), true},
		{"256 levels", nested(124, true), true},
		{"257 levels", nested(126, false), false},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".docx")
			testkit.Write(t, path, testkit.File{Body: tt.body})
			doc, err := ingest.Read(path)
			if tt.ok {
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				doc.Package.Close()
				return
			}
			if err == nil || !errors.Is(err, opc.ErrUnsafeXML) || !strings.Contains(err.Error(), "more than 256 levels deep") || !strings.HasPrefix(err.Error(), path+": ") {
				t.Fatalf("Read = %v, want refused past 256 levels", err)
			}
		})
	}
}
