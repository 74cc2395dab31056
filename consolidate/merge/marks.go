package merge

import (
	"regexp"
	"sort"
	"strings"
)

// Bookmarks, comment ranges and the like come in halves. A half is written
// when met and remembered in pending; when the part is done, settle takes
// out again every start whose end never came (the CIS sample has one) and
// every comment range whose comment was not carried.

// bookmarkStart carries a bookmark under a fresh id and its output name.
func (rw *rewriter) bookmarkStart() bool {
	old, _ := rw.attrGet(nsW, "id")
	name, ok := rw.r.bookmarks[rw.part][old]
	if !ok {
		return false // never closed in the source, or nameless
	}
	nv := rw.freshAnnot()
	rw.bmIDs[old] = nv
	rw.setAttr(nsW, "id", nv)
	if cur, _ := rw.attrGet(nsW, "name"); cur != name {
		rw.setAttr(nsW, "name", name)
	}
	rw.bmOpen[old] = rw.remember(markBookmark, old)
	return true
}

// bookmarkEnd carries the end of a bookmark whose start was carried.
func (rw *rewriter) bookmarkEnd() bool {
	old, _ := rw.attrGet(nsW, "id")
	i, open := rw.bmOpen[old]
	if !open {
		return false
	}
	delete(rw.bmOpen, old)
	if i >= 0 {
		rw.pending[i].ok = true
	}
	rw.setAttr(nsW, "id", rw.bmIDs[old])
	return true
}

// commentRange carries a comment range start or end when comments are
// kept; whether its comment is carried, and its other half, is known only
// at the end.
func (rw *rewriter) commentRange(end bool) bool {
	if rw.r.opts.Comments == CommentsDrop {
		return false
	}
	old, _ := rw.attrGet(nsW, "id")
	if !rw.mapID(nsW, "id", rw.r.comments) {
		return false
	}
	kind := markCommentStart
	if end {
		kind = markCommentEnd
	}
	rw.remember(kind, old)
	return true
}

// commentReference carries the reference that anchors a comment.
func (rw *rewriter) commentReference() bool {
	if rw.r.opts.Comments == CommentsDrop {
		return false
	}
	old, _ := rw.attrGet(nsW, "id")
	if !rw.mapID(nsW, "id", rw.r.comments) {
		return false
	}
	rw.r.commentRefs[old] = true
	return true
}

// rangeMark gives a permission or custom-XML range a fresh id; the end
// takes the id given to its start, and an end without start is dropped.
func (rw *rewriter) rangeMark(isStart, renameMove bool) bool {
	old, _ := rw.attrGet(nsW, "id")
	if isStart {
		nv := rw.freshAnnot()
		rw.ranges[old] = nv
		rw.setAttr(nsW, "id", nv)
		if renameMove {
			if name, i := rw.attrGet(nsW, "name"); i >= 0 {
				rw.setVal(i, name+"_"+rw.r.tag)
			}
		}
		return true
	}
	nv, ok := rw.ranges[old]
	if !ok {
		return false
	}
	rw.setAttr(nsW, "id", nv)
	return true
}

// remember records a half written at the current output position; it is
// called before the tag is written, so the tag's length is fixed later.
func (rw *rewriter) remember(kind markKind, id string) int {
	if !rw.writing() {
		return -1
	}
	rw.pending = append(rw.pending, pendingMark{off: len(rw.out), n: -1, kind: kind, id: id})
	return len(rw.pending) - 1
}

// sealPending fixes the length of marks written by the last start tag.
func (rw *rewriter) sealPending() {
	for i := len(rw.pending) - 1; i >= 0 && rw.pending[i].n < 0; i-- {
		rw.pending[i].n = len(rw.out) - rw.pending[i].off
	}
}

// truncate takes back everything written from off on (a removed row or
// cell) and forgets the halves written there.
func (rw *rewriter) truncate(off int) {
	rw.out = rw.out[:off]
	for len(rw.pending) > 0 && rw.pending[len(rw.pending)-1].off >= off {
		last := rw.pending[len(rw.pending)-1]
		if last.kind == markBookmark {
			delete(rw.bmOpen, last.id)
		}
		rw.pending = rw.pending[:len(rw.pending)-1]
	}
}

// settle removes the bookmark starts never closed, and the comment ranges
// of comments not carried or missing a half (the other was in deleted
// text), then forgets the pending halves.
func (rw *rewriter) settle() {
	halves := map[string]markKind{} // comment id -> the halves written
	for _, p := range rw.pending {
		if p.kind != markBookmark {
			halves[p.id] |= p.kind
		}
	}
	var cut []pendingMark
	for _, p := range rw.pending {
		keep := p.ok
		if p.kind != markBookmark {
			keep = rw.r.commentRefs[p.id] && halves[p.id] == markCommentStart|markCommentEnd
		}
		if !keep && p.n > 0 {
			cut = append(cut, p)
		}
	}
	rw.pending = rw.pending[:0]
	if len(cut) == 0 {
		return
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].off < cut[j].off })
	out := rw.out[:0:0]
	prev := 0
	for _, c := range cut {
		if c.off < prev {
			continue
		}
		out = append(out, rw.out[prev:c.off]...)
		prev = c.off + c.n
	}
	rw.out = append(out, rw.out[prev:]...)
}

// renameAnchor follows a renamed bookmark in an internal hyperlink.
func (rw *rewriter) renameAnchor() {
	if len(rw.r.anchors) == 0 {
		return
	}
	if v, i := rw.attrGet(nsW, "anchor"); i >= 0 {
		if nv, ok := rw.r.anchors[v]; ok {
			rw.setVal(i, nv)
		}
	}
}

// renameInstr follows renamed bookmarks in a simple field's code.
func (rw *rewriter) renameInstr() {
	if len(rw.r.anchors) == 0 {
		return
	}
	if v, i := rw.attrGet(nsW, "instr"); i >= 0 {
		if nv := renameFieldTargets(v, rw.r.anchors); nv != v {
			rw.setVal(i, nv)
		}
	}
}

// fieldTarget finds the bookmark a field refers to: REF, PAGEREF and
// NOTEREF name it first, HYPERLINK after its \l switch.
var fieldTarget = regexp.MustCompile(`(?i)(\b(?:REF|PAGEREF|NOTEREF)\s+|\\l\s+)("?)([^\s"\\]+)`)

// renameFieldTargets renames the bookmarks a field code refers to.
func renameFieldTargets(instr string, names map[string]string) string {
	return fieldTarget.ReplaceAllStringFunc(instr, func(m string) string {
		sub := fieldTarget.FindStringSubmatch(m)
		if nv, ok := names[sub[3]]; ok {
			return sub[1] + sub[2] + nv
		}
		return m
	})
}

// bookmarkNamer gives every carried bookmark a name no other bookmark of
// the output has. Word compares bookmark names without regard to case and
// allows 40 characters.
type bookmarkNamer struct {
	used map[string]bool
}

const maxBookmarkName = 40

// name returns name if free, else name with a number, and takes it.
func (bn *bookmarkNamer) name(name string) string {
	cand := name
	for n := 2; bn.used[strings.ToLower(cand)]; n++ {
		suffix := "_" + itoa(int64(n))
		base := name
		if len(base)+len(suffix) > maxBookmarkName {
			base = base[:maxBookmarkName-len(suffix)]
		}
		cand = base + suffix
	}
	bn.used[strings.ToLower(cand)] = true
	return cand
}

// mapBookmarks names the bookmarks of one region part: starts that are
// never closed or have no name are left out of the map (and so of the
// output), the others get a unique name; renamed names are recorded in
// anchors (the first bookmark of a name wins) for hyperlinks and fields.
func (bn *bookmarkNamer) mapBookmarks(pb partBookmarks, anchors map[string]string) map[string]string {
	m := map[string]string{}
	for _, b := range pb.starts {
		if !pb.ends[b.id] || b.name == "" {
			continue
		}
		if _, dup := m[b.id]; dup {
			continue
		}
		nv := bn.name(b.name)
		m[b.id] = nv
		if _, seen := anchors[b.name]; !seen && nv != b.name {
			anchors[b.name] = nv
		}
	}
	return m
}
