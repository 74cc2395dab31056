package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/diff"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newDiffCmd) }

func newDiffCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "diff OLD NEW",
		Example: `  tsagmerge diff AFR-contribution-v1.docx AFR-contribution-v2.docx
  tsagmerge diff inbox-2025-11-30/ inbox/      # each region's contribution, side by side`,
		Short: "Show what changed between two versions of a contribution",
		Long: `diff compares two versions of a contribution: sections added, removed or
renamed; paragraphs added, removed or changed, with the changed words marked
[-deleted-]{+inserted+}; comments added, removed, resolved or reopened;
tracked changes that appeared or are gone; and the counts of figures,
tables, notes and links. Formatting alone is not compared.

Given two folders, it compares each region's contribution in one with the
same region's in the other (the latest version of each, as consolidate
would take it).

Exit status, as for diff(1): 0 when the versions are the same, 1 when they
differ, 2 when a file cannot be read.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], args[1], asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the differences as JSON")
	cmd.ValidArgsFunction = docxArgs
	return cmd
}

func runDiff(w, stderr io.Writer, oldPath, newPath string, asJSON bool) error {
	pairs, err := diffPairs(stderr, oldPath, newPath)
	if err != nil {
		return err
	}
	var results []regionDiff
	differ := false
	for _, pr := range pairs {
		if pr.Old == "" || pr.New == "" {
			differ = true // a region sent in one folder only
			results = append(results, pr)
			continue
		}
		docs := make([]*ingest.Document, 2)
		for i, p := range []string{pr.Old, pr.New} {
			d, err := ingest.Read(p)
			if err != nil {
				return failf("%v", err)
			}
			defer d.Package.Close()
			docs[i] = d
		}
		pr.Result = diff.Compare(docs[0], docs[1])
		differ = differ || !pr.Result.Identical()
		results = append(results, pr)
	}
	switch {
	case asJSON && len(pairs) == 1 && pairs[0].Region == "":
		if err := writeJSON(w, results[0].Result); err != nil {
			return err
		}
	case asJSON:
		if err := writeJSON(w, results); err != nil {
			return err
		}
	default:
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
	}
	if differ {
		return &exitError{code: exitFindings} // 1: the versions differ
	}
	return nil
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
	oldDir, newDir := isDir(oldPath), isDir(newPath)
	switch {
	case !oldDir && !newDir:
		return []regionDiff{{Old: oldPath, New: newPath}}, nil
	case oldDir != newDir:
		return nil, failf("diff: give two files or two folders (%s and %s are not both either)", oldPath, newPath)
	}
	sides := make([]*inbox.Inbox, 2)
	for i, p := range []string{oldPath, newPath} {
		in, err := inbox.Scan([]string{p})
		if err != nil {
			return nil, failf("diff: %v", err)
		}
		defer in.Close()
		sides[i] = in
		for _, n := range in.NotUsed() {
			fmt.Fprintln(stderr, "tsagmerge: not used: "+n)
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
		return nil, failf("diff: neither %s nor %s holds a contribution", oldPath, newPath)
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

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}
