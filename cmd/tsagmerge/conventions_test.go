package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestCommandLineConventions holds every command to the conventions of
// gh and kubectl: examples in its help, folders taken as well as files,
// --json, --quiet, and the commands listed once in the root help.
func TestCommandLineConventions(t *testing.T) {
	samples := testkit.Samples(t)
	dir := t.TempDir()
	root, _ := execute(t, "--help")
	if strings.Count(root, "consolidate") > 3 { // the usage line, the example, the list
		t.Errorf("the root help names consolidate %d times:\n%s", strings.Count(root, "consolidate"), root)
	}
	for _, cmd := range []string{"inspect", "check", "consolidate", "index", "diff", "cover init"} {
		help, _ := execute(t, append(strings.Fields(cmd), "--help")...)
		if !strings.Contains(help, "Examples:") {
			t.Errorf("%s --help has no examples", cmd)
		}
	}
	figures := filepath.Join(dir, "new", "figures")
	two := filepath.Join(dir, "two")
	os.Mkdir(two, 0o755)
	for _, f := range []string{"AFR-contribution.docx", "AMS-contribution.docx"} {
		testkit.Copy(t, filepath.Join(samples, f), filepath.Join(two, f))
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"inspect a folder", []string{"inspect", samples}, exitOK, "ASP-contribution.docx"},
		{"diff two folders", []string{"diff", samples, samples}, exitOK, "== EUR:"},
		{"diff: a region in one folder only", []string{"diff", samples, two}, exitFindings, "EUR has a contribution in the old folder only"},
		{"check --summary", []string{"check", "--summary", samples}, exitFindings, "AFR  1 unresolved-comment, 1 duplicate-in-list"},
		{"check --quiet: the verdict alone", []string{"-q", "check", samples}, exitFindings, "3 errors, 1 warning in 6 files: not ready to publish\n"},
		{"--figures makes its folder", []string{"inspect", "--figures", figures, samples}, exitOK, "wrote 1 figure of AFR-contribution.docx into " + figures},
	}
	for _, tt := range tests {
		out, code := execute(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("%s: exit %d, want %d; output lacks %q:\n%s", tt.name, code, tt.code, tt.want, out)
		}
	}
	if out, _ := execute(t, "-q", "check", samples); strings.Count(out, "\n") != 1 {
		t.Errorf("check --quiet prints more than its verdict:\n%s", out)
	}
	pics, _ := filepath.Glob(filepath.Join(figures, "*"))
	for _, p := range pics {
		if info, err := os.Stat(p); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, info.Mode().Perm())
		}
	}
	out, code := execute(t, "index", samples, "-o", filepath.Join(dir, "a.xlsx"), "--json")
	var v struct {
		Output     string `json:"output"`
		Activities []struct {
			ID string `json:"id"`
		} `json:"activities"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &v) != nil || len(v.Activities) == 0 || v.Activities[0].ID != "AFR-001" {
		t.Errorf("index --json: exit %d\n%s", code, out)
	}
}

// TestQuietHidesProgress shows a job's stages at once, and --quiet then
// prints none of them.
func TestQuietHidesProgress(t *testing.T) {
	samples := testkit.Samples(t)
	saved := progressDelay
	progressDelay = 0
	t.Cleanup(func() { progressDelay = saved })
	out := filepath.Join(t.TempDir(), "TD.docx")
	for _, tt := range []struct {
		args  []string
		shown bool
	}{
		{[]string{"consolidate", "--draft", samples, "-o", out}, true},
		{[]string{"-q", "consolidate", "--draft", samples, "-o", out}, false},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		got := stderr.String()
		if shown := strings.Contains(got, "merging 6 regions"); code != exitOK || shown != tt.shown {
			t.Errorf("%v: exit %d, stages shown %v, want %v:\n%s", tt.args, code, shown, tt.shown, got)
		}
		if !tt.shown && stderr.Len()+stdout.Len() > 0 {
			t.Errorf("%v prints something:\n%s%s", tt.args, stdout.String(), got)
		}
	}
}
