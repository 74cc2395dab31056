package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestRenderFilledCover has LibreOffice lay the filled template out and
// pandoc read it: the two independent readers the TD must satisfy.
func TestRenderFilledCover(t *testing.T) {
	testkit.RequireTool(t, "soffice", "pandoc", "pdfinfo", "pdftotext")
	dir := t.TempDir()
	m := sampleMeta()
	m.Title = "Regional Offices report & index"
	out, err := FillCover(Default(), m)
	if err != nil {
		t.Fatal(err)
	}
	docx := filepath.Join(dir, "TSAG-TD123.docx")
	if err := os.WriteFile(docx, out, 0o644); err != nil {
		t.Fatal(err)
	}

	pdf := testkit.ConvertPDF(t, docx, dir)
	m1 := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(testkit.Run(t, "pdfinfo", pdf))
	if m1 == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	if pages, _ := strconv.Atoi(m1[1]); pages < 2 {
		t.Fatalf("%d pages, want the cover page and section 2's page", pages)
	}
	page1 := testkit.Run(t, "pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-")
	for _, want := range []string{"TSAG-TD123", "INTERNATIONAL TELECOMMUNICATION UNION", "Geneva, 20-23 January 2026", "TSB & BDT <joint>", "Introduction: ITU Regional Presence"} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, page1)
		}
	}
	// pdftotext drops the narrow spaces of the 9-point header; compare
	// without spaces.
	compact := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strings.Contains(compact(page1), "-1-") {
		t.Error("the first page has the running header")
	}
	page2 := testkit.Run(t, "pdftotext", "-f", "2", "-l", "2", "-layout", pdf, "-")
	if !strings.HasPrefix(compact(page2), "-2-TSAG-TD123") {
		t.Errorf("page 2 does not start with the running header \"- 2 -\" TSAG-TD123:\n%.200s", page2)
	}

	plain := testkit.Run(t, "pandoc", "-t", "plain", "--wrap=none", docx)
	for _, want := range []string{m.Title, "TSAG-TD123", "2 ITU Plenipotentiary Resolution 25 (Rev. Bucharest, 2022)"} {
		if !strings.Contains(plain, want) {
			t.Errorf("pandoc's reading lacks %q", want)
		}
	}
}
