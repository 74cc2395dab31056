// Package consolidate is the publication path of tsagmerge: Publish reads
// an inbox, checks it (check), merges it onto the TD template (merge),
// validates the TD and reads it back against its sources (validate), and
// writes it and the activity index (index), as the job says. The command
// line and the web page both call it; the capabilities it joins live in
// the packages below this one.
package consolidate

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tsagmerge/consolidate/activity"
	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/index"
	"tsagmerge/consolidate/merge"
	"tsagmerge/consolidate/outfile"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
	"tsagmerge/templates"
)

// Mode says what a TD is written for, and so how check's findings and the
// read-back's differences are taken.
type Mode int

// The modes of a consolidation.
const (
	// Publication refuses to write while check finds errors, and when the
	// read-back finds the TD says less than its sources.
	Publication Mode = iota
	// Draft writes whatever check finds, for review in Word; its review
	// marks are kept unless the options say otherwise.
	Draft
	// Forced publishes despite check's errors and the read-back's
	// differences, and says so. A TD that breaks Word's rules is never
	// written.
	Forced
)

// DefaultOptions are the merge options a mode implies: publication drops
// the comments and accepts the tracked changes, a draft keeps both.
func DefaultOptions(m Mode) merge.Options {
	if m == Draft {
		return merge.Options{Comments: merge.CommentsKeep, Revisions: merge.RevisionsKeep}
	}
	return merge.Options{Comments: merge.CommentsDrop, Revisions: merge.RevisionsAccept}
}

// Job is one consolidation: what to read, what to write and how. The
// command line and the web page fill one in and call Publish.
type Job struct {
	// Inputs are the folders (their .docx files) and files to read.
	Inputs []string
	// Out is the TD to write (.docx); Index, when set, the activity index
	// to write beside it (.xlsx).
	Out, Index string
	// Template is the TD template's bytes; nil for the embedded one.
	// TemplatePath and MetaPath are the files the template and the cover
	// came from, if any: the outputs may not replace them.
	Template               []byte
	TemplatePath, MetaPath string
	// Meta is the cover's values.
	Meta templates.Meta
	// Mode and Options say how check's findings, the comments and the
	// tracked changes are taken (DefaultOptions gives a mode's).
	Mode    Mode
	Options merge.Options
	// CommentsDecided and RevisionsDecided say that the user chose what
	// becomes of the comments and the tracked changes, rather than taking
	// the mode's defaults. A choice to drop the comments lets publication
	// go ahead despite open comments; one to accept or reject the tracked
	// changes, despite pending ones.
	CommentsDecided, RevisionsDecided bool
	// Allow are the kinds of check's findings that do not stop
	// publication (they are reported as warnings), as check's --allow.
	Allow []check.Kind
	// Progress, when set, is told each stage as it starts; Note each
	// thing the user should know as it is found (a missing region, a
	// file not used, markers on the cover…), which Result.Notes also
	// lists.
	Progress func(stage string)
	Note     func(note string)
}

// Result is what Publish did: it is returned, as far as it got, with any
// error.
type Result struct {
	// Report is the merge's report, nil when the merge did not run.
	Report *merge.Report
	// Check is check's report on the inbox, nil when the inbox was not
	// read.
	Check *check.Report
	// Differences are what the read-back found and Forced wrote anyway.
	Differences []validate.Problem
	// Size is the TD's size in bytes, Took the time the merge and its
	// validation took.
	Size int
	Took time.Duration
	// Notes are the notes Job.Note was given, in order.
	Notes []string
}

// RefusedError is returned when publication is refused for check's
// findings: nothing was written. Check holds the report to show.
type RefusedError struct{ Check *check.Report }

func (e *RefusedError) Error() string {
	return fmt.Sprintf("publication refused: check finds %s", plural(e.Check.Errors(), "error"))
}

// InvalidError is returned when the merged TD fails its validation (Word's
// rules, or the read-back against its sources): nothing was written.
type InvalidError struct {
	// Reason says which validation failed, Problems what it found.
	Reason   string
	Problems []validate.Problem
}

func (e *InvalidError) Error() string {
	return "the merged TD " + e.Reason + ", nothing written: " + JoinProblems(e.Problems)
}

// JobError is a job that cannot be done as asked: an output misnamed or
// replacing an input, no usable contribution, a cover lacking what
// publication needs. Its message says what is wrong and what to do.
type JobError struct{ Msg string }

func (e *JobError) Error() string { return e.Msg }

func jobErrorf(format string, args ...any) error {
	return &JobError{Msg: fmt.Sprintf(format, args...)}
}

// Publish runs one consolidation: it reads the inbox, checks it, merges
// the regions onto the template, validates the TD against Word's rules
// and reads it back against its sources, then writes it atomically (and
// the activity index), as the job's mode allows. Errors are a
// *RefusedError, an *InvalidError, a *JobError, or one of reading or
// writing files.
func Publish(job Job) (*Result, error) {
	res := &Result{}
	if job.Progress == nil {
		job.Progress = func(string) {}
	}
	note := func(format string, args ...any) {
		s := fmt.Sprintf(format, args...)
		res.Notes = append(res.Notes, s)
		if job.Note != nil {
			job.Note(s)
		}
	}
	if err := checkOutputNames(job); err != nil {
		return res, err
	}
	// The cover's values are judged before any work; those missing are
	// left to the check below (publication) or to markers (a draft).
	marked := job.Meta
	marked.FillDraftMarkers()
	if err := marked.Validate(); err != nil {
		return res, err
	}
	job.Progress("reading the contributions")
	in, err := inbox.Scan(job.Inputs)
	if err != nil {
		return res, err
	}
	defer in.Close()
	if err := usable(job, in, note); err != nil {
		return res, err
	}
	if err := replacesOnlyATD(job.Out); err != nil {
		return res, err
	}
	if job.Index != "" {
		if err := index.CheckReplace(job.Index); err != nil {
			return res, &JobError{Msg: "--index " + err.Error()}
		}
	}
	docs := in.Used()
	// check runs while the TD is merged and validated: it only reads the
	// model, and its verdict is needed only before the TD is put in place.
	checked := make(chan *check.Report, 1)
	go func() { checked <- check.Run(in, check.Options{Allow: allowed(job)}) }()
	defer func() { // check reads the inputs: it ends before they are closed
		if res.Check == nil {
			res.Check = <-checked
		}
	}()
	verdict := func() error {
		if res.Check == nil {
			res.Check = <-checked
		}
		return gate(job.Mode, res.Check, note)
	}
	meta := job.Meta
	if missing := meta.Missing(); len(missing) > 0 {
		// --force overrides check's findings, not the cover's needs: a TD
		// published with markers would look final and read "[place]".
		if job.Mode != Draft {
			// A refused publication shows what check found first; a
			// forced one says nothing of it, since nothing is published.
			if job.Mode == Publication {
				if err := verdict(); err != nil {
					return res, err
				}
			}
			return res, jobErrorf("the cover needs %s; give --meta meta.yaml or --td, --place, --date and --contact (or --draft)", strings.Join(missing, ", "))
		}
		note("the cover lacks %s; it is filled with markers to replace", strings.Join(missing, ", "))
		meta.FillDraftMarkers()
	}
	meta.Draft = job.Mode == Draft
	opts := job.Options
	opts.Meta = &meta
	tpl := job.Template
	if tpl == nil {
		tpl = templates.Default()
	}
	// So does the read-back's reading of the sources, which does not
	// depend on the TD.
	var sources *validate.Sources
	sourcesRead := make(chan struct{})
	go func() {
		defer close(sourcesRead)
		sources = validate.ReadSources(docs, opts.ReadBackMode())
	}()
	defer func() { <-sourcesRead }() // before the inputs are closed
	job.Progress(fmt.Sprintf("merging %d regions", len(docs)))
	start := time.Now()
	data, rep, mergeErr := merge.Merge(tpl, docs, opts)
	res.Report = rep
	if mergeErr != nil {
		res.Took = time.Since(start)
		if err := verdict(); err != nil {
			return res, err
		}
		return res, mergeErr
	}
	// The TD goes to disk under a temporary name while it is validated;
	// it is put in place only if it passes and check's verdict allows.
	var pending *outfile.Pending
	written := make(chan struct{})
	go func() {
		defer close(written)
		pending = outfile.Start(job.Out, func(w io.Writer) error { _, err := w.Write(data); return err })
	}()
	defer func() { <-written; pending.Abort() }() // nothing once committed
	job.Progress("validating the output")
	var invalid error
	<-sourcesRead
	res.Differences, invalid = validateOutput(data, sources, rep.Expectations(opts), job.Mode == Forced)
	if len(res.Differences) > 0 {
		note("writing despite differences from the sources (--force): %s", JoinProblems(res.Differences))
	}
	res.Took = time.Since(start)
	if err := verdict(); err != nil {
		return res, err
	}
	if invalid != nil {
		return res, invalid
	}
	<-written
	if err := pending.Commit(); err != nil {
		return res, err
	}
	res.Size = len(data)
	if job.Index != "" {
		job.Progress("writing the activity index")
		if err := index.Build(docs, activity.Options{}).WriteFile(job.Index); err != nil {
			return res, fmt.Errorf("%s is written, but not the activity index: %w", job.Out, err)
		}
	}
	return res, nil
}

// allowed are the kinds of finding the job lets through: those it names,
// and those the user's decisions settle.
func allowed(job Job) []check.Kind {
	kinds := slices.Clone(job.Allow)
	if job.CommentsDecided && job.Options.Comments == merge.CommentsDrop {
		kinds = append(kinds, check.UnresolvedComment)
	}
	if job.RevisionsDecided && job.Options.Revisions != merge.RevisionsKeep {
		kinds = append(kinds, check.PendingRevision)
	}
	return kinds
}

// checkOutputNames refuses a missing or misnamed output, and one that
// cannot be written (a folder, a name too long), before any work.
func checkOutputNames(job Job) error {
	switch {
	case job.Out == "":
		return jobErrorf("name the TD to write with -o OUT.docx")
	case !strings.EqualFold(filepath.Ext(job.Out), ".docx"):
		return jobErrorf("-o %s: the TD's name must end in .docx", job.Out)
	case job.Index != "" && !strings.EqualFold(filepath.Ext(job.Index), ".xlsx"):
		return jobErrorf("--index %s: the index's name must end in .xlsx", job.Index)
	case job.Index != "" && outfile.SamePath(job.Out, job.Index):
		return jobErrorf("-o and --index name the same file %s", job.Out)
	}
	for _, out := range []string{job.Out, job.Index} {
		if out == "" {
			continue
		}
		if err := outfile.CheckTarget(out); err != nil {
			return &JobError{Msg: err.Error()}
		}
	}
	return nil
}

// replacesOnlyATD refuses an output that would replace a file other than
// a TD tsagmerge wrote (ingest.TDProperty): a contribution copied out of
// the inbox, say, or a report written by hand. A rerun replaces its TD.
func replacesOnlyATD(out string) error {
	if m, there, ok := ingest.PropertiesAt(out); !there || ok && m.TD != "" {
		return nil // nothing there (or nothing we can see: the write will say)
	}
	return jobErrorf("-o %s: the file is there and is not a TD tsagmerge wrote; write the TD under another name, or move that file away first", out)
}

// usable refuses when nothing can be merged or an output would replace an
// input, and notes the files not used and the regions missing.
func usable(job Job, in *inbox.Inbox, note func(string, ...any)) error {
	outs := []string{job.Out, job.Index}
	for _, e := range in.Files {
		for _, out := range outs {
			// A TD left in the inbox (the last run's) is not an input:
			// writing over it is what a rerun does.
			if out != "" && e.Status != inbox.TD && outfile.SamePath(out, e.Path) {
				return jobErrorf("%s is one of the contributions; write the output elsewhere", out)
			}
		}
	}
	for _, p := range []string{job.TemplatePath, job.MetaPath} {
		for _, out := range outs {
			if p != "" && out != "" && outfile.SamePath(out, p) {
				return jobErrorf("the output would replace %s", p)
			}
		}
	}
	if err := in.RequireUsed(job.Inputs); err != nil {
		return &JobError{Msg: err.Error()}
	}
	for _, n := range in.NotUsed() {
		note("not used: %s", n)
	}
	if len(in.Missing) > 0 {
		note("no contribution from %s; the TD goes without", strings.Join(in.Missing, ", "))
	}
	return nil
}

// gate judges check's report for the mode: publication stops on its
// errors; a draft and a forced publication go on, and say so.
func gate(m Mode, rep *check.Report, note func(string, ...any)) error {
	n := rep.Errors()
	switch {
	case n == 0:
		return nil
	case m == Draft:
		note("check finds %s; writing a draft that keeps them for review", plural(n, "error"))
		return nil
	case m == Forced:
		note("publishing despite %s (--force)", plural(n, "error"))
		return nil
	}
	return &RefusedError{Check: rep}
}

// validateOutput holds the TD to Word's rules and reads it back to compare
// it with its sources. A broken package is never written; differences
// from the sources stop it unless forced, and are then returned.
func validateOutput(data []byte, sources *validate.Sources, expect validate.Expectations, force bool) ([]validate.Problem, error) {
	var broken []validate.Problem
	done := make(chan struct{})
	go func() {
		defer close(done)
		broken = validate.Package(data)
	}()
	back, readErr := validate.ReadOutput("the merged TD", data)
	var lost []validate.Problem
	if readErr == nil {
		lost = sources.Check(back, expect)
	}
	<-done
	switch {
	case len(broken) > 0:
		return nil, &InvalidError{Reason: "breaks Word's rules", Problems: broken}
	case readErr != nil:
		return nil, fmt.Errorf("the merged TD cannot be read back, nothing written: %w", readErr)
	case len(lost) == 0:
		return nil, nil
	case !force:
		return nil, &InvalidError{Reason: "does not say all its sources say", Problems: lost}
	}
	return lost, nil
}

// JoinProblems writes problems on one line, the first five and a count.
func JoinProblems(probs []validate.Problem) string {
	var lines []string
	for i, p := range probs {
		if i == 5 {
			lines = append(lines, fmt.Sprintf("and %d more", len(probs)-i))
			break
		}
		lines = append(lines, p.Error())
	}
	return strings.Join(lines, "; ")
}

// plural writes n and the noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
