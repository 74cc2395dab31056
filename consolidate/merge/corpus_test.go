package merge

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// TestCorpus consolidates every readable file of the shared corpus alone,
// as Africa's contribution: the output must keep Word's invariants, and
// the region must say in the output what the file says (its text after
// the front matter, its anchored comments, its notes and pictures), by
// this test's own comparison and by validate.Content, which the command
// runs before it writes (known differences aside: contentKnown).
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus walk is skipped in -short mode")
	}
	files, _ := filepath.Glob(filepath.Join(testkit.Shared(t, "corpus/docx"), "*"))
	tpl := templates.Default()
	read := 0
	for _, f := range files {
		d, err := ingest.Read(f)
		if err != nil {
			continue // refused files are ingest's and check's business
		}
		read++
		t.Run(filepath.Base(f), func(t *testing.T) {
			defer d.Package.Close()
			d.Region = ingest.Region{Code: "AFR", Evidence: "test"}
			for _, opts := range corpusModes {
				out, rep, err := Merge(tpl, []*ingest.Document{d}, opts)
				if err != nil {
					t.Fatalf("Merge %+v: %v", opts, err)
				}
				back := valid(t, out)
				for _, msg := range keepsContent(d, back, rep.Regions[0], opts) {
					t.Errorf("%s: %s", modeName(opts), msg)
				}
				probs := validate.Content(back, []*ingest.Document{d}, expectations(opts, rep))
				known := contentKnown[filepath.Base(f)+" "+modeName(opts)]
				for _, p := range probs {
					if known == "" {
						t.Errorf("%s: validate.Content: %s", modeName(opts), p.Error())
					} else {
						t.Logf("%s: validate.Content (known: %s): %s", modeName(opts), known, p.Error())
					}
				}
				if known != "" && len(probs) == 0 {
					t.Errorf("%s: validate.Content finds nothing; take the file off contentKnown", modeName(opts))
				}
			}
		})
	}
	if read < 200 && os.Getenv("CI") == "true" {
		t.Errorf("only %d corpus files could be read", read)
	}
}

// contentKnown lists, by file and mode, the corpus files validate.Content
// rightly finds wanting, and why.
var contentKnown = map[string]string{}

// corpusModes are the draft, the publication and the rejection of changes.
var corpusModes = []Options{{}, {Comments: CommentsDrop, Revisions: RevisionsAccept}, {Revisions: RevisionsReject}}

func modeName(o Options) string {
	return []string{"draft", "accepted", "rejected"}[o.Revisions]
}

// keepsContent compares a source with its region in the output: the text
// in every mode (as it was before its tracked changes when they are
// rejected), the comments, notes and pictures in a draft, which keeps all.
func keepsContent(src, back *ingest.Document, rr RegionReport, opts Options) []string {
	var msgs []string
	start := -1
	prefix := fmt.Sprintf("%d\t", rr.Number)
	for i, p := range back.Paragraphs {
		if p.Heading == 1 && strings.HasPrefix(p.Text, prefix) {
			start = i
			break
		}
	}
	if start < 0 {
		return []string{"the output has no region heading " + prefix}
	}
	// The report says which paragraphs were left out and which became the
	// region heading; what stood before the heading stands under it.
	front, heading := map[int]bool{}, 0
	for _, c := range rr.Changes {
		switch c.Kind {
		case FrontMatterDropped:
			front[c.Paragraph] = true
		case HeadingRenumbered, HeadingReplaced:
			heading = c.Paragraph
		}
	}
	var body []*ingest.Paragraph
	for _, p := range src.Paragraphs {
		if !front[p.Index] && p.Index != heading {
			body = append(body, p)
		}
	}
	view := func(p *ingest.Paragraph) string { return p.Text }
	if opts.Revisions == RevisionsReject {
		view = func(p *ingest.Paragraph) string { return p.Original }
	}
	want, got := texts(body, view), texts(back.Paragraphs[start+1:], func(p *ingest.Paragraph) string { return p.Text })
	for i := range max(len(want), len(got)) {
		w, g := at(want, i), at(got, i)
		if w != g {
			msgs = append(msgs, fmt.Sprintf("paragraph %d of %d: source %q, output %q", i+1, len(want), clipText(w), clipText(g)))
			break
		}
	}
	if opts.Revisions != RevisionsReject { // the model's headings are those of the accepted text
		msgs = append(msgs, keepsHeadings(src, body, back.Paragraphs[start+1:])...)
	}
	if opts != (Options{}) {
		if opts.Comments == CommentsDrop && len(back.Comments) > 0 {
			msgs = append(msgs, fmt.Sprintf("%d comments left though dropped", len(back.Comments)))
		}
		return msgs
	}
	anchored := 0
	for _, c := range src.Comments {
		if c.Paragraph > 0 && !front[c.Paragraph] {
			anchored++
		}
	}
	if n := len(back.Comments); n < anchored || n > len(src.Comments) {
		msgs = append(msgs, fmt.Sprintf("%d comments in the output; the source has %d, %d anchored in its text", n, len(src.Comments), anchored))
	}
	for _, c := range []struct {
		what      string
		src, back int
	}{
		{"footnotes", len(src.Footnotes), len(back.Footnotes)},
		{"endnotes", len(src.Endnotes), len(back.Endnotes)},
		{"pictures", figuresAfter(src, front), len(back.Figures)},
	} {
		if c.src != c.back {
			msgs = append(msgs, fmt.Sprintf("%s: %d in the source, %d in the output", c.what, c.src, c.back))
		}
	}
	return msgs
}

// keepsHeadings checks that the region's sub-headings (its carried
// paragraphs' headings) are all still headings, below the region heading,
// in the order and relative levels of the source (headings in tables and
// headings inferred from bold text aside; level 9, where pushing down
// stops, breaks the relation).
func keepsHeadings(src *ingest.Document, body, out []*ingest.Paragraph) []string {
	var want, got []int
	inferred := map[int]bool{}
	for _, s := range src.Sections {
		inferred[s.Paragraph] = s.Inferred
	}
	for _, p := range body {
		if p.Heading > 0 && !p.InTable && !inferred[p.Index] {
			want = append(want, p.Heading)
		}
	}
	for _, p := range out {
		if p.Heading > 0 && !p.InTable {
			got = append(got, p.Heading)
		}
	}
	if len(want) != len(got) {
		return []string{fmt.Sprintf("%d sub-headings in the source, %d in the output", len(want), len(got))}
	}
	for i := range got {
		if got[i] < 2 || i > 0 && got[i]-got[i-1] != want[i]-want[i-1] && max(got[i], want[i], got[i-1], want[i-1]) < 9 {
			return []string{fmt.Sprintf("sub-heading %d at level %d in the output (source levels %v, output %v)", i+1, got[i], want, got)}
		}
	}
	return nil
}

func texts(paras []*ingest.Paragraph, view func(*ingest.Paragraph) string) []string {
	var out []string
	for _, p := range paras {
		if t := normText(view(p)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "(none)"
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

func figuresAfter(d *ingest.Document, front map[int]bool) int {
	n := 0
	for _, f := range d.Figures {
		if !front[f.Paragraph] {
			n++
		}
	}
	return n
}
