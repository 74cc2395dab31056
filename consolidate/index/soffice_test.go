package index

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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
	if first[0] != "AFR-001" || first[4] != "2025-09-05" || first[8] != "Benin" || first[16] != "AFR-contribution.docx" {
		t.Errorf("first activity as LibreOffice reads it: %q", first)
	}
}
