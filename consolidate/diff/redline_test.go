package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// tbl is a table of one-paragraph cells.
func tbl(rows ...[]string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>`)
	for range rows[0] {
		b.WriteString(`<w:gridCol w:w="2000"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(`<w:tr>`)
		for _, c := range r {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>` + testkit.P("", c) + `</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

const (
	pA = "The Regional Office held a workshop on quality of service in Cotonou."
	pB = "Twenty-two Member States took part, with three regulators."
	pC = "A follow-up meeting is planned for the first half of next year."
	pD = "The report of the workshop is on the ITU website."
)

// redlineCases are pairs of versions made here, each with one kind of
// difference.
var redlineCases = []struct {
	name     string
	old, new testkit.File
	// want counts what the redline must record.
	ins, del, moves int
}{
	{"one word changed",
		testkit.File{Body: testkit.P("", pA) + testkit.P("", pB)},
		testkit.File{Body: testkit.P("", pA) + testkit.P("", strings.Replace(pB, "three", "four", 1))}, 1, 1, 0},
	{"paragraph moved",
		testkit.File{Body: testkit.P("", pA) + testkit.P("", pB) + testkit.P("", pC) + testkit.P("", pD)},
		testkit.File{Body: testkit.P("", pB) + testkit.P("", pC) + testkit.P("", pA) + testkit.P("", pD)}, 0, 0, 1},
	{"section added",
		testkit.File{Body: testkit.P("Heading1", "Africa") + testkit.P("", pA)},
		testkit.File{Body: testkit.P("Heading1", "Africa") + testkit.P("", pA) + testkit.P("Heading2", "Next steps") + testkit.P("", pC)}, 4, 0, 0},
	{"section removed",
		testkit.File{Body: testkit.P("Heading1", "Africa") + testkit.P("", pA) + testkit.P("Heading2", "Next steps") + testkit.P("", pC)},
		testkit.File{Body: testkit.P("Heading1", "Africa") + testkit.P("", pA)}, 0, 4, 0},
	{"table cell changed",
		testkit.File{Body: testkit.P("", pA) + tbl([]string{"Event", "Date"}, []string{"Workshop", "5 September 2025"})},
		testkit.File{Body: testkit.P("", pA) + tbl([]string{"Event", "Date"}, []string{"Workshop", "6 September 2025"})}, 1, 1, 0},
	{"table row added",
		testkit.File{Body: tbl([]string{"Event", "Date"}, []string{"Workshop", "5 September 2025"})},
		testkit.File{Body: tbl([]string{"Event", "Date"}, []string{"Workshop", "5 September 2025"}, []string{"Forum", "1 October 2025"})}, 5, 0, 0},
	{"table removed",
		testkit.File{Body: testkit.P("", pA) + tbl([]string{"Event", "Date"}) + testkit.P("", pB)},
		testkit.File{Body: testkit.P("", pA) + testkit.P("", pB)}, 0, 5, 0},
	{"comment kept",
		testkit.File{Body: testkit.P("", pA),
			Comments: `<w:comment w:id="0" w:author="Ann" w:date="2025-10-01T10:00:00Z"><w:p><w:r><w:t>Check the town.</w:t></w:r></w:p></w:comment>`},
		testkit.File{Body: `<w:p><w:commentRangeStart w:id="0"/>` + testkit.R(strings.Replace(pA, "Cotonou", "Porto-Novo", 1)) +
			`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
			Comments: `<w:comment w:id="0" w:author="Ann" w:date="2025-10-01T10:00:00Z"><w:p><w:r><w:t>Check the town.</w:t></w:r></w:p></w:comment>`}, 1, 1, 0},
}

func TestRedlineMade(t *testing.T) {
	dir := t.TempDir()
	if d := os.Getenv("KEEPDIR"); d != "" {
		dir = d
	}
	for _, tc := range redlineCases {
		t.Run(tc.name, func(t *testing.T) {
			old, new := writeRead(t, dir, tc.name+"-old", tc.old), writeRead(t, dir, tc.name+"-new", tc.new)
			red, err := MakeRedline(old, new, RedlineOptions{Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			if red.Insertions != tc.ins || red.Deletions != tc.del || red.Moves != tc.moves {
				t.Errorf("recorded %d insertions, %d deletions, %d moves; want %d, %d, %d",
					red.Insertions, red.Deletions, red.Moves, tc.ins, tc.del, tc.moves)
			}
			out := filepath.Join(dir, tc.name+"-redline.docx")
			if err := os.WriteFile(out, red.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			if len(new.Comments) > 0 {
				got := testkit.ReadDoc(t, out)
				if len(got.Comments) != len(new.Comments) || got.Comments[0].Text != new.Comments[0].Text {
					t.Errorf("comments %v; want %v", got.Comments, new.Comments)
				}
			}
		})
	}
}

// writeRead writes f and reads it back.
func writeRead(t *testing.T, dir, name string, f testkit.File) *ingest.Document {
	t.Helper()
	path := filepath.Join(dir, name+".docx")
	testkit.Write(t, path, f)
	d := testkit.ReadDoc(t, path)
	t.Cleanup(func() { d.Package.Close() })
	return d
}

// TestMaxIDLeavesWebSettings counts the ids of the main part and its
// stories, not web settings' random w:div ids, which would leave fresh
// ids no room below int32's top.
func TestMaxIDLeavesWebSettings(t *testing.T) {
	dir := t.TempDir()
	parts := map[string]string{}
	testkit.RewriteParts(t, filepath.Join(testkit.Samples(t), "AFR-contribution.docx"), filepath.Join(dir, "src.docx"), func(part string, data []byte) []byte {
		parts[part] = string(data)
		return data
	})
	if _, ok := parts["word/webSettings.xml"]; !ok {
		t.Fatal("the sample has no web settings to fill")
	}
	parts["word/webSettings.xml"] = `<w:webSettings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:divs><w:div w:id="2145735108"/></w:divs></w:webSettings>`
	path := filepath.Join(dir, "AFR.docx")
	if err := os.WriteFile(path, testkit.Zip(parts), 0o644); err != nil {
		t.Fatal(err)
	}
	d := testkit.ReadDoc(t, path)
	defer d.Package.Close()
	if got := maxID(d); got >= 2145735108 || got == 0 {
		t.Errorf("maxID = %d: web settings counted, or nothing", got)
	}
}
