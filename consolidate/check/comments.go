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
// directly or through another reply, in document order. A loop of replies
// (only a hostile commentsExtended makes one) is one thread, whose first
// comment is the loop's first in document order.
//
// Each comment's first comment is found once, from its parent's: walking
// every comment's chain to the top was quadratic in a chain of replies,
// each to the one before (40,000 took over a minute and a half).
func threads(cs []*ingest.Comment) [][]*ingest.Comment {
	byID := make(map[string]*ingest.Comment, len(cs))
	pos := make(map[*ingest.Comment]int, len(cs))
	for i, c := range cs {
		if _, dup := byID[c.ID]; !dup {
			byID[c.ID] = c
		}
		pos[c] = i
	}
	roots := make(map[*ingest.Comment]*ingest.Comment, len(cs))
	onPath := map[*ingest.Comment]int{}
	var path []*ingest.Comment
	rootOf := func(c *ingest.Comment) *ingest.Comment {
		path = path[:0]
		clear(onPath)
		var root *ingest.Comment
		for p := c; ; {
			if r, ok := roots[p]; ok {
				root = r
				break
			}
			if i, ok := onPath[p]; ok { // a loop: path[i:]
				root = path[i]
				for _, m := range path[i:] {
					if pos[m] < pos[root] {
						root = m
					}
				}
				break
			}
			onPath[p] = len(path)
			path = append(path, p)
			parent, ok := byID[p.Parent]
			if p.Parent == "" || !ok || parent == p {
				root = p
				break
			}
			p = parent
		}
		for _, m := range path {
			roots[m] = root
		}
		return root
	}
	index := map[*ingest.Comment]int{}
	var out [][]*ingest.Comment
	for _, c := range cs {
		r := rootOf(c)
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
