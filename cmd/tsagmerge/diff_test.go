package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

func TestDiffCommand(t *testing.T) {
	samples := testkit.Samples(t)
	afr := filepath.Join(samples, "AFR-contribution.docx")
	changed := filepath.Join(t.TempDir(), "AFR-v2.docx")
	testkit.Rewrite(t, afr, changed, "word/document.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("training workshop in Benin"), []byte("training workshop in Cotonou, Benin"), 1)
	})
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", afr, afr}, exitOK, "identical"},
		{[]string{"diff", afr, changed}, exitFindings, "training workshop in {+Cotonou, +}Benin"},
		{[]string{"diff", afr, filepath.Join(samples, "nothing.docx")}, exitBadInput, "nothing.docx: no such file or folder"},
		{[]string{"diff", filepath.Join(samples, "EXPECTED.md"), afr}, exitBadInput, "EXPECTED.md: is not a Word package"},
		{[]string{"diff", afr}, exitBadInput, "tsagmerge diff: needs two versions to compare, OLD and NEW"},
	}
	for _, tc := range tests {
		out, code := execute(t, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want %d; output lacks %q:\n%s", tc.args, code, tc.code, tc.want, out)
		}
	}

	out, code := execute(t, "diff", "--json", afr, changed)
	var res struct {
		Paragraphs []struct {
			Change string
			Words  []struct{ Op, Text string }
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != exitFindings {
		t.Fatalf("diff --json: exit %d, %v\n%s", code, err, out)
	}
	if len(res.Paragraphs) != 1 || res.Paragraphs[0].Change != "changed" || len(res.Paragraphs[0].Words) != 3 {
		t.Errorf("diff --json paragraphs = %+v", res.Paragraphs)
	}
}

func TestDiffRedlineCommand(t *testing.T) {
	samples := testkit.Samples(t)
	ams := filepath.Join(samples, "AMS-contribution.docx") // holds tracked changes
	dir := t.TempDir()
	changed := filepath.Join(dir, "AMS-v2.docx")
	testkit.Rewrite(t, ams, changed, "word/document.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("Regional Office"), []byte("Area Office"), 1)
	})
	red := filepath.Join(dir, "AMS-redline.docx")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "--docx", red, ams, changed}, exitFindings, "holds tracked changes: compared with them accepted"},
		{[]string{"diff", "--docx", red, "--view", "original", ams, changed}, exitFindings, "redline written to " + red},
		{[]string{"diff", "--docx", changed, ams, changed}, exitBadInput, "is one of the inputs"},
		{[]string{"diff", "--html", filepath.Join(dir, "page.html"), ams, changed}, exitFindings, "side-by-side page written to"},
		{[]string{"diff", "--html", ams, ams, changed}, exitBadInput, "is one of the inputs"},
		{[]string{"diff", "--docx", red, "--view", "final", ams, changed}, exitBadInput, `--view "final" is neither`},
		{[]string{"diff", "--docx", red, samples, samples}, exitBadInput, "compare two files, not folders"},
		{[]string{"diff", "--docx", red, "--html", red, ams, changed}, exitBadInput, "--docx and --html name the same file"},
		{[]string{"diff", "--since", ams, "--docx", red, changed}, exitBadInput, "--since lists the text carried over"},
	}
	for _, tc := range tests {
		out, code := execute(t, tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want %d; output lacks %q:\n%s", tc.args, code, tc.code, tc.want, out)
		}
	}
	d := testkit.ReadDoc(t, red)
	defer d.Package.Close()
	authors := map[string]bool{}
	for _, r := range d.Revisions {
		authors[r.Author] = true
	}
	if !authors["tsagmerge"] || len(authors) != 1 {
		t.Errorf("the redline's changes are by %v; want tsagmerge only", authors)
	}
}

func TestDiffSince(t *testing.T) {
	samples := testkit.Samples(t)
	dir := t.TempDir()
	td := filepath.Join(dir, "TD.docx")
	if out, code := execute(t, "consolidate", samples, "--draft", "-q", "-o", td); code != exitOK {
		t.Fatalf("consolidate: exit %d\n%s", code, out)
	}
	// This period's AFR: one paragraph updated, the rest as last period.
	afr := filepath.Join(dir, "AFR-contribution.docx")
	testkit.Rewrite(t, filepath.Join(samples, "AFR-contribution.docx"), afr, "word/document.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("training workshop in Benin"), []byte("training workshop in Togo"), 1)
	})
	tests := []struct {
		args []string
		code int
		want []string
		not  string
	}{
		{[]string{"diff", "--since", td, afr}, exitFindings, []string{"== AFR: ", "8 paragraphs carried over unchanged", "paragraph 4 (Africa"}, "Togo"},
		{[]string{"diff", "--since", filepath.Join(samples, "EXPECTED.md"), afr}, exitBadInput, []string{"--since", "EXPECTED.md"}, "carried over"},
	}
	for _, tc := range tests {
		out, code := execute(t, tc.args...)
		if code != tc.code || strings.Contains(out, tc.not) {
			t.Errorf("%v: exit %d, want %d; output has %q:\n%s", tc.args, code, tc.code, tc.not, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
	out, _ := execute(t, "check", "--since", td, "--json", afr)
	var rep struct {
		Findings []struct{ Kind, Severity, Context string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check --since --json: %v\n%s", err, out)
	}
	stale := 0
	for _, f := range rep.Findings {
		if f.Kind == "stale-text" {
			stale++
			if f.Severity != "warning" || strings.Contains(f.Context, "Togo") {
				t.Errorf("stale-text finding %+v", f)
			}
		}
	}
	if stale != 8 {
		t.Errorf("check --since: %d stale-text findings; want 8", stale)
	}
	if out, _ := execute(t, "check", "--json", afr); strings.Contains(out, "stale-text") {
		t.Error("check without --since reports stale text")
	}
}

// Two regions' contributions compared: diff still compares (exit 1, they
// differ) and warns, in one line on stderr naming both regions.
func TestDiffTwoRegionsWarns(t *testing.T) {
	samples := testkit.Samples(t)
	afr := filepath.Join(samples, "AFR-contribution.docx")
	eur := filepath.Join(samples, "EUR-contribution.docx")
	code, stdout, stderr := runCaptured(t, "diff", afr, eur)
	want := "tsagmerge diff: warning: " + afr + " is the contribution of Africa (AFR) and " + eur + " that of Europe (EUR): two regions' contributions"
	if code != exitFindings || stdout == "" || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want exit 1, the comparison, and one line starting %q", code, stderr, want)
	}
	if _, _, stderr := runCaptured(t, "diff", afr, afr); stderr != "" {
		t.Errorf("one region's two versions: stderr %q, want nothing", stderr)
	}
}
