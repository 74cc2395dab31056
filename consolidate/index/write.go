package index

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/outfile"
	"tsagmerge/ingest"
)

// WriteFile writes the workbook to path, which must end in .xlsx and must
// not be one of the inputs. The file is written next to its final place
// under a temporary name and renamed into place, so a failed run leaves no
// half-written workbook and never clobbers the old one.
func (x *Index) WriteFile(path string) error {
	if err := x.checkOutput(path); err != nil {
		return err
	}
	if err := CheckReplace(path); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := x.fill(f, filepath.Dir(path)); err != nil {
		return fmt.Errorf("index: building %s: %w", path, err)
	}
	sortContentTypes(f)
	return outfile.Write(path, func(w io.Writer) error { return writeInOrder(w, f) })
}

// sortContentTypes puts the workbook's default content types in order of
// extension: excelize adds the picture types in Go's map order, so the same
// index would otherwise differ in its bytes from one run to the next.
func sortContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults // of a type excelize does not export
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

// writeInOrder writes the workbook with its parts in order of name:
// excelize writes them in the order of its maps. The parts are copied as
// excelize compressed them.
func writeInOrder(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, zf := range files {
		raw, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		dst, err := zw.CreateRaw(&zf.FileHeader)
		if err != nil {
			return err
		}
		if _, err := io.Copy(dst, raw); err != nil {
			return err
		}
	}
	return zw.Close()
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
		Creator: creator,
	})
}

// creator is the workbook's core creator, which tells an index tsagmerge
// wrote (Excel keeps it when the file is saved again).
const creator = "tsagmerge"

// CheckReplace refuses a path where a file stands that is not an activity
// index tsagmerge wrote: a workbook kept by hand, say, which a rerun must
// not replace. Nothing there, or an index of an earlier run, is fine.
func CheckReplace(path string) error {
	if m, there, ok := ingest.PropertiesAt(path); !there || ok && m.Creator == creator {
		return nil // nothing there (or nothing we can see: the write will say)
	}
	return fmt.Errorf("%s: the file is there and is not an activity index tsagmerge wrote; write the index under another name, or move that file away first", path)
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
