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
	"time"

	"tsagmerge/ingest/opc"
)

// ErrIsInput is returned by Check when the output path names an input.
var ErrIsInput = errors.New("is one of the inputs")

// Check refuses an output path that names one of the inputs, by path or
// (through links and case-insensitive file systems) by identity on disk,
// and one CheckTarget refuses.
func Check(out string, inputs ...string) error {
	if err := CheckTarget(out); err != nil {
		return err
	}
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

// CheckTarget refuses, before any work, an output path that cannot be
// written as a file: a folder, or a name longer than file systems allow.
func CheckTarget(out string) error {
	if info, err := os.Stat(out); err == nil && info.IsDir() {
		return opc.Folder(out, "name the file to write in it")
	}
	if n := len(filepath.Base(out)); n > maxName {
		return fmt.Errorf("output %s: its name is %d bytes long, more than the %d a file name may have; choose a shorter name", out, n, maxName)
	}
	return nil
}

// maxName is the longest file name (in bytes) Linux, macOS and Windows'
// file systems take.
const maxName = 255

// Write creates path's folder if needed, calls write with a temporary file
// in that folder, and renames the file into place once write and the sync
// to disk have succeeded. On any error the temporary file is removed and
// path is left untouched. The temporary file is named after the process,
// not the output, so that it is never longer than the output's name
// allows; Cleanup removes it if the process is stopped, and a later Write
// in the folder removes it if the process was killed.
func Write(path string, write func(io.Writer) error) error {
	return Start(path, write).Commit()
}

// Pending is an output written to disk under its temporary name, beside
// its final place, and not yet put there: Commit puts it in place, Abort
// removes it. It lets a caller write an output while it still decides
// whether to publish it.
type Pending struct {
	path    string
	tmp     string   // the temporary file's name, "" once committed or removed
	created []string // the folders Start made for it, deepest first
	err     error
}

// Start does Write's work up to the rename: the folder, the temporary
// file, write and the sync to disk. Its error, if any, is Commit's.
func Start(path string, write func(io.Writer) error) *Pending {
	p := &Pending{path: path}
	if err := CheckTarget(path); err != nil {
		p.err = err
		return p
	}
	dir := filepath.Dir(path)
	p.created = missingFolders(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.err = fmt.Errorf("cannot create the folder for %s: %w", path, cause(err))
		p.removeFolders()
		return p
	}
	removeStale(dir, filepath.Base(path), time.Now())
	tmp, err := createTemp(dir)
	if err != nil {
		p.err = fmt.Errorf("cannot write in the folder of %s: %w", path, cause(err))
		return p
	}
	p.tmp = tmp.Name()
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	// The temporary file is private (0600); an output is an ordinary file.
	if err == nil {
		err = os.Chmod(p.tmp, 0o644)
	}
	if err != nil {
		p.err = fmt.Errorf("writing %s: %w", path, cause(err))
		p.Abort()
	}
	return p
}

// Commit renames the written file into place, or returns why it could not
// be written (and then nothing is left of it).
func (p *Pending) Commit() error {
	if p.err != nil {
		return p.err
	}
	defer p.Abort() // a failed rename leaves no temporary file
	if err := os.Rename(p.tmp, p.path); err != nil {
		return fmt.Errorf("cannot put %s in place: %w", p.path, cause(err))
	}
	forget(p.tmp)
	p.tmp, p.created = "", nil
	return nil
}

// Abort removes the written file, leaving path as it was. It does nothing
// once the file is committed or removed.
func (p *Pending) Abort() {
	if p.tmp != "" {
		os.Remove(p.tmp)
		forget(p.tmp)
		p.tmp = ""
	}
	p.removeFolders()
}

// removeFolders removes the folders Start made, as long as they are empty:
// a refused output leaves the disk as it found it.
func (p *Pending) removeFolders() {
	for _, d := range p.created {
		if os.Remove(d) != nil {
			break
		}
	}
	p.created = nil
}

// missingFolders returns dir and those of its parents that do not exist,
// deepest first.
func missingFolders(dir string) []string {
	var out []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			return out
		}
		out = append(out, d)
		if filepath.Dir(d) == d {
			return out
		}
	}
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
