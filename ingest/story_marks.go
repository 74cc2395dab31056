package ingest

import (
	"strings"
)

// openField is a field being read: its code, then (after the separator
// of a complex field, or at once for w:fldSimple) its result.
type openField struct {
	f        *Field
	owner    int
	inResult bool
	instr    strings.Builder
	result   strings.Builder
	para     *paraInfo
}

// openLink is a w:hyperlink whose text is being gathered.
type openLink struct {
	h     *Hyperlink
	owner int
	text  strings.Builder
}

// commentAnchor is where a comment sits in its story.
type commentAnchor struct {
	text strings.Builder
	// Paragraph is the body paragraph of the range start (or of the
	// reference when there is no range).
	paragraph int
	hasRange  bool
	part      string
	// referenced is set by the comment's reference mark; inserted and
	// deleted say whether that stands in tracked inserted or deleted text.
	referenced, inserted, deleted bool
}

// openField starts a simple field.
func (st *story) openField(instr string, d int) {
	f := &openField{f: &Field{Paragraph: st.paraIndex(), Part: st.part}, owner: d, inResult: true}
	f.instr.WriteString(instr)
	if ps := st.outer(); ps != nil {
		f.para = ps.info
	}
	st.out.fields = append(st.out.fields, f.f)
	st.simple = append(st.simple, f)
}

// fldChar steps a complex field: begin, separate, end.
func (st *story) fldChar(kind string) {
	switch kind {
	case "begin":
		f := &openField{f: &Field{Paragraph: st.paraIndex(), Part: st.part}, owner: -1}
		if ps := st.outer(); ps != nil {
			f.para = ps.info
		}
		st.out.fields = append(st.out.fields, f.f)
		st.complex = append(st.complex, f)
	case "separate":
		if n := len(st.complex); n > 0 {
			st.complex[n-1].inResult = true
		}
	case "end":
		if n := len(st.complex); n > 0 {
			st.finishField(st.complex[n-1])
			st.complex = st.complex[:n-1]
		}
	}
}

// finishField stores a field's code and result, and notes SEQ fields on
// their paragraph (a caption's mark).
func (st *story) finishField(f *openField) {
	f.f.Instr = strings.TrimSpace(f.instr.String())
	f.f.Result = f.result.String()
	words := strings.Fields(f.f.Instr)
	if len(words) >= 2 && strings.EqualFold(words[0], "SEQ") && f.para != nil {
		f.para.seqs = append(f.para.seqs, words[1])
	}
}

func (st *story) startLink(t *token, d int) {
	h := &Hyperlink{Anchor: st.s.attr(t, nsW, "anchor"), Part: st.part, Paragraph: st.paraIndex()}
	if id := st.s.attr(t, nsR, "id"); id != "" {
		st.out.linkRels[h] = id // resolved against the part's relationships later
	}
	st.out.hyperlinks = append(st.out.hyperlinks, h)
	st.links = append(st.links, &openLink{h: h, owner: d})
}

func (st *story) bookmarkStart(t *token) {
	b := &Bookmark{ID: st.s.attr(t, nsW, "id"), Name: st.s.attr(t, nsW, "name"), Part: st.part}
	st.out.bookmarks = append(st.out.bookmarks, b)
	st.marks[b.ID] = b
}

// commentMark handles commentRangeStart, commentRangeEnd and
// commentReference.
func (st *story) commentMark(t *token) {
	id := st.s.attr(t, nsW, "id")
	a := st.out.anchors[id]
	if a == nil {
		a = &commentAnchor{paragraph: st.paraIndex(), part: st.part}
		st.out.anchors[id] = a
	}
	switch t.local {
	case "commentRangeStart":
		if !a.hasRange {
			a.hasRange = true
			st.anchors[id] = a
		}
	case "commentRangeEnd":
		delete(st.anchors, id)
	case "commentReference":
		a.referenced = true
		a.inserted = a.inserted || st.ins+st.moveTo > 0
		a.deleted = a.deleted || st.del+st.moveFrom > 0
	}
}
