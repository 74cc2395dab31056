package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate"
	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/index"
	"tsagmerge/consolidate/outfile"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
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
	contacts                    []string
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
while check finds errors; resolved comments are left out and tracked
changes accepted. --draft writes anyway and keeps every comment and
tracked change; --comments and --revisions decide explicitly; --force
publishes despite the findings and says so.

The output is validated against Word's rules and read back to compare every
region's text with its source before it is put in place (written to a
temporary file in the same folder, then renamed).

Exit status: 0 when written, 1 when publication was refused for check's
findings, 2 when the arguments are wrong, nothing could be read or the
output failed validation.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runConsolidate(cmd, args, f)
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
	fl.StringVar(&f.template, "template", "", "build on the cover template `FILE` instead of the embedded one")
	fl.StringVar(&f.meta, "meta", "", "read the cover from `meta.yaml` (flags override it)")
	fl.StringVar(&f.td, "td", "", "the TD number, e.g. `TSAG-TD123`")
	fl.StringVar(&f.date, "date", "", "the meeting dates, e.g. `\"20-23 January 2026\"`")
	fl.StringVar(&f.place, "place", "", "the meeting place, e.g. `Geneva`")
	fl.StringVar(&f.title, "title", "", "the TD's title (default: the report's usual title)")
	fl.StringVar(&f.src, "source", "", "the TD's source (default: Director, TSB)")
	fl.StringVar(&f.keywords, "keywords", "", "the cover's keywords")
	fl.StringArrayVar(&f.contacts, "contact", nil, "a contact, `\"Name, Org, Country, tel, email\"` (repeatable)")
	return cmd
}

func runConsolidate(cmd *cobra.Command, args []string, f consolidateFlags) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	opts, err := mergeOptions(cmd, f)
	if err != nil {
		return err
	}
	if err := checkOutputNames(f); err != nil {
		return err
	}
	tpl, meta, err := coverInputs(f)
	if err != nil {
		return err
	}
	prog := startProgress(stderr)
	defer prog.stop()
	prog.say("reading the contributions")
	in, err := inbox.Scan(args)
	if err != nil {
		return failf("consolidate: %v", err)
	}
	defer in.Close()
	docs := in.Used()
	if err := usable(stderr, in, args, f); err != nil {
		return err
	}
	// check runs while the TD is merged and validated: it only reads the
	// model, and its verdict is needed only before the TD is put in place.
	checked := make(chan *check.Report, 1)
	go func() { checked <- check.Run(in, check.Options{}) }()
	if missing := missingCover(meta); len(missing) > 0 {
		if !f.draft && !f.force {
			if err := gate(stdout, stderr, <-checked, f); err != nil {
				return err
			}
			return failf("consolidate: the cover needs %s; give --meta meta.yaml or --td, --place, --date and --contact (or --draft)", strings.Join(missing, ", "))
		}
		fmt.Fprintf(stderr, "tsagmerge: the cover lacks %s; it is filled with markers to replace\n", strings.Join(missing, ", "))
		fillDraftCover(&meta)
	}
	opts.Meta = &meta
	prog.say("merging %d regions", len(docs))
	start := time.Now()
	data, rep, mergeErr := consolidate.Merge(tpl, docs, opts)
	var invalid error
	if mergeErr == nil {
		prog.say("validating the output")
		invalid = validateOutput(stderr, data, docs, expectations(opts, rep), f.force)
	}
	if err := gate(stdout, stderr, <-checked, f); err != nil {
		return err
	}
	if mergeErr != nil {
		return failf("consolidate: %v", mergeErr)
	}
	if invalid != nil {
		return invalid
	}
	if err := outfile.Write(f.out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return failf("consolidate: %v", err)
	}
	if f.index != "" {
		prog.say("writing the activity index")
		if err := index.Build(docs, index.Options{}).WriteFile(f.index); err != nil {
			return failf("consolidate: %v", err)
		}
	}
	prog.stop()
	if f.json {
		return printJSONReport(stdout, f, rep, len(data))
	}
	printSummary(stdout, f, opts, rep, len(data), time.Since(start))
	return nil
}

// mergeOptions turns --draft, --comments and --revisions into Options:
// publication drops comments and accepts changes, a draft keeps both, and
// the explicit flags win.
func mergeOptions(cmd *cobra.Command, f consolidateFlags) (consolidate.Options, error) {
	opts := consolidate.Options{Comments: consolidate.CommentsDrop, Revisions: consolidate.RevisionsAccept}
	if f.draft {
		opts = consolidate.Options{}
	}
	if f.draft && f.force {
		return opts, failf("consolidate: --draft and --force contradict each other; a draft is written anyway")
	}
	if cmd.Flags().Changed("comments") {
		modes := map[string]consolidate.CommentMode{"keep": consolidate.CommentsKeep, "drop": consolidate.CommentsDrop}
		m, ok := modes[strings.ToLower(f.comments)]
		if !ok {
			return opts, failf("consolidate: --comments %s: say keep or drop", f.comments)
		}
		opts.Comments = m
	}
	if cmd.Flags().Changed("revisions") {
		modes := map[string]consolidate.RevisionMode{"keep": consolidate.RevisionsKeep,
			"accept": consolidate.RevisionsAccept, "reject": consolidate.RevisionsReject}
		m, ok := modes[strings.ToLower(f.revisions)]
		if !ok {
			return opts, failf("consolidate: --revisions %s: say keep, accept or reject", f.revisions)
		}
		opts.Revisions = m
	}
	return opts, nil
}

// checkOutputNames refuses a missing or misnamed output.
func checkOutputNames(f consolidateFlags) error {
	if f.out == "" {
		return failf("consolidate: name the TD to write with -o OUT.docx")
	}
	if !strings.EqualFold(filepath.Ext(f.out), ".docx") {
		return failf("consolidate: -o %s: the TD's name must end in .docx", f.out)
	}
	if f.index != "" && !strings.EqualFold(filepath.Ext(f.index), ".xlsx") {
		return failf("consolidate: --index %s: the index's name must end in .xlsx", f.index)
	}
	if f.index != "" && outfile.SamePath(f.out, f.index) {
		return failf("consolidate: -o and --index name the same file %s", f.out)
	}
	return nil
}

// coverInputs reads the template and the cover's values.
func coverInputs(f consolidateFlags) ([]byte, templates.Meta, error) {
	tpl := templates.Default()
	if f.template != "" {
		var err error
		if tpl, err = templates.Load(f.template); err != nil {
			return nil, templates.Meta{}, failf("consolidate: %v", err)
		}
	}
	meta := templates.DefaultMeta()
	if f.meta != "" {
		var err error
		if meta, err = templates.LoadMeta(f.meta); err != nil {
			return nil, templates.Meta{}, failf("consolidate: %v", err)
		}
	}
	for _, s := range []struct {
		flag string
		to   *string
	}{{f.td, &meta.TDNumber}, {f.date, &meta.Date}, {f.place, &meta.Place}, {f.title, &meta.Title},
		{f.src, &meta.Source}, {f.keywords, &meta.Keywords}} {
		if s.flag != "" {
			*s.to = s.flag
		}
	}
	if len(f.contacts) > 0 {
		meta.Contacts = nil
		for _, c := range f.contacts {
			meta.Contacts = append(meta.Contacts, parseContact(c))
		}
	}
	return tpl, meta, nil
}

// parseContact reads "Name, Org, Country, tel, email": the e-mail is the
// field with an @ wherever it stands, the others are taken in order.
func parseContact(s string) templates.Contact {
	var c templates.Contact
	var rest []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if strings.Contains(p, "@") && c.Email == "" {
			c.Email = p
		} else if p != "" {
			rest = append(rest, p)
		}
	}
	for i, to := range []*string{&c.Name, &c.Organization, &c.Country, &c.Tel} {
		if i < len(rest) {
			*to = rest[i]
		}
	}
	if len(rest) > 4 {
		c.Tel = strings.Join(rest[3:], ", ")
	}
	return c
}

// missingCover names the cover fields that change with every TD and were
// not given.
func missingCover(m templates.Meta) []string {
	var out []string
	for _, f := range []struct{ name, v string }{{"td_number (--td)", m.TDNumber}, {"place (--place)", m.Place}, {"date (--date)", m.Date}} {
		if strings.TrimSpace(f.v) == "" {
			out = append(out, f.name)
		}
	}
	if len(m.Contacts) == 0 {
		out = append(out, "a contact (--contact)")
	}
	return out
}

// fillDraftCover puts visible markers where a draft's cover lacks values.
func fillDraftCover(m *templates.Meta) {
	if m.TDNumber == "" {
		m.TDNumber = "TSAG-TD000"
	}
	if m.Place == "" {
		m.Place = "[place]"
	}
	if m.Date == "" {
		m.Date = "[dates]"
	}
	if len(m.Contacts) == 0 {
		m.Contacts = []templates.Contact{{Name: "[contact]", Organization: "TSB", Country: "Switzerland", Email: "tsbtsag@itu.int"}}
	}
}

// usable refuses when nothing can be merged or the output would replace
// an input, and notes the files not used and the regions missing.
func usable(stderr io.Writer, in *inbox.Inbox, args []string, f consolidateFlags) error {
	for _, e := range in.Files {
		for _, out := range []string{f.out, f.index} {
			if out != "" && outfile.SamePath(out, e.Path) {
				return failf("consolidate: %s is one of the contributions; write the output elsewhere", out)
			}
		}
	}
	for _, p := range []string{f.template, f.meta} {
		if p != "" && (outfile.SamePath(f.out, p) || f.index != "" && outfile.SamePath(f.index, p)) {
			return failf("consolidate: the output would replace %s", p)
		}
	}
	if err := requireUsed(stderr, "consolidate", in, args); err != nil {
		return err
	}
	if len(in.Missing) > 0 {
		fmt.Fprintf(stderr, "tsagmerge: no contribution from %s; the TD goes without\n", strings.Join(in.Missing, ", "))
	}
	return nil
}

// gate judges check's report: for publication its errors stop the command
// (exit 1) unless --force; a draft notes them and goes on.
func gate(stdout, stderr io.Writer, rep *check.Report, f consolidateFlags) error {
	n := rep.Errors()
	switch {
	case n == 0:
		return nil
	case f.draft:
		fmt.Fprintf(stderr, "tsagmerge: check finds %s; writing a draft that keeps them for review\n", count(n, "error"))
		return nil
	case f.force:
		printReport(stderr, rep, colorOn(stderr))
		fmt.Fprintf(stderr, "tsagmerge: publishing despite %s (--force)\n", count(n, "error"))
		return nil
	}
	printReport(stdout, rep, colorOn(stdout))
	fmt.Fprintln(stdout, "Nothing written: fix the errors above, or write a draft with --draft (or publish anyway with --force).")
	return &exitError{code: exitFindings}
}

// validateOutput holds the TD to Word's rules and reads it back to compare
// it with its sources. A broken package is never written; lost text stops
// the command unless --force.
func validateOutput(stderr io.Writer, data []byte, docs []*ingest.Document, expect validate.Expectations, force bool) error {
	var broken []validate.Problem
	done := make(chan struct{})
	go func() {
		defer close(done)
		broken = validate.Package(data)
	}()
	back, readErr := validate.ReadBack("the merged TD", data)
	var lost []validate.Problem
	if readErr == nil {
		lost = validate.Content(back, docs, expect)
	}
	<-done
	switch {
	case len(broken) > 0:
		return failf("consolidate: the merged TD breaks Word's rules, nothing written: %s", joinProblems(broken))
	case readErr != nil:
		return failf("consolidate: the merged TD cannot be read back, nothing written: %v", readErr)
	case len(lost) == 0:
		return nil
	case !force:
		return failf("consolidate: the merged TD does not say all its sources say, nothing written: %s", joinProblems(lost))
	}
	fmt.Fprintf(stderr, "tsagmerge: writing despite differences from the sources (--force): %s\n", joinProblems(lost))
	return nil
}

// expectations tells the read-back comparison what the options changed
// and what the merge's report says it left out.
func expectations(opts consolidate.Options, rep *consolidate.Report) validate.Expectations {
	modes := map[consolidate.RevisionMode]validate.RevisionMode{consolidate.RevisionsKeep: validate.KeepRevisions,
		consolidate.RevisionsAccept: validate.AcceptRevisions, consolidate.RevisionsReject: validate.RejectRevisions}
	return validate.Expectations{DropComments: opts.Comments == consolidate.CommentsDrop, Revisions: modes[opts.Revisions],
		Regions: rep.Claims()}
}

func joinProblems(probs []validate.Problem) string {
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

// printSummary lists what went into the TD, one line per region.
func printSummary(w io.Writer, f consolidateFlags, opts consolidate.Options, rep *consolidate.Report, size int, took time.Duration) {
	fate := map[consolidate.RevisionMode]string{consolidate.RevisionsKeep: "kept",
		consolidate.RevisionsAccept: "accepted", consolidate.RevisionsReject: "rejected"}[opts.Revisions]
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

func commentSummary(r consolidate.RegionReport) string {
	s := count(r.CommentsKept, "comment") + " kept"
	if r.CommentsDropped > 0 {
		s += fmt.Sprintf(", %d dropped", r.CommentsDropped)
	}
	return s
}

// regionNotes sums up what the merge changed in a region's headings; the
// changes listed after it say each (an added heading, a typed number
// replaced among them).
func regionNotes(r consolidate.RegionReport) []string {
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
func changeLines(changes []consolidate.Change) []string {
	byKind := map[consolidate.ChangeKind]int{}
	for _, c := range changes {
		byKind[c.Kind]++
	}
	var out []string
	counted := map[consolidate.ChangeKind]bool{}
	for _, c := range changes {
		if c.Kind == consolidate.HeadingDemoted {
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
func changeLine(c consolidate.Change) string {
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
	Output   string                     `json:"output"`
	Draft    bool                       `json:"draft"`
	Bytes    int                        `json:"bytes"`
	Index    string                     `json:"index,omitempty"`
	Regions  []consolidate.RegionReport `json:"regions"`
	Warnings []string                   `json:"warnings"`
}

func printJSONReport(w io.Writer, f consolidateFlags, rep *consolidate.Report, size int) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(consolidateJSON{Output: f.out, Draft: f.draft, Bytes: size, Index: f.index,
		Regions: rep.Regions, Warnings: rep.Warnings})
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

const progressDelay = 700 * time.Millisecond

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
	fmt.Fprintf(p.w, "tsagmerge: %s…\n", p.last)
}

// say records the current stage, printing it once the delay has passed.
func (p *progress) say(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = fmt.Sprintf(format, args...)
	if p.shown && !p.stopped {
		fmt.Fprintf(p.w, "tsagmerge: %s…\n", p.last)
	}
}

func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	p.timer.Stop()
}
