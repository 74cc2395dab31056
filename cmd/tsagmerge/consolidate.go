package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate"
	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/merge"
	"tsagmerge/templates"
)

func init() { subcommands = append(subcommands, newConsolidateCmd) }

// consolidateFlags are the command's flags as given.
type consolidateFlags struct {
	out, index, template, meta  string
	draft, force, json          bool
	comments, revisions         string
	td, date, place, title, src string
	keywords                    string
	contacts, allow             []string
}

func newConsolidateCmd() *cobra.Command {
	var f consolidateFlags
	cmd := &cobra.Command{
		Use:   "consolidate DIR|FILE... -o OUT.docx",
		Short: "Merge the regions into one TD on the TSAG template",
		Long: `consolidate reads the contributions in the folders and files named (a
folder's .docx files; the latest version when a region sent several) and
writes one TSAG TD: the template's cover, filled from --meta and the flags,
its sections 1 and 2, then each region under a numbered level-1 heading in
the order Africa, Americas, Arab States, Asia and the Pacific, CIS, Europe.

For publication (the default) it first runs check and refuses to write
while check finds errors; comments are left out and tracked changes
accepted. Saying so explicitly (--comments drop, --revisions accept or
reject) settles the open comments and pending changes: publication then
goes ahead despite them. --allow KIND lets other findings through;
--force publishes despite every finding and says so. --draft writes
anyway and keeps every comment and tracked change for review.

The output is validated against Word's rules and read back to compare every
region's text with its source before it is put in place (written to a
temporary file in the same folder, then renamed).

Exit status: 0 when written, 1 when publication was refused for check's
findings, 2 when the arguments are wrong, nothing could be read or the
output failed validation.`,
		Example: `  tsagmerge consolidate inbox/ -o draft.docx --draft
  tsagmerge consolidate inbox/ -o TD.docx --meta meta.yaml --comments drop --revisions accept
  tsagmerge consolidate inbox/ -o TD.docx --td TSAG-TD123 --place Geneva --date "20-23 January 2026" \
      --contact "name=Jane Doe; org=ITU; country=Switzerland; email=jane.doe@itu.int" --index activities.xlsx`,
		Args: needs(cobra.MinimumNArgs(1), needInputs("merge")),
		RunE: func(cmd *cobra.Command, args []string) error {
			return consolidateRun(consolidateOptions{stdout: cmd.OutOrStdout(), stderr: cmd.ErrOrStderr(),
				flags: f, changed: cmd.Flags().Changed, inputs: args})
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "", "write the TD to `OUT.docx` (required)")
	fl.StringVar(&f.index, "index", "", "also write the activity index to `OUT.xlsx`")
	fl.BoolVar(&f.draft, "draft", false, "write even when check finds errors, keeping every review mark")
	fl.BoolVar(&f.force, "force", false, "publish even when check finds errors")
	fl.BoolVar(&f.json, "json", false, "print the merge's report as JSON instead of the summary")
	fl.StringVar(&f.comments, "comments", "", "`keep` or drop the comments (default: drop; keep with --draft)")
	fl.StringVar(&f.revisions, "revisions", "", "`keep`, accept or reject tracked changes (default: accept; keep with --draft)")
	fl.StringArrayVar(&f.allow, "allow", nil, "publish despite check's findings of `KIND` (repeatable; see check --help)")
	fl.StringVar(&f.template, "template", "", "build on the cover template `FILE` instead of the embedded one")
	fl.StringVar(&f.meta, "meta", "", "read the cover from `meta.yaml` (flags override it)")
	fl.StringVar(&f.td, "td", "", "the TD number, e.g. `TSAG-TD123`")
	fl.StringVar(&f.date, "date", "", "the meeting dates, e.g. `\"20-23 January 2026\"`")
	fl.StringVar(&f.place, "place", "", "the meeting place, e.g. `Geneva`")
	fl.StringVar(&f.title, "title", "", "the TD's title (default: the report's usual title)")
	fl.StringVar(&f.src, "source", "", "the TD's source (default: Director, TSB)")
	fl.StringVar(&f.keywords, "keywords", "", "the cover's keywords")
	cmd.ValidArgsFunction = docxArgs
	completeValues(cmd, "comments", "keep", "drop")
	completeValues(cmd, "revisions", "keep", "accept", "reject")
	completeKinds(cmd)
	cmd.MarkFlagFilename("output", "docx")
	cmd.MarkFlagFilename("index", "xlsx")
	cmd.MarkFlagFilename("template", "docx")
	cmd.MarkFlagFilename("meta", "yaml", "yml")
	fl.StringArrayVar(&f.contacts, "contact", nil, "a contact, `\"name=…; org=…; country=…; tel=…; email=…\"` (repeatable)")
	return cmd
}

// consolidateOptions are what consolidateRun needs: the streams, the
// flags as given, and the inputs.
type consolidateOptions struct {
	stdout, stderr io.Writer
	flags          consolidateFlags
	changed        func(flag string) bool // whether the user gave the flag
	inputs         []string
}

// consolidateRun fills a consolidate.Job from the options, runs it and
// prints what it did.
func consolidateRun(o consolidateOptions) error {
	f := o.flags
	job, err := consolidateJob(o)
	if err != nil {
		return err
	}
	var prog *progress // none under --quiet: nothing but errors
	if !quiet {
		prog = startProgress(o.stderr)
		job.Progress = func(stage string) { prog.say("%s", stage) }
	}
	defer prog.stop()
	job.Note = func(note string) { sayf(o.stderr, "%s", note) }
	res, err := consolidate.Publish(job)
	prog.stop()
	var refused *consolidate.RefusedError
	switch {
	case errors.As(err, &refused):
		printReport(o.stdout, refused.Check, colorOn(o.stdout))
		fmt.Fprintln(o.stdout, "Nothing written: fix the errors above; say what becomes of open comments and tracked changes with --comments drop and --revisions accept (or reject); or write a draft with --draft (--force publishes anyway).")
		return &exitError{code: exitFindings}
	case err != nil:
		var me *templates.MetaError
		if errors.As(err, &me) {
			me.Locate(func(key string) string { return coverFlag(o, key) })
			return failf("the cover: %v", me)
		}
		return failf("%v", err)
	}
	if job.Mode == consolidate.Forced && res.Check.Errors() > 0 && !quiet {
		printReport(o.stderr, res.Check, colorOn(o.stderr))
	}
	switch {
	case f.json:
		return printJSONReport(o.stdout, f, res)
	case !quiet:
		printSummary(o.stdout, f, job.Options, res.Report, res.Size, res.Took)
	}
	return nil
}

// consolidateJob turns the flags into a job: the mode, the merge options
// (the mode's defaults, and --comments and --revisions where given), the
// template and the cover.
func consolidateJob(o consolidateOptions) (consolidate.Job, error) {
	f := o.flags
	job := consolidate.Job{Inputs: o.inputs, Out: f.out, Index: f.index, TemplatePath: f.template, MetaPath: f.meta}
	switch {
	case f.draft && f.force:
		return job, failf("--draft and --force contradict each other; a draft is written anyway")
	case f.draft:
		job.Mode = consolidate.Draft
	case f.force:
		job.Mode = consolidate.Forced
	}
	job.Options = consolidate.DefaultOptions(job.Mode)
	job.CommentsDecided, job.RevisionsDecided = o.changed("comments"), o.changed("revisions")
	for _, a := range f.allow {
		k, ok := check.ParseKind(a)
		if !ok {
			return job, failf("--allow %s: no such kind of finding; the kinds are %s", a, kindList())
		}
		job.Allow = append(job.Allow, k)
	}
	if o.changed("comments") {
		modes := map[string]merge.CommentMode{"keep": merge.CommentsKeep, "drop": merge.CommentsDrop}
		m, ok := modes[strings.ToLower(f.comments)]
		if !ok {
			return job, failf("--comments %s: say keep or drop", f.comments)
		}
		job.Options.Comments = m
	}
	if o.changed("revisions") {
		modes := map[string]merge.RevisionMode{"keep": merge.RevisionsKeep,
			"accept": merge.RevisionsAccept, "reject": merge.RevisionsReject}
		m, ok := modes[strings.ToLower(f.revisions)]
		if !ok {
			return job, failf("--revisions %s: say keep, accept or reject", f.revisions)
		}
		job.Options.Revisions = m
	}
	var err error
	if f.template != "" {
		if job.Template, err = templates.Load(f.template); err != nil {
			return job, failf("%v", err)
		}
	}
	job.Meta = templates.DefaultMeta()
	if f.meta != "" {
		if job.Meta, err = templates.LoadMeta(f.meta); err != nil {
			return job, failf("%v", err)
		}
	}
	for _, s := range []struct {
		name, flag string
		to         *string
	}{{"td", f.td, &job.Meta.TDNumber}, {"date", f.date, &job.Meta.Date}, {"place", f.place, &job.Meta.Place},
		{"title", f.title, &job.Meta.Title}, {"source", f.src, &job.Meta.Source}, {"keywords", f.keywords, &job.Meta.Keywords}} {
		if s.flag == "" {
			continue
		}
		// A flag wins over the file, as it does everywhere; saying so
		// catches a stale --td left in a command copied from last time.
		if f.meta != "" && *s.to != "" && *s.to != s.flag {
			sayf(o.stderr, "--%s %q replaces %s's %q", s.name, s.flag, f.meta, *s.to)
		}
		*s.to = s.flag
	}
	if len(f.contacts) > 0 {
		job.Meta.Contacts = nil
		var bad []string // every contact's problem, not the first alone
		for i, s := range f.contacts {
			c, err := templates.ParseContact(s)
			if err != nil {
				bad = append(bad, fmt.Sprintf("--contact %d %q: %v", i+1, s, err))
			}
			job.Meta.Contacts = append(job.Meta.Contacts, c)
		}
		if len(bad) > 0 {
			return job, failf("%s", strings.Join(bad, "; "))
		}
	}
	return job, nil
}

// coverFlags are the flags that set cover values, by the key that
// templates.Meta.Validate names.
var coverFlags = map[string]string{"td_number": "--td", "place": "--place", "date": "--date",
	"title": "--title", "source": "--source", "keywords": "--keywords"}

// coverFlag names the flag a cover value came from, "" when it came from
// elsewhere (meta.yaml, which names its own lines, or the defaults).
func coverFlag(o consolidateOptions, key string) string {
	if flag := coverFlags[key]; flag != "" && o.changed(strings.TrimPrefix(flag, "--")) {
		return flag
	}
	var n int
	if _, err := fmt.Sscanf(key, "contacts[%d]", &n); err == nil && o.changed("contact") {
		return fmt.Sprintf("--contact %d", n)
	}
	return ""
}

// printSummary lists what went into the TD, one line per region.
func printSummary(w io.Writer, f consolidateFlags, opts merge.Options, rep *merge.Report, size int, took time.Duration) {
	fate := map[merge.RevisionMode]string{merge.RevisionsKeep: "kept",
		merge.RevisionsAccept: "accepted", merge.RevisionsReject: "rejected"}[opts.Revisions]
	kind := "TD"
	if f.draft {
		kind = "draft TD"
	}
	fmt.Fprintf(w, "wrote %s %s (%d KB, %d regions, %s)\n", kind, f.out, (size+1023)/1024, len(rep.Regions), took.Round(time.Millisecond))
	for _, r := range rep.Regions {
		fmt.Fprintf(w, "  %d %s %-20s %s, ~%s, %s, %s, %s, %s\n", r.Number, r.Code, r.Name,
			count(r.Paragraphs, "paragraph"), count(r.Pages, "page"), count(r.Figures, "figure"), count(r.Tables, "table"),
			commentSummary(r), count(r.Revisions, "tracked change")+" "+fate)
		for _, note := range regionNotes(r) {
			fmt.Fprintln(w, "      "+note)
		}
		for _, line := range changeLines(r.Changes) {
			fmt.Fprintln(w, "      "+line)
		}
	}
	for _, warn := range rep.Warnings {
		fmt.Fprintln(w, "  note: "+warn)
	}
	if f.index != "" {
		fmt.Fprintf(w, "wrote %s\n", f.index)
	}
}

func commentSummary(r merge.RegionReport) string {
	s := count(r.CommentsKept, "comment") + " kept"
	if r.CommentsDropped > 0 {
		s += fmt.Sprintf(", %d dropped", r.CommentsDropped)
	}
	return s
}

// regionNotes sums up what the merge changed in a region's headings; the
// changes listed after it say each (an added heading, a typed number
// replaced among them).
func regionNotes(r merge.RegionReport) []string {
	var out []string
	if r.Demoted > 0 {
		out = append(out, fmt.Sprintf("%s moved down a level to stand under the region heading", count(r.Demoted, "sub-heading")))
	}
	return out
}

// shownChanges is how many changes of one kind a region's summary lists
// one by one; more are counted, and --json lists each.
const shownChanges = 5

// changeLines lists a region's changes, a line each, or one line for a
// kind that has more than shownChanges.
func changeLines(changes []merge.Change) []string {
	byKind := map[merge.ChangeKind]int{}
	for _, c := range changes {
		byKind[c.Kind]++
	}
	var out []string
	counted := map[merge.ChangeKind]bool{}
	for _, c := range changes {
		if c.Kind == merge.HeadingDemoted {
			continue // the region's note counts them
		}
		switch n := byKind[c.Kind]; {
		case n <= shownChanges:
			out = append(out, changeLine(c))
		case !counted[c.Kind]:
			counted[c.Kind] = true
			out = append(out, fmt.Sprintf("%d × %s (consolidate --json lists each)", n, c.Kind))
		}
	}
	return out
}

// changeLine shows one element the merge left out or changed.
func changeLine(c merge.Change) string {
	where := ""
	if c.Paragraph > 0 {
		where = fmt.Sprintf(" ¶%d", c.Paragraph)
	}
	text := strings.Join(strings.Fields(c.Text), " ")
	if r := []rune(text); len(r) > 70 {
		text = string(r[:70]) + "…"
	}
	line := fmt.Sprintf("%s%s %q", c.Kind, where, text)
	if c.Detail != "" {
		line += " (" + c.Detail + ")"
	}
	return line
}

// consolidateJSON is what --json prints.
type consolidateJSON struct {
	Output   string               `json:"output"`
	Draft    bool                 `json:"draft"`
	Bytes    int                  `json:"bytes"`
	Index    string               `json:"index,omitempty"`
	Regions  []merge.RegionReport `json:"regions"`
	Warnings []string             `json:"warnings"`
	// Notes are what the command said on stderr (regions missing, files
	// not used, the cover's markers); Check is check's report on the
	// inbox, as check --json prints it.
	Notes []string      `json:"notes"`
	Check *check.Report `json:"check"`
}

func printJSONReport(w io.Writer, f consolidateFlags, res *consolidate.Result) error {
	notes := res.Notes
	if notes == nil {
		notes = []string{}
	}
	return writeJSON(w, consolidateJSON{Output: f.out, Draft: f.draft, Bytes: res.Size, Index: f.index,
		Regions: res.Report.Regions, Warnings: res.Report.Warnings, Notes: notes, Check: res.Check})
}

// progress prints what the command is doing on stderr, once it has taken
// more than a moment; quick runs print nothing.
type progress struct {
	w       io.Writer
	start   time.Time
	mu      sync.Mutex
	last    string
	shown   bool
	stopped bool
	timer   *time.Timer
}

// progressDelay is how long a job runs before its stages are shown: a
// quick one prints none. A variable so that tests can show them at once.
var progressDelay = 700 * time.Millisecond

func startProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	p.timer = time.AfterFunc(progressDelay, p.show)
	return p
}

func (p *progress) show() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.shown = true
	fmt.Fprintf(p.w, "%s: %s…\n", prog, p.last)
}

// say records the current stage, printing it once the delay has passed.
func (p *progress) say(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = fmt.Sprintf(format, args...)
	if p.shown && !p.stopped {
		fmt.Fprintf(p.w, "%s: %s…\n", prog, p.last)
	}
}

func (p *progress) stop() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	p.timer.Stop()
}
