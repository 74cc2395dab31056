package consolidate

import (
	"fmt"
	"strconv"

	"tsagmerge/ingest/xmltok"
)

// Every region's list definitions are copied under new ids, abstract
// definitions included and with a new w:nsid, so that Word sees each
// region's lists as lists of their own: they restart rather than continue
// the numbering of the template's or another region's lists.

// numElem is one top-level element of a numbering part.
type numElem struct {
	id  string // w:abstractNumId or w:numId
	raw []byte
}

// numberingPart is a parsed numbering part.
type numberingPart struct {
	root      rootInfo
	abstracts []numElem
	nums      []numElem
	// absAt is where new abstract definitions go (after the last one, or
	// before the first w:num); numAt where new w:num go (before
	// w:numIdMacAtCleanup or the root's end).
	absAt, numAt int
	maxAbs       int
	maxNum       int
	nsids        map[string]bool
}

func parseNumbering(where string, data []byte) (*numberingPart, error) {
	root, err := readRoot(where, data)
	if err != nil {
		return nil, err
	}
	np := &numberingPart{root: root, absAt: -1, numAt: -1, maxAbs: -1, maxNum: 0, nsids: map[string]bool{}}
	sc := newScanner(where, data)
	firstNum := -1
	for sc.Next() {
		t := &sc.Tok
		if t.Kind == xmltok.EndTag && sc.Depth() == 0 {
			if np.numAt < 0 {
				np.numAt = t.Start
			}
			continue
		}
		if t.Kind != xmltok.StartTag || sc.Depth() != 1+boolInt(!t.SelfClosing) {
			continue
		}
		start := t.Start
		_, local := xmltok.SplitName(t.Name)
		switch string(local) {
		case "abstractNum":
			id, _ := t.LocalAttr("abstractNumId")
			end := elementEnd(sc)
			np.abstracts = append(np.abstracts, numElem{id, data[start:end]})
			np.absAt = end
			if n, err := strconv.Atoi(id); err == nil {
				np.maxAbs = max(np.maxAbs, n)
			}
		case "num":
			id, _ := t.LocalAttr("numId")
			if firstNum < 0 {
				firstNum = start
			}
			np.nums = append(np.nums, numElem{id, data[start:elementEnd(sc)]})
			if n, err := strconv.Atoi(id); err == nil {
				np.maxNum = max(np.maxNum, n)
			}
		case "numIdMacAtCleanup":
			np.numAt = start
			elementEnd(sc)
		default:
			elementEnd(sc)
		}
	}
	if err := scanErr(sc); err != nil {
		return nil, err
	}
	forEachTag(data, "nsid", func(t *xmltok.Token) {
		v, _ := t.LocalAttr("val")
		np.nsids[v] = true
	})
	if np.absAt < 0 {
		np.absAt = firstNum
		if np.absAt < 0 {
			np.absAt = np.numAt
		}
	}
	return np, nil
}

// elementEnd consumes the element just started and returns its end offset.
func elementEnd(sc *xmltok.Scanner) int {
	if sc.Tok.SelfClosing {
		return sc.Tok.End
	}
	return sc.SkipElement()
}

// numRegistry hands out abstract and concrete numbering ids and nsids.
type numRegistry struct {
	nextAbs, nextNum int
	nsids            map[string]bool
}

func newNumRegistry(tpl *numberingPart) *numRegistry {
	reg := &numRegistry{nextAbs: 0, nextNum: 1, nsids: map[string]bool{}}
	if tpl != nil {
		reg.nextAbs, reg.nextNum = tpl.maxAbs+1, tpl.maxNum+1
		for k := range tpl.nsids {
			reg.nsids[k] = true
		}
	}
	return reg
}

// regionNumbering is how one region's list ids map onto the output.
type regionNumbering struct {
	abs  map[string]string // abstractNumId -> output abstractNumId
	nums map[string]string // numId -> output numId
	nsid map[string]string // output abstractNumId -> its new nsid
}

// mapRegion gives every abstract and concrete list of a region an output id.
func (reg *numRegistry) mapRegion(np *numberingPart) regionNumbering {
	rn := regionNumbering{abs: map[string]string{}, nums: map[string]string{"0": "0"}, nsid: map[string]string{}}
	if np == nil {
		return rn
	}
	for _, a := range np.abstracts {
		if _, dup := rn.abs[a.id]; dup {
			continue
		}
		out := strconv.Itoa(reg.nextAbs)
		reg.nextAbs++
		rn.abs[a.id] = out
		rn.nsid[out] = reg.newNsid(reg.nextAbs)
	}
	for _, n := range np.nums {
		if _, dup := rn.nums[n.id]; dup {
			continue
		}
		rn.nums[n.id] = strconv.Itoa(reg.nextNum)
		reg.nextNum++
	}
	return rn
}

// newNsid returns an nsid no list of the output has, derived from seed so
// the output does not change from run to run.
func (reg *numRegistry) newNsid(seed int) string {
	v := uint32(seed)*2654435761 | 0x10000000
	for {
		s := fmt.Sprintf("%08X", v)
		if !reg.nsids[s] {
			reg.nsids[s] = true
			return s
		}
		v++
	}
}
