package index

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/activity"
	"tsagmerge/ingest/testkit"
)

// soffice converts file to format in a fresh folder with a private
// profile and returns the converted file's path, or "" when LibreOffice
// could not load the file.
func soffice(t *testing.T, file, format, ext string) string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "lo-profile"))
	cmd := exec.CommandContext(ctx, "soffice", "-env:UserInstallation="+profile, "--headless",
		"--convert-to", format, "--outdir", dir, file)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice %s: %v\n%s", file, err, log.String())
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+ext)
	if _, err := os.Stat(out); err != nil {
		t.Logf("soffice could not convert %s:\n%s", file, log.String())
		return ""
	}
	return out
}

// TestLibreOfficeReadsTheWorkbook: LibreOffice Calc, an independent
// reader, opens the index of the samples and exports its Activities sheet
// to CSV with the right rows, dates and links' texts.
func TestLibreOfficeReadsTheWorkbook(t *testing.T) {
	testkit.RequireTool(t, "soffice")
	// Can this LibreOffice read spreadsheets at all? A Writer-only install
	// (libreoffice-writer-nogui) cannot: it needs libreoffice-calc-nogui.
	control := filepath.Join(t.TempDir(), "control.xlsx")
	cf := excelize.NewFile()
	cf.SetCellValue("Sheet1", "A1", "control")
	if err := cf.SaveAs(control); err != nil {
		t.Fatal(err)
	}
	cf.Close()
	testkit.Need(t, soffice(t, control, "csv", "csv") != "",
		"this LibreOffice cannot open spreadsheets; install libreoffice-calc-nogui")

	_, out, x := writeSamples(t)
	csvFile := soffice(t, out, "csv:Text - txt - csv (StarCalc):44,34,76", "csv")
	if csvFile == "" {
		t.Fatal("LibreOffice could not load the workbook")
	}
	data, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV export does not parse: %v", err)
	}
	if len(rows) != len(x.Activities)+1 || strings.Join(rows[0], ",") != strings.Join(ActivityHeaders, ",") {
		t.Fatalf("CSV export: %d rows, header %q", len(rows), rows[0])
	}
	first := rows[1]
	if first[0] != "AFR-001" || first[4] != "2025-09-05" || first[9] != "Benin" || first[17] != "AFR-contribution.docx" {
		t.Errorf("first activity as LibreOffice reads it: %q", first)
	}
}

// TestWorkbookPrints: every sheet prints on A4 landscape, its header row
// on each page; a sheet too wide for one page at a readable size prints
// on several across, its ID column repeated on each. LibreOffice prints
// the samples' index with no text smaller than 6.5 points (fitted to one
// page wide, the Activities printed at about 4).
func TestWorkbookPrints(t *testing.T) {
	f, out, _ := writeSamples(t)
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil ||
			pl.Size == nil || *pl.Size != paperA4 {
			t.Fatalf("%s: page layout %+v (%v), want A4 landscape, fitted across", sheet, pl, err)
		}
		want := "'" + sheet + "'!$1:$1"
		if *pl.FitToWidth > 1 {
			want = "'" + sheet + "'!$A:$A," + want
		}
		titles := false
		for _, dn := range f.GetDefinedName() {
			titles = titles || dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet && dn.RefersTo == want
		}
		if !titles {
			t.Errorf("%s (%d pages wide): the print titles are not %s", sheet, *pl.FitToWidth, want)
		}
		if sheet == "Activities" && *pl.FitToWidth < 2 {
			t.Errorf("the Activities' 19 columns print on %d page across", *pl.FitToWidth)
		}
	}
	testkit.RequireTool(t, "soffice", "pdfinfo", "pdftotext")
	pdf := soffice(t, out, "pdf", "pdf")
	testkit.Need(t, pdf != "", "this LibreOffice cannot print spreadsheets; install libreoffice-calc-nogui")
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(testkit.Run(t, "pdfinfo", pdf))
	pages, _ := strconv.Atoi(m[1])
	if pages < 5 || pages > 30 {
		t.Errorf("the index prints on %d pages, want 5 to 30", pages)
	}
	// A word's box is about as tall as its text's size in points. The
	// last page, the Summary, is left out: its chart's labels are small.
	last := strconv.Itoa(pages - 1)
	words := regexp.MustCompile(`yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]+)<`).FindAllStringSubmatch(testkit.Run(t, "pdftotext", "-bbox", "-l", last, pdf, "-"), -1)
	smallest, which := 100.0, ""
	for _, w := range words {
		y0, _ := strconv.ParseFloat(w[1], 64)
		y1, _ := strconv.ParseFloat(w[2], 64)
		if h := y1 - y0; h < smallest {
			smallest, which = h, w[3]
		}
	}
	if len(words) == 0 || smallest < 6.5 {
		t.Errorf("the printed index has text %.1f points tall (%q), want 6.5 or more", smallest, which)
	}
}

// TestWorkbookCounts: comment ids are unique across regions, activities
// outside the period are flagged, and head counts of different kinds are
// not added together.
func TestWorkbookCounts(t *testing.T) {
	f, _, x := writeSamples(t)
	rows, _ := f.GetRows("Comments")
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		if seen[r[0]] || !strings.Contains(r[0], "-") {
			t.Errorf("comment id %q repeats or names no region", r[0])
		}
		seen[r[0]] = true
	}
	for _, s := range x.Summary() {
		if s.Code == "AFR" && s.ParticipantsAtLeast < 70 {
			t.Errorf("AFR's \"at least 70\" is not counted apart: %+v", s)
		}
	}
	x.Period = activity.Period{Start: time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}
	outside := 0
	for _, s := range x.Summary() {
		outside += s.OutsidePeriod
	}
	if outside == 0 {
		t.Error("no activity flagged outside October–December 2025")
	}
}
