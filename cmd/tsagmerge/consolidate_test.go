package main

import (
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
	cover := []string{"--td", "TSAG-TD1", "--place", "Geneva", "--date", "20-23 January 2026", "--contact", "Jane Doe, ITU, Switzerland, +41, jane@itu.int"}
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
