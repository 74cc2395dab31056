package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteFile writes the workbook to path, which must end in .xlsx and must
// not be one of the inputs. The file is written next to its final place
// under a temporary name and renamed into place, so a failed run leaves no
// half-written workbook and never clobbers the old one.
func (x *Index) WriteFile(path string) error {
	if err := x.checkOutput(path); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := x.fill(f, filepath.Dir(path)); err != nil {
		return fmt.Errorf("index: building %s: %w", path, err)
	}
	return writeAtomic(f, path)
}

// fill writes every sheet into f.
func (x *Index) fill(f *excelize.File, outDir string) error {
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, sh := range x.sheets(outDir) {
		// The new file's one sheet becomes the first (and active) one:
		// deleting it afterwards would make excelize parse every streamed
		// sheet back.
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), sh.name); err != nil {
				return err
			}
		}
		if err := writeSheet(f, st, sh); err != nil {
			return err
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:   "TSAG activity index of the ITU Regional Offices, " + x.Period.String(),
		Creator: "tsagmerge",
	})
}

// checkOutput refuses an output that is not .xlsx or that is one of the
// input files.
func (x *Index) checkOutput(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fmt.Errorf("index: output %s: the workbook's name must end in .xlsx", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("index: output %s: %w", path, err)
	}
	outInfo, outErr := os.Stat(path)
	for _, d := range x.Docs {
		in, err := filepath.Abs(d.Path)
		same := err == nil && in == abs
		if !same && outErr == nil {
			if inInfo, err := os.Stat(d.Path); err == nil {
				same = os.SameFile(inInfo, outInfo)
			}
		}
		if same {
			return fmt.Errorf("index: output %s is one of the inputs; choose another file name", path)
		}
	}
	return nil
}

// writeAtomic saves f to path through a temporary file in the same folder.
func writeAtomic(f *excelize.File, path string) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("index: cannot write %s: folder %s does not exist", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("index: cannot write %s: %w", path, pathCause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = f.WriteTo(tmp); err != nil {
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("index: writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("index: cannot replace %s: %w", path, pathCause(err))
	}
	return nil
}

// pathCause strips the path from a file-system error, which would name
// the temporary file rather than the workbook.
func pathCause(err error) error {
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
