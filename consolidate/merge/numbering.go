package merge

import (
	"fmt"
	"strconv"

	"tsagmerge/ingest"
)

// Every region's list definitions are copied under new ids, abstract
// definitions included and with a new w:nsid, so that Word sees each
// region's lists as lists of their own: they restart rather than continue
// the numbering of the template's or another region's lists.

// numRegistry hands out abstract and concrete numbering ids and nsids.
type numRegistry struct {
	nextAbs, nextNum int
	nsids            map[string]bool
}

func newNumRegistry(tpl *ingest.Numbering) *numRegistry {
	reg := &numRegistry{nextAbs: 0, nextNum: 1, nsids: map[string]bool{}}
	if tpl != nil {
		reg.nextAbs, reg.nextNum = tpl.MaxAbstract+1, tpl.MaxNum+1
		for k := range tpl.Nsids {
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
func (reg *numRegistry) mapRegion(np *ingest.Numbering) regionNumbering {
	rn := regionNumbering{abs: map[string]string{}, nums: map[string]string{"0": "0"}, nsid: map[string]string{}}
	if np == nil {
		return rn
	}
	for _, a := range np.Abstracts {
		if _, dup := rn.abs[a.ID]; dup {
			continue
		}
		out := strconv.Itoa(reg.nextAbs)
		reg.nextAbs++
		rn.abs[a.ID] = out
		rn.nsid[out] = reg.newNsid(reg.nextAbs)
	}
	for _, n := range np.Nums {
		if _, dup := rn.nums[n.ID]; dup {
			continue
		}
		rn.nums[n.ID] = strconv.Itoa(reg.nextNum)
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
