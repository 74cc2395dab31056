//go:build unix

package inbox

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tsagmerge/ingest/testkit"
)

// TestScanRefusesWhatCannotBeRead: in a folder, a named pipe, a link that
// loops and a file that cannot be read are refused, each with why; a
// dangling link (an editor's lock) and a looping link not named as a
// document are left out as before. Nothing hangs.
func TestScanRefusesWhatCannotBeRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"AFR-contribution.docx": testkit.Bytes(testkit.File{Body: testkit.P("", "text")})})
	if err := syscall.Mkfifo(filepath.Join(dir, "AMS-contribution.docx"), 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	for link, target := range map[string]string{
		"ARB-contribution.docx": "ARB-contribution.docx",
		"ASP.doc":               "ASP.doc",
		"loop":                  "loop",
		"EUR-gone.docx":         "nothing-there.docx",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan *Inbox, 1)
	go func() {
		in, err := ScanWith([]string{dir}, Options{Read: fakeRead(nil)})
		if err != nil {
			t.Error(err)
		}
		done <- in
	}()
	var in *Inbox
	select {
	case in = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the scan hangs")
	}
	if in == nil {
		return
	}
	tests := []struct {
		file   string
		status Status
		reason string
	}{
		{"AFR-contribution.docx", Used, ""},
		{"AMS-contribution.docx", Refused, "is a named pipe (FIFO), not a file"},
		{"ARB-contribution.docx", Refused, "is a symbolic link that loops"},
		{"ASP.doc", Refused, "is a symbolic link that loops"},
		{"loop", "", ""},
		{"EUR-gone.docx", "", ""},
	}
	for _, tt := range tests {
		e := in.Entry(filepath.Join(dir, tt.file))
		switch {
		case tt.status == "" && e != nil:
			t.Errorf("%s: listed as %s (%s), want left out", tt.file, e.Status, e.Reason)
		case tt.status == "":
		case e == nil:
			t.Errorf("%s: not listed, want %s", tt.file, tt.status)
		case e.Status != tt.status || !strings.HasPrefix(e.Reason, tt.reason) || strings.Contains(e.Reason, "\n"):
			t.Errorf("%s: %s (%s), want %s (%s…)", tt.file, e.Status, e.Reason, tt.status, tt.reason)
		}
	}
}
