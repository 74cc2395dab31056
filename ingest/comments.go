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

// resolveThreads marks replies of resolved comments resolved (a comment
// is resolved when it or any comment it replies to, however far up, is),
// and a reply without its own range takes the anchor and place of the
// nearest comment up its thread that has one. A loop of replies (which
// only a hostile commentsExtended makes) counts each member's others as
// the ones up its thread.
//
// Each comment is settled once, from its parent's settlement: walking
// every comment's chain anew was quadratic in a chain of replies, each
// to the one before (10,000 took 14 s of CPU, 40,000 over 2 minutes).
func (r *reader) resolveThreads(ranged map[*Comment]bool) {
	byID := map[string]*Comment{}
	for _, c := range r.doc.Comments {
		byID[c.ID] = c
	}
	type settled struct {
		resolved bool
		from     *Comment // the nearest ranged comment, itself included; nil if none
	}
	done := map[*Comment]settled{}
	onPath := map[*Comment]int{} // the comments of the current walk, by position
	for _, c := range r.doc.Comments {
		// Walk up to a settled comment, the top of the thread, or a loop.
		var path []*Comment
		loopAt := -1
		for p := c; p != nil; p = byID[p.Parent] {
			if _, ok := done[p]; ok {
				break
			}
			if i, ok := onPath[p]; ok {
				loopAt = i
				break
			}
			onPath[p] = len(path)
			path = append(path, p)
		}
		end := len(path) // settled from the top down: path[:end]
		if loopAt >= 0 {
			settleLoop(path[loopAt:], ranged, func(m *Comment, resolved bool, from *Comment) {
				done[m] = settled{resolved, from}
			})
			end = loopAt
		}
		for i := end - 1; i >= 0; i-- {
			m := path[i]
			up := done[byID[m.Parent]] // the zero value at the top of a thread
			s := settled{resolved: m.Resolved || up.resolved, from: up.from}
			if ranged[m] {
				s.from = m
			}
			done[m] = s
		}
		clear(onPath)
	}
	for _, c := range r.doc.Comments {
		s := done[c]
		c.Resolved = s.resolved
		if s.from != nil && s.from != c {
			c.Anchor, c.Paragraph = s.from.Anchor, s.from.Paragraph
		}
	}
}

// settleLoop settles a loop of replies, each replying to the next and the
// last to the first: resolved when any member is, and each taking its own
// range or that of the nearest ranged member after it.
func settleLoop(loop []*Comment, ranged map[*Comment]bool, settle func(m *Comment, resolved bool, from *Comment)) {
	resolved := false
	for _, m := range loop {
		resolved = resolved || m.Resolved
	}
	// Going round twice backwards, next is the nearest ranged member at
	// or after each position.
	var next *Comment
	from := make([]*Comment, len(loop))
	for k := 2*len(loop) - 1; k >= 0; k-- {
		m := loop[k%len(loop)]
		if ranged[m] {
			next = m
		}
		from[k%len(loop)] = next
	}
	for i, m := range loop {
		settle(m, resolved, from[i])
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
