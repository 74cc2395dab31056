package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestConsolidateDecisions runs the real command: publication refuses the
// samples' open comments and pending change until the user decides what
// becomes of them.
func TestConsolidateDecisions(t *testing.T) {
	samples := testkit.Samples(t)
	cover := []string{"--td", "TSAG-TD1", "--place", "Geneva", "--date", "20-23 January 2026", "--contact", "name=Jane Doe; org=ITU; country=Switzerland; tel=+41; email=jane@itu.int"}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"refused", nil, exitFindings, "Nothing written"},
		{"decided", []string{"--comments", "drop", "--revisions", "accept"}, exitOK, "0 tracked changes accepted"},
		{"rejected changes are a decision too", []string{"--comments", "drop", "--revisions", "reject"}, exitOK, "tracked changes rejected"},
		{"half decided", []string{"--comments", "drop"}, exitFindings, "pending-revision"},
		{"allowed by kind", []string{"--allow", "unresolved-comment", "--allow", "pending-revision"}, exitOK, "wrote TD"},
		{"an unknown kind", []string{"--allow", "typo"}, exitBadInput, "--allow typo: no such kind"},
		{"draft and force", []string{"--draft", "--force"}, exitBadInput, "contradict each other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "TD.docx")
			args := append(append([]string{"consolidate", samples, "-o", out}, cover...), tt.args...)
			got, code := execute(t, args...)
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("exit %d, want %d; output lacks %q:\n%s", code, tt.code, tt.want, got)
			}
		})
	}
}

// TestCheckTheTD consolidates the samples, as a draft and for
// publication, and checks the TDs themselves: the draft fails (its marks,
// its cover's markers, its open review marks), the publication passes. A
// TD left in the inbox is left out of the next run, which may write over
// it.
func TestCheckTheTD(t *testing.T) {
	samples := testkit.Samples(t)
	dir := t.TempDir()
	cover := []string{"--td", "TSAG-TD1", "--place", "Geneva", "--date", "20-23 January 2026", "--contact", "name=Jane Doe; org=ITU; country=Switzerland; tel=+41; email=jane@itu.int"}
	draft, final := filepath.Join(dir, "draft.docx"), filepath.Join(dir, "TD.docx")
	if out, code := execute(t, "consolidate", samples, "--draft", "-o", draft); code != exitOK {
		t.Fatalf("draft: exit %d\n%s", code, out)
	}
	if out, code := execute(t, append([]string{"consolidate", samples, "--comments", "drop", "--revisions", "accept", "-o", final}, cover...)...); code != exitOK {
		t.Fatalf("publication: exit %d\n%s", code, out)
	}
	tests := []struct {
		file string
		code int
		want []string
	}{
		{draft, exitFindings, []string{"The TD: draft.docx", "draft-td", "cover-marker", "TSAG-TD000", "unresolved-comment", "pending-revision", "not ready to publish"}},
		{final, exitOK, []string{"The TD: TD.docx", "in 1 file: ready to publish"}},
	}
	// A draft says so on its pages and in its properties; a publication
	// never does.
	for file, draftWanted := range map[string]bool{draft: true, final: false} {
		td := testkit.ReadDoc(t, file)
		header, err := td.Package.Read("word/header1.xml")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(header), "DRAFT") && td.Meta.Status == "Draft"; got != draftWanted {
			t.Errorf("%s: says DRAFT %v, want %v (status %q)", filepath.Base(file), got, draftWanted, td.Meta.Status)
		}
		if strings.Contains(string(header), "DRAFT") != draftWanted {
			t.Errorf("%s: its running header's DRAFT mark is wrong", filepath.Base(file))
		}
	}
	// A file without the mark is taken for a TD when --td says so: one
	// region's contribution, read as a TD, lacks the other regions.
	if out, code := execute(t, "check", "--td", filepath.Join(samples, "CIS-contribution.docx")); code != exitOK ||
		!strings.Contains(out, "The TD: CIS-contribution.docx") || !strings.Contains(out, "the TD has no section for Africa") {
		t.Errorf("check --td: exit %d\n%s", code, out)
	}
	for _, tt := range tests {
		out, code := execute(t, "check", tt.file)
		if code != tt.code {
			t.Errorf("check %s: exit %d, want %d\n%s", filepath.Base(tt.file), code, tt.code, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("check %s: output lacks %q\n%s", filepath.Base(tt.file), w, out)
			}
		}
	}

	// The TD written into the inbox: the rerun leaves it out and writes
	// over it.
	inbox := filepath.Join(dir, "inbox")
	testkit.CopyDir(t, samples, inbox)
	td := filepath.Join(inbox, "TD.docx")
	for run := 1; run <= 2; run++ {
		out, code := execute(t, "consolidate", inbox, "--draft", "-o", td)
		if code != exitOK {
			t.Fatalf("run %d into the inbox: exit %d\n%s", run, code, out)
		}
		if run == 2 && !strings.Contains(out, "TD.docx: the TD TSAG-TD000 written by tsagmerge, not a contribution: left out") {
			t.Errorf("run 2 does not say it left the TD out:\n%s", out)
		}
	}
}

// TestCoverInput gives the cover through flags and meta.yaml: a contact
// whose name has a comma keeps its fields apart, the old comma form and a
// bad value are refused naming the flag or the file's line, before any
// merging; cover init writes a meta.yaml to fill in, once.
func TestCoverInput(t *testing.T) {
	samples := testkit.Samples(t)
	dir := t.TempDir()
	meta := filepath.Join(dir, "meta.yaml")
	if out, code := execute(t, "cover", "init", meta); code != exitOK || !strings.Contains(out, "wrote "+meta) {
		t.Fatalf("cover init: exit %d\n%s", code, out)
	}
	if out, code := execute(t, "cover", "init", meta); code != exitBadInput || !strings.Contains(out, "exists") {
		t.Errorf("cover init over a file: exit %d\n%s", code, out)
	}
	blank, err := os.ReadFile(meta)
	if err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, "filled.yaml")
	fill := strings.NewReplacer(`td_number: ""`, `td_number: TSAG-TD4`, `place: ""`, `place: Geneva`, `date: ""`, `date: 1 June 2026`,
		`name: ""`, `name: Jane Doe`, `email: ""`, `email: jane.doe@itu.int`)
	os.WriteFile(filled, []byte(fill.Replace(string(blank))), 0o644)
	base := []string{"consolidate", samples, "--draft", "-o", filepath.Join(dir, "TD.docx")}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"a comma in the name", []string{"--contact", "name=Doe, Jane; org=ITU; country=Switzerland; email=jane.doe@itu.int"}, exitOK, "wrote draft TD"},
		{"the old comma form", []string{"--contact", "Doe, Jane, ITU, Switzerland, j@itu.int"}, exitBadInput, `--contact 1 "Doe, Jane, ITU, Switzerland, j@itu.int": "Doe, Jane, ITU, Switzerland, j@itu.int" is not key=value`},
		{"no e-mail", []string{"--contact", "name=Jane Doe"}, exitBadInput, "--contact 1 \"name=Jane Doe\": it lacks email"},
		{"a bad TD number", []string{"--td", "TSAG-123"}, exitBadInput, `the cover: --td: td_number "TSAG-123" does not look like a TD number`},
		{"the blank meta.yaml", []string{"--meta", meta}, exitBadInput, "meta.yaml:6: td_number is empty"},
		{"a flag over meta.yaml says so", []string{"--meta", filled, "--td", "TSAG-TD5"}, exitOK, `--td "TSAG-TD5" replaces ` + filled + `'s "TSAG-TD4"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := execute(t, append(base, tt.args...)...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d, want %d; output lacks %q:\n%s", code, tt.code, tt.want, out)
			}
			if tt.code != exitOK && strings.Contains(out, "merging") {
				t.Errorf("refused after work began:\n%s", out)
			}
		})
	}
}
