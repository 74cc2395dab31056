package ingest

import (
	"io"
	"strconv"
	"strings"
)

// style is what the reader needs of one w:style.
type style struct {
	id, name, basedOn string
	typ               string // "paragraph", "character", "table", "numbering"
	// outline is w:outlineLvl + 1 (1–9), 10 for "body text" (9), 0 unset.
	outline int
	// numID and ilvl come from the style's w:numPr; hasNum marks it set.
	numID  string
	ilvl   int
	hasNum bool
	// bold is the style's w:b: 1 on, -1 off, 0 unset.
	bold int
}

// styleSheet is styles.xml by style id.
type styleSheet struct {
	byID map[string]*style
	// defaultPara is the id of the default paragraph style ("Normal").
	defaultPara string
}

// parseStyles reads styles.xml. Properties inside w:pPr / w:rPr of a style
// are taken; anything else is skipped.
func parseStyles(file, part string, data []byte) (*styleSheet, error) {
	ss := &styleSheet{byID: map[string]*style{}}
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	var cur *style
	for {
		t, err := s.next()
		if err == io.EOF {
			return ss, nil
		}
		if err != nil {
			return nil, err
		}
		if t.kind != tokStart || t.ns != nsW {
			if t.kind == tokEnd && t.ns == nsW && t.local == "style" {
				cur = nil
			}
			continue
		}
		switch t.local {
		case "docDefaults", "latentStyles", "tblPr", "tblStylePr", "trPr", "tcPr", "rPrChange", "pPrChange":
			if err := s.skip(); err != nil {
				return nil, err
			}
		case "style":
			cur = &style{id: s.attr(&t, nsW, "styleId"), typ: s.attr(&t, nsW, "type")}
			if cur.typ == "" {
				cur.typ = "paragraph"
			}
			if isOn(s.attr(&t, nsW, "default")) && cur.typ == "paragraph" && ss.defaultPara == "" {
				ss.defaultPara = cur.id
			}
			if _, dup := ss.byID[cur.id]; !dup {
				ss.byID[cur.id] = cur
			}
		}
		if cur == nil {
			continue
		}
		readStyleProp(s, &t, cur)
	}
}

// readStyleProp records one property element of a style.
func readStyleProp(s *scanner, t *token, cur *style) {
	switch t.local {
	case "name":
		cur.name = s.attr(t, nsW, "val")
	case "basedOn":
		cur.basedOn = s.attr(t, nsW, "val")
	case "outlineLvl":
		if n, err := strconv.Atoi(s.attr(t, nsW, "val")); err == nil && n >= 0 && n <= 9 {
			cur.outline = n + 1
		}
	case "numId":
		cur.numID, cur.hasNum = s.attr(t, nsW, "val"), true
	case "ilvl":
		cur.ilvl, _ = strconv.Atoi(s.attr(t, nsW, "val"))
	case "b":
		if s.parentIs(nsW, "rPr") {
			cur.bold = onOff(s, t)
		}
	}
}

// onOff reads a toggle property (w:b, w:vanish): present means on unless
// its val says false. It returns 1 or -1.
func onOff(s *scanner, t *token) int {
	v, ok := s.lookupAttr(t, nsW, "val")
	if !ok || isOn(v) {
		return 1
	}
	return -1
}

// isOn reads an ST_OnOff value.
func isOn(v string) bool {
	switch v {
	case "1", "true", "on", "True", "On":
		return true
	}
	return false
}

// get returns the style with the given id, or nil.
func (ss *styleSheet) get(id string) *style {
	if ss == nil {
		return nil
	}
	return ss.byID[id]
}

// chain calls f for the style and each style it is based on, nearest first,
// until f returns true; loops in basedOn are cut.
func (ss *styleSheet) chain(id string, f func(*style) bool) {
	for i := 0; i < 32 && id != ""; i++ {
		st := ss.get(id)
		if st == nil || f(st) {
			return
		}
		id = st.basedOn
	}
}

// name returns a style's display name, or its id when it has none.
func (ss *styleSheet) name(id string) string {
	if st := ss.get(id); st != nil && st.name != "" {
		return st.name
	}
	return id
}

// headingLevel is the outline level (1–9) a paragraph style gives, 0 for
// none: its name says "heading N", or its w:outlineLvl (own or inherited)
// says so.
func (ss *styleSheet) headingLevel(id string) int {
	level := 0
	ss.chain(id, func(st *style) bool {
		if n := headingName(st.name); n > 0 {
			level = n
			return true
		}
		if st.outline > 0 {
			if st.outline <= 9 {
				level = st.outline
			}
			return true
		}
		return false
	})
	return level
}

// headingName returns N for a style name "heading N" (any case, with or
// without the space), else 0.
func headingName(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	rest, ok := strings.CutPrefix(n, "heading")
	if !ok {
		return 0
	}
	lvl, err := strconv.Atoi(strings.TrimSpace(rest))
	if err != nil || lvl < 1 || lvl > 9 {
		return 0
	}
	return lvl
}

// numbering returns the w:numPr a paragraph style gives (own or inherited).
func (ss *styleSheet) numbering(id string) (numID string, ilvl int, ok bool) {
	ss.chain(id, func(st *style) bool {
		if st.hasNum {
			numID, ilvl, ok = st.numID, st.ilvl, true
			return true
		}
		return false
	})
	return numID, ilvl, ok
}

// isBold reports whether a style (own or inherited) sets w:b on.
func (ss *styleSheet) isBold(id string) bool {
	bold := false
	ss.chain(id, func(st *style) bool {
		if st.bold != 0 {
			bold = st.bold > 0
			return true
		}
		return false
	})
	return bold
}
