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
	// counts is the change's element name (ins, del, moveFrom, moveTo)
	// when it raised that nesting count until its owner closes.
	counts string
}

// change handles w:ins, w:del, w:moveFrom and w:moveTo. Inside a
// paragraph mark's properties they mark the paragraph mark. Inside a row's
// properties they mark the row inserted or deleted as a whole: its text is
// then inserted or deleted text up to the row's end, as accepting or
// rejecting the change keeps or removes the whole row. Elsewhere they wrap
// the changed runs.
func (st *story) change(t *token, d int) {
	kind := revKind(t.local)
	switch {
	case st.s.parentIs(nsW, "rPr"):
		if st.s.ancestorIs(2, nsW, "pPr") {
			st.addRev(t, kind, -1)
		}
		return
	case st.s.parentIs(nsW, "trPr"):
		if len(st.tables) == 0 {
			st.addRev(t, kind, -1)
			return
		}
		d -= 2 // the w:tr
		st.rowChange(kind)
	}
	st.addRev(t, kind, d).counts = t.local
	st.countChange(t.local, 1)
}

// rowChange counts a whole row inserted or deleted in the top-level table
// being read.
func (st *story) rowChange(kind RevisionKind) {
	if len(st.tables) != 1 || st.tables[0].t == nil {
		return
	}
	switch kind {
	case Insertion:
		st.tables[0].t.InsertedRows++
	case Deletion:
		st.tables[0].t.DeletedRows++
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
// at depth owner closes (owner -1: no text, and the result is a scratch
// openRev that nothing keeps).
func (st *story) addRev(t *token, kind RevisionKind, owner int) *openRev {
	rev := &Revision{Kind: kind, ID: st.s.attr(t, nsW, "id"), Author: st.s.attr(t, nsW, "author"),
		Date: parseDate(st.s.attr(t, nsW, "date")), Paragraph: st.paraIndex(), Part: st.part}
	st.out.revisions = append(st.out.revisions, rev)
	open := &openRev{rev: rev, owner: owner}
	if owner >= 0 {
		st.revs = append(st.revs, open)
	}
	return open
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
