package ingest

import (
	"strings"
)

// openRev is a tracked change whose text is being gathered until the
// element at depth owner closes.
type openRev struct {
	rev   *Revision
	owner int
	text  strings.Builder
}

// change handles w:ins, w:del, w:moveFrom and w:moveTo. Inside a
// paragraph mark's or a row's properties they mark the paragraph mark or
// the row; elsewhere they wrap the changed runs.
func (st *story) change(t *token, d int) {
	kind := revKind(t.local)
	switch {
	case st.s.parentIs(nsW, "rPr"):
		if st.s.ancestorIs(2, nsW, "pPr") {
			st.addRev(t, kind, -1)
		}
		return
	case st.s.parentIs(nsW, "trPr"):
		owner := -1
		if n := len(st.tables); n > 0 {
			owner = d - 2 // the w:tr
		}
		st.addRev(t, kind, owner)
		return
	}
	st.addRev(t, kind, d)
	st.countChange(t.local, 1)
}

func (st *story) endChange(local string, d int) {
	if len(st.revs) > 0 && st.revs[len(st.revs)-1].owner == d {
		st.countChange(local, -1)
	}
}

func (st *story) countChange(local string, delta int) {
	switch local {
	case "ins":
		st.ins += delta
	case "del":
		st.del += delta
	case "moveFrom":
		st.moveFrom += delta
	case "moveTo":
		st.moveTo += delta
	}
}

func revKind(local string) RevisionKind {
	switch local {
	case "ins", "cellIns":
		return Insertion
	case "del", "cellDel":
		return Deletion
	case "moveFrom":
		return MoveFrom
	case "moveTo":
		return MoveTo
	case "pPrChange":
		return ParaProps
	}
	return Format
}

// addRev records a tracked change; its text is gathered until the element
// at depth owner closes (owner -1: no text).
func (st *story) addRev(t *token, kind RevisionKind, owner int) {
	rev := &Revision{Kind: kind, ID: st.s.attr(t, nsW, "id"), Author: st.s.attr(t, nsW, "author"),
		Date: parseDate(st.s.attr(t, nsW, "date")), Paragraph: st.paraIndex(), Part: st.part}
	st.out.revisions = append(st.out.revisions, rev)
	if owner >= 0 {
		st.revs = append(st.revs, &openRev{rev: rev, owner: owner})
	}
}

// propChange records a formatting change; its text is the run's (rPrChange)
// or the paragraph's (pPrChange).
func (st *story) propChange(t *token) {
	owner := -1
	switch {
	case t.local == "rPrChange" && st.run != nil && st.s.ancestorIs(2, nsW, "r"):
		owner = st.run.depth
	case t.local == "pPrChange", t.local == "rPrChange":
		if ps := st.para(); ps != nil {
			owner = ps.depth
		}
	}
	st.addRev(t, revKind(t.local), owner)
}
