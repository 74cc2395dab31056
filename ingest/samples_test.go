package ingest

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// expectedRow is one row of testdata/samples/EXPECTED.md's table, by
// column name.
type expectedRow map[string]string

// readExpected parses the markdown table of EXPECTED.md, so that the test
// checks what the sample set's own description says.
func readExpected(t *testing.T) []expectedRow {
	t.Helper()
	f, err := os.Open("../testdata/samples/EXPECTED.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var header []string
	var rows []expectedRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case header == nil:
			header = cells
		case strings.HasPrefix(cells[0], "---"):
		default:
			row := expectedRow{}
			for i, h := range header {
				if i < len(cells) {
					row[h] = cells[i]
				}
			}
			rows = append(rows, row)
		}
	}
	if len(rows) != 6 {
		t.Fatalf("EXPECTED.md: found %d rows, want 6", len(rows))
	}
	return rows
}

var leadingNumber = regexp.MustCompile(`^\d+`)

// count reads a cell's leading number; "–" is 0.
func (r expectedRow) count(t *testing.T, col string) int {
	t.Helper()
	v, ok := r[col]
	if !ok {
		t.Fatalf("EXPECTED.md has no column %q", col)
	}
	if n := leadingNumber.FindString(v); n != "" {
		c, _ := strconv.Atoi(n)
		return c
	}
	return 0
}

// kindCount reads "1 insertion, 1 deletion (…)" for one kind.
func (r expectedRow) kindCount(col, kind string) int {
	m := regexp.MustCompile(`(\d+) ` + kind).FindStringSubmatch(r[col])
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestReadSamples(t *testing.T) {
	for _, row := range readExpected(t) {
		t.Run(row["file"], func(t *testing.T) {
			doc, err := Read(filepath.Join("../testdata/samples", row["file"]))
			if err != nil {
				t.Fatal(err)
			}
			defer doc.Package.Close()
			checkSample(t, row, doc)
		})
	}
}

func checkSample(t *testing.T, row expectedRow, doc *Document) {
	wantRegion := ""
	for _, r := range Regions {
		if r.Name == row["region"] {
			wantRegion = r.Code
		}
	}
	if doc.Region.Code != wantRegion || !strings.HasPrefix(doc.Region.Evidence, "heading: ") {
		t.Errorf("region = %+v, want %s from the heading", doc.Region, wantRegion)
	}
	resolved, threads := 0, 0
	for _, c := range doc.Comments {
		if c.Resolved {
			resolved++
		}
		if c.Parent != "" {
			threads++
		}
		if c.Anchor == "" || c.Section == "" || c.Text == "" {
			t.Errorf("comment %s lacks anchor, section or text: %+v", c.ID, c)
		}
	}
	ins, del := 0, 0
	for _, r := range doc.Revisions {
		switch r.Kind {
		case Insertion:
			ins++
		case Deletion:
			del++
		}
	}
	h2 := 0
	for _, s := range doc.Sections {
		if s.Level == 2 {
			h2++
		}
	}
	counts := []struct {
		what      string
		got, want int
	}{
		{"comments", len(doc.Comments), row.count(t, "comments")},
		{"resolved", resolved, row.count(t, "resolved")},
		{"threads", threads, row.count(t, "threads")},
		{"insertions", ins, row.kindCount("tracked changes", "insertion")},
		{"deletions", del, row.kindCount("tracked changes", "deletion")},
		{"revisions", len(doc.Revisions), row.kindCount("tracked changes", "insertion") + row.kindCount("tracked changes", "deletion")},
		{"figures", len(doc.Figures), row.count(t, "figures")},
		{"tables", len(doc.Tables), row.count(t, "tables")},
		{"footnotes", len(doc.Footnotes), row.count(t, "footnotes")},
		{"hyperlinks", len(doc.Hyperlinks), row.count(t, "hyperlinks")},
		{"Heading 2", h2, row.count(t, "sub-headings (Heading 2)")},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
	checkNames(t, row["comments"], doc)
	checkCaptions(t, row, doc)
	checkFrontMatter(t, doc)
	if strings.Contains(row["hyperlinks"], "footnote") {
		for _, h := range doc.Hyperlinks {
			if !strings.Contains(h.Part, "footnotes") || h.URL == "" {
				t.Errorf("hyperlink %+v should be an external link in the footnotes", h)
			}
		}
	}
}

// checkNames checks that the authors EXPECTED.md names in parentheses
// ("1 (Okafor, Nneka)", "2 (Chan, Calvin; reply by Sharma, Akanksha)")
// wrote the comments.
func checkNames(t *testing.T, cell string, doc *Document) {
	open, close := strings.Index(cell, "("), strings.LastIndex(cell, ")")
	if open < 0 || close < open {
		return
	}
	for _, name := range strings.Split(cell[open+1:close], ";") {
		name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "reply by"))
		found := false
		for _, c := range doc.Comments {
			found = found || c.Author == name
		}
		if !found {
			t.Errorf("no comment by %q", name)
		}
	}
}

func checkCaptions(t *testing.T, row expectedRow, doc *Document) {
	if strings.Contains(row["figures"], "with caption") {
		for _, f := range doc.Figures {
			if f.Caption == "" || f.Width == 0 || f.Height == 0 || f.Bytes == 0 || f.ContentType == "" {
				t.Errorf("figure lacks caption or size: %+v", f)
			}
		}
	}
	if strings.Contains(row["tables"], "with caption") {
		for _, tb := range doc.Tables {
			if tb.Caption == "" || tb.Rows == 0 || tb.Cols == 0 {
				t.Errorf("table lacks caption or size: %+v", tb)
			}
		}
	}
}

// checkFrontMatter checks the Title and Author paragraphs stand before
// the region's heading, outside every section.
func checkFrontMatter(t *testing.T, doc *Document) {
	var styles []string
	for _, p := range doc.FrontMatter {
		styles = append(styles, p.Style)
		if p.Section != -1 {
			t.Errorf("front matter paragraph %d is in section %d", p.Index, p.Section)
		}
	}
	if strings.Join(styles, ",") != "Title,Author" {
		t.Errorf("front matter styles = %v, want Title, Author", styles)
	}
	if len(doc.Sections) == 0 || doc.Sections[0].Level != 1 || doc.Sections[0].Paragraph != len(doc.FrontMatter)+1 {
		t.Fatalf("first section should be the level-1 heading after the front matter: %+v", doc.Sections)
	}
	for _, p := range doc.Paragraphs[len(doc.FrontMatter):] {
		if p.Section < 0 {
			t.Errorf("paragraph %d after the region heading has no section", p.Index)
		}
	}
}
