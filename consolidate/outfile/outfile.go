// Package outfile writes tsagmerge's outputs (the TD, the activity index)
// the safe way: never over one of the inputs, and atomically, through a
// temporary file in the same folder renamed into place, so that a reader
// never sees half a file and a failed run leaves the old output as it was.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrIsInput is returned by Check when the output path names an input.
var ErrIsInput = errors.New("is one of the inputs")

// Check refuses an output path that names one of the inputs, by path or
// (through links and case-insensitive file systems) by identity on disk.
func Check(out string, inputs ...string) error {
	for _, in := range inputs {
		if SamePath(out, in) {
			return fmt.Errorf("output %s %w; choose another file name", out, ErrIsInput)
		}
	}
	return nil
}

// SamePath reports whether two paths name one file: the same cleaned
// absolute path, or the same file on disk.
func SamePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// Write creates path's folder if needed, calls write with a temporary file
// in that folder, and renames the file into place once write and the sync
// to disk have succeeded. On any error the temporary file is removed and
// path is left untouched.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the folder for %s: %w", path, cause(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in the folder of %s: %w", path, cause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("writing %s: %w", path, cause(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, cause(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, cause(err))
	}
	// CreateTemp makes the file private (0600); an output is an ordinary file.
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, cause(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot put %s in place: %w", path, cause(err))
	}
	return nil
}

// cause strips the path from a file-system error, which would otherwise
// name the temporary file rather than the output.
func cause(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
