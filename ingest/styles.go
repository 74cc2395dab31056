package ingest

import (
	"io"
	"strconv"
	"strings"
)

// Style is one w:style of a styles part: what it is called, what it is
// based on, and the formatting it sets itself.
type Style struct {
	ID   string // w:styleId
	Name string // w:name; the id when the style has none
	// Type is "paragraph", "character", "table" or "numbering".
	Type    string
	Default bool // w:default: the type's default style
	BasedOn string
	Next    string
	Link    string // the linked character or paragraph style
	// Own is the formatting the style's own w:pPr and w:rPr set.
	Own Props
	// Raw is the whole element as written (in UTF-8), for the merge,
	// which copies styles; Start is its offset in the part.
	Raw   []byte
	Start int

	// outline is w:outlineLvl + 1 (1–9), 10 for "body text" (9), 0 unset.
	outline int
	// numID and ilvl come from the style's w:numPr; hasNum marks it set.
	numID  string
	ilvl   int
	hasNum bool
}

// Styles is a styles part's definitions: the document defaults and every
// style, with each style's formatting resolved through its basedOn chain
// once. It is read-only after ParseStyles.
type Styles struct {
	// Defaults is w:docDefaults: what every paragraph and run starts from.
	Defaults Props
	// List holds the styles in the order written; a second style of an id
	// already defined is listed but not found by id (Word uses the first).
	List []*Style
	// DefaultParagraph is the id of the default paragraph style
	// ("Normal"), DefaultCharacter that of the default run style.
	DefaultParagraph, DefaultCharacter string
	// End is the offset of the root's end tag, where styles can be added.
	End int

	byID  map[string]*Style
	chain map[string]Props // a style's formatting with its basedOn chain's
	// para, own and runs are, by paragraph style, Paragraph's result, its
	// paragraph properties alone and its run properties alone, worked out
	// once.
	para, own, runs map[string]Props
}

// ParseStyles reads a styles part; file and part name it in errors.
func ParseStyles(file, part string, data []byte) (*Styles, error) {
	ss := &Styles{byID: map[string]*Style{}, End: -1}
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	var cur *Style
	var defaults bool // inside w:docDefaults
	for {
		t, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if t.kind == tokEnd {
			switch {
			case s.depth() == 0:
				ss.End, _ = s.span()
			case t.ns == nsW && t.local == "style" && cur != nil:
				_, end := s.span()
				cur.Raw = s.data[cur.Start:end]
				cur = nil
			case t.ns == nsW && t.local == "docDefaults":
				defaults = false
			}
			continue
		}
		if t.kind != tokStart || t.ns != nsW {
			continue
		}
		switch t.local {
		case "latentStyles", "tblPr", "tblStylePr", "trPr", "tcPr", "rPrChange", "pPrChange":
			if err := s.skip(); err != nil {
				return nil, err
			}
			continue
		case "docDefaults":
			defaults = true
		case "style":
			cur = ss.startStyle(s, &t)
			continue
		}
		switch {
		case defaults:
			if s.ancestorIs(2, nsW, "pPrDefault") || s.ancestorIs(2, nsW, "rPrDefault") {
				readProp(&ss.Defaults, t.local, func(name string) (string, bool) { return s.lookupAttr(&t, nsW, name) })
			}
		case cur != nil:
			readStyleProp(s, &t, cur)
		}
	}
	ss.resolve()
	return ss, nil
}

// startStyle begins a w:style.
func (ss *Styles) startStyle(s *scanner, t *token) *Style {
	st := &Style{ID: s.attr(t, nsW, "styleId"), Type: s.attr(t, nsW, "type"), Default: isOn(s.attr(t, nsW, "default"))}
	st.Start, _ = s.span()
	if st.Type == "" {
		st.Type = "paragraph"
	}
	if _, dup := ss.byID[st.ID]; !dup {
		ss.byID[st.ID] = st
		if st.Default {
			switch {
			case st.Type == "paragraph" && ss.DefaultParagraph == "":
				ss.DefaultParagraph = st.ID
			case st.Type == "character" && ss.DefaultCharacter == "":
				ss.DefaultCharacter = st.ID
			}
		}
	}
	ss.List = append(ss.List, st)
	return st
}

// readStyleProp records one property element of a style.
func readStyleProp(s *scanner, t *token, cur *Style) {
	switch t.local {
	case "name":
		cur.Name = s.attr(t, nsW, "val")
		return
	case "basedOn":
		cur.BasedOn = s.attr(t, nsW, "val")
		return
	case "next":
		cur.Next = s.attr(t, nsW, "val")
		return
	case "link":
		cur.Link = s.attr(t, nsW, "val")
		return
	case "outlineLvl":
		if n, err := strconv.Atoi(s.attr(t, nsW, "val")); err == nil && n >= 0 && n <= 9 {
			cur.outline = n + 1
		}
		return
	case "numId":
		cur.numID, cur.hasNum = s.attr(t, nsW, "val"), true
		return
	case "ilvl":
		cur.ilvl, _ = strconv.Atoi(s.attr(t, nsW, "val"))
		return
	}
	// The style's own w:pPr and w:rPr (not a w:pPr's paragraph-mark rPr).
	if s.ancestorIs(2, nsW, "style") && (s.parentIs(nsW, "pPr") || s.parentIs(nsW, "rPr")) {
		readProp(&cur.Own, t.local, func(name string) (string, bool) { return s.lookupAttr(t, nsW, name) })
	}
}

// resolve names nameless styles and works out each style's formatting
// through its basedOn chain, nearest first (a style's own setting wins
// over the one it is based on).
func (ss *Styles) resolve() {
	ss.chain = make(map[string]Props, len(ss.byID))
	for _, st := range ss.List {
		if st.Name == "" {
			st.Name = st.ID
		}
	}
	for id := range ss.byID {
		var links []*Style
		ss.walk(id, func(st *Style) bool { links = append(links, st); return false })
		var p Props
		for i := len(links) - 1; i >= 0; i-- {
			p = p.Overlay(links[i].Own)
		}
		ss.chain[id] = p
	}
	n := len(ss.byID) + 1
	ss.para, ss.own, ss.runs = make(map[string]Props, n), make(map[string]Props, n), make(map[string]Props, n)
	resolve := func(id, chain string) {
		ss.para[id] = ss.Defaults.Clone().Overlay(ss.chain[chain])
		ss.own[id] = ss.para[id].Only(Prop.IsParagraph)
		ss.runs[id] = ss.para[id].Only(func(k Prop) bool { return !k.IsParagraph() })
	}
	for id, st := range ss.byID {
		if st.Type == "paragraph" {
			resolve(id, id)
		}
	}
	resolve("", ss.DefaultParagraph)
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

// Get returns the style with the given id, or nil.
func (ss *Styles) Get(id string) *Style {
	if ss == nil {
		return nil
	}
	return ss.byID[id]
}

// walk calls f for the style and each style it is based on, nearest first,
// until f returns true; loops in basedOn are cut.
func (ss *Styles) walk(id string, f func(*Style) bool) {
	for i := 0; i < 32 && id != ""; i++ {
		st := ss.Get(id)
		if st == nil || f(st) {
			return
		}
		id = st.BasedOn
	}
}

// Chain is the formatting a style sets through its basedOn chain, without
// the document defaults (nil for an unknown id). It is shared: do not
// change it.
func (ss *Styles) Chain(id string) Props {
	if ss == nil {
		return nil
	}
	return ss.chain[id]
}

// Paragraph is the formatting of a paragraph in the style id ("" for the
// default paragraph style) before its direct formatting: the document
// defaults overlaid with the style chain's. The result is the caller's.
func (ss *Styles) Paragraph(id string) Props {
	return ss.paragraph(id).Clone()
}

// paragraph is Paragraph's result, shared.
func (ss *Styles) paragraph(id string) Props {
	if ss == nil {
		return nil
	}
	return byStyle(ss.para, id)
}

// byStyle looks a paragraph style's entry up, the default's for an id
// that names no paragraph style.
func byStyle(m map[string]Props, id string) Props {
	if p, ok := m[id]; ok {
		return p
	}
	return m[""]
}

// runBase is the run properties of a paragraph in the style id, shared.
func (ss *Styles) runBase(id string) Props {
	if ss == nil {
		return nil
	}
	return byStyle(ss.runs, id)
}

// Run is the effective formatting of a run: the paragraph's (as
// Paragraph gives it, with its direct formatting) overlaid with the
// character style's chain and the run's own properties. Only run
// properties are returned.
func (ss *Styles) Run(para Props, rf RunFormat) Props {
	p := para.Only(func(k Prop) bool { return !k.IsParagraph() })
	if ss != nil {
		p = p.Overlay(ss.chain[rf.Style])
	}
	return p.Overlay(rf.Direct)
}

// Name returns a style's display name, or its id when it has none.
func (ss *Styles) Name(id string) string {
	if st := ss.Get(id); st != nil && st.Name != "" {
		return st.Name
	}
	return id
}

// headingLevel is the outline level (1–9) a paragraph style gives, 0 for
// none: its name says "heading N", or its w:outlineLvl (own or inherited)
// says so.
func (ss *Styles) headingLevel(id string) int {
	level := 0
	ss.walk(id, func(st *Style) bool {
		if n := headingName(st.Name); n > 0 {
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
func (ss *Styles) numbering(id string) (numID string, ilvl int, ok bool) {
	ss.walk(id, func(st *Style) bool {
		if st.hasNum {
			numID, ilvl, ok = st.numID, st.ilvl, true
			return true
		}
		return false
	})
	return numID, ilvl, ok
}

// isBold reports whether a style (own or inherited) sets w:b on.
func (ss *Styles) isBold(id string) bool {
	return ss.Chain(id).Value(Bold) == "1"
}
