package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/check"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newCheckCmd) }

func newCheckCmd() *cobra.Command {
	var (
		asJSON, all, summary, td bool
		allow                    []string
		since                    string
	)
	cmd := &cobra.Command{
		Use:   "check DIR|FILE...",
		Short: "Find what must not be published (exit 1 when something is)",
		Long: `check reads the contributions in the folders and files named (a folder's
.docx files; the latest version when a region sent several) and reports what
must not be published: open comment threads, tracked changes not accepted,
review residue pasted into the text (Comment by …, [bookmark: …], TBC,
placeholders, broken cross-references, highlighted or hidden text); and what
deserves a look: items named twice in one list, empty sections, front
matter, refused files, missing regions, and with --since LAST-TD.docx the
paragraphs carried over unchanged from last period's TD (stale-text).

Given a TD that consolidate wrote (it carries the TD number as a document
property), or any file with --td, check checks the TD itself, the file to be published: the same
findings, each placed in its region's section, and what only a TD can get
wrong: a draft's marks (draft-td), markers left on the cover for values
never given (cover-marker), region sections out of order or twice
(region-order), regions missing. Beside contributions, a TD (the last
run's output) is left out.

Exit status: 0 when nothing of severity error was found, 1 when something
was, 2 when the arguments are wrong or nothing could be read.

Kinds of finding: ` + kindList() + `.`,
		Example: `  tsagmerge check inbox/
  tsagmerge check --summary inbox/
  tsagmerge check --allow pending-revision --json inbox/
  tsagmerge check TD.docx`,
		Args: needs(cobra.MinimumNArgs(1), needInputs("check")+" (or the TD)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := check.Options{All: all}
			for _, a := range allow {
				k, ok := check.ParseKind(a)
				if !ok {
					return failf("--allow %s: no such kind of finding; the kinds are %s", a, kindList())
				}
				opts.Allow = append(opts.Allow, k)
			}
			if since != "" {
				last, err := ingest.Read(since)
				if err != nil {
					return failf("--since: %v", err)
				}
				defer last.Package.Close()
				opts.Since = last
			}
			return runCheck(cmd.OutOrStdout(), args, inbox.Options{TDs: td}, opts, asJSON, summary)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&all, "all", false, "also list resolved comments (as info)")
	cmd.ValidArgsFunction = docxArgs
	cmd.Flags().BoolVar(&td, "td", false, "take the files for TDs, even without tsagmerge's mark (a TD made by hand on the template)")
	cmd.Flags().StringVar(&since, "since", "", "last period's published TD `file`: report each region's paragraphs carried over from it unchanged (stale-text)")
	cmd.Flags().BoolVar(&summary, "summary", false, "print the counts of findings per region and kind, not each finding")
	cmd.Flags().StringArrayVar(&allow, "allow", nil, "report findings of `KIND` as warnings, not errors (repeatable)")
	completeKinds(cmd)
	return cmd
}

func kindList() string {
	names := make([]string, len(check.Kinds))
	for i, k := range check.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// runCheck scans, checks and prints. When nothing could be read it is
// bad input, as in every command: one line, each file and what is wrong
// with it, and no report.
func runCheck(w io.Writer, args []string, scan inbox.Options, opts check.Options, asJSON, summary bool) error {
	in, err := inbox.ScanWith(args, scan)
	if err != nil {
		return failf("%v", err)
	}
	defer in.Close()
	if len(in.Used()) == 0 && len(in.TDs()) == 0 {
		return failf("%v", in.RequireUsed(args))
	}
	report := check.Run(in, opts)
	if asJSON {
		if err := writeJSON(w, report); err != nil {
			return err
		}
	} else {
		switch {
		case quiet:
			fmt.Fprintln(w, verdict(report, colorOn(w)))
		case summary:
			printSummaryTable(w, report, colorOn(w))
		default:
			printReport(w, report, colorOn(w))
		}
	}
	if report.Errors() > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}

// colorOn reports whether w is a terminal that may be given colours: a
// character device, and NO_COLOR (https://no-color.org) not set.
func colorOn(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// paint colours text with an ANSI code when on is set.
func paint(on bool, code, text string) string {
	if !on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

var severityColor = map[check.Severity]string{check.Error: "1;31", check.Warning: "33", check.Info: "36"}

// printReport prints the findings grouped by region in report order (files
// with no region last), most serious first, then the files not used and a
// one-line verdict.
func printReport(w io.Writer, r *check.Report, color bool) {
	groups := append(regionCodes(), "")
	for _, code := range groups {
		files, findings := regionFiles(r, code), regionFindings(r, code)
		if len(files) == 0 && len(findings) == 0 {
			continue
		}
		fmt.Fprintln(w, paint(color, "1", regionHeader(code, files)))
		printNotes(w, r, code, color)
		if len(findings) == 0 {
			fmt.Fprintln(w, "  nothing to fix")
		}
		for _, f := range findings {
			printFinding(w, f, files, color)
		}
		fmt.Fprintln(w)
	}
	printIgnored(w, r)
	fmt.Fprintln(w, verdict(r, color))
}

// printSummaryTable prints, for each region with findings, how many of
// each kind, and the verdict.
func printSummaryTable(w io.Writer, r *check.Report, color bool) {
	counts := map[string]map[check.Kind]int{}
	for _, f := range r.Findings {
		if counts[f.Region] == nil {
			counts[f.Region] = map[check.Kind]int{}
		}
		counts[f.Region][f.Kind]++
	}
	for _, code := range append(regionCodes(), "") {
		if counts[code] == nil {
			continue
		}
		var parts []string
		for _, k := range check.Kinds {
			if n := counts[code][k]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, k))
			}
		}
		name := code
		if name == "" {
			name = "TD" // a TD's own findings (its cover, its marks) or the inbox's
		}
		fmt.Fprintf(w, "%-4s %s\n", name, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w, verdict(r, color))
}

func regionCodes() []string {
	var out []string
	for _, r := range ingest.Regions {
		out = append(out, r.Code)
	}
	return out
}

// regionHeader is "AFR Africa: AFR-contribution.docx" (the used file), or
// the region's name alone; findings of no region are a TD's own (its cover,
// its draft marks) or the inbox's.
func regionHeader(code string, used []string) string {
	head := "No region"
	if code == "" && len(used) > 0 {
		head = "The TD"
	}
	if info, _, ok := ingest.RegionByCode(code); ok {
		head = code
		if info.Name != code {
			head += " " + info.Name
		}
	}
	if len(used) > 0 {
		head += ": " + strings.Join(used, ", ")
	}
	return head
}

// regionFiles lists the files checked for a region by base name: its used
// contribution, or for no region the TDs checked.
func regionFiles(r *check.Report, code string) []string {
	var out []string
	for _, f := range r.Files {
		if checked(r, f) && f.Region == code {
			out = append(out, filepath.Base(f.Path))
		}
	}
	return out
}

func regionFindings(r *check.Report, code string) []check.Finding {
	var out []check.Finding
	for _, f := range r.Findings {
		if f.Region == code {
			out = append(out, f)
		}
	}
	return out
}

// printFinding prints one finding: its severity and kind, where it is,
// what it is, the quoted context and, for a comment, the whole thread. The
// file is named unless it is the region's one used file, named above.
func printFinding(w io.Writer, f check.Finding, used []string, color bool) {
	sev := paint(color, severityColor[f.Severity], fmt.Sprintf("%-7s", f.Severity))
	where := filepath.Base(f.File)
	if f.File == "" || len(used) == 1 && where == used[0] {
		where = ""
	}
	if f.Section != "" {
		where += " §" + f.Section
	}
	if f.Paragraph > 0 {
		where += fmt.Sprintf(" ¶%d", f.Paragraph)
	}
	line := "  " + sev + " " + string(f.Kind)
	if where = strings.TrimSpace(where); where != "" {
		line += " " + where
	}
	fmt.Fprintln(w, line)
	if len(f.Thread) == 0 {
		fmt.Fprintf(w, "          %s\n", f.Text)
	}
	if f.Context != "" && f.Context != f.Text {
		fmt.Fprintf(w, "          %s\n", paint(color, "2", "“"+f.Context+"”"))
	}
	for i, c := range f.Thread {
		lead := "comment"
		if i > 0 {
			lead = "reply  "
		}
		date := ""
		if !c.Date.IsZero() {
			date = " " + c.Date.Format("2006-01-02")
		}
		fmt.Fprintf(w, "          %s %s%s: %s\n", lead, c.Author, date, oneLine(c.Text))
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// printNotes prints what is worth knowing about a region's used files but
// is not a finding: a macro-enabled file, the reader's warnings.
func printNotes(w io.Writer, r *check.Report, code string, color bool) {
	for _, f := range r.Files {
		if f.Region != code || f.Status != inbox.Used {
			continue
		}
		notes := f.Doc.Warnings
		if f.Reason != "" {
			notes = append([]string{f.Reason}, notes...)
		}
		for _, n := range notes {
			fmt.Fprintln(w, paint(color, "2", "  note: "+n))
		}
	}
}

// checked reports whether check read f for the report: a used
// contribution, or a TD when no contribution was given (check.Run).
func checked(r *check.Report, f inbox.FileEntry) bool {
	return f.Status == inbox.Used || f.Status == inbox.TD && !slices.ContainsFunc(r.Files, func(g inbox.FileEntry) bool { return g.Status == inbox.Used })
}

// printIgnored notes the files that were not contributions (a TD beside
// contributions among them), on one line.
func printIgnored(w io.Writer, r *check.Report) {
	var names []string
	for _, f := range r.Files {
		if f.Status == inbox.Ignored || f.Status == inbox.TD && !checked(r, f) {
			names = append(names, fmt.Sprintf("%s (%s)", filepath.Base(f.Path), f.Reason))
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(w, "Ignored: %s\n", strings.Join(names, "; "))
	}
}

// verdict is the last line: "2 errors, 3 warnings in 6 files: not ready to
// publish".
func verdict(r *check.Report, color bool) string {
	used := 0
	for _, f := range r.Files {
		if checked(r, f) {
			used++
		}
	}
	errs, warns := r.Errors(), r.Count(check.Warning)
	line := fmt.Sprintf("%s, %s in %s", count(errs, "error"), count(warns, "warning"), count(used, "file"))
	if errs > 0 {
		return line + ": " + paint(color, severityColor[check.Error], "not ready to publish")
	}
	if used == 0 {
		return line + ": nothing to publish"
	}
	return line + ": ready to publish"
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
