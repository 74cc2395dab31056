package ingest

import (
	"io"
	"strconv"
)

// Numbering is a numbering part's list definitions, read once for every
// use: the number format of each list level (which the model gives each
// list paragraph), and each definition's bytes, the ids and nsids in use
// and where new definitions go (which the merge needs to copy a region's
// lists under ids of their own).
type Numbering struct {
	// Abstracts are the w:abstractNum elements and Nums the w:num
	// elements, in part order.
	Abstracts, Nums []ListDef
	// AbstractsEnd is the offset where new abstract definitions go: after
	// the last one, else before the first w:num, else at NumsEnd.
	// NumsEnd is where new w:num elements go: before
	// w:numIdMacAtCleanup, else before the root's end tag. Offsets are
	// into the part as read (UTF-8).
	AbstractsEnd, NumsEnd int
	// MaxAbstract and MaxNum are the highest numeric ids in use (-1 and
	// 0 when there is none).
	MaxAbstract, MaxNum int
	// Nsids are the w:nsid values of the abstract definitions.
	Nsids map[string]bool

	// abstract maps abstractNumId -> level -> numFmt.
	abstract map[string]map[int]string
	// nums maps numId -> abstractNumId.
	nums map[string]string
	// overrides maps numId -> level -> numFmt from w:lvlOverride/w:lvl.
	overrides map[string]map[int]string
}

// ListDef is one w:abstractNum or w:num of a numbering part.
type ListDef struct {
	ID  string // its w:abstractNumId or w:numId
	Raw []byte // the element as written
}

// ParseNumbering reads a numbering part; file and part name it in errors.
func ParseNumbering(file, part string, data []byte) (*Numbering, error) {
	nb := &Numbering{AbstractsEnd: -1, NumsEnd: -1, MaxAbstract: -1, Nsids: map[string]bool{},
		abstract: map[string]map[int]string{}, nums: map[string]string{}, overrides: map[string]map[int]string{}}
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	var (
		levels   map[int]string // the level table being filled
		numID    string         // the w:num being read
		lvl      = -1
		top      int    // where the root's child being read starts
		topID    string // its id, for a definition
		firstNum = -1
	)
	for {
		t, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if t.kind == tokEnd {
			if s.depth() == 0 && nb.NumsEnd < 0 {
				nb.NumsEnd, _ = s.span()
			}
			if s.depth() == 1 && t.ns == nsW {
				_, end := s.span()
				nb.endTop(t.local, topID, s.data[top:end], end)
			}
			switch t.local {
			case "abstractNum", "lvlOverride":
				levels = nil
			case "num":
				numID = ""
			case "lvl":
				lvl = -1
			}
			continue
		}
		if t.kind != tokStart || t.ns != nsW {
			continue
		}
		if s.depth() == 2 {
			top, _ = s.span()
			topID = ""
			switch t.local {
			case "abstractNum":
				topID = s.attr(&t, nsW, "abstractNumId")
			case "num":
				topID = s.attr(&t, nsW, "numId")
				if firstNum < 0 {
					firstNum = top
				}
			case "numIdMacAtCleanup":
				nb.NumsEnd = top
			}
		}
		switch t.local {
		case "abstractNum":
			levels = map[int]string{}
			nb.abstract[s.attr(&t, nsW, "abstractNumId")] = levels
		case "num":
			numID = s.attr(&t, nsW, "numId")
		case "abstractNumId":
			if numID != "" {
				nb.nums[numID] = s.attr(&t, nsW, "val")
			}
		case "lvlOverride":
			if numID != "" {
				if nb.overrides[numID] == nil {
					nb.overrides[numID] = map[int]string{}
				}
				levels = nb.overrides[numID]
			}
		case "lvl":
			lvl, _ = strconv.Atoi(s.attr(&t, nsW, "ilvl"))
		case "numFmt":
			if levels != nil && lvl >= 0 {
				levels[lvl] = s.attr(&t, nsW, "val")
			}
		case "nsid":
			nb.Nsids[s.attr(&t, nsW, "val")] = true
		}
	}
	if nb.AbstractsEnd < 0 {
		nb.AbstractsEnd = firstNum
		if nb.AbstractsEnd < 0 {
			nb.AbstractsEnd = nb.NumsEnd
		}
	}
	return nb, nil
}

// endTop records a child of the root just closed: id is its id, raw its
// bytes, end its end offset.
func (nb *Numbering) endTop(local, id string, raw []byte, end int) {
	switch local {
	case "abstractNum":
		nb.Abstracts = append(nb.Abstracts, ListDef{id, raw})
		nb.AbstractsEnd = end
		if n, err := strconv.Atoi(id); err == nil {
			nb.MaxAbstract = max(nb.MaxAbstract, n)
		}
	case "num":
		nb.Nums = append(nb.Nums, ListDef{id, raw})
		if n, err := strconv.Atoi(id); err == nil {
			nb.MaxNum = max(nb.MaxNum, n)
		}
	}
}

// format returns the number format of a list level, "" when unknown.
func (nb *Numbering) format(numID string, level int) string {
	if nb == nil {
		return ""
	}
	if f, ok := nb.overrides[numID][level]; ok {
		return f
	}
	return nb.abstract[nb.nums[numID]][level]
}
