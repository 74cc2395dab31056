//go:build unix

package templates

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesAPipe: --template and --meta naming a FIFO are refused at
// once, in one line naming the file.
func TestLoadRefusesAPipe(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		load func(string) error
	}{
		{"template.docx", func(p string) error { _, err := Load(p); return err }},
		{"meta.yaml", func(p string) error { _, err := LoadMeta(p); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skip("mkfifo:", err)
			}
			done := make(chan error, 1)
			go func() { done <- tt.load(path) }()
			select {
			case err := <-done:
				if err == nil || err.Error() != path+": is a named pipe (FIFO), not a file; name an ordinary file instead" {
					t.Fatalf("err = %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("hangs")
			}
		})
	}
}
