package merge

import "sort"

// moveUnder puts the region heading, written from heading on, before the
// content carried from before it (written from rw.moveAt on), so that
// what a region says before its heading stands under the heading in the
// output rather than at the end of the region before. The bookmark and
// comment-range halves written in the two pieces are moved with them.
func (rw *rewriter) moveUnder(heading int) {
	from, end := rw.moveAt, len(rw.out)
	rw.moveAt = -1
	if from >= heading {
		return
	}
	head := append([]byte(nil), rw.out[heading:end]...)
	copy(rw.out[from+len(head):], rw.out[from:heading])
	copy(rw.out[from:], head)
	moved := false
	for i := range rw.pending {
		p := &rw.pending[i]
		switch {
		case p.off >= heading && p.off < end:
			p.off -= heading - from
			moved = true
		case p.off >= from && p.off < heading:
			p.off += end - heading
		}
	}
	if !moved {
		return
	}
	// pending stays in output order (truncate relies on it); bmOpen
	// follows the bookmark starts to their new places.
	order := make([]int, len(rw.pending))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rw.pending[order[a]].off < rw.pending[order[b]].off })
	newIndex := make([]int, len(order))
	sorted := make([]pendingMark, len(order))
	for n, old := range order {
		sorted[n] = rw.pending[old]
		newIndex[old] = n
	}
	rw.pending = sorted
	for id, i := range rw.bmOpen {
		if i >= 0 {
			rw.bmOpen[id] = newIndex[i]
		}
	}
}
