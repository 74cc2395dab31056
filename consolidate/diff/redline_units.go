package diff

import (
	"strconv"
	"strings"
)

// minMoveWords is the fewest words a paragraph must have for its removal
// in one place and addition in another to be a move: two short lines
// alike ("Yes.", an empty heading) are not one text moved.
const minMoveWords = 3

// diffContainer records the differences between an old and a new
// container: units are lined up by key, then paired within each stretch
// that differs (paragraphs alike enough, tables with tables); a paragraph
// only in old whose text a paragraph only in new has elsewhere in the
// body is a move.
func (rl *redliner) diffContainer(oc, nc *container, body bool) {
	hunks := rl.alignUnits(oc.units, nc.units)
	if body {
		rl.findMoves(oc, nc, hunks)
	}
	var ops []unitOp
	next := 0 // the next new unit, before which removed ones go
	at := func() int {
		if next < len(nc.units) {
			return nc.units[next].start
		}
		return nc.end
	}
	for _, hp := range hunks {
		h := hp.h
		if h.equal {
			for k := range h.new {
				ops = append(ops, unitOp{kind: opEqual, o: oc.units[h.old[k]], n: nc.units[h.new[k]]})
			}
			next += len(h.new)
			continue
		}
		walkHunk(h, hp.pairs,
			func(i int) { ops = append(ops, unitOp{kind: opRemoved, o: oc.units[i], at: at()}) },
			func(j int) { ops = append(ops, unitOp{kind: opAdded, n: nc.units[j]}); next++ },
			func(p pair) {
				ops = append(ops, unitOp{kind: opPaired, o: oc.units[p.old], n: nc.units[p.new]})
				next++
			})
	}
	rl.shiftMarks(ops)
	for _, op := range ops {
		rl.record(op)
	}
}

// unitOp is what becomes of one unit: kept (opEqual), paired with
// changes, added or removed (written back at at); mark and noMark adjust
// its paragraph mark (see shiftMarks).
type unitOp struct {
	kind   int
	o, n   *unit
	at     int
	mark   string
	noMark bool
}

// The kinds of unitOp.
const (
	opEqual = iota
	opPaired
	opAdded
	opRemoved
)

// shiftMarks moves the paragraph-mark change of paragraphs added (or
// removed) at a container's end one paragraph up: the mark that ends a
// document or a cell is never removed, so Word records "A, then new B and
// C at the end" as A's mark and B's inserted, C's not, and likewise for
// deletions. Without it, rejecting (or accepting) leaves an empty
// paragraph.
func (rl *redliner) shiftMarks(ops []unitOp) {
	n := len(ops)
	if n < 2 {
		return
	}
	kind := ops[n-1].kind
	if kind != opAdded && kind != opRemoved {
		return
	}
	k := n - 1
	for k >= 0 && ops[k].kind == kind && rl.plainPara(ops[k]) {
		k--
	}
	if k == n-1 || k < 0 || (ops[k].kind != opEqual && ops[k].kind != opPaired) || ops[k].n.para < 0 {
		return
	}
	ops[k].mark = map[int]string{opAdded: "ins", opRemoved: "del"}[kind]
	ops[n-1].noMark = true
}

// plainPara says whether an op adds or removes a paragraph (one moved
// here counts: its text is inserted here).
func (rl *redliner) plainPara(op unitOp) bool {
	if op.kind == opAdded {
		return op.n.para >= 0
	}
	_, moved := rl.movedOld[op.o]
	return op.o.para >= 0 && !moved
}

// record records one unit's op.
func (rl *redliner) record(op unitOp) {
	switch op.kind {
	case opEqual:
		if op.mark != "" {
			t := rl.text(false, op.n)
			rl.rewrite(op.n, paraPlan{edits: []Edit{{Equal, t}}, markKind: op.mark})
		}
	case opPaired:
		rl.paired(op.o, op.n, op.mark)
	case opAdded:
		rl.added(op.n, op.noMark)
	case opRemoved:
		rl.removed(op.o, op.at, op.noMark)
	}
}

// pairedHunk is a hunk with its units paired.
type pairedHunk struct {
	h     hunk
	pairs []pair
}

// alignUnits lines up two containers' units and pairs those of each
// differing stretch.
func (rl *redliner) alignUnits(old, new []*unit) []pairedHunk {
	ok, nk := make([]string, len(old)), make([]string, len(new))
	for i, u := range old {
		ok[i] = rl.key(true, u)
	}
	for j, u := range new {
		nk[j] = rl.key(false, u)
	}
	score := func(i, j int) float64 { return rl.unitScore(old[i], new[j]) }
	var out []pairedHunk
	for _, h := range align(ok, nk) {
		ph := pairedHunk{h: h}
		if !h.equal {
			ph.pairs = pairUp(h.old, h.new, score, minSimilarity)
		}
		out = append(out, ph)
	}
	return out
}

// unitScore is how alike an old and a new unit are: paragraphs by their
// words, tables always alike enough to be one table changed.
func (rl *redliner) unitScore(a, b *unit) float64 {
	switch {
	case a.para >= 0 && b.para >= 0:
		return rl.wd.similarity(rl.text(true, a), rl.text(false, b))
	case a.para < 0 && b.para < 0:
		return 0.5 + 0.5*rl.wd.similarity(rl.plainText(true, a), rl.plainText(false, b))
	}
	return 0
}

// findMoves names the moves: a paragraph removed and one added, anywhere
// in the body, with the same text of at least minMoveWords words and no
// pictures.
func (rl *redliner) findMoves(oc, nc *container, hunks []pairedHunk) {
	removed := map[string][]*unit{}
	var added []*unit
	for _, hp := range hunks {
		if hp.h.equal {
			continue
		}
		walkHunk(hp.h, hp.pairs,
			func(i int) {
				if u := oc.units[i]; rl.movable(true, u) {
					removed[rl.text(true, u)] = append(removed[rl.text(true, u)], u)
				}
			},
			func(j int) {
				if u := nc.units[j]; rl.movable(false, u) {
					added = append(added, u)
				}
			},
			func(pair) {})
	}
	for _, u := range added {
		t := rl.text(false, u)
		if olds := removed[t]; len(olds) > 0 {
			rl.moves++
			name := "tsagmerge-move-" + strconv.Itoa(rl.moves)
			rl.movedOld[olds[0]], rl.movedNew[u] = name, name
			removed[t] = olds[1:]
		}
	}
}

// movable says whether a unit may be one end of a move.
func (rl *redliner) movable(old bool, u *unit) bool {
	figs := rl.newFigs
	if old {
		figs = rl.oldFigs
	}
	return u.para >= 0 && figs[u.para+1] == "" && len(strings.Fields(rl.text(old, u))) >= minMoveWords
}

// removed records an old unit the new version lacks, written back at at;
// noMark leaves its paragraph mark unrecorded.
func (rl *redliner) removed(u *unit, at int, noMark bool) {
	kind := "del"
	name, moved := rl.movedOld[u]
	if moved {
		kind = "moveFrom"
	}
	data := rl.deletedCopy(rl.oldRaw(u.span), rl.oldPrefix, kind, rl.oldTexts(u), noMark)
	if moved {
		data = rl.wrapMoveFrom(data, name)
	}
	rl.edit(at, at, data)
}

// wrapMoveFrom puts a moved-away paragraph's content between its range
// marks, inside the paragraph, after its properties.
func (rl *redliner) wrapMoveFrom(p []byte, name string) []byte {
	closePPr := "</" + rl.w + ":pPr>"
	cut := strings.Index(string(p), closePPr)
	if cut < 0 {
		return p
	}
	cut += len(closePPr)
	end := strings.LastIndex(string(p), "</")
	out := append([]byte{}, p[:cut]...)
	out = append(out, rl.rangeStart("moveFrom", name)...)
	out = append(out, p[cut:end]...)
	out = append(out, rl.rangeEnd("moveFrom", name)...)
	return append(out, p[end:]...)
}

// added records a new unit the old version lacks; noMark leaves its
// paragraph mark unrecorded.
func (rl *redliner) added(u *unit, noMark bool) {
	if u.para < 0 {
		rl.insertTable(u)
		return
	}
	plan := paraPlan{whole: "ins", noMark: noMark}
	if name, moved := rl.movedNew[u]; moved {
		plan = paraPlan{whole: "moveTo", moveName: name, noMark: noMark}
	}
	rl.rewrite(u, plan)
}

// paired records the changes from an old unit to the new one it pairs
// with; mark, when set, records the new paragraph's mark as inserted or
// deleted.
func (rl *redliner) paired(o, n *unit, mark string) {
	if n.para < 0 {
		rl.diffTable(o, n)
		return
	}
	ot, nt := rl.text(true, o), rl.text(false, n)
	plan := paraPlan{edits: rl.wd.words(ot, nt), pictures: rl.oldFigs[o.para+1] != rl.newFigs[n.para+1], markKind: mark}
	if plan.edits == nil { // both empty
		plan.edits = []Edit{}
	}
	if plan.pictures && rl.oldFigs[o.para+1] != "" {
		// Pictures replaced: the old paragraph is written back deleted,
		// with its pictures, and the new one recorded as inserted.
		rl.removed(o, n.start, false)
		rl.added(n, false)
		return
	}
	if !rl.rewrite(n, plan) {
		rl.removed(o, n.start, false)
		rl.added(n, false)
	}
}

// rewrite records a new paragraph rewritten as plan says; false when its
// runs do not show the text ingest read (then nothing is recorded).
func (rl *redliner) rewrite(u *unit, plan paraPlan) bool {
	pv, err := readPara(rl.newTree.src[u.start:u.end], rl.w)
	if err != nil || pv.text != rl.text(false, u) {
		if plan.whole == "" {
			rl.coarse++
			return false
		}
	}
	if err != nil {
		return false
	}
	rl.edit(u.start, u.end, rl.rewritePara(pv, plan))
	return true
}

// insertTable records a new table as inserted: each row, and all it holds.
func (rl *redliner) insertTable(u *unit) {
	for _, r := range u.rows {
		rl.insertRow(r)
	}
}

// insertRow records a new row as inserted, with its cells' content.
func (rl *redliner) insertRow(r *row) {
	rl.markRow(r, "ins")
	for _, c := range r.cells {
		for _, u := range c.units {
			rl.added(u, false)
		}
	}
}

// markRow gives a new row a change mark in its w:trPr.
func (rl *redliner) markRow(r *row, kind string) {
	mark := rl.selfMark(kind)
	open, close := "<"+rl.w+":trPr>", "</"+rl.w+":trPr>"
	src := rl.newTree.src
	switch {
	case r.trPr.end == 0:
		at := max(r.tagEnd, r.prExEnd)
		rl.edit(at, at, []byte(open+mark+close))
	case r.trPrEmpty:
		rl.edit(r.trPr.start, r.trPr.end, []byte(open+mark+close))
	default:
		at := r.trPr.start + strings.LastIndex(string(src[r.trPr.start:r.trPr.end]), "</")
		rl.edit(at, at, []byte(mark))
	}
}

// diffTable records the changes between two tables: rows lined up by
// their cells' text, rows paired compared cell by cell.
func (rl *redliner) diffTable(o, n *unit) {
	ok, nk := make([]string, len(o.rows)), make([]string, len(n.rows))
	for i, r := range o.rows {
		ok[i] = rl.rowKey(true, r)
	}
	for j, r := range n.rows {
		nk[j] = rl.rowKey(false, r)
	}
	score := func(i, j int) float64 {
		if len(o.rows[i].cells) != len(n.rows[j].cells) {
			return 0
		}
		return 0.5 + 0.5*rl.wd.similarity(ok[i], nk[j])
	}
	next := 0
	at := func() int {
		if next < len(n.rows) {
			return n.rows[next].start
		}
		return n.tblEnd
	}
	for _, h := range align(ok, nk) {
		if h.equal {
			next += len(h.new)
			continue
		}
		walkHunk(h, pairUp(h.old, h.new, score, minSimilarity),
			func(i int) {
				r := o.rows[i]
				rl.edit(at(), at(), rl.deletedCopy(rl.oldRaw(r.span), rl.oldPrefix, "del", rl.rowTexts(r, nil), false))
			},
			func(j int) { rl.insertRow(n.rows[j]); next++ },
			func(p pair) {
				for k, c := range n.rows[p.new].cells {
					rl.diffContainer(o.rows[p.old].cells[k], c, false)
				}
				next++
			})
	}
}

// oldTexts are the texts of an old unit's paragraphs, in order.
func (rl *redliner) oldTexts(u *unit) []string {
	return rl.unitTexts(u, nil)
}

func (rl *redliner) unitTexts(u *unit, out []string) []string {
	if u.para >= 0 {
		return append(out, rl.oldDoc.Paragraphs[u.para].Text)
	}
	for _, r := range u.rows {
		out = rl.rowTexts(r, out)
	}
	return out
}

func (rl *redliner) rowTexts(r *row, out []string) []string {
	for _, c := range r.cells {
		for _, u := range c.units {
			out = rl.unitTexts(u, out)
		}
	}
	return out
}
