package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndexCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "activities.xlsx")
	got, code := execute(t, "index", "../../testdata/samples", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, got)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "wrote "+out) {
		t.Fatalf("want 'wrote …' and one line per sheet, got:\n%s", got)
	}
	for i, sheet := range []string{"Activities", "Comments", "Revisions", "Figures", "Summary"} {
		if !strings.HasPrefix(strings.TrimSpace(lines[i+1]), sheet) {
			t.Errorf("line %d = %q, want the %s sheet", i+2, lines[i+1], sheet)
		}
	}
	if !strings.Contains(lines[1], "from 6 files, period 2025-H2") || !strings.Contains(lines[2], "5, 3 open") {
		t.Errorf("summary lines:\n%s", got)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

func TestIndexBadArguments(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "AFR-contribution.docx")
	if err := os.WriteFile(junk, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	samples := "../../testdata/samples"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"index", samples}, "-o FILE.xlsx"},
		{[]string{"index", samples, "-o", filepath.Join(dir, "a.csv")}, "must end in .xlsx"},
		{[]string{"index", samples, "--period", "2025-H3", "-o", filepath.Join(dir, "a.xlsx")}, "2025-H3"},
		{[]string{"index", filepath.Join(dir, "missing"), "-o", filepath.Join(dir, "a.xlsx")}, "missing"},
		{[]string{"index", junk, "-o", filepath.Join(dir, "a.xlsx")}, junk},
		{[]string{"index", t.TempDir(), "-o", filepath.Join(dir, "a.xlsx")}, "holds no .docx file"},
		{[]string{"index", samples, "-o", filepath.Join(junk, "a.xlsx")}, "cannot create the folder"},
	}
	for _, tc := range tests {
		got, code := execute(t, tc.args...)
		if code != exitBadInput || !strings.Contains(got, tc.want) || strings.Count(strings.TrimSpace(got), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want exit 2 and one line saying %q", tc.args, code, got, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "a.xlsx")); err == nil {
		t.Error("a workbook was written from bad arguments")
	}
}
