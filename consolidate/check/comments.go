package check

import (
	"fmt"

	"tsagmerge/ingest"
)

// comments reports each open review thread once, with every comment of the
// thread; with opts.All, resolved threads too (as info).
func comments(d *ingest.Document, opts Options) []Finding {
	var out []Finding
	for _, th := range threads(d.Comments) {
		first := th[0]
		kind := UnresolvedComment
		if first.Resolved {
			if !opts.All {
				continue
			}
			kind = ResolvedComment
		}
		f := Finding{
			Kind: kind, Section: first.Section, Paragraph: first.Paragraph,
			Author: first.Author, Text: threadText(th), Context: paragraphContext(d, first.Paragraph, first.Anchor),
		}
		for _, c := range th {
			f.Thread = append(f.Thread, ThreadEntry{ID: c.ID, Author: c.Author, Date: c.Date, Text: c.Text, Resolved: c.Resolved})
		}
		out = append(out, f)
	}
	return out
}

// threadText says what a thread is: its first comment, and how many
// replies follow.
func threadText(th []*ingest.Comment) string {
	text := th[0].Author + ": " + clip(th[0].Text)
	switch n := len(th) - 1; n {
	case 0:
	case 1:
		text += fmt.Sprintf(" (1 reply, by %s)", th[1].Author)
	default:
		text += fmt.Sprintf(" (%d replies)", n)
	}
	return text
}

// threads groups comments into threads: each first comment (no parent, or
// a parent that is not there) followed by the comments that reply to it,
// directly or through another reply, in document order.
func threads(cs []*ingest.Comment) [][]*ingest.Comment {
	byID := make(map[string]*ingest.Comment, len(cs))
	for _, c := range cs {
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = c
		}
	}
	root := func(c *ingest.Comment) *ingest.Comment {
		for steps := 0; c.Parent != "" && steps < len(cs); steps++ { // steps guard a cycle
			p, ok := byID[c.Parent]
			if !ok || p == c {
				break
			}
			c = p
		}
		return c
	}
	index := map[*ingest.Comment]int{}
	var out [][]*ingest.Comment
	for _, c := range cs {
		r := root(c)
		i, ok := index[r]
		if !ok {
			i = len(out)
			index[r] = i
			out = append(out, []*ingest.Comment{r})
		}
		if c != r {
			out[i] = append(out[i], c)
		}
	}
	return out
}
