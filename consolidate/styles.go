package consolidate

import (
	"fmt"
	"sort"
	"strings"

	"tsagmerge/ingest/xmltok"
)

// Styles are matched by name (w:name), never by id: ids change with Word's
// language and with the writing application, names of built-in styles do
// not. A region's style takes the template's style of the same type and
// name; a style the template lacks is added under an id of its own, and a
// later region's style of that name then maps onto the added one.

// styleDef is one w:style of a styles part.
type styleDef struct {
	typ, id, name string
	isDefault     bool
	basedOn, next string
	link          string
	raw           []byte // the whole element as written
}

// styleSheet is a parsed styles part.
type styleSheet struct {
	root   rootInfo
	styles []*styleDef
	end    int // offset of the root's end tag, where added styles go
}

// parseStyles reads the w:style elements of a styles part.
func parseStyles(where string, data []byte) (*styleSheet, error) {
	root, err := readRoot(where, data)
	if err != nil {
		return nil, err
	}
	ss := &styleSheet{root: root, end: -1}
	sc := newScanner(where, data)
	var cur *styleDef
	for sc.Next() {
		t := &sc.Tok
		switch {
		case t.Kind == xmltok.EndTag && sc.Depth() == 0:
			ss.end = t.Start
		case t.Kind != xmltok.StartTag:
		case sc.Depth() == 2 && !t.SelfClosing && localIs(t.Name, "style"):
			cur = &styleDef{}
			cur.typ, _ = t.LocalAttr("type")
			cur.id, _ = t.LocalAttr("styleId")
			d, _ := t.LocalAttr("default")
			cur.isDefault = d == "1" || d == "true" || d == "on"
			start := t.Start
			depth := sc.Depth()
			for sc.Next() && !(sc.Tok.Kind == xmltok.EndTag && sc.Depth() == depth-1) {
				c := &sc.Tok
				if c.Kind != xmltok.StartTag || sc.Depth() != depth+boolInt(!c.SelfClosing) {
					continue
				}
				v, _ := c.LocalAttr("val")
				switch _, l := xmltok.SplitName(c.Name); string(l) {
				case "name":
					cur.name = v
				case "basedOn":
					cur.basedOn = v
				case "next":
					cur.next = v
				case "link":
					cur.link = v
				}
			}
			cur.raw = data[start:sc.Tok.End]
			if cur.name == "" {
				cur.name = cur.id
			}
			ss.styles = append(ss.styles, cur)
		}
	}
	if err := scanErr(sc); err != nil {
		return nil, err
	}
	if ss.end < 0 {
		return nil, errorf("%s has no end tag", where)
	}
	return ss, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// localIs reports whether a qualified name has the given local part.
func localIs(qn []byte, local string) bool {
	_, l := xmltok.SplitName(qn)
	return string(l) == local
}

// styleAliases maps names that other writers give to styles the template
// knows under Word's built-in name.
var styleAliases = map[string]string{
	"comment text":      "annotation text",
	"comment reference": "annotation reference",
	"comment subject":   "annotation subject",
	"internet link":     "hyperlink",
	"footnote anchor":   "footnote reference",
	"endnote anchor":    "endnote reference",
	"footnote":          "footnote text",
	"endnote":           "endnote text",
}

// bodyTextNames are pandoc's and LibreOffice's body paragraph styles; the
// template writes body text in its default paragraph style (Normal), so
// they map onto it unless the template has them.
var bodyTextNames = map[string]bool{"body text": true, "first paragraph": true, "text body": true}

// addedStyle is a style the output gains from a region.
type addedStyle struct {
	id   string // id in the output
	name string // name in the output
	def  *styleDef
	r    *region
	// deps are the output ids the style refers to (basedOn, next, link).
	deps []string
	// xml is the rewritten element, filled once the region's maps exist.
	xml []byte
}

// styleRegistry is the output's styles: the template's and those added.
type styleRegistry struct {
	byKey    map[string]string // type + "\x00" + lower-case name -> output id
	ids      map[string]bool   // output ids in use
	names    map[string]bool   // lower-case names in use, all types
	defaults map[string]string // type -> the template's default style id
	tplIDs   map[string]bool   // ids of the template's own styles
	added    []*addedStyle
	addedIdx map[string]*addedStyle
}

func styleKey(typ, name string) string { return typ + "\x00" + strings.ToLower(name) }

func newStyleRegistry(tpl *styleSheet) *styleRegistry {
	reg := &styleRegistry{byKey: map[string]string{}, ids: map[string]bool{}, names: map[string]bool{},
		defaults: map[string]string{}, tplIDs: map[string]bool{}, addedIdx: map[string]*addedStyle{}}
	for _, s := range tpl.styles {
		if _, dup := reg.byKey[styleKey(s.typ, s.name)]; !dup {
			reg.byKey[styleKey(s.typ, s.name)] = s.id
		}
		reg.ids[s.id] = true
		reg.tplIDs[s.id] = true
		reg.names[strings.ToLower(s.name)] = true
		if s.isDefault && reg.defaults[s.typ] == "" {
			reg.defaults[s.typ] = s.id
		}
	}
	return reg
}

// lookup finds the output style for a type and name, aliases included.
func (reg *styleRegistry) lookup(typ, name string) (string, bool) {
	lower := strings.ToLower(strings.TrimSpace(name))
	if id, ok := reg.byKey[styleKey(typ, lower)]; ok {
		return id, true
	}
	if alias, ok := styleAliases[lower]; ok {
		if id, ok := reg.byKey[styleKey(typ, alias)]; ok {
			return id, true
		}
	}
	if typ == "paragraph" && bodyTextNames[lower] && reg.defaults["paragraph"] != "" {
		return reg.defaults["paragraph"], true
	}
	return "", false
}

// mapRegion maps every style of a region onto the output, adding those
// the output lacks, and returns the id map (region id -> output id).
func (reg *styleRegistry) mapRegion(r *region, ss *styleSheet) map[string]string {
	m := map[string]string{}
	var fresh []*addedStyle
	for _, s := range ss.styles {
		if _, done := m[s.id]; done {
			continue // a second definition of an id: Word uses the first
		}
		if id, ok := reg.lookup(s.typ, s.name); ok {
			m[s.id] = id
			continue
		}
		// A region's default paragraph style takes the template's (the
		// TD's body text is the template's Normal); a default table style
		// is added, since tables name it and its borders are their look.
		if s.isDefault && s.typ != "table" && reg.defaults[s.typ] != "" {
			m[s.id] = reg.defaults[s.typ]
			continue
		}
		a := &addedStyle{id: reg.uniqueID(s.id, r.tag), name: s.name, def: s, r: r}
		if reg.names[strings.ToLower(s.name)] {
			a.name = fmt.Sprintf("%s (%s)", s.name, r.label())
		}
		reg.ids[a.id] = true
		reg.names[strings.ToLower(a.name)] = true
		reg.byKey[styleKey(s.typ, s.name)] = a.id
		reg.added = append(reg.added, a)
		reg.addedIdx[a.id] = a
		m[s.id] = a.id
		fresh = append(fresh, a)
	}
	for _, a := range fresh {
		for _, ref := range []string{a.def.basedOn, a.def.next, a.def.link} {
			if out, ok := m[ref]; ok && ref != "" {
				a.deps = append(a.deps, out)
			}
		}
	}
	return m
}

// uniqueID returns id if the output does not use it, else id with the
// region's tag and, if need be, a number.
func (reg *styleRegistry) uniqueID(id, tag string) string {
	if id == "" {
		id = "Style"
	}
	if !reg.ids[id] {
		return id
	}
	base := id + strings.ToUpper(tag)
	cand := base
	for n := 2; reg.ids[cand]; n++ {
		cand = fmt.Sprintf("%s%d", base, n)
	}
	return cand
}

// headingID returns the output's paragraph style for heading level n
// (1–9), adding a plain one based on the level above when neither the
// template nor any region brought it.
func (reg *styleRegistry) headingID(n int) string {
	name := fmt.Sprintf("heading %d", n)
	if id, ok := reg.lookup("paragraph", name); ok {
		return id
	}
	based := reg.defaults["paragraph"]
	if n > 1 {
		based = reg.headingID(n - 1)
	}
	id := reg.uniqueID(fmt.Sprintf("Heading%d", n), "")
	xml := fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="%s"/><w:next w:val="%s"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="%d"/></w:pPr></w:style>`,
		xmltok.EscapeAttr(id), name, xmltok.EscapeAttr(based), xmltok.EscapeAttr(reg.defaults["paragraph"]), n-1)
	a := &addedStyle{id: id, name: name, xml: []byte(xml), deps: []string{based}}
	reg.ids[id] = true
	reg.names[name] = true
	reg.byKey[styleKey("paragraph", name)] = id
	reg.added = append(reg.added, a)
	reg.addedIdx[id] = a
	return id
}

// used returns the added styles that the output refers to, directly or
// through other styles, in the order they were added.
func (reg *styleRegistry) used(refs map[string]bool) []*addedStyle {
	keep := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		a, ok := reg.addedIdx[id]
		if !ok || keep[id] {
			return
		}
		keep[id] = true
		for _, d := range a.deps {
			visit(d)
		}
	}
	ids := make([]string, 0, len(refs))
	for id := range refs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		visit(id)
	}
	var out []*addedStyle
	for _, a := range reg.added {
		if keep[a.id] {
			out = append(out, a)
		}
	}
	return out
}
