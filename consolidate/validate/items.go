package validate

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// itemKind is a sort of countable thing a region holds. collect calls add
// for each one the merge is to carry, as the expectations say, with the
// body paragraph holding it (0 outside the body), a key that compares
// equal across the merge and a label for messages. It reads a source and
// the output alike: what a mode removes is tracked in the source only.
type itemKind struct {
	name    string // plural, for messages
	collect func(d *ingest.Document, e Expectations, add func(paragraph int, key, label string))
	// none reports whether the merge was to leave this sort out.
	none func(Expectations) bool
}

func never(Expectations) bool { return false }

var itemKinds = []itemKind{
	{"figures", func(d *ingest.Document, _ Expectations, add func(int, string, string)) {
		for _, f := range d.Figures {
			key := fmt.Sprintf("%s %d %dx%d", f.ContentType, f.Bytes, f.Width, f.Height)
			if f.External {
				key = "linked " + f.Part
			}
			add(f.Paragraph, key, firstOf(f.Caption, f.Alt, path.Base(f.Part)))
		}
	}, never},
	{"tables", tables, never},
	{"footnotes", notes(func(d *ingest.Document) []*ingest.Note { return d.Footnotes }), never},
	{"endnotes", notes(func(d *ingest.Document) []*ingest.Note { return d.Endnotes }), never},
	{"hyperlinks", func(d *ingest.Document, _ Expectations, add func(int, string, string)) {
		inComments := commentsPart(d)
		for _, h := range d.Hyperlinks {
			if h.Part == inComments && h.Part != "" {
				continue // part of their comment's text, and of its fate
			}
			// Internal links are compared by text: the merge may rename
			// the bookmarks they point to.
			key := h.URL + "\x00" + normalise(h.Text)
			add(h.Paragraph, key, firstOf(h.Text, h.URL, h.Anchor))
		}
	}, never},
	{"comments", func(d *ingest.Document, e Expectations, add func(int, string, string)) {
		for _, c := range d.Comments {
			// Word shows a comment where its reference mark is; the
			// merge carries the marks and, with them, their comments.
			if c.Part == "" || c.Inserted && e.Revisions == RejectRevisions || c.Deleted && e.Revisions == AcceptRevisions {
				continue
			}
			add(c.Paragraph, c.Author+"\x00"+normalise(c.Text), c.Author+": "+c.Text)
		}
	}, func(e Expectations) bool { return e.DropComments }},
	{"tracked changes", func(d *ingest.Document, _ Expectations, add func(int, string, string)) {
		for _, r := range d.Revisions {
			add(r.Paragraph, string(r.Kind)+"\x00"+normalise(r.Text), string(r.Kind)+" of "+r.Text)
		}
	}, func(e Expectations) bool { return e.Revisions != KeepRevisions }},
}

// tables keys a table by its size and first cell. When the changes are
// accepted or rejected, the rows inserted or deleted as a whole go or stay
// (a table whose rows all go goes too), cell texts change with the text,
// which the paragraphs compare, and the key is the size.
func tables(d *ingest.Document, e Expectations, add func(int, string, string)) {
	for _, t := range d.Tables {
		first := ""
		if len(t.Cells) > 0 && len(t.Cells[0]) > 0 {
			first = normalise(t.Cells[0][0])
		}
		label := firstOf(t.Caption, first, "a table")
		rows := t.Rows
		switch e.Revisions {
		case KeepRevisions:
			add(t.Paragraph, fmt.Sprintf("%dx%d %s", rows, t.Cols, first), label)
			continue
		case AcceptRevisions:
			rows -= t.DeletedRows
		case RejectRevisions:
			rows -= t.InsertedRows
		}
		if rows == 0 && t.Rows > 0 {
			continue
		}
		add(t.Paragraph, fmt.Sprintf("%dx%d", rows, t.Cols), label)
	}
}

// notes keys a note by its text in the view the revision mode gives.
func notes(of func(*ingest.Document) []*ingest.Note) func(*ingest.Document, Expectations, func(int, string, string)) {
	return func(d *ingest.Document, e Expectations, add func(int, string, string)) {
		for _, n := range of(d) {
			text := n.Text
			if e.Revisions == RejectRevisions {
				text = n.Original
			}
			add(0, normalise(text), text)
		}
	}
}

// commentsPart names the document's comments part, "" when it has none
// (or no package, as a document built in memory).
func commentsPart(d *ingest.Document) string {
	if d.Package == nil {
		return ""
	}
	main, err := d.Package.MainDocument()
	if err != nil {
		return ""
	}
	return d.Package.RelatedPart(main, opc.RelComments)
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// tally counts items by where they are (a region code, or "" for what is
// outside the body: notes and what they hold) and by key.
type tally map[string]map[string][]string

func (t tally) add(where, key, label string) {
	if t[where] == nil {
		t[where] = map[string][]string{}
	}
	t[where][key] = append(t[where][key], label)
}

// compareItems compares, region by region, the items of each kind the
// sources hold with those the output holds.
func compareItems(rep *report, out *ingest.Document, inputs []*ingest.Document, spans map[string]span, acc map[string]*account, expect Expectations) {
	where := outputPlaces(out, spans)
	for _, k := range itemKinds {
		src, dst := tally{}, tally{}
		for _, in := range inputs {
			dropped := acc[in.Region.Code].dropped
			k.collect(in, expect, func(p int, key, label string) {
				switch {
				case p == 0:
					src.add("", key, label)
				case !dropped[p]: // what the report says it dropped is not expected
					src.add(in.Region.Code, key, label)
				}
			})
		}
		k.collect(out, expect, func(p int, key, label string) {
			if w, ok := where(p); ok {
				dst.add(w, key, label)
			}
		})
		for _, w := range places(inputs) {
			if k.none(expect) {
				if got := dst[w]; len(got) > 0 {
					rep.add(w, RuleCount, "%d %s in the output, which were to be left out (the first: %s)", count(got), k.name, clipLabel(first(got)))
				}
				continue
			}
			compareTally(rep, w, k.name, src[w], dst[w])
		}
	}
}

// outputPlaces returns where an output item is, by its body paragraph: a
// region, "" outside the body, or nowhere (ok false) in the template's text.
func outputPlaces(out *ingest.Document, spans map[string]span) func(int) (string, bool) {
	type bounds struct {
		code     string
		from, to int // paragraph Index, to exclusive
	}
	var bs []bounds
	for code, s := range spans {
		b := bounds{code: code, from: out.Paragraphs[s.from].Index, to: 1 << 62}
		if s.to < len(out.Paragraphs) {
			b.to = out.Paragraphs[s.to].Index
		}
		bs = append(bs, b)
	}
	return func(p int) (string, bool) {
		if p == 0 {
			return "", true
		}
		for _, b := range bs {
			if p >= b.from && p < b.to {
				return b.code, true
			}
		}
		return "", false
	}
}

// places lists the regions of the inputs in report order, then "".
func places(inputs []*ingest.Document) []string {
	var codes []string
	for _, in := range inputs {
		codes = append(codes, in.Region.Code)
	}
	sort.SliceStable(codes, func(i, j int) bool {
		_, oi, _ := ingest.RegionByCode(codes[i])
		_, oj, _ := ingest.RegionByCode(codes[j])
		return oi < oj
	})
	return append(codes, "")
}

// compareTally reports items of one kind the output lost, and in a region
// items it gained. Outside the body only losses count: a template may
// bring notes of its own.
func compareTally(rep *report, where, kind string, src, dst map[string][]string) {
	var lost, added []string
	for key, labels := range src {
		if n := len(labels) - len(dst[key]); n > 0 {
			lost = append(lost, labels[:n]...)
		}
	}
	for key, labels := range dst {
		if n := len(labels) - len(src[key]); n > 0 {
			added = append(added, labels[:n]...)
		}
	}
	sort.Strings(lost)
	sort.Strings(added)
	if len(lost) > 0 {
		rep.add(where, RuleCount, "%s: %d in the sources, %d in the output; missing: %s", kind, count(src), count(dst), clipLabel(lost[0]))
	}
	if len(added) > 0 && where != "" {
		rep.add(where, RuleCount, "%s: %d in the sources, %d in the output; not in any source: %s", kind, count(src), count(dst), clipLabel(added[0]))
	}
}

func count(m map[string][]string) int {
	n := 0
	for _, labels := range m {
		n += len(labels)
	}
	return n
}

func first(m map[string][]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return m[keys[0]][0]
}

func clipLabel(s string) string {
	return "\"" + strings.ReplaceAll(snippet(normalise(s), 0), "\"", "'") + "\""
}
