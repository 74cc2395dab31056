//go:build unix

package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"tsagmerge/consolidate/outfile"
)

// TestSignalRemovesTemporaryFiles: SIGINT or SIGTERM in the middle of a
// write leaves no temporary file and no output; the exit status is 128 +
// the signal. The write runs in a child process (this test binary again).
func TestSignalRemovesTemporaryFiles(t *testing.T) {
	if dir := os.Getenv("TSAGMERGE_SIGNAL_CHILD"); dir != "" {
		go stopOnSignal()
		outfile.Write(filepath.Join(dir, "TD.docx"), func(w io.Writer) error {
			io.WriteString(w, "half a TD")
			os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
			select {} // stopped here by the signal
		})
		os.Exit(0)
	}
	tests := []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}}
	for _, tt := range tests {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFiles$")
			cmd.Env = append(os.Environ(), "TSAGMERGE_SIGNAL_CHILD="+dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			ready := filepath.Join(dir, "ready")
			for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(ready); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the child never started writing")
				}
			}
			cmd.Process.Signal(tt.sig)
			cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != tt.code {
				t.Errorf("exit status %d, want %d", got, tt.code)
			}
			os.Remove(ready)
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left %s", entries[0].Name())
			}
		})
	}
}
