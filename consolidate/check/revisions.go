package check

import (
	"fmt"
	"strings"

	"tsagmerge/ingest"
)

// maxQuotes is how many tracked changes a pending-revision finding quotes.
const maxQuotes = 3

// revisions reports the tracked changes not yet accepted, one finding per
// author: how many of each kind, and the first few quoted.
func revisions(d *ingest.Document, _ Options) []Finding {
	var authors []string
	byAuthor := map[string][]*ingest.Revision{}
	for _, r := range d.Revisions {
		if _, ok := byAuthor[r.Author]; !ok {
			authors = append(authors, r.Author)
		}
		byAuthor[r.Author] = append(byAuthor[r.Author], r)
	}
	var out []Finding
	for _, a := range authors {
		rs := byAuthor[a]
		out = append(out, Finding{
			Kind: PendingRevision, Section: rs[0].Section, Paragraph: rs[0].Paragraph,
			Author: a, Text: revisionText(rs), Context: paragraphContext(d, rs[0].Paragraph, rs[0].Text),
		})
	}
	return out
}

// revisionKinds orders the kinds of tracked change in a summary and names
// them.
var revisionKinds = []struct {
	kind      ingest.RevisionKind
	one, many string
	verb      string
}{
	{ingest.Insertion, "insertion", "insertions", "inserted"},
	{ingest.Deletion, "deletion", "deletions", "deleted"},
	{ingest.MoveFrom, "move away", "moves away", "moved away"},
	{ingest.MoveTo, "move here", "moves here", "moved here"},
	{ingest.Format, "formatting change", "formatting changes", "formatted"},
	{ingest.ParaProps, "paragraph property change", "paragraph property changes", "changed paragraph"},
}

// revisionText says "1 insertion, 1 deletion not accepted: inserted “…”;
// deleted “…”".
func revisionText(rs []*ingest.Revision) string {
	count := map[ingest.RevisionKind]int{}
	for _, r := range rs {
		count[r.Kind]++
	}
	var counts, quotes []string
	for _, k := range revisionKinds {
		if n := count[k.kind]; n > 0 {
			name := k.one
			if n > 1 {
				name = k.many
			}
			counts = append(counts, fmt.Sprintf("%d %s", n, name))
		}
	}
	for _, r := range rs {
		if len(quotes) == maxQuotes {
			quotes = append(quotes, "…")
			break
		}
		if t := oneLine(r.Text); t != "" {
			quotes = append(quotes, verbOf(r.Kind)+" “"+clip(t)+"”")
		}
	}
	text := strings.Join(counts, ", ") + " not yet accepted"
	if len(quotes) > 0 {
		text += ": " + strings.Join(quotes, "; ")
	}
	return text
}

func verbOf(k ingest.RevisionKind) string {
	for _, rk := range revisionKinds {
		if rk.kind == k {
			return rk.verb
		}
	}
	return string(k)
}
