package index

import (
	"archive/zip"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/activity"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// writeSamples writes the index of the samples and opens it with excelize.
func writeSamples(t *testing.T) (*excelize.File, string, *Index) {
	t.Helper()
	x := Build(testkit.ReadDir(t, testkit.Samples(t)), activity.Options{})
	out := filepath.Join(t.TempDir(), "activities.xlsx")
	if err := x.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, out, x
}

func TestWorkbookSheetsAndHeaders(t *testing.T) {
	f, _, x := writeSamples(t)
	if got, want := f.GetSheetList(), []string{"Activities", "Comments", "Revisions", "Figures", "Summary"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	want := []string{"ID", "Region", "Section", "Activity", "Start", "End", "Date as written", "In period", "City", "Country",
		"Countries involved", "Participants", "Participants qualifier", "ITU-T groups", "Recommendations", "Partners",
		"Open comments", "Source file", "Paragraph"}
	rows, err := f.GetRows("Activities")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], want) {
		t.Errorf("Activities headers:\n got %q\nwant %q", rows[0], want)
	}
	if len(rows)-1 != len(x.Activities) {
		t.Errorf("%d activity rows, want %d", len(rows)-1, len(x.Activities))
	}
	counts := map[string]int{"Comments": 5, "Revisions": 2, "Figures": 1, "Summary": 6}
	for sheet, n := range counts {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != n {
			t.Errorf("%s: %d rows, want %d (EXPECTED.md)", sheet, len(rows)-1, n)
		}
	}
}

// TestWorkbookCellTypes: dates are dates (numbers with a date format),
// counts are numbers, text is text.
func TestWorkbookCellTypes(t *testing.T) {
	f, _, x := writeSamples(t)
	a := x.Activities[0] // AFR-001, 5 September 2025
	for _, cell := range []string{"E2", "F2"} {
		raw, err := f.GetCellValue("Activities", cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("%s holds %q, not a date serial", cell, raw)
		}
		if d, _ := excelize.ExcelDateToTime(serial, false); !d.Equal(a.Date.Start) {
			t.Errorf("%s is %s, want %s", cell, d, a.Date.Start)
		}
		if shown, _ := f.GetCellValue("Activities", cell); shown != "2025-09-05" {
			t.Errorf("%s shows %q, want 2025-09-05 (a date format)", cell, shown)
		}
		if !hasDateFormat(t, f, "Activities", cell) {
			t.Errorf("%s has no date number format", cell)
		}
	}
	for sheet, cells := range map[string][]string{"Activities": {"Q2", "S2"}, "Summary": {"C2", "D2", "E2", "F2"}, "Comments": {"B2"}} {
		for _, cell := range cells {
			typ, err := f.GetCellType(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if _, err := strconv.Atoi(raw); err != nil || typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
				t.Errorf("%s!%s = %q (type %d), want a number", sheet, cell, raw, typ)
			}
		}
	}
	// a participants cell with a head count (AFR-002: at least 70)
	if v, _ := f.GetCellValue("Activities", "L3", excelize.Options{RawCellValue: true}); v != "70" {
		t.Errorf("L3 = %q, want 70", v)
	}
	if typ, _ := f.GetCellType("Activities", "D2"); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("Activity cell type %d, want text", typ)
	}
	if v, _ := f.GetCellValue("Comments", "F2", excelize.Options{RawCellValue: true}); !strings.Contains(v, ".") {
		t.Errorf("a comment's date %q should be a date and time serial", v)
	} else if !hasDateFormat(t, f, "Comments", "F2") {
		t.Error("a comment's date has no date format")
	}
}

func hasDateFormat(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "yyyy-mm-dd") || st.NumFmt >= 14 && st.NumFmt <= 22
}

// TestWorkbookLayout: every sheet is an Excel table with a frozen header
// row and fitted column widths; comments have a Follow-up drop-down; the
// source files are links; the summary has a chart.
func TestWorkbookLayout(t *testing.T) {
	f, out, _ := writeSamples(t)
	for _, sheet := range f.GetSheetList() {
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:") || tables[0].StyleName == "" {
			t.Errorf("%s: tables %+v (%v), want one styled table from A1", sheet, tables, err)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, panes, err)
		}
	}
	width := func(col string) float64 {
		w, err := f.GetColWidth("Activities", col)
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	if w := width("D"); w < 40 || w > 80 {
		t.Errorf("Activity column width %.1f, want fitted (40–80)", w)
	}
	if w := width("A"); w < 6 || w > 12 {
		t.Errorf("ID column width %.1f, want fitted to AFR-001", w)
	}
	if id, _ := f.GetCellStyle("Activities", "D2"); !wraps(t, f, id) {
		t.Error("Activity text is not wrapped")
	}
	dvs, err := f.GetDataValidations("Comments")
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "K2:K6" || !strings.Contains(dvs[0].Formula1, "Asked region") {
		t.Errorf("Comments drop-down: %+v (%v)", dvs, err)
	}
	if h, _ := f.GetCellValue("Comments", "K1"); h != "Follow-up" {
		t.Errorf("Comments K1 = %q, want Follow-up", h)
	}
	// The link is relative to the workbook, so that it holds when both are
	// shared: no file:// URL naming this machine's folders.
	formula, _ := f.GetCellFormula("Activities", "R2")
	abs, _ := filepath.Abs(filepath.Join(testkit.Samples(t), "AFR-contribution.docx"))
	rel, _ := filepath.Rel(filepath.Dir(out), abs)
	if !strings.HasPrefix(formula, "HYPERLINK(") || strings.Contains(formula, "file:") || !strings.Contains(formula, filepath.ToSlash(rel)) {
		t.Errorf("Source file cell formula %q, want a HYPERLINK to %s", formula, filepath.ToSlash(rel))
	}
	if v, _ := f.GetCellValue("Activities", "R2"); v != "AFR-contribution.docx" {
		t.Errorf("Source file shows %q", v)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var chart bool
	for _, zf := range zr.File {
		chart = chart || strings.HasPrefix(zf.Name, "xl/charts/chart")
	}
	if !chart {
		t.Error("no chart in the workbook")
	}
}

func wraps(t *testing.T, f *excelize.File, style int) bool {
	st, err := f.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	return st.Alignment != nil && st.Alignment.WrapText
}

func TestRelativeLinkUnderOutputFolder(t *testing.T) {
	dir := t.TempDir()
	links := fileLinks([]*ingest.Document{{Path: filepath.Join(dir, "in box", "AFR v2.docx")}}, dir)
	if l := links[filepath.Join(dir, "in box", "AFR v2.docx")]; l.URL != "in%20box/AFR%20v2.docx" || l.Text != "AFR v2.docx" {
		t.Errorf("link %+v, want a relative, escaped path", l)
	}
}

func TestWriteFileRefusals(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "activities.xlsx")
	if err := os.WriteFile(in, []byte("not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	x := &Index{Docs: []*ingest.Document{{Path: in}}}
	for path, want := range map[string]string{
		in: "is one of the inputs",
		filepath.Join(dir, ".", "activities.xlsx"): "is one of the inputs",
		filepath.Join(dir, "activities.csv"):       "must end in .xlsx",
		filepath.Join(in, "under-a-file.xlsx"):     "cannot create the folder",
	} {
		err := x.WriteFile(path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("WriteFile(%s): %v, want an error saying %q", path, err, want)
		}
	}
	if data, _ := os.ReadFile(in); string(data) != "not really" {
		t.Error("the input was overwritten")
	}
}

// TestWriteFileReplacesAtomically: writing over an earlier run's workbook
// replaces it and leaves no temporary file behind.
func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "activities.xlsx")
	old := Build(testkit.TextDocs("= EUR\n# Europe\nA forum was held in Paris on 1 December 2025.\n"), activity.Options{})
	if err := old.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(out)
	x := Build(testkit.TextDocs("= EUR\n# Europe\nA forum was held in Brussels on 2 December 2025.\n"), activity.Options{})
	if err := x.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(out); string(after) == string(before) {
		t.Error("the old workbook was not replaced")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the workbook", len(entries))
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("the new workbook does not open: %v", err)
	}
	f.Close()
}

func TestLongLinkStaysText(t *testing.T) {
	long := link{Text: "AFR.docx", URL: "file:///" + strings.Repeat("d/", 130) + "AFR.docx"}
	c := styles{}.cell(linkCol, long).(excelize.Cell)
	if c.Formula != "" || c.Value != "AFR.docx" {
		t.Errorf("a %d-character link gave %+v; Excel refuses HYPERLINK targets over 255", len(long.URL), c)
	}
	if c := (styles{}).cell(linkCol, link{Text: "a", URL: "b"}).(excelize.Cell); c.Formula != `HYPERLINK("b","a")` {
		t.Errorf("formula %q", c.Formula)
	}
}

// TestWriteFileIsDeterministic writes the same index several times: the
// files must be the same bytes (excelize orders its parts and picture
// types by its maps), so a rerun shows no change.
func TestWriteFileIsDeterministic(t *testing.T) {
	x := Build(testkit.ReadDir(t, testkit.Samples(t)), activity.Options{})
	var first []byte
	for i := range 5 {
		out := filepath.Join(t.TempDir(), "activities.xlsx")
		if err := x.WriteFile(out); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = data
		} else if string(data) != string(first) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}

// TestWriteFileReplacesOnlyAnIndex rewrites the index of an earlier run in
// place, but refuses, leaving it as it was, a workbook someone else wrote
// and a file that is no workbook at all.
func TestWriteFileReplacesOnlyAnIndex(t *testing.T) {
	x := Build(testkit.ReadDir(t, testkit.Samples(t)), activity.Options{})
	dir := t.TempDir()
	ours := filepath.Join(dir, "activities.xlsx")
	for range 2 { // the second write replaces the first
		if err := x.WriteFile(ours); err != nil {
			t.Fatal(err)
		}
	}
	theirs := filepath.Join(dir, "kept-by-hand.xlsx")
	f := excelize.NewFile()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "A. Secretary"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(theirs); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(text, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{theirs, text} {
		before, _ := os.ReadFile(path)
		err := x.WriteFile(path)
		if err == nil || !strings.Contains(err.Error(), path+": the file is there and is not an activity index tsagmerge wrote") {
			t.Errorf("WriteFile over %s: %v", filepath.Base(path), err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Errorf("%s was replaced", filepath.Base(path))
		}
	}
}

// TestPagesWide prints a sheet on as few pages across as keep it at
// minPrintScale or larger, the first column repeated on each after the
// first.
func TestPagesWide(t *testing.T) {
	perPage := pageWidth / minPrintScale
	for _, tt := range []struct {
		name   string
		widths []float64
		want   int
	}{
		{"narrow", []float64{10, 20, 30}, 1},
		{"one page exactly", []float64{perPage / 2, perPage / 2}, 1},
		{"a little over", []float64{10, perPage}, 2},
		{"the repeated column counts", []float64{20, perPage - 20, perPage - 20, 1}, 3},
		{"one column", []float64{2 * perPage}, 1},
		{"the samples' Activities", []float64{9, 8, 30, 80, 12, 12, 32, 11, 16, 21, 40, 14, 24, 24, 24, 24, 15, 23, 11}, 3},
	} {
		if got := pagesWide(tt.widths); got != tt.want {
			t.Errorf("%s: pagesWide = %d, want %d", tt.name, got, tt.want)
		}
	}
}
