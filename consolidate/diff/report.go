package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ANSI styles for a terminal; Style's zero value prints plain text.
type style struct{ on bool }

func (s style) wrap(code, text string) string {
	if !s.on || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) del(t string) string  { return s.wrap("31", t) }
func (s style) ins(t string) string  { return s.wrap("32", t) }
func (s style) bold(t string) string { return s.wrap("1", t) }

// WriteText prints the result for a reader: sections, then paragraphs
// grouped by section with -/+ lines and word changes marked [-…-]{+…+},
// then comments, tracked changes and counts, and the summary line. With
// color, deletions are red and insertions green (the markers stay, so the
// text reads the same when copied).
func (r *Result) WriteText(w io.Writer, color bool) error {
	bw := bufio.NewWriter(w)
	s := style{color}
	fmt.Fprintf(bw, "%s %s\n%s %s\n", s.del("---"), r.Old, s.ins("+++"), r.New)
	for _, f := range r.Settled {
		fmt.Fprintf(bw, "(%s holds tracked changes: compared with them %s)\n", f, r.View)
	}
	writeSections(bw, s, r.Sections)
	writeParagraphs(bw, s, r.Paragraphs)
	writeComments(bw, s, r.Comments)
	writeRevisions(bw, s, r.Revisions)
	writeFigures(bw, s, r.Figures)
	writeTables(bw, s, r.Tables)
	if len(r.Counts) > 0 {
		fmt.Fprintln(bw, s.bold("\nCounts"))
		for _, c := range r.Counts {
			fmt.Fprintf(bw, "  %s: %d → %d\n", c.What, c.Old, c.New)
		}
	}
	if r.Coarse {
		fmt.Fprintln(bw, "\n(the word diffs took too long: later paragraphs show their changed middle whole)")
	}
	fmt.Fprintf(bw, "\n%s\n", r.Summary())
	return bw.Flush()
}

func writeSections(w io.Writer, s style, cs []SectionChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, s.bold("\nSections"))
	for _, c := range cs {
		if line, ok := addedOrRemoved(s, c.Change, fmt.Sprintf("heading %d %q", c.Level, c.Old+c.New)); ok {
			fmt.Fprintln(w, line)
			continue
		}
		fmt.Fprintf(w, "  ~ heading %d %s → %s\n", c.Level, s.del(quote(c.Old)), s.ins(quote(c.New)))
	}
}

// addedOrRemoved is the line for a unit added ("+ what") or removed ("-
// what"); ok is false for any other change.
func addedOrRemoved(s style, ch Change, what string) (line string, ok bool) {
	switch ch {
	case Added:
		return "  " + s.ins("+") + " " + what, true
	case Removed:
		return "  " + s.del("-") + " " + what, true
	}
	return "", false
}

func writeParagraphs(w io.Writer, s style, cs []ParagraphChange) {
	section := "\x00"
	for _, c := range cs {
		if c.Section != section {
			section = c.Section
			fmt.Fprintf(w, "\n%s\n", s.bold("§ "+section))
		}
		switch c.Change {
		case Added:
			fmt.Fprintf(w, "  paragraph %d added\n  %s\n", c.NewIndex, s.ins("+ "+c.New))
		case Removed:
			fmt.Fprintf(w, "  paragraph %d removed\n  %s\n", c.OldIndex, s.del("- "+c.Old))
		case Moved:
			fmt.Fprintf(w, "  paragraph %d moved here (was %d)\n  %s\n", c.NewIndex, c.OldIndex, s.ins("> "+c.New))
		default:
			was := ""
			if c.OldIndex != c.NewIndex {
				was = fmt.Sprintf(" (was %d)", c.OldIndex)
			}
			fmt.Fprintf(w, "  paragraph %d changed%s\n  %s\n", c.NewIndex, was, markWords(s, c.Words))
		}
	}
}

// markWords shows a word diff inline: [-deleted-]{+inserted+}.
func markWords(s style, edits []Edit) string {
	var b strings.Builder
	for _, e := range edits {
		switch e.Op {
		case Delete:
			b.WriteString(s.del("[-" + e.Text + "-]"))
		case Insert:
			b.WriteString(s.ins("{+" + e.Text + "+}"))
		default:
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

func writeComments(w io.Writer, s style, cs []CommentChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, s.bold("\nComments"))
	for _, c := range cs {
		fmt.Fprintf(w, "  %s: %s (%s): %s\n", c.Change, c.Author, c.Section, quote(c.Text))
	}
}

func writeRevisions(w io.Writer, s style, cs []RevisionChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, s.bold("\nTracked changes"))
	for _, c := range cs {
		what := "new"
		if c.Change == Removed {
			what = "gone (accepted or rejected)"
		}
		fmt.Fprintf(w, "  %s %s by %s: %s\n", what, c.Kind, c.Author, quote(c.Text))
	}
}

func writeFigures(w io.Writer, s style, cs []FigureChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, s.bold("\nFigures"))
	for _, c := range cs {
		if line, ok := addedOrRemoved(s, c.Change, fmt.Sprintf("figure %s (%s)", quote(c.Old+c.New), c.Section)); ok {
			fmt.Fprintln(w, line)
			continue
		}
		if c.Change == Replaced {
			fmt.Fprintf(w, "  ~ figure %s: another picture (%s)\n", quote(c.New), c.Section)
			continue
		}
		fmt.Fprintf(w, "  ~ figure caption %s → %s (%s)\n", s.del(quote(c.Old)), s.ins(quote(c.New)), c.Section)
	}
}

func writeTables(w io.Writer, s style, cs []TableChange) {
	if len(cs) == 0 {
		return
	}
	fmt.Fprintln(w, s.bold("\nTables"))
	for _, c := range cs {
		name := quote(c.Caption)
		if line, ok := addedOrRemoved(s, c.Change, fmt.Sprintf("table %s, %d rows (%s)", name, c.OldRows+c.NewRows, c.Section)); ok {
			fmt.Fprintln(w, line)
			continue
		}
		fmt.Fprintf(w, "  ~ table %s (%s)\n", name, c.Section)
		if c.OldCaption != "" {
			fmt.Fprintf(w, "    caption was %s\n", quote(c.OldCaption))
		}
		if c.OldRows != c.NewRows {
			fmt.Fprintf(w, "    rows: %d → %d\n", c.OldRows, c.NewRows)
		}
		for _, cell := range c.Cells {
			fmt.Fprintf(w, "    row %d, column %d: %s\n", cell.Row, cell.Col, markWords(s, cell.Words))
		}
	}
}

// quote shows a text in quotation marks, cut to a readable length.
func quote(t string) string {
	const max = 100
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); len(r) > max {
		t = string(r[:max-1]) + "…"
	}
	return "“" + t + "”"
}
