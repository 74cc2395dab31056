package ingest

import (
	"strings"
)

// commentText is a w:comment of comments.xml.
type commentText struct {
	c      *Comment
	text   strings.Builder
	paraID string
}

// startNote begins a footnote or endnote; separators are skipped.
func (st *story) startNote(t *token) error {
	if st.kind != storyNotes {
		return nil
	}
	switch st.s.attr(t, nsW, "type") {
	case "separator", "continuationSeparator", "continuationNotice":
		return st.s.skip()
	}
	st.note = &Note{ID: st.s.attr(t, nsW, "id")}
	st.noteText.Reset()
	st.noteOrig.Reset()
	return nil
}

func (st *story) endNote() {
	if st.note == nil {
		return
	}
	st.note.Text = strings.TrimSpace(st.noteText.String())
	st.note.Original = strings.TrimSpace(st.noteOrig.String())
	st.out.notes = append(st.out.notes, st.note)
	st.note = nil
}

func (st *story) startComment(t *token) {
	if st.kind != storyComments {
		return
	}
	st.comment = &commentText{c: &Comment{ID: st.s.attr(t, nsW, "id"), Author: st.s.attr(t, nsW, "author"),
		Initials: st.s.attr(t, nsW, "initials"), Date: parseDate(st.s.attr(t, nsW, "date"))}}
}

func (st *story) endComment() {
	if st.comment == nil {
		return
	}
	st.comment.c.Text = strings.TrimSpace(st.comment.text.String())
	st.comment.c.ParaID = st.comment.paraID
	st.out.comments = append(st.out.comments, st.comment)
	st.comment = nil
}
