package consolidate

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// TestEverySectionShowsTheTDHeader merges contributions of several
// sections each (corpus files dressed as regions) and renders the TD with
// LibreOffice: every page after the cover must show the TD number in its
// running header, and the cover keeps its own first-page header.
func TestEverySectionShowsTheTDHeader(t *testing.T) {
	if testing.Short() {
		t.Skip("renders with LibreOffice")
	}
	testkit.RequireTool(t, "soffice", "pdftotext", "pdfinfo")
	corpus := testkit.Shared(t, "corpus/docx")
	dir := t.TempDir()
	for _, f := range []struct{ src, code, heading string }{
		{"docx4j__docs_Docx4j_GettingStarted.docx", "ASP", "Asia and the Pacific"},
		{"pandoc__test_docx_0_level_headers.docx", "CIS", "CIS"},
		{"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Complex01.docx", "AMS", "Americas"},
	} {
		testkit.Dress(t, filepath.Join(corpus, f.src), filepath.Join(dir, f.code+"-contribution.docx"), f.heading, 0)
	}
	docs := testkit.ReadDir(t, dir)
	meta := templates.DefaultMeta()
	meta.TDNumber, meta.Place, meta.Date = "TSAG-TD123", "Geneva", "20-23 January 2026"
	meta.Contacts = []templates.Contact{{Name: "A. Person", Organization: "TSB", Country: "Switzerland", Email: "a@itu.int"}}
	out, rep := merge(t, docs, Options{Meta: &meta})
	sameContent(t, valid(t, out), docs, Options{}, rep)
	if n := strings.Count(part(t, out, "word/document.xml"), "<w:sectPr"); n < 5 {
		t.Fatalf("the TD has %d sections; the test wants regions of several", n)
	}
	td := filepath.Join(os.Getenv("TSAGMERGE_RENDER_DIR"), "TD.docx")
	if os.Getenv("TSAGMERGE_RENDER_DIR") == "" {
		td = filepath.Join(t.TempDir(), "TD.docx")
	}
	if err := os.WriteFile(td, out, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := testkit.ConvertPDF(t, td, filepath.Dir(td))
	pages := 0
	for _, line := range strings.Split(testkit.Run(t, "pdfinfo", pdf), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if pages < 5 {
		t.Fatalf("the TD renders to %d pages", pages)
	}
	var missing []int
	for p := 2; p <= pages; p++ {
		n := strconv.Itoa(p)
		if !strings.Contains(testkit.Run(t, "pdftotext", "-f", n, "-l", n, pdf, "-"), "TSAG-TD123") {
			missing = append(missing, p)
		}
	}
	// LibreOffice sets the endnotes on a page of their own at the end, in
	// its endnote page style, which has no header (Word puts them in the
	// last section).
	if n := len(missing); n > 0 && missing[n-1] == pages && strings.Contains(part(t, out, "word/endnotes.xml"), `<w:endnote w:id="1"`) {
		missing = missing[:n-1]
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d pages after the cover have no TD number in their header: %v", len(missing), pages-1, missing)
	}
	if cover := testkit.Run(t, "pdftotext", "-f", "1", "-l", "1", pdf, "-"); strings.Contains(cover, "- 1 -") {
		t.Error("the cover shows the running header")
	}
}
