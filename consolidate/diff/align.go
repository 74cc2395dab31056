package diff

import (
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// hunk is a stretch of an alignment: either units equal in both versions
// (old[i] pairs with new[i]) or units only in old and only in new.
type hunk struct {
	equal    bool
	old, new []int // indices into the sequences given to align
}

// maxExactAlign is the most units two sequences may hold together for an
// exact alignment, whose cost grows with their length times the number of
// differences (two 20,000-paragraph documents that share nothing: 4 s;
// the 1,000-page bench file against itself is 34,000). Longer sequences
// are aligned for at most alignTimeout, what is not lined up by then
// being removed and added.
const (
	maxExactAlign = 40000
	alignTimeout  = 5 * time.Second
)

// align lines up two sequences of units by their keys, the way diff(1)
// lines up lines: diffmatchpatch over one rune per distinct key.
func align(a, b []string) []hunk {
	c := newCodec()
	ra, rb := c.encode(a), c.encode(b)
	if len(c.units) > maxUnits {
		return []hunk{{old: seq(0, len(a)), new: seq(0, len(b))}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // an exact alignment; sequences are paragraphs, not characters
	if len(a)+len(b) > maxExactAlign {
		dmp.DiffTimeout = alignTimeout
	}
	var out []hunk
	i, j := 0, 0
	cur := func() *hunk {
		if n := len(out); n > 0 && !out[n-1].equal {
			return &out[n-1]
		}
		out = append(out, hunk{})
		return &out[len(out)-1]
	}
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, hunk{equal: true, old: seq(i, i+n), new: seq(j, j+n)})
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			h := cur()
			h.old = append(h.old, seq(i, i+n)...)
			i += n
		case diffmatchpatch.DiffInsert:
			h := cur()
			h.new = append(h.new, seq(j, j+n)...)
			j += n
		}
	}
	return out
}

func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for k := from; k < to; k++ {
		out = append(out, k)
	}
	return out
}

// pair is one old unit matched with one new unit inside a hunk.
type pair struct{ old, new int }

// maxPairingCells bounds the pairing table; past it units pair by position.
const maxPairingCells = 4096

// pairUp matches the old and new units of a hunk that are alike enough
// (score(i, j) >= threshold), keeping their order and maximising the total
// score. Unmatched units are removed or added.
func pairUp(old, new []int, score func(i, j int) float64, threshold float64) []pair {
	m, n := len(old), len(new)
	if m == 0 || n == 0 {
		return nil
	}
	if m*n > maxPairingCells {
		return pairByPosition(old, new, score, threshold)
	}
	best := make([][]float64, m+1)
	for i := range best {
		best[i] = make([]float64, n+1)
	}
	sim := make([][]float64, m)
	for i := range m {
		sim[i] = make([]float64, n)
		for j := range n {
			sim[i][j] = score(old[i], new[j])
		}
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			v := max(best[i-1][j], best[i][j-1])
			if s := sim[i-1][j-1]; s >= threshold {
				v = max(v, best[i-1][j-1]+s)
			}
			best[i][j] = v
		}
	}
	var out []pair
	for i, j := m, n; i > 0 && j > 0; {
		switch s := sim[i-1][j-1]; {
		case s >= threshold && best[i][j] == best[i-1][j-1]+s:
			out = append(out, pair{old[i-1], new[j-1]})
			i, j = i-1, j-1
		case best[i][j] == best[i-1][j]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// pairByPosition pairs the k-th old unit with the k-th new one when they
// are alike enough: what pairUp does when its table would be too large.
func pairByPosition(old, new []int, score func(i, j int) float64, threshold float64) []pair {
	var out []pair
	for k := 0; k < min(len(old), len(new)); k++ {
		if score(old[k], new[k]) >= threshold {
			out = append(out, pair{old[k], new[k]})
		}
	}
	return out
}

// walkHunk visits a hunk's units in reading order: each old unit not
// paired (removed), each new unit not paired (added), and each pair.
func walkHunk(h hunk, pairs []pair, removed, added func(int), paired func(pair)) {
	i, j := 0, 0
	for _, p := range pairs {
		for ; h.old[i] != p.old; i++ {
			removed(h.old[i])
		}
		for ; h.new[j] != p.new; j++ {
			added(h.new[j])
		}
		paired(p)
		i, j = i+1, j+1
	}
	for ; i < len(h.old); i++ {
		removed(h.old[i])
	}
	for ; j < len(h.new); j++ {
		added(h.new[j])
	}
}
