// Package diff tells what changed between two versions of a regional
// contribution: sections, paragraphs (down to the words), comments, tracked
// changes, figures, tables and notes. It reads two *ingest.Document and
// never the files' XML.
package diff

import (
	"tsagmerge/ingest"
)

// Result is what changed from Old to New.
type Result struct {
	Old string `json:"old"`
	New string `json:"new"`

	Sections   []SectionChange   `json:"sections"`
	Paragraphs []ParagraphChange `json:"paragraphs"`
	Comments   []CommentChange   `json:"comments"`
	Revisions  []RevisionChange  `json:"revisions"`
	Figures    []FigureChange    `json:"figures"`
	Tables     []TableChange     `json:"tables"`
	// Counts compares how many footnotes, endnotes and hyperlinks each
	// version has; only the counts that differ are listed.
	Counts []CountChange `json:"counts"`
	// View and Settled say, when a version held tracked changes, which
	// of its texts was compared and which versions those were.
	View    View     `json:"view,omitempty"`
	Settled []string `json:"settled,omitempty"`
	// Coarse is set when the comparison ran out of its time for word
	// diffs (documents of thousands of long paragraphs that share little):
	// the later changed paragraphs show their changed middle whole.
	Coarse bool `json:"coarse,omitempty"`
}

// Change names what happened to a unit.
type Change string

// The kinds of change.
const (
	Added    Change = "added"
	Removed  Change = "removed"
	Changed  Change = "changed"
	Renamed  Change = "renamed"
	Resolved Change = "resolved"
	Reopened Change = "reopened"
	// Moved is a paragraph removed in one place and added, the same, in
	// another.
	Moved Change = "moved"
	// Replaced is a figure whose picture changed under its caption.
	Replaced Change = "replaced"
)

// SectionChange is a heading added, removed or renamed.
type SectionChange struct {
	Change Change `json:"change"`
	Level  int    `json:"level"`
	// Old and New are the heading's title before and after; one is empty
	// for an added or removed section.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
}

// ParagraphChange is a body paragraph added, removed, changed or moved. Headings
// are not listed here but as SectionChange.
type ParagraphChange struct {
	Change Change `json:"change"`
	// Section is the title of the section holding the paragraph (in New,
	// or in Old for a removed paragraph).
	Section string `json:"section"`
	// OldIndex and NewIndex are the paragraph's Index in each version; 0
	// when it is absent from that version.
	OldIndex int    `json:"oldParagraph,omitempty"`
	NewIndex int    `json:"newParagraph,omitempty"`
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	// Words is the word-level diff of a changed paragraph.
	Words []Edit `json:"words,omitempty"`
}

// CommentChange is a comment added, removed, resolved or reopened.
type CommentChange struct {
	Change  Change `json:"change"`
	Author  string `json:"author"`
	Text    string `json:"text"`
	Section string `json:"section"`
}

// RevisionChange is a tracked change that appeared, or that is gone
// (accepted or rejected) in New.
type RevisionChange struct {
	Change Change              `json:"change"`
	Kind   ingest.RevisionKind `json:"kind"`
	Author string              `json:"author"`
	Text   string              `json:"text"`
}

// CountChange is a count of things that differs between the versions.
type CountChange struct {
	What string `json:"what"`
	Old  int    `json:"old"`
	New  int    `json:"new"`
}

// Compare tells what changed from old to new.
func Compare(old, new *ingest.Document) *Result {
	r := &Result{Old: old.Path, New: new.Path}
	wd := newWordDiffer()
	r.Sections = compareSections(old.Sections, new.Sections, wd)
	r.Paragraphs = compareParagraphs(old, new, wd)
	r.Coarse = wd.coarse
	r.Comments = compareComments(old.Comments, new.Comments)
	r.Revisions = compareRevisions(old.Revisions, new.Revisions)
	r.Figures = compareFigures(old, new, wd)
	r.Tables = compareTables(old.Tables, new.Tables, wd)
	r.Counts = compareCounts(old, new)
	return r
}

// Identical reports whether nothing that diff compares has changed.
func (r *Result) Identical() bool {
	return len(r.Sections) == 0 && len(r.Paragraphs) == 0 && len(r.Comments) == 0 &&
		len(r.Revisions) == 0 && len(r.Figures) == 0 && len(r.Tables) == 0 && len(r.Counts) == 0
}

func compareCounts(old, new *ingest.Document) []CountChange {
	pairs := []CountChange{
		{"footnotes", len(old.Footnotes), len(new.Footnotes)},
		{"endnotes", len(old.Endnotes), len(new.Endnotes)},
		{"hyperlinks", len(old.Hyperlinks), len(new.Hyperlinks)},
	}
	var out []CountChange
	for _, p := range pairs {
		if p.Old != p.New {
			out = append(out, p)
		}
	}
	return out
}
