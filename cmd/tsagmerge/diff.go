package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/diff"
	"tsagmerge/consolidate/outfile"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newDiffCmd) }

// diffOptions are diff's flags.
type diffOptions struct {
	oldPath, newPath string
	asJSON           bool
	// docx is where to write the redline, "" for none; view is the text
	// compared where a version holds tracked changes.
	docx, view string
	// since is last period's TD: the contributions named are searched
	// for paragraphs carried over from it.
	since string
	paths []string
	// html is where to write the side-by-side page, "" for none.
	html string
}

func newDiffCmd() *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use: "diff OLD NEW",
		Example: `  tsagmerge diff AFR-contribution-v1.docx AFR-contribution-v2.docx
  tsagmerge diff --docx AFR-redline.docx AFR-contribution-v1.docx AFR-contribution-v2.docx
  tsagmerge diff inbox-2025-11-30/ inbox/      # each region's contribution, side by side`,
		Short: "Show what changed between two versions of a contribution",
		Long: `diff compares two versions of a contribution: sections added, removed or
renamed; paragraphs added, removed or changed, with the changed words marked
[-deleted-]{+inserted+}; comments added, removed, resolved or reopened;
tracked changes that appeared or are gone; and the counts of figures,
tables, notes and links. Formatting alone is not compared.

With --docx REDLINE.docx it also writes the new version with every
difference as a tracked change by "tsagmerge", as Word's Compare would:
words inserted and deleted, paragraphs moved, rows and tables inserted or
deleted, pictures replaced; the new version's formatting, styles, lists,
notes and comments kept. Accepting every change gives the new version's
text, rejecting every change the old one's. Where a version holds tracked
changes of its own, --view says which of its texts is compared: accepted
(every change accepted, the default) or original (before the changes).

With --html REPORT.html it also writes a page showing the two versions
side by side, section by section, the changed words marked, and the
comments with their threads and whether they are resolved: one file that
needs nothing else, to open in a browser or print.

With --since LAST-TD.docx DIR|FILE..., it lists instead, for each region's
contribution named, the paragraphs that last period's TD already held word
for word in that region's section: text the region may have forgotten to
update (exit 1 when there are any). check --since reports the same.

Given two folders, it compares each region's contribution in one with the
same region's in the other (the latest version of each, as consolidate
would take it).

Exit status, as for diff(1): 0 when the versions are the same, 1 when they
differ, 2 when a file cannot be read.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.since != "" {
				return needs(cobra.MinimumNArgs(1), needInputs("compare with --since's TD"))(cmd, args)
			}
			return needs(cobra.ExactArgs(2), "needs two versions to compare, OLD and NEW (a file or folder each)")(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case opts.since != "" && (opts.html != "" || opts.docx != "" || cmd.Flags().Changed("view")):
				return failf("--since lists the text carried over; it writes no --docx or --html page and has no --view (run those without --since)")
			case opts.html != "" && opts.docx != "" && outfile.SamePath(opts.html, opts.docx):
				return failf("--docx and --html name the same file %s; give each its own", opts.docx)
			}
			if opts.since != "" {
				opts.paths = args
				return runSince(cmd.OutOrStdout(), opts)
			}
			opts.oldPath, opts.newPath = args[0], args[1]
			return runDiff(cmd.OutOrStdout(), cmd.ErrOrStderr(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.html, "html", "", "also write the two versions side by side, changes marked, with the comments, to this `file` (a page that needs nothing else)")
	cmd.Flags().StringVar(&opts.since, "since", "", "last period's published TD `file`: list each region's paragraphs (of the contributions named) carried over from it unchanged")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the differences as JSON")
	cmd.Flags().StringVar(&opts.docx, "docx", "", "also write the new version with the differences as tracked changes to this `file`")
	cmd.Flags().StringVar(&opts.view, "view", string(diff.Accepted), "where a version holds tracked changes, compare its `text`: accepted or original")
	cmd.ValidArgsFunction = docxArgs
	return cmd
}

func runDiff(w, stderr io.Writer, opts diffOptions) error {
	if opts.view != string(diff.Accepted) && opts.view != string(diff.Original) {
		return failf("--view %q is neither accepted nor original", opts.view)
	}
	pairs, err := diffPairs(stderr, opts.oldPath, opts.newPath)
	if err != nil {
		return err
	}
	if (opts.docx != "" || opts.html != "") && pairs[0].Region != "" {
		return failf("--docx and --html compare two files, not folders; give the region's two versions")
	}
	var results []regionDiff
	differ := false
	for _, pr := range pairs {
		if pr.Old == "" || pr.New == "" {
			differ = true // a region sent in one folder only
			results = append(results, pr)
			continue
		}
		v, err := diff.OpenVersions(pr.Old, pr.New, diff.View(opts.view))
		if err != nil {
			return failf("%v", err)
		}
		defer v.Close()
		if warning := v.RegionWarning(); warning != "" {
			notef(stderr, "warning: %s", warning) // the exit status stays diff's: 1, they differ
		}
		pr.Result = v.Compare()
		if err := writeOutputs(stderr, opts, v, pr.Result); err != nil {
			return err
		}
		differ = differ || !pr.Result.Identical()
		results = append(results, pr)
	}
	if err := printDiff(w, results, opts.asJSON); err != nil {
		return err
	}
	if differ {
		return &exitError{code: exitFindings} // 1: the versions differ
	}
	return nil
}

// printDiff prints the comparisons, as text or JSON (one result for two
// files, the list for two folders).
func printDiff(w io.Writer, results []regionDiff, asJSON bool) error {
	switch {
	case asJSON && len(results) == 1 && results[0].Region == "":
		return writeJSON(w, results[0].Result)
	case asJSON:
		return writeJSON(w, results)
	}
	for i, pr := range results {
		if pr.Region != "" {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "== %s: %s -> %s\n", pr.Region, orNone(pr.Old), orNone(pr.New))
		}
		if pr.Result == nil {
			side := "the new folder only"
			if pr.New == "" {
				side = "the old folder only"
			}
			fmt.Fprintf(w, "%s has a contribution in %s\n", pr.Region, side)
			continue
		}
		if err := pr.Result.WriteText(w, colorOn(w)); err != nil {
			return err
		}
	}
	return nil
}

// writeOutputs writes the redline and the page asked for, and says so on
// stderr.
func writeOutputs(stderr io.Writer, opts diffOptions, v *diff.Versions, r *diff.Result) error {
	if opts.html != "" {
		if err := diff.WriteHTMLFile(opts.html, v, r); err != nil {
			return failf("%v", err)
		}
		notef(stderr, "side-by-side page written to %s", opts.html)
	}
	if opts.docx == "" {
		return nil
	}
	red, err := diff.WriteRedline(opts.docx, v)
	if err != nil {
		return failf("%v", err)
	}
	notef(stderr, "redline written to %s: %s, %s, %s, by %q",
		opts.docx, count(red.Insertions, "insertion"), count(red.Deletions, "deletion"), count(red.Moves, "move"), diff.Author)
	for _, f := range red.Settled {
		notef(stderr, "%s holds tracked changes: compared with them %s (--view)", f, opts.view)
	}
	if red.Coarse > 0 {
		notef(stderr, "%d paragraphs are recorded as deleted and inserted whole (their runs could not be matched to their text)", red.Coarse)
	}
	return nil
}

// sinceRegion is one region's paragraphs carried over from the last TD.
type sinceRegion struct {
	Region     string                `json:"region"`
	File       string                `json:"file"`
	Paragraphs []diff.StaleParagraph `json:"paragraphs"`
}

// runSince lists the paragraphs each region's contribution carries over
// unchanged from last period's TD.
func runSince(w io.Writer, opts diffOptions) error {
	last, err := ingest.Read(opts.since)
	if err != nil {
		return failf("--since: %v", err)
	}
	defer last.Package.Close()
	in, err := inbox.Scan(opts.paths)
	if err != nil {
		return failf("%v", err)
	}
	defer in.Close()
	var out []sinceRegion
	found := 0
	for _, f := range in.Used() {
		r := sinceRegion{Region: f.Region.Code, File: f.Path, Paragraphs: diff.Stale(last, f, f.Region.Code)}
		if r.Paragraphs == nil {
			r.Paragraphs = []diff.StaleParagraph{}
		}
		found += len(r.Paragraphs)
		out = append(out, r)
	}
	if len(out) == 0 {
		return failf("%v", in.RequireUsed(opts.paths))
	}
	if opts.asJSON {
		if err := writeJSON(w, out); err != nil {
			return err
		}
	} else {
		printSince(w, out, opts.since)
	}
	if found > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

func printSince(w io.Writer, rs []sinceRegion, since string) {
	for _, r := range rs {
		fmt.Fprintf(w, "== %s: %s: %d paragraphs carried over unchanged from %s\n", r.Region, r.File, len(r.Paragraphs), since)
		for _, p := range r.Paragraphs {
			fmt.Fprintf(w, "  paragraph %d (%s): %s\n", p.Paragraph, p.Section, p.Text)
		}
	}
}

// regionDiff is one pair of versions compared: two files, or a region's
// contributions in two folders.
type regionDiff struct {
	Region string       `json:"region"`
	Old    string       `json:"old"`
	New    string       `json:"new"`
	Result *diff.Result `json:"result"` // nil when the region is on one side only
}

// diffPairs pairs what to compare: the two files, or, for two folders,
// each region's contribution in one with its contribution in the other.
// The files of a folder not compared (refused, superseded) are noted on
// stderr, as the other commands note them: a region's file refused must
// not pass for a region that sent nothing.
func diffPairs(stderr io.Writer, oldPath, newPath string) ([]regionDiff, error) {
	var dirs [2]bool
	for i, p := range []string{oldPath, newPath} {
		info, err := inbox.Lookup(p)
		if err != nil {
			return nil, failf("%v", err)
		}
		dirs[i] = info.IsDir()
	}
	oldDir, newDir := dirs[0], dirs[1]
	switch {
	case !oldDir && !newDir:
		return []regionDiff{{Old: oldPath, New: newPath}}, nil
	case oldDir != newDir:
		kind := map[bool]string{true: "a folder", false: "a file"}
		return nil, failf("%s is %s and %s %s; give two files (two versions of a contribution) or two folders (two inboxes)", oldPath, kind[oldDir], newPath, kind[newDir])
	}
	sides := make([]*inbox.Inbox, 2)
	for i, p := range []string{oldPath, newPath} {
		in, err := inbox.Scan([]string{p})
		if err != nil {
			return nil, failf("%v", err)
		}
		defer in.Close()
		sides[i] = in
		// A folder with nothing to compare is bad input, as in every
		// command, not every region "in the other folder only".
		if err := requireUsed(stderr, in, []string{p}); err != nil {
			return nil, err
		}
	}
	var out []regionDiff
	for _, r := range ingest.Regions {
		o, n := usedFile(sides[0], r.Code), usedFile(sides[1], r.Code)
		if o != "" || n != "" {
			out = append(out, regionDiff{Region: r.Code, Old: o, New: n})
		}
	}
	if len(out) == 0 {
		return nil, failf("neither %s nor %s holds a contribution", oldPath, newPath)
	}
	return out, nil
}

// orNone shows a missing side of a pair.
func orNone(path string) string {
	if path == "" {
		return "(none)"
	}
	return path
}

// usedFile is the file an inbox uses for a region, "" when none.
func usedFile(in *inbox.Inbox, code string) string {
	for _, f := range in.Files {
		if f.Status == inbox.Used && f.Region == code {
			return f.Path
		}
	}
	return ""
}
