// Package inbox turns what a user names on the command line (folders of
// regional contributions, single files) into the set of contributions to
// work on: one file per region, the latest when a region sent several,
// with every other file accounted for (superseded, ignored or refused, and
// why) and the regions that sent nothing.
//
// check, consolidate, index and inspect all start from Scan, so that they
// agree on which file speaks for a region.
package inbox

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// Status says what became of one file.
type Status string

// The fates of a file.
const (
	// Used: the file is its region's contribution.
	Used Status = "used"
	// Superseded: a later version of the same region's contribution is
	// used instead; the file's contents are not judged.
	Superseded Status = "superseded"
	// Ignored: not a contribution (a Word owner file, a temporary or hidden
	// file, another kind of file in a folder).
	Ignored Status = "ignored"
	// Refused: meant as a contribution but cannot be used (a .doc, a PDF,
	// a damaged file, no recognisable region).
	Refused Status = "refused"
	// TD: a TD that tsagmerge wrote (it carries ingest.TDProperty), such
	// as the last run's output left in the inbox: never merged again. Its
	// Doc is kept, for check to check it as the TD it is.
	TD Status = "td"
)

// FileEntry is one file met while scanning and what became of it.
type FileEntry struct {
	// Path is the file as found (a named file as given, a folder's file
	// joined to the folder as given).
	Path string `json:"path"`
	// Region is the region code, empty when unknown.
	Region string `json:"region"`
	Status Status `json:"status"`
	// Reason says why the file was superseded, ignored or refused, or notes
	// something about a used file (a macro-enabled .docm); empty otherwise.
	Reason string `json:"reason"`
	// SupersededBy is the Path of the file used instead of this one.
	SupersededBy string `json:"superseded_by,omitempty"`
	// Unordered is true for a superseded file that nothing told from the
	// used one (no mark in the names, no save date, the same modification
	// time): the names' order chose, which may be the wrong version.
	Unordered bool `json:"unordered,omitempty"`
	// Doc is the document read from the file, for used and superseded files
	// (and refused files that were readable but had no region); nil else.
	Doc *ingest.Document `json:"-"`
}

// Inbox is the outcome of a scan.
type Inbox struct {
	// Files lists every file met, in the order met (arguments in order, a
	// folder's files by name).
	Files []FileEntry
	// Missing lists, in report order, the codes of the regions that no used
	// file speaks for. It is computed only when a folder was scanned: when
	// files are named one by one, only those are judged.
	Missing []string
}

// Used returns the documents in use, one per region, in report order.
func (in *Inbox) Used() []*ingest.Document {
	var out []*ingest.Document
	for _, r := range ingest.Regions {
		for i := range in.Files {
			if f := &in.Files[i]; f.Status == Used && f.Region == r.Code {
				out = append(out, f.Doc)
			}
		}
	}
	return out
}

// Entry returns the entry of the file at path (as it appears in Files).
func (in *Inbox) Entry(path string) *FileEntry {
	for i := range in.Files {
		if in.Files[i].Path == path {
			return &in.Files[i]
		}
	}
	return nil
}

// Close releases the packages of every document read.
func (in *Inbox) Close() error {
	var errs []error
	for _, f := range in.Files {
		if f.Doc != nil && f.Doc.Package != nil {
			errs = append(errs, f.Doc.Package.Close())
		}
	}
	return errors.Join(errs...)
}

// refusal turns a reading error into the one-line reason of an entry:
// what is wrong and what to do, without repeating the file's name.
func refusal(path string, err error) string {
	var oe *opc.Error
	if errors.As(err, &oe) {
		if oe.Remedy == "" {
			return oe.Problem
		}
		return oe.Problem + "; " + oe.Remedy
	}
	msg := strings.TrimPrefix(err.Error(), path+": ")
	return strings.Join(strings.Fields(msg), " ")
}

// NotUsed lists the files left out, each with why: a refused file with
// the reason, a superseded one with the name of its later version.
func (in *Inbox) NotUsed() []string {
	var out []string
	for _, f := range in.Files {
		switch f.Status {
		case Refused:
			out = append(out, f.Path+": "+f.Reason)
		case Superseded:
			out = append(out, f.Path+": superseded by "+filepath.Base(f.SupersededBy))
		case TD:
			out = append(out, f.Path+": "+f.Reason)
		}
	}
	return out
}

// TDs are the files recognised as TDs that tsagmerge wrote.
func (in *Inbox) TDs() []*FileEntry {
	var out []*FileEntry
	for i := range in.Files {
		if in.Files[i].Status == TD {
			out = append(out, &in.Files[i])
		}
	}
	return out
}

// RequireUsed says why, when the inbox has no contribution to use: no
// .docx in the inputs scanned (named), or none that could be read.
func (in *Inbox) RequireUsed(inputs []string) error {
	if len(in.Used()) > 0 {
		return nil
	}
	switch left := in.NotUsed(); len(left) {
	case 0:
		return NoDocx(inputs)
	case 1:
		return errors.New(left[0]) // the file and why, as a file refused alone reads in every command
	default:
		return fmt.Errorf("nothing usable: %s", strings.Join(left, "; "))
	}
}

// NoDocx is the one wording of inputs that hold no Word file at all (a
// folder of other files, an empty one).
func NoDocx(inputs []string) error {
	if len(inputs) == 1 {
		return fmt.Errorf("%s: holds no .docx file; put the regions' Word files (.docx) in it, or name them", inputs[0])
	}
	return fmt.Errorf("none of %s holds a .docx file; put the regions' Word files (.docx) there, or name them", strings.Join(inputs, ", "))
}
