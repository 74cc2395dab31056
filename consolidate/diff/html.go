package diff

import (
	_ "embed"
	"html"
	"html/template"
	"io"
	"strings"
	"time"

	"tsagmerge/consolidate/outfile"
	"tsagmerge/ingest"
)

// The HTML report shows the two versions side by side, section by
// section, with the words deleted and inserted marked, and the comments
// with their threads and whether they are resolved. It is one file with
// its style inside (no script, nothing fetched), laid out for print too.

//go:embed report.html.tmpl
var reportSource string

var reportTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2 January 2006 15:04")
	},
}).Parse(reportSource))

// htmlPage is what the report shows.
type htmlPage struct {
	Old, New, Summary string
	Sections          []htmlSection
	Threads           []htmlThread
	Result            *Result
}

// htmlSection is a heading and the rows under it.
type htmlSection struct {
	Level    int
	Title    template.HTML
	Class    string
	Rows     []htmlRow
	Headless bool // the rows before the first heading
}

// htmlRow is one paragraph in the old and the new version.
type htmlRow struct {
	Class    string
	Old, New template.HTML
	Note     string
}

// htmlThread is a comment with its replies.
type htmlThread struct {
	Section, Anchor string
	Resolved        bool
	Comments        []*ingest.Comment
}

// WriteHTML writes the report on r, the comparison of old with new, as a
// self-contained page.
func WriteHTML(w io.Writer, old, new *ingest.Document, r *Result) error {
	page := htmlPage{Old: r.Old, New: r.New, Summary: r.Summary(), Result: r, Threads: threads(new.Comments)}
	page.Sections = htmlSections(lineUp(shown(old), shown(new), newWordDiffer()))
	return reportTemplate.Execute(w, page)
}

// shown lists a document's paragraphs that show text, headings included.
func shown(d *ingest.Document) []*ingest.Paragraph {
	var out []*ingest.Paragraph
	for _, p := range d.Paragraphs {
		if strings.TrimSpace(p.Text) != "" {
			out = append(out, p)
		}
	}
	return out
}

// htmlSections groups the rows by the headings among them; a paragraph
// removed whose text was added elsewhere is shown as moved.
func htmlSections(rows []lineRow) []htmlSection {
	moved := map[string]bool{}
	for _, r := range rows {
		if r.change == Removed && len(strings.Fields(r.old.Text)) >= minMoveWords {
			moved[r.old.Text] = true
		}
	}
	added := map[string]bool{}
	for _, r := range rows {
		if r.change == Added && moved[r.new.Text] {
			added[r.new.Text] = true
		}
	}
	out := []htmlSection{{Headless: true}}
	for _, r := range rows {
		if level := headingOf(r); level > 0 {
			out = append(out, htmlSection{Level: min(level, 4), Title: sideBySide(r).New, Class: string(r.change)})
			if r.change == Removed {
				out[len(out)-1].Title = sideBySide(r).Old
			}
			continue
		}
		row := sideBySide(r)
		switch {
		case r.change == Removed && added[r.old.Text]:
			row.Class, row.Note = "moved", "moved from here"
		case r.change == Added && added[r.new.Text]:
			row.Class, row.Note = "moved", "moved here"
		}
		out[len(out)-1].Rows = append(out[len(out)-1].Rows, row)
	}
	if len(out[0].Rows) == 0 {
		out = out[1:]
	}
	return out
}

// headingOf is the heading level of a row's paragraph, 0 for body text.
func headingOf(r lineRow) int {
	if r.new != nil {
		return r.new.Heading
	}
	return r.old.Heading
}

// sideBySide shows a row's two texts with their changes marked.
func sideBySide(r lineRow) htmlRow {
	row := htmlRow{Class: string(r.change)}
	switch r.change {
	case Removed:
		row.Old = mark("del", r.old.Text)
	case Added:
		row.New = mark("ins", r.new.Text)
	case Changed:
		var o, n strings.Builder
		for _, e := range r.words {
			switch e.Op {
			case Delete:
				o.WriteString(string(mark("del", e.Text)))
			case Insert:
				n.WriteString(string(mark("ins", e.Text)))
			default:
				o.WriteString(html.EscapeString(e.Text))
				n.WriteString(html.EscapeString(e.Text))
			}
		}
		row.Old, row.New = template.HTML(o.String()), template.HTML(n.String())
	default:
		row.Class = "same"
		row.Old = template.HTML(html.EscapeString(r.old.Text))
		row.New = template.HTML(html.EscapeString(r.new.Text))
	}
	return row
}

// mark wraps text, escaped, in an <ins> or <del>.
func mark(tag, text string) template.HTML {
	return template.HTML("<" + tag + ">" + html.EscapeString(text) + "</" + tag + ">")
}

// threads groups comments into threads: each first comment with its
// replies, in order; a thread is resolved when its first comment is.
func threads(cs []*ingest.Comment) []htmlThread {
	var out []htmlThread
	at := map[string]int{}
	for _, c := range cs {
		if i, ok := at[c.Parent]; ok && c.Parent != "" {
			out[i].Comments = append(out[i].Comments, c)
			at[c.ID] = i
			continue
		}
		at[c.ID] = len(out)
		out = append(out, htmlThread{Section: c.Section, Anchor: c.Anchor, Resolved: c.Resolved, Comments: []*ingest.Comment{c}})
	}
	return out
}

// WriteHTMLFile writes the report on r, the comparison of v, to out,
// atomically; out may name neither version.
func WriteHTMLFile(out string, v *Versions, r *Result) error {
	if err := outfile.Check(out, v.Old.Path, v.New.Path); err != nil {
		return err
	}
	return outfile.Write(out, func(w io.Writer) error { return WriteHTML(w, v.OldView, v.NewView, r) })
}
