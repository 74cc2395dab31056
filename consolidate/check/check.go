// Package check finds what must not be published in the regional
// contributions: open review comments, tracked changes not yet accepted,
// review residue pasted into the text, repeated list items, empty sections,
// front matter, and the files and regions that are missing or unusable.
//
// consolidate runs it as its publication gate; the check command prints
// its report.
package check

import (
	"cmp"
	"slices"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

// Kind names a sort of finding.
type Kind string

// The kinds of finding.
const (
	UnresolvedComment Kind = "unresolved-comment"
	ResolvedComment   Kind = "resolved-comment"
	PendingRevision   Kind = "pending-revision"
	Residue           Kind = "residue"
	DuplicateInList   Kind = "duplicate-in-list"
	EmptySection      Kind = "empty-section"
	FrontMatter       Kind = "front-matter"
	HeaderFooter      Kind = "header-footer-not-carried"
	MissingRegion     Kind = "missing-region"
	RefusedFile       Kind = "refused-file"
	SupersededFile    Kind = "superseded"
	// The kinds only a TD's check finds (td.go).
	DraftTD     Kind = "draft-td"
	CoverMarker Kind = "cover-marker"
	RegionOrder Kind = "region-order"
	// StaleText is a paragraph carried over unchanged from last period's
	// TD (Options.Since): text a region may have forgotten to update.
	StaleText Kind = "stale-text"
)

// Severity is how much a finding matters: an error stops publication.
type Severity string

// The severities, most serious first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// defaultSeverity gives each kind's severity before Options.Allow.
var defaultSeverity = map[Kind]Severity{
	UnresolvedComment: Error,
	PendingRevision:   Error,
	Residue:           Error,
	DuplicateInList:   Warning,
	EmptySection:      Warning,
	FrontMatter:       Warning,
	HeaderFooter:      Warning,
	MissingRegion:     Warning,
	RefusedFile:       Warning,
	SupersededFile:    Info,
	ResolvedComment:   Info,
	DraftTD:           Error,
	CoverMarker:       Error,
	RegionOrder:       Error,
	StaleText:         Warning,
}

// Kinds lists every kind of finding, in the order a report explains them.
var Kinds = []Kind{UnresolvedComment, PendingRevision, Residue, DraftTD, CoverMarker, RegionOrder, DuplicateInList, EmptySection,
	FrontMatter, HeaderFooter, StaleText, MissingRegion, RefusedFile, SupersededFile, ResolvedComment}

// ParseKind returns the kind named s, or false when there is none.
func ParseKind(s string) (Kind, bool) {
	k := Kind(s)
	_, ok := defaultSeverity[k]
	return k, ok
}

// ThreadEntry is one comment of a review thread.
type ThreadEntry struct {
	ID       string    `json:"id"`
	Author   string    `json:"author"`
	Date     time.Time `json:"date,omitzero"`
	Text     string    `json:"text"`
	Resolved bool      `json:"resolved"`
}

// Finding is one thing found.
type Finding struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	// File is the file the finding is in; empty for a missing region.
	File   string `json:"file"`
	Region string `json:"region"`
	// Section is the title of the section concerned, Paragraph the Index of
	// the paragraph; empty and 0 when the finding is about a whole file.
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
	// Author is who wrote the comment or the tracked change.
	Author string `json:"author"`
	// Text says what was found.
	Text string `json:"text"`
	// Context quotes the text around what was found (at most about 120
	// characters), so that it can be found in Word.
	Context string `json:"context"`
	// Thread is a comment's whole thread, first comment first.
	Thread []ThreadEntry `json:"thread,omitempty"`
}

// Options tune a check.
type Options struct {
	// All also lists resolved comments, as info.
	All bool
	// Allow lowers the findings of these kinds from error to warning.
	Allow []Kind
	// Since is last period's published TD: each contribution's
	// paragraphs that stand in it unchanged are reported (stale-text).
	Since *ingest.Document
}

// Report is the outcome of a check.
type Report struct {
	Files    []inbox.FileEntry `json:"files"`
	Missing  []string          `json:"missing_regions"`
	Findings []Finding         `json:"findings"`
}

// Count returns how many findings have the given severity.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Errors returns how many findings stop publication.
func (r *Report) Errors() int { return r.Count(Error) }

// docCheck finds one sort of problem in one document.
type docCheck func(d *ingest.Document, opts Options) []Finding

// docChecks are run on every used document.
var docChecks = []docCheck{comments, revisions, residue, duplicates, emptySections, frontMatter, headersFooters, staleText}

// Run checks the used files of an inbox and reports on the others.
func Run(in *inbox.Inbox, opts Options) *Report {
	r := &Report{Files: in.Files, Missing: in.Missing}
	if r.Files == nil {
		r.Files = []inbox.FileEntry{}
	}
	if r.Missing == nil {
		r.Missing = []string{}
	}
	for _, f := range in.Files {
		var found []Finding
		switch f.Status {
		case inbox.Used:
			for _, c := range docChecks {
				found = append(found, c(f.Doc, opts)...)
			}
		case inbox.Superseded:
			found = append(found, superseded(in, f))
		case inbox.Refused:
			found = append(found, refused(in, f))
		case inbox.TD:
			// A TD is checked when it is what was given; beside
			// contributions it is the last run's output, left out.
			if len(in.Used()) == 0 {
				found = checkTD(f.Doc, opts)
			}
		}
		for i := range found {
			found[i].File = f.Path
			if f.Status != inbox.TD {
				found[i].Region = f.Region
			}
		}
		r.Findings = append(r.Findings, found...)
	}
	r.Findings = append(r.Findings, missingRegions(in)...)
	grade(r.Findings, opts.Allow)
	sortFindings(r.Findings)
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	return r
}

// grade sets each finding's severity: its kind's default, or the more
// serious one the finding was raised to (an unordered superseded version),
// lowered from error to warning for the kinds allowed.
func grade(fs []Finding, allow []Kind) {
	for i := range fs {
		s := defaultSeverity[fs[i].Kind]
		if raised := fs[i].Severity; raised != "" && raised.rank() < s.rank() {
			s = raised
		}
		if s == Error && slices.Contains(allow, fs[i].Kind) {
			s = Warning
		}
		fs[i].Severity = s
	}
}

// sortFindings orders findings by region (report order, unknown last),
// then most serious first, then by file and place in the file.
func sortFindings(fs []Finding) {
	order := func(code string) int {
		if _, i, ok := ingest.RegionByCode(code); ok {
			return i
		}
		return len(ingest.Regions)
	}
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(order(a.Region), order(b.Region)),
			cmp.Compare(a.Severity.rank(), b.Severity.rank()),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Paragraph, b.Paragraph),
		)
	})
}
