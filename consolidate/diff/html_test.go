package diff

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

func TestHTMLReport(t *testing.T) {
	dir := t.TempDir()
	comment := `<w:comment w:id="0" w:author="Ann &lt;TSB&gt;" w:date="2025-10-01T10:00:00Z"><w:p><w:r><w:t>Check the town.</w:t></w:r></w:p></w:comment>`
	old := writeRead(t, dir, "old", testkit.File{Body: testkit.P("Heading1", "Africa") + testkit.P("", pA) + testkit.P("", pB) +
		testkit.P("", pC) + testkit.P("", "Tags such as <b> stay text.")})
	new := writeRead(t, dir, "new", testkit.File{Body: testkit.P("Heading1", "Africa") +
		`<w:p><w:commentRangeStart w:id="0"/>` + testkit.R(strings.Replace(pA, "Cotonou", "Porto-Novo", 1)) +
		`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		testkit.P("", pC) + testkit.P("", pB) + testkit.P("", "Tags such as <b> stay text.") + testkit.P("", pD), Comments: comment})
	var buf bytes.Buffer
	if err := WriteHTML(&buf, old, new, Compare(old, new)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, tc := range []struct {
		what string
		want string
		has  bool
	}{
		{"the deleted word marked", "<del>Cotonou</del>", true},
		{"the inserted word marked", "<ins>Porto-Novo</ins>", true},
		{"a paragraph added", "<ins>" + pD + "</ins>", true},
		{"a paragraph moved", `<span class="note">moved here</span>`, true},
		{"the section heading", `<tr class="section l1 "><td colspan="2">Africa</td></tr>`, true},
		{"the comment, open", `<span class="badge">open</span>`, true},
		{"the comment's author escaped", "Ann &lt;TSB&gt;", true},
		{"text escaped", "Tags such as &lt;b&gt; stay text.", true},
		{"laid out for print", "@media print", true},
		{"no script", "<script", false},
		{"nothing fetched", "src=", false},
		{"no links out", "href=", false},
		{"no style fetched", "url(", false},
	} {
		if strings.Contains(page, tc.want) != tc.has {
			t.Errorf("%s: page has %q = %v, want %v", tc.what, tc.want, !tc.has, tc.has)
		}
	}
	// Chromium shows and prints it.
	testkit.RequireTool(t, "chromium", "pdftotext")
	html := filepath.Join(dir, "report.html")
	if err := os.WriteFile(html, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	testkit.Run(t, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "chromium"),
		"--print-to-pdf="+pdf, "file://"+html)
	text := testkit.Run(t, "pdftotext", "-layout", pdf, "-")
	for _, want := range []string{"Old version", "New version", "Porto-Novo", "Check the town."} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed page lacks %q:\n%s", want, text)
		}
	}
}
