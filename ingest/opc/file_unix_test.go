//go:build unix

package opc

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOpenRefusesWhatIsNotAFile: a named pipe, a socket, a device and a
// folder are refused at once (a pipe would block the open forever), with
// one line naming the file and what it is.
func TestOpenRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a.docx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	sock := filepath.Join(dir, "s.docx")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("unix socket:", err)
	}
	defer l.Close()
	tests := []struct {
		name, path, want string
		kind             error
	}{
		{"fifo", fifo, "is a named pipe (FIFO), not a file", ErrNotFile},
		{"socket", sock, "is a socket, not a file", ErrNotFile},
		{"device", "/dev/null", "is a device, not a file", ErrNotFile},
		{"folder", dir, "is a folder, not a file", ErrNotZip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				p, err := Open(tt.path)
				p.Close()
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, tt.kind) || !strings.HasPrefix(err.Error(), tt.path+": "+tt.want) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("Open(%s) = %v, want %q", tt.path, err, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("Open(%s) hangs", tt.path)
			}
			f, _, err := OpenFile(tt.path)
			if err == nil {
				f.Close()
				t.Fatalf("OpenFile(%s) opened it", tt.path)
			}
		})
	}
}

func TestOpenFileReadsARegularFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(path, []byte("td: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, info, err := OpenFile(path)
	if err != nil || !info.Mode().IsRegular() {
		t.Fatalf("OpenFile = %v, %v", info, err)
	}
	f.Close()
}
