package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
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

// TestBadInputOneLine holds every command to the rule for bad input: one
// line on stderr, "tsagmerge COMMAND: " then the file (or what the command
// needs), what is wrong and what to do; exit status 2; nothing on stdout.
// Each kind of bad input reads the same in every command: the lines of a
// group are equal from the path they name on.
func TestBadInputOneLine(t *testing.T) {
	samples := testkit.Samples(t)
	afr := filepath.Join(samples, "AFR-contribution.docx")
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "notes.md"), []byte("# notes\n"), 0o644)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("plain text\n"), 0o644)
	folder := filepath.Join(dir, "folder.docx") // a folder where a file is expected
	os.Mkdir(folder, 0o755)
	locked := filepath.Join(dir, "AFR-locked.docx")
	testkit.Copy(t, afr, locked)
	os.Chmod(locked, 0)
	lockedDir := filepath.Join(dir, "locked-folder")
	os.Mkdir(lockedDir, 0o755)
	testkit.Copy(t, afr, filepath.Join(lockedDir, "AFR-contribution.docx"))
	os.Chmod(lockedDir, 0)
	t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
	td := filepath.Join(dir, "TD.docx")
	xlsx := filepath.Join(dir, "a.xlsx")
	asRoot := os.Geteuid() == 0 // permissions do not stop root: those cases cannot be seen

	type bad struct {
		group string   // the lines of a group read the same from path on
		args  []string // the command line
		path  string   // what the line names; "" for the argument cases
		perm  bool     // needs permissions to hold (not root)
	}
	var tests []bad
	inputs := map[string][]string{ // each command, to be given one input
		"inspect":     {"inspect"},
		"check":       {"check"},
		"consolidate": {"consolidate", "--draft", "-o", td},
		"index":       {"index", "-o", xlsx},
		"diff":        {"diff", afr},
	}
	for _, name := range []string{"inspect", "check", "consolidate", "index", "diff"} {
		cmd := inputs[name]
		with := func(p string) []string { return append(slices.Clone(cmd), p) }
		tests = append(tests,
			bad{"missing", with(missing), missing, false},
			bad{"text", with(text), text, false},
			bad{"locked", with(locked), locked, true},
		)
		if name == "diff" {
			tests = append(tests,
				bad{"empty", []string{"diff", samples, empty}, empty, false},
				bad{"locked folder", []string{"diff", samples, lockedDir}, lockedDir, true},
			)
		} else {
			tests = append(tests,
				bad{"empty", with(empty), empty, false},
				bad{"locked folder", with(lockedDir), lockedDir, true},
			)
		}
	}
	tests = append(tests,
		bad{"folder to read", []string{"check", "--since", folder, samples}, folder, false},
		bad{"folder to read", []string{"diff", "--since", folder, samples}, folder, false},
		bad{"folder to read", []string{"consolidate", "--draft", "-o", td, "--meta", folder, samples}, folder, false},
		bad{"folder to read", []string{"consolidate", "--draft", "-o", td, "--template", folder, samples}, folder, false},
		bad{"missing file to read", []string{"check", "--since", missing, samples}, missing, false},
		bad{"missing file to read", []string{"diff", "--since", missing, samples}, missing, false},
		bad{"missing file to read", []string{"consolidate", "--draft", "-o", td, "--meta", missing, samples}, missing, false},
		bad{"missing file to read", []string{"consolidate", "--draft", "-o", td, "--template", missing, samples}, missing, false},
		bad{"folder to write", []string{"consolidate", "--draft", "-o", folder, samples}, folder, false},
		bad{"folder to write", []string{"cover", "init", folder}, folder, false},
		bad{"args", []string{"inspect"}, "", false},
		bad{"args", []string{"check"}, "", false},
		bad{"args", []string{"consolidate", "--draft", "-o", td}, "", false},
		bad{"args", []string{"index", "-o", xlsx}, "", false},
		bad{"args", []string{"diff"}, "", false},
		bad{"args", []string{"diff", afr}, "", false},
		bad{"args", []string{"diff", afr, afr, afr}, "", false},
		bad{"args", []string{"diff", "--since", afr}, "", false},
		bad{"args", []string{"cover", "init", "a.yaml", "b.yaml"}, "", false},
		bad{"args", []string{"serve", samples}, "", false},
	)
	first := map[string]string{}
	for _, tc := range tests {
		name := strings.Join(tc.args, " ")
		if tc.perm && asRoot {
			t.Logf("%s: skipped (run as root, permissions do not hold)", name)
			continue
		}
		code, stdout, stderr := runCaptured(t, tc.args...)
		cmdPath := "tsagmerge " + tc.args[0]
		if tc.args[0] == "cover" {
			cmdPath += " " + tc.args[1]
		}
		line := strings.TrimSuffix(stderr, "\n")
		switch {
		case code != exitBadInput || stdout != "" || strings.Contains(line, "\n") || !strings.HasSuffix(stderr, "\n"):
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout and one line on stderr", name, code, stdout, stderr)
			continue
		case !strings.HasPrefix(line, cmdPath+": "):
			t.Errorf("%s: %q does not start with %q", name, line, cmdPath+": ")
			continue
		}
		if tc.path == "" {
			help := "; see '" + cmdPath + " --help'"
			if !strings.HasSuffix(line, help) || strings.Contains(line, "arg(s)") || !strings.Contains(line, "needs") && !strings.Contains(line, "takes") {
				t.Errorf("%s: %q; want what the command needs, then %q", name, line, help)
			}
			continue
		}
		i := strings.Index(line, tc.path+": ")
		if i < 0 {
			t.Errorf("%s: %q does not name %s", name, line, tc.path)
			continue
		}
		rest := strings.ReplaceAll(line[i:], tc.path, "PATH")
		if !strings.Contains(rest, "; ") {
			t.Errorf("%s: %q says nothing to do", name, line)
		}
		if f, ok := first[tc.group]; !ok {
			first[tc.group] = rest
		} else if rest != f {
			t.Errorf("%s (%s): %q\n\twhere the same case reads %q", name, tc.group, rest, f)
		}
	}
	for _, out := range []string{td, xlsx} {
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s was written from bad input", out)
		}
	}
}
