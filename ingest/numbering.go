package ingest

import (
	"io"
	"strconv"
)

// numbering is numbering.xml: each w:num's abstract definition and the
// number format of each level.
type numbering struct {
	// abstract maps abstractNumId -> level -> numFmt.
	abstract map[string]map[int]string
	// nums maps numId -> abstractNumId.
	nums map[string]string
	// overrides maps numId -> level -> numFmt from w:lvlOverride/w:lvl.
	overrides map[string]map[int]string
}

// parseNumbering reads numbering.xml.
func parseNumbering(file, part string, data []byte) (*numbering, error) {
	nb := &numbering{abstract: map[string]map[int]string{}, nums: map[string]string{}, overrides: map[string]map[int]string{}}
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	var (
		levels map[int]string // the level table being filled
		numID  string         // the w:num being read
		lvl    = -1
	)
	for {
		t, err := s.next()
		if err == io.EOF {
			return nb, nil
		}
		if err != nil {
			return nil, err
		}
		if t.ns != nsW {
			continue
		}
		if t.kind == tokEnd {
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
		if t.kind != tokStart {
			continue
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
		}
	}
}

// format returns the number format of a list level, "" when unknown.
func (nb *numbering) format(numID string, level int) string {
	if nb == nil {
		return ""
	}
	if f, ok := nb.overrides[numID][level]; ok {
		return f
	}
	return nb.abstract[nb.nums[numID]][level]
}
