package index

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/outfile"
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
	return outfile.Write(path, func(w io.Writer) error { _, err := f.WriteTo(w); return err })
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
	inputs := make([]string, len(x.Docs))
	for i, d := range x.Docs {
		inputs[i] = d.Path
	}
	if err := outfile.Check(path, inputs...); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}
