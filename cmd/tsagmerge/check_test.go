package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/consolidate/check"
	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// execute runs the command line through run, with its output captured,
// and returns standard output followed by standard error, and the exit
// status.
func execute(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String() + errOut.String(), code
}

func TestCheckCommand(t *testing.T) {
	samples := testkit.Samples(t)
	pdfOnly := t.TempDir()
	if err := os.WriteFile(filepath.Join(pdfOnly, "AFR.pdf"), []byte("%PDF-1.7"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", samples}, exitFindings, "3 errors, 1 warning in 6 files: not ready to publish"},
		{[]string{"check", "--allow", "unresolved-comment", "--allow", "pending-revision", samples}, exitOK, "0 errors, 4 warnings in 6 files: ready to publish"},
		{[]string{"check", filepath.Join(samples, "CIS-contribution.docx")}, exitOK, "CIS: CIS-contribution.docx\n  nothing to fix"},
		{[]string{"check", "--allow", "typo", samples}, exitBadInput, "--allow typo: no such kind"},
		{[]string{"check", filepath.Join(samples, "nothing.docx")}, exitBadInput, "no such file or folder"},
		{[]string{"check", pdfOnly}, exitBadInput, "tsagmerge check: " + filepath.Join(pdfOnly, "AFR.pdf") + ": is a PDF"},
		{[]string{"check"}, exitBadInput, "tsagmerge check: needs the contributions to check"},
	}
	for _, tc := range tests {
		out, code := execute(t, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want %d; output lacks %q:\n%s", tc.args, code, tc.code, tc.want, out)
		}
		if strings.Contains(out, "\x1b[") {
			t.Errorf("%v: colour codes in output that is not a terminal", tc.args)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	out, code := execute(t, "check", "--json", testkit.Samples(t))
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	var report struct {
		Files []struct {
			Path, Region, Status, Reason string
		} `json:"files"`
		Missing  []string `json:"missing_regions"`
		Findings []struct {
			Kind, Severity, File, Region, Section, Author, Text, Context string
			Paragraph                                                    int
			Thread                                                       []struct{ ID, Author, Text string }
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(report.Files) != 8 || report.Missing == nil || len(report.Missing) != 0 || len(report.Findings) != 4 {
		t.Errorf("%d files, missing %v, %d findings; want 8, [], 4", len(report.Files), report.Missing, len(report.Findings))
	}
	for _, f := range report.Findings {
		if f.Region == "ASP" && (len(f.Thread) != 2 || f.Section == "" || f.Paragraph == 0) {
			t.Errorf("ASP finding = %+v", f)
		}
	}
}

func TestColorOn(t *testing.T) {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer devNull.Close()
	plain, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()

	t.Setenv("NO_COLOR", "")
	if !colorOn(devNull) { // a character device, like a terminal
		t.Error("no colour on a character device")
	}
	if colorOn(plain) || colorOn(&bytes.Buffer{}) {
		t.Error("colour on a file or a buffer")
	}
	t.Setenv("NO_COLOR", "1")
	if colorOn(devNull) {
		t.Error("colour despite NO_COLOR")
	}
}

func TestPrintReportColours(t *testing.T) {
	in, err := inbox.Scan([]string{testkit.Samples(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var out bytes.Buffer
	printReport(&out, check.Run(in, check.Options{}), true)
	for _, want := range []string{"\x1b[1;31merror  \x1b[0m", "\x1b[33mwarning\x1b[0m", "\x1b[1;31mnot ready to publish\x1b[0m"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("coloured report lacks %q", want)
		}
	}
}
