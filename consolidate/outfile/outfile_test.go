package outfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "AFR.docx")
	if err := os.WriteFile(in, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.docx")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out string
		refused   bool
	}{
		{"same path", in, true},
		{"unclean path", filepath.Join(dir, "sub", "..", "AFR.docx"), true},
		{"link to the input", link, true},
		{"another file", filepath.Join(dir, "TD.docx"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.out, in)
			if got := errors.Is(err, ErrIsInput); got != tt.refused {
				t.Fatalf("Check(%q) = %v, want refused=%v", tt.out, err, tt.refused)
			}
		})
	}
}

func TestWriteCreatesFolderAndLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "Région Afrique.docx")
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read back %q, %v", got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("folder holds %d entries, want only the output", len(entries))
	}
}

func TestWriteFailureKeepsOldOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "TD.docx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Write error = %v, want boom", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Fatalf("output is %q after a failed write, want the old content", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("a temporary file was left behind: %d entries", len(entries))
	}
}

// TestCheckTarget: a folder and a name past 255 bytes are refused before
// any work; a name of 255 bytes is written (the temporary name does not
// grow with it).
func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "TD.docx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, out, want string
	}{
		{"folder", folder, "is a folder"},
		{"name too long", filepath.Join(dir, strings.Repeat("a", 251)+".docx"), "256 bytes long, more than the 255"},
		{"longest name", filepath.Join(dir, strings.Repeat("b", 250)+".docx"), ""},
		{"ordinary name", filepath.Join(dir, "out", "TD123.docx"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTarget(tt.out)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if err := Write(tt.out, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
					t.Fatalf("Write: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.out) {
				t.Fatalf("CheckTarget = %v, want %q", err, tt.want)
			}
			if err := Write(tt.out, func(io.Writer) error { t.Fatal("wrote"); return nil }); err == nil {
				t.Fatal("Write wrote")
			}
			if err := Check(tt.out); err == nil {
				t.Fatal("Check passed it")
			}
		})
	}
}

// TestWriteRemovesStaleTemporaryFiles: beside a new output, the temporary
// files of a tsagmerge that was killed go (its process gone, or an hour
// old, or an hour-old one of the versions that named them after the
// output); others' files and recent ones of running processes stay.
func TestWriteRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	hourAgo := time.Now().Add(-2 * time.Hour)
	tests := []struct {
		name string
		old  bool
		gone bool
	}{
		{tempPrefix + "999999999-0a1b2c3d.tmp", false, runtime.GOOS != "windows"}, // no such process
		{tempPrefix + strconv.Itoa(os.Getppid()) + "-0a1b2c3d.tmp", false, false},
		{tempPrefix + strconv.Itoa(os.Getppid()) + "-99999999.tmp", true, true},
		{".TD.docx.123456789.tmp", true, true},
		{".TD.docx.123456789.tmp.keep", true, false},
		{".TD.docx.987654321.tmp", false, false},
		{".other.docx.123456789.tmp", true, false},
		{"notes.tmp", true, false},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
		if tt.old {
			os.Chtimes(p, hourAgo, hourAgo)
		}
	}
	if err := Write(filepath.Join(dir, "TD.docx"), func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(dir, tt.name))
		if gone := os.IsNotExist(err); gone != tt.gone {
			t.Errorf("%s: removed = %v, want %v", tt.name, gone, tt.gone)
		}
	}
}

// TestCleanupRemovesTheFileBeingWritten: stopped in the middle of a
// write, no temporary file is left and the output is not put in place;
// no write starts after.
func TestCleanupRemovesTheFileBeingWritten(t *testing.T) {
	defer func() { temps.Lock(); temps.stopped = false; temps.Unlock() }()
	dir := t.TempDir()
	path := filepath.Join(dir, "TD.docx")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		Cleanup()
		return nil
	})
	if err == nil {
		t.Fatal("the write went on after Cleanup")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left %v", entries[0].Name())
	}
	if err := Write(path, func(io.Writer) error { return nil }); err == nil {
		t.Fatal("a write started after Cleanup")
	}
}

// TestStartCommitAbort writes an output under its temporary name: until
// Commit the old output stands; Abort leaves it and no temporary file;
// Commit puts the new one in place.
func TestStartCommitAbort(t *testing.T) {
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	for _, commit := range []bool{false, true} {
		dir := t.TempDir()
		out := filepath.Join(dir, "TD.docx")
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		p := Start(out, write("new"))
		if got, _ := os.ReadFile(out); string(got) != "old" {
			t.Fatalf("before Commit the output reads %q", got)
		}
		want := "old"
		if commit {
			if err := p.Commit(); err != nil {
				t.Fatal(err)
			}
			want = "new"
		}
		p.Abort()
		if got, _ := os.ReadFile(out); string(got) != want {
			t.Errorf("commit %v: the output reads %q, want %q", commit, got, want)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("commit %v: %d files in the folder, want the output alone", commit, len(entries))
		}
	}
}

// TestAbortRemovesTheFoldersItMade: an output refused after Start leaves
// no folder Start made for it, and none that was there before.
func TestAbortRemovesTheFoldersItMade(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "new", "sub", "TD.docx")
	Start(out, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }).Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d entries left in the folder after Abort, want none", len(entries))
	}
	if _, err := os.Stat(dir); err != nil {
		t.Errorf("the folder that was there is gone: %v", err)
	}
}
