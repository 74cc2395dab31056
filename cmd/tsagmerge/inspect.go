package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

func init() { subcommands = append(subcommands, newInspectCmd) }

func newInspectCmd() *cobra.Command {
	var (
		asJSON     bool
		figuresDir string
	)
	cmd := &cobra.Command{
		Use:   "inspect DIR|FILE...",
		Short: "Read contributions and show what is in them",
		Long: `inspect reads each contribution and shows its region (and how it was
recognised), title, writing application, section tree, the counts of what it
holds, its open comment threads and any warnings. With --json it prints a
JSON array, one object per file. With --figures DIR it also writes every
picture into DIR as REGION-figN-caption.ext, never replacing a file.`,
		Example: `  tsagmerge inspect inbox/
  tsagmerge inspect --json inbox/AFR-contribution.docx
  tsagmerge inspect --figures figures/ inbox/`,
		Args: needs(cobra.MinimumNArgs(1), needInputs("read")),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInspect(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, asJSON, figuresDir)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array, one object per file")
	cmd.Flags().StringVar(&figuresDir, "figures", "", "write the figures into `DIR`")
	cmd.ValidArgsFunction = docxArgs
	return cmd
}

// runInspect reads every file; an unreadable one is reported on stderr and
// the others still shown. Exit status 2 only when no file could be read.
func runInspect(stdout, stderr io.Writer, args []string, asJSON bool, figuresDir string) error {
	// A folder stands for its .docx files; a file named is read, or said
	// to be unreadable, as it is. A path that is not there is bad input,
	// as in every command.
	var files, empty []string
	for _, a := range args {
		in, err := inbox.List([]string{a})
		if err != nil {
			return failf("%v", err)
		}
		if len(in) == 0 {
			empty = append(empty, a)
		}
		files = append(files, in...)
	}
	if len(files) == 0 {
		return failf("%v", inbox.NoDocx(empty))
	}
	for _, a := range empty {
		notef(stderr, "%v", inbox.NoDocx([]string{a}))
	}
	var docs []*ingest.Document
	for _, res := range readAll(files) {
		if res.err != nil {
			notef(stderr, "%v", res.err)
			continue
		}
		doc := res.doc
		defer doc.Package.Close()
		docs = append(docs, doc)
		if figuresDir != "" {
			written, err := ingest.WriteFigures(doc, figuresDir)
			if err != nil {
				return failf("%v", err)
			}
			sayf(stderr, "wrote %s of %s into %s", count(len(written), "figure"), filepath.Base(doc.Path), figuresDir)
		}
	}
	if len(docs) == 0 {
		return &exitError{code: exitBadInput}
	}
	if asJSON {
		views := make([]inspectView, len(docs))
		for i, d := range docs {
			views[i] = newInspectView(d)
		}
		return writeJSON(stdout, views)
	}
	for i, d := range docs {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		printDocument(stdout, d)
	}
	return nil
}

// readResult is one file's reading.
type readResult struct {
	doc *ingest.Document
	err error
}

// readAll reads the files two at a time (the reader is itself concurrent)
// and returns the results in the files' order. A file is judged as check
// judges a file named (a .pdf or .txt refused by its name).
func readAll(files []string) []readResult {
	out := make([]readResult, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			doc, err := inbox.ReadNamed(f)
			out[i] = readResult{doc, err}
		}()
	}
	wg.Wait()
	return out
}

// inspectView is the JSON shape of one inspected file.
type inspectView struct {
	File           string              `json:"file"`
	Region         string              `json:"region"`
	RegionEvidence string              `json:"regionEvidence"`
	Title          string              `json:"title"`
	Author         string              `json:"author"`
	Application    string              `json:"application"`
	Strict         bool                `json:"strict"`
	Macros         bool                `json:"macros"`
	Paragraphs     int                 `json:"paragraphs"`
	FrontMatter    []string            `json:"frontMatter"`
	Sections       []*ingest.Section   `json:"sections"`
	Comments       []*ingest.Comment   `json:"comments"`
	Revisions      []*ingest.Revision  `json:"revisions"`
	Figures        []*ingest.Figure    `json:"figures"`
	Tables         []tableView         `json:"tables"`
	Footnotes      []*ingest.Note      `json:"footnotes"`
	Endnotes       []*ingest.Note      `json:"endnotes"`
	Hyperlinks     []*ingest.Hyperlink `json:"hyperlinks"`
	Bookmarks      []*ingest.Bookmark  `json:"bookmarks"`
	Fields         []*ingest.Field     `json:"fields"`
	Hidden         []*ingest.Mark      `json:"hidden"`
	Highlights     []*ingest.Mark      `json:"highlights"`
	Warnings       []string            `json:"warnings"`
	// Formatting is every body paragraph's effective formatting.
	Formatting []paragraphView `json:"formatting"`
}

// paragraphView is one paragraph's effective formatting, with the start of
// its text to tell which it is.
type paragraphView struct {
	Paragraph int                    `json:"paragraph"`
	Style     string                 `json:"style"`
	Text      string                 `json:"text"`
	Format    ingest.ParagraphFormat `json:"format"`
}

// tableView leaves the cells out: inspect summarises.
type tableView struct {
	Rows      int    `json:"rows"`
	Cols      int    `json:"cols"`
	Caption   string `json:"caption"`
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
}

func newInspectView(d *ingest.Document) inspectView {
	v := inspectView{File: d.Path, Region: d.Region.Code, RegionEvidence: d.Region.Evidence,
		Title: d.Meta.Title, Author: d.Meta.Creator, Application: d.Meta.Application,
		Strict: d.Strict, Macros: d.Macros, Paragraphs: len(d.Paragraphs), FrontMatter: []string{},
		Sections: d.Sections, Comments: d.Comments, Revisions: d.Revisions, Figures: d.Figures,
		Tables: []tableView{}, Footnotes: d.Footnotes, Endnotes: d.Endnotes, Hyperlinks: d.Hyperlinks,
		Bookmarks: d.Bookmarks, Fields: d.Fields, Hidden: d.Hidden, Highlights: d.Highlights, Warnings: d.Warnings}
	for _, p := range d.FrontMatter {
		v.FrontMatter = append(v.FrontMatter, p.Text)
	}
	v.Formatting = make([]paragraphView, 0, len(d.Paragraphs))
	for _, p := range d.Paragraphs {
		v.Formatting = append(v.Formatting, paragraphView{Paragraph: p.Index, Style: p.Style,
			Text: excerpt(p.Text, 60), Format: d.Format(p, false)})
	}
	for _, t := range d.Tables {
		v.Tables = append(v.Tables, tableView{Rows: t.Rows, Cols: t.Cols, Caption: t.Caption, Section: t.Section, Paragraph: t.Paragraph})
	}
	return v
}

// printDocument writes the readable summary of one file.
func printDocument(w io.Writer, d *ingest.Document) {
	fmt.Fprintln(w, d.Path)
	region := "unknown (neither the heading, the file name nor the title names a region)"
	if d.Region.Code != "" {
		region = d.Region.Code + " (" + d.Region.Evidence + ")"
	}
	if d.Meta.TD != "" {
		region = "none: the TD " + d.Meta.TD + ", written by tsagmerge (check checks it as the TD; other commands leave it out)"
	}
	field(w, "region", region)
	field(w, "title", d.Meta.Title)
	app := d.Meta.Application
	if d.Strict {
		app += " (Strict Open XML)"
	}
	field(w, "application", app)
	if len(d.FrontMatter) > 0 {
		field(w, "front matter", fmt.Sprintf("%d paragraphs", len(d.FrontMatter)))
	}
	open := 0
	for _, c := range d.Comments {
		if !c.Resolved {
			open++
		}
	}
	field(w, "contents", fmt.Sprintf("%s, %s (%d open), %s, %s, %s, %s, %s, %s",
		count(len(d.Paragraphs), "paragraph"), count(len(d.Comments), "comment"), open, count(len(d.Revisions), "revision"),
		count(len(d.Figures), "figure"), count(len(d.Tables), "table"), count(len(d.Footnotes), "footnote"),
		count(len(d.Endnotes), "endnote"), count(len(d.Hyperlinks), "hyperlink")))
	printSections(w, d.Sections)
	printOpenThreads(w, d.Comments)
	if len(d.Warnings) > 0 {
		fmt.Fprintln(w, "  warnings:")
		for _, m := range d.Warnings {
			fmt.Fprintln(w, "    "+m)
		}
	}
}

func field(w io.Writer, name, value string) {
	if value == "" {
		value = "–"
	}
	fmt.Fprintf(w, "  %-13s %s\n", name+":", value)
}

// printSections prints the section tree, indented by depth.
func printSections(w io.Writer, secs []*ingest.Section) {
	if len(secs) == 0 {
		fmt.Fprintln(w, "  sections:     none")
		return
	}
	fmt.Fprintln(w, "  sections:")
	depth := make([]int, len(secs))
	for i, s := range secs {
		if s.Parent >= 0 && s.Parent < i {
			depth[i] = depth[s.Parent] + 1
		}
		title := s.Title
		if s.Number != "" {
			title = s.Number + " " + title
		}
		mark := ""
		if s.Inferred {
			mark = "  (bold paragraph taken for a heading)"
		}
		fmt.Fprintf(w, "    %s%s%s\n", strings.Repeat("  ", depth[i]), title, mark)
	}
}

// printOpenThreads prints each open thread: its first comment and the
// replies, indented.
func printOpenThreads(w io.Writer, comments []*ingest.Comment) {
	replies := map[string][]*ingest.Comment{}
	for _, c := range comments {
		if c.Parent != "" {
			replies[c.Parent] = append(replies[c.Parent], c)
		}
	}
	header := false
	var walk func(c *ingest.Comment, depth int)
	walk = func(c *ingest.Comment, depth int) {
		if depth > 20 {
			return
		}
		fmt.Fprintf(w, "    %s%s\n", strings.Repeat("  ", depth), commentLine(c, depth == 0))
		for _, r := range replies[c.ID] {
			walk(r, depth+1)
		}
	}
	for _, c := range comments {
		if c.Parent != "" || c.Resolved {
			continue
		}
		if !header {
			fmt.Fprintln(w, "  open comments:")
			header = true
		}
		walk(c, 0)
	}
}

func commentLine(c *ingest.Comment, first bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%s %s", c.ID, c.Author)
	if !c.Date.IsZero() {
		b.WriteString(" " + c.Date.Format("2006-01-02"))
	}
	if first && c.Anchor != "" {
		fmt.Fprintf(&b, " on %q", clip(c.Anchor, 60))
	}
	if first && c.Section != "" {
		fmt.Fprintf(&b, " in %q", clip(c.Section, 50))
	}
	b.WriteString(": " + clip(c.Text, 200))
	return b.String()
}

// clip shortens s to n runes on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// excerpt returns the first n characters of text, with "…" when cut.
func excerpt(text string, n int) string {
	for i := range text {
		if n == 0 {
			return text[:i] + "…"
		}
		n--
	}
	return text
}
