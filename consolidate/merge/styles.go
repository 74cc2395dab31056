package merge

import (
	"fmt"
	"sort"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/xmltok"
)

// Styles are matched by name (w:name), never by id: ids change with Word's
// language and with the writing application, names of built-in styles do
// not. A region's style takes the template's style of the same type and
// name; a style the template lacks is added under an id of its own, and a
// later region's style of that name then maps onto the added one.

// The styles parts are read by ingest (ingest.Styles): the same
// definitions the model resolves paragraphs' formatting from.

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
	def  *ingest.Style
	r    *region
	// deps are the output ids the style refers to (basedOn, next, link).
	deps []string
	// set is the formatting the style must set beyond its own definition
	// for it to look as in its region (ids in set.props' order).
	set ingest.Props
	// xml is the rewritten element, filled once the region's maps exist.
	xml []byte
}

// styleRegistry is the output's styles: the template's and those added.
type styleRegistry struct {
	tpl *ingest.Styles
	// theme is the output's, which its styles' theme fonts resolve by.
	theme    *ingest.Theme
	byKey    map[string]string // type + "\x00" + lower-case name -> output id
	ids      map[string]bool   // output ids in use
	names    map[string]bool   // lower-case names in use, all types
	defaults map[string]string // type -> the template's default style id
	tplIDs   map[string]bool   // ids of the template's own styles
	added    []*addedStyle
	addedIdx map[string]*addedStyle
	// look is each output style's effective formatting in the output (for
	// paragraph styles from the document defaults on, for character
	// styles their chain): what it shows a reader.
	look map[string]ingest.Props
	// variants finds the styles made for a region's look of a template
	// style, by region, template style and the properties they set.
	variants map[string]string
}

func styleKey(typ, name string) string { return typ + "\x00" + strings.ToLower(name) }

func newStyleRegistry(tpl *ingest.Styles, theme *ingest.Theme) *styleRegistry {
	if theme == nil {
		theme = ingest.OfficeTheme()
	}
	reg := &styleRegistry{tpl: tpl, theme: theme, byKey: map[string]string{}, ids: map[string]bool{}, names: map[string]bool{},
		defaults: map[string]string{}, tplIDs: map[string]bool{}, addedIdx: map[string]*addedStyle{},
		look: map[string]ingest.Props{}, variants: map[string]string{}}
	for _, s := range tpl.List {
		if _, dup := reg.byKey[styleKey(s.Type, s.Name)]; !dup {
			reg.byKey[styleKey(s.Type, s.Name)] = s.ID
		}
		reg.ids[s.ID] = true
		reg.tplIDs[s.ID] = true
		reg.names[strings.ToLower(s.Name)] = true
		if s.Default && reg.defaults[s.Type] == "" {
			reg.defaults[s.Type] = s.ID
		}
		reg.look[s.ID] = styleLook(tpl, s)
	}
	return reg
}

// styleLook is a style's effective formatting in its own styles part.
func styleLook(ss *ingest.Styles, s *ingest.Style) ingest.Props {
	switch s.Type {
	case "paragraph":
		return ss.Paragraph(s.ID)
	case "character":
		return ss.Chain(s.ID)
	}
	return nil
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

// The house-style rule. The template governs the look of its own styles,
// those every TD shares (Normal, the headings, Title, Caption, the notes'
// text, the list paragraphs, and the others it defines): their Latin and
// East Asian fonts and sizes, their spacing and indents. What belongs to
// a region's language and layout stays the region's even there: paragraph
// direction and alignment, and the complex-script font, size, bold and
// italic (RegionOwned). A style the template lacks is the region's alone,
// with every property it resolves to.

// RegionOwned lists the properties a region keeps in a template's style:
// direction and alignment, and, when it holds complex-script text (where
// they show), its complex-script properties.
func RegionOwned(complexScript bool) func(ingest.Prop) bool {
	return func(p ingest.Prop) bool {
		switch p {
		case ingest.Bidi, ingest.Align, ingest.RTL:
			return true
		}
		return complexScript && p.IsComplexScript()
	}
}

// anyProp selects every property: a region's own styles keep them all.
func anyProp(ingest.Prop) bool { return true }

// mapRegion maps every style of a region onto the output, adding those
// the output lacks, and returns the id map (region id -> output id). A
// style that takes an output style of its name but would look otherwise
// there (a right-to-left Normal, a Quote two regions define differently)
// gets a style of its own, "Normal (ARB)", based on the output's where
// the house-style rule says so.
func (reg *styleRegistry) mapRegion(r *region, ss *ingest.Styles) map[string]string {
	m := map[string]string{}
	var fresh []*addedStyle
	for _, s := range ss.List {
		if _, done := m[s.ID]; done || ss.Get(s.ID) != s {
			continue // a second definition of an id: Word uses the first
		}
		look := styleLook(ss, s)
		target, ok := reg.lookup(s.Type, s.Name)
		// A region's default paragraph style takes the template's (the
		// TD's body text is the template's Normal); a default table style
		// is added, since tables name it and its borders are their look.
		if !ok && s.Default && s.Type != "table" && reg.defaults[s.Type] != "" {
			target, ok = reg.defaults[s.Type], true
		}
		if ok && reg.tplIDs[target] {
			m[s.ID] = reg.variant(r, s.Type, target, look)
			continue
		}
		if ok && reg.sameAs(target, s, look) {
			m[s.ID] = target // another region's style, defined alike: shared
			continue
		}
		a := &addedStyle{id: reg.uniqueID(s.ID, r.tag), name: s.Name, def: s, r: r}
		if reg.names[strings.ToLower(s.Name)] {
			a.name = fmt.Sprintf("%s (%s)", s.Name, r.label())
		}
		reg.add(a, s.Type, s.Name, look)
		m[s.ID] = a.id
		fresh = append(fresh, a)
	}
	for _, a := range fresh {
		for _, ref := range []string{a.def.BasedOn, a.def.Next, a.def.Link} {
			if out, ok := m[ref]; ok && ref != "" {
				a.deps = append(a.deps, out)
			}
		}
		a.set = reg.compensation(a, m, ss)
	}
	return m
}

// add registers an added style; look is how it must look in the output.
func (reg *styleRegistry) add(a *addedStyle, typ, name string, look ingest.Props) {
	reg.ids[a.id] = true
	reg.names[strings.ToLower(a.name)] = true
	if _, taken := reg.byKey[styleKey(typ, name)]; !taken {
		reg.byKey[styleKey(typ, name)] = a.id
	}
	reg.added = append(reg.added, a)
	reg.addedIdx[a.id] = a
	reg.look[a.id] = look
}

// sameAs reports whether the added style id is another region's style
// defined as s is: of its type, looking the same.
func (reg *styleRegistry) sameAs(id string, s *ingest.Style, look ingest.Props) bool {
	a := reg.addedIdx[id]
	return a != nil && a.def != nil && a.def.Type == s.Type && len(look.Diff(reg.look[id], anyProp)) == 0
}

// variant maps a region's style onto the output's style target: onto
// target itself when the properties the region keeps there look
// the same under it, else onto a style of the region's, based on target,
// that sets them as the region does: "Normal (ARB)".
func (reg *styleRegistry) variant(r *region, typ, target string, look ingest.Props) string {
	name := reg.nameOf(target)
	look = r.doc.ShownFonts(look)
	diff := look.Diff(reg.shownFor(r, reg.look[target]), RegionOwned(r.doc.ComplexScript))
	if len(diff) == 0 {
		return target
	}
	set := ingest.Props{}
	for _, p := range diff {
		set[p] = look.Value(p)
	}
	key := r.tag + "\x00" + target + "\x00" + set.String()
	if id, ok := reg.variants[key]; ok {
		return id
	}
	a := &addedStyle{id: reg.uniqueID(target, r.tag), name: reg.uniqueName(fmt.Sprintf("%s (%s)", name, r.label())),
		r: r, deps: []string{target}, set: set}
	a.xml = variantXML(a.id, a.name, typ, target, set)
	reg.add(a, typ, a.name, reg.look[target].Clone().Overlay(set))
	reg.variants[key] = a.id
	return a.id
}

// shownFor is an output look as text of region r's script shows it: its
// theme fonts resolved under the output's theme.
func (reg *styleRegistry) shownFor(r *region, look ingest.Props) ingest.Props {
	return ingest.ResolveThemeFonts(look, reg.theme, r.doc.Script)
}

// restyle is the output style for a region's paragraph of style src (an
// id of ss) that the merge gives the output style target (a heading moved
// to another level): target, or the region's variant of it.
func (reg *styleRegistry) restyle(r *region, ss *ingest.Styles, src, target string) string {
	if ss == nil {
		return target
	}
	return reg.variant(r, "paragraph", target, ss.Paragraph(src))
}

// nameOf is an output style's name.
func (reg *styleRegistry) nameOf(id string) string {
	if a := reg.addedIdx[id]; a != nil {
		return a.name
	}
	return reg.tpl.Name(id)
}

// uniqueName returns name, or name with a number, unused by any style.
func (reg *styleRegistry) uniqueName(name string) string {
	cand := name
	for n := 2; reg.names[strings.ToLower(cand)]; n++ {
		cand = fmt.Sprintf("%s %d", name, n)
	}
	return cand
}

// compensation is what an added style must set for it to look in the
// output as in its region: where the output's defaults and the styles it
// is based on there would give another value than the region's.
func (reg *styleRegistry) compensation(a *addedStyle, m map[string]string, ss *ingest.Styles) ingest.Props {
	if a.def.Type != "paragraph" && a.def.Type != "character" {
		return nil
	}
	var under ingest.Props // the look the style inherits in the output
	if out, ok := m[a.def.BasedOn]; ok && a.def.BasedOn != "" {
		under = reg.look[out].Clone()
	} else if a.def.Type == "paragraph" {
		under = reg.tpl.Defaults.Clone()
	}
	// Fonts compare as the typefaces they show in: the region's under its
	// theme (the rewriter names those its own definition takes from it,
	// fonts.go), the inherited ones under the output's.
	rs := a.r.doc.ShownFonts
	want := rs(reg.look[a.id])
	var set ingest.Props
	for _, p := range want.Diff(reg.shownFor(a.r, under).Overlay(rs(a.def.Own)), anyProp) {
		if set == nil {
			set = ingest.Props{}
		}
		set[p] = want.Value(p)
	}
	return set
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
	reg.add(a, "paragraph", name, reg.look[based].Clone().Overlay(ingest.Props{ingest.KeepNext: "1"}))
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
