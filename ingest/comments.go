package ingest

import (
	"io"
	"strings"
)

// commentEx is one w15:commentEx: keyed by the paraId of a comment's last
// paragraph, it says whether the comment is done and which comment (by
// that one's paraId) it replies to.
type commentEx struct {
	done   bool
	parent string
}

// parseCommentsEx reads commentsExtended.xml.
func parseCommentsEx(file, part string, data []byte) (map[string]commentEx, error) {
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	out := map[string]commentEx{}
	for {
		t, err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if t.kind != tokStart || t.local != "commentEx" {
			continue
		}
		// Only the released w15 namespace counts: Word ignores the
		// Office 2013 preview's (…/word/2010/11/wordml), so its threads
		// and done flags are not shown, and the comments stay open.
		id := paraKey(s.attr(&t, nsW15, "paraId"))
		if id == "" {
			continue
		}
		out[id] = commentEx{done: isOn(s.attr(&t, nsW15, "done")), parent: paraKey(s.attr(&t, nsW15, "paraIdParent"))}
	}
}

// joinComments builds Document.Comments from comments.xml, the anchors met
// in the body and notes, and commentsExtended. A comment without an entry
// in commentsExtended is open; a reply to a resolved comment is resolved.
func (r *reader) joinComments() {
	if r.comments == nil {
		return
	}
	byParaID := map[string]*Comment{}
	for _, ct := range r.comments.comments {
		if ct.paraID != "" {
			byParaID[paraKey(ct.paraID)] = ct.c
		}
	}
	ranged := map[*Comment]bool{}
	for _, ct := range r.comments.comments {
		c := ct.c
		if a := r.anchorOf(c.ID); a != nil {
			c.Anchor = trimAnchor(a.text.String())
			c.Paragraph = a.paragraph
			ranged[c] = a.hasRange
			if a.referenced {
				c.Part, c.Inserted, c.Deleted = a.part, a.inserted, a.deleted
			}
		}
		if ex, ok := r.extended[paraKey(ct.paraID)]; ok && ct.paraID != "" {
			c.Resolved = ex.done
			if p := byParaID[ex.parent]; p != nil && p != c {
				c.Parent = p.ID
			}
		}
		r.doc.Comments = append(r.doc.Comments, c)
	}
	r.resolveThreads(ranged)
}

// resolveThreads marks replies of resolved comments resolved, and a reply
// without its own range takes its parent's anchor and place.
func (r *reader) resolveThreads(ranged map[*Comment]bool) {
	byID := map[string]*Comment{}
	for _, c := range r.doc.Comments {
		byID[c.ID] = c
	}
	for _, c := range r.doc.Comments {
		seen := map[*Comment]bool{c: true}
		for p := byID[c.Parent]; p != nil && !seen[p]; p = byID[p.Parent] {
			seen[p] = true
			if p.Resolved {
				c.Resolved = true
			}
			if !ranged[c] && ranged[p] {
				c.Anchor, c.Paragraph = p.Anchor, p.Paragraph
				ranged[c] = true
			}
		}
	}
}

// anchorOf finds a comment's anchor in the body, then the notes.
func (r *reader) anchorOf(id string) *commentAnchor {
	for _, so := range []*storyOut{r.body, r.footnotes, r.endnotes} {
		if so == nil {
			continue
		}
		if a := so.anchors[id]; a != nil {
			return a
		}
	}
	return nil
}

// paraKey normalises a paraId (hexadecimal, which writers spell in either
// case) for lookups.
func paraKey(id string) string {
	return strings.ToUpper(strings.TrimSpace(id))
}

// trimAnchor trims the anchor text's surrounding space and the newline a
// range ending at a paragraph's end leaves.
func trimAnchor(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == ' ') {
		s = s[:len(s)-1]
	}
	for len(s) > 0 && (s[0] == '\n' || s[0] == ' ') {
		s = s[1:]
	}
	return s
}
