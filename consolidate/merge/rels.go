package merge

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// outRel is one relationship of an output part.
type outRel struct {
	id, typ, target string
	external        bool
}

// relSet is the relationships of one output part: the template's, kept as
// they are, then those the regions bring, under ids not yet used.
type relSet struct {
	rels []outRel
	ids  map[string]bool
	next int
}

func newRelSet(existing []opc.Relationship) *relSet {
	rs := &relSet{ids: map[string]bool{}, next: 1}
	for _, r := range existing {
		rs.rels = append(rs.rels, outRel{id: r.ID, typ: r.Type, target: r.Target, external: r.External})
		rs.ids[r.ID] = true
		if n, err := strconv.Atoi(strings.TrimPrefix(r.ID, "rId")); err == nil && n >= rs.next {
			rs.next = n + 1
		}
	}
	return rs
}

// add appends a relationship and returns its id.
func (rs *relSet) add(typ, target string, external bool) string {
	id := "rId" + strconv.Itoa(rs.next)
	for rs.ids[id] {
		rs.next++
		id = "rId" + strconv.Itoa(rs.next)
	}
	rs.next++
	rs.ids[id] = true
	rs.rels = append(rs.rels, outRel{id: id, typ: typ, target: target, external: external})
	return id
}

// hasType reports whether a relationship of the type is there.
func (rs *relSet) hasType(typ string) bool {
	for _, r := range rs.rels {
		if r.typ == typ {
			return true
		}
	}
	return false
}

// relsXML writes a .rels part.
func relsXML(rels []outRel) []byte {
	out := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		out = append(out, `<Relationship Id="`...)
		out = xmltok.AppendEscaped(out, r.id)
		out = append(out, `" Type="`...)
		out = xmltok.AppendEscaped(out, r.typ)
		out = append(out, `" Target="`...)
		out = xmltok.AppendEscaped(out, r.target)
		out = append(out, '"')
		if r.external {
			out = append(out, ` TargetMode="External"`...)
		}
		out = append(out, "/>"...)
	}
	return append(out, "</Relationships>"...)
}

// structuralRels are the relationship types of the main document (and of
// notes and comments parts) that the merge handles itself or leaves to the
// template, rather than copying the target part.
var structuralRels = map[string]bool{
	"styles": true, "numbering": true, "settings": true, "webSettings": true, "fontTable": true,
	"theme": true, "footnotes": true, "endnotes": true, "comments": true, "commentsExtended": true,
	"commentsIds": true, "commentsExtensible": true, "people": true, "header": true, "footer": true,
	"customXml": true, "glossaryDocument": true, "stylesWithEffects": true, "vbaProject": true,
	"keyMapCustomizations": true, "attachedTemplate": true, "wordVbaData": true, "printerSettings": true,
	"customizations": true,
}

func relKind(typ string) string { return path.Base(typ) }

// copiedPart is a part the output takes from a region, byte for byte, under
// a new name, with its own relationships re-targeted.
type copiedPart struct {
	pkg  *opc.Package
	src  string // name in the region's package
	name string // name in the output
	ct   string // content type
	rels []outRel
	// hasRels is true when the part has relationships to write.
	hasRels bool
	// docRels is set for a diagram's data part, which names the drawing
	// of the diagram by an id of the document's relationships (dsp:
	// dataModelExt relId): the map of those ids, to follow the renumbering.
	docRels map[string]string
	// pal, when set, is the region's palette, to apply to the part's
	// scheme colours (a chart's, a diagram's).
	pal *palette
}

// partCopier names and collects the parts copied from the regions.
type partCopier struct {
	used   map[string]bool // lower-case names of every output part
	parts  []*copiedPart
	byName map[string]*copiedPart
}

func newPartCopier(template *opc.Package) *partCopier {
	pc := &partCopier{used: map[string]bool{}, byName: map[string]*copiedPart{}}
	for _, n := range template.Names {
		pc.used[strings.ToLower(n)] = true
	}
	return pc
}

// reserve marks a name as taken (for parts the merge writes itself).
func (pc *partCopier) reserve(name string) { pc.used[strings.ToLower(name)] = true }

// copy schedules a region's part for copying and returns its output name.
// The part's own relationships are followed, so a chart brings its
// embedded workbook and a diagram its drawing.
func (pc *partCopier) copy(r *region, src string) string {
	key := strings.ToLower(src)
	if name, ok := r.copied[key]; ok {
		return name
	}
	part := r.pkg.Part(src)
	name := pc.uniqueName(part.Name, r.tag)
	r.copied[key] = name
	cp := &copiedPart{pkg: r.pkg, src: part.Name, name: name, ct: r.pkg.ContentType(part.Name)}
	pc.parts = append(pc.parts, cp)
	pc.byName[name] = cp
	rels, err := r.pkg.Rels(part.Name)
	if err != nil {
		r.warnf("the relationships of %s cannot be read (%v); its links were not carried", part.Name, err)
	}
	for _, rel := range rels {
		typ := opc.Transitional(rel.Type)
		switch {
		case rel.External:
			cp.rels = append(cp.rels, outRel{id: rel.ID, typ: typ, target: rel.Target, external: true})
		case r.pkg.Has(rel.Part):
			target := pc.copy(r, rel.Part)
			cp.rels = append(cp.rels, outRel{id: rel.ID, typ: typ, target: relTarget(name, target)})
		default:
			r.warnf("%s links to %s, which is missing; the link was dropped", part.Name, rel.Target)
		}
	}
	cp.hasRels = len(cp.rels) > 0
	if r.pal != nil && recolourable(cp.ct) && !slices.ContainsFunc(rels, func(rel opc.Relationship) bool { return isThemeOverride(rel.Type) }) {
		cp.pal = r.pal // a chart with a theme override resolves against it, in the output too
	}
	return name
}

// uniqueName gives a copied part a name of its own: the region's tag
// before the base name ("word/media/afr-image1.png"), and a number when
// even that is taken.
func (pc *partCopier) uniqueName(src, tag string) string {
	dir, base := path.Split(src)
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	cand := dir + tag + "-" + base
	for n := 2; pc.used[strings.ToLower(cand)]; n++ {
		cand = dir + tag + "-" + stem + "-" + strconv.Itoa(n) + ext
	}
	pc.used[strings.ToLower(cand)] = true
	return cand
}

// relTarget writes the target of a relationship from part from to part
// to, relative to from's folder as Word writes it, and escaped as a URI
// ("my%20chart.xml" for a part named "my chart.xml").
func relTarget(from, to string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromDir) && i < len(toParts)-1 && fromDir[i] == toParts[i] {
		i++
	}
	var b strings.Builder
	for range fromDir[i:] {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(toParts[i:], "/"))
	return opc.EscapeTarget(b.String())
}

// mapPartRels maps the relationships of a region part (its main document,
// notes or comments) onto the output part's relSet: links are added under
// new ids, linked parts are copied. The map sends an old id to its new id;
// ids of structural relationships and of missing targets are absent, and
// references to them are dropped by the rewriter.
func mapPartRels(r *region, src string, out *relSet, outPart string, pc *partCopier) map[string]string {
	m := map[string]string{}
	rels, err := r.pkg.Rels(src)
	if err != nil {
		r.warnf("the relationships of %s cannot be read (%v); its links were not carried", src, err)
		return m
	}
	for _, rel := range rels {
		typ := opc.Transitional(rel.Type)
		switch {
		case structuralRels[relKind(typ)]:
		case rel.External:
			m[rel.ID] = out.add(typ, rel.Target, true)
		case r.pkg.Has(rel.Part):
			name := pc.copy(r, rel.Part)
			m[rel.ID] = out.add(typ, relTarget(outPart, name), false)
			if relKind(typ) == "diagramData" {
				pc.byName[name].docRels = m
			}
		default:
			r.warnf("%s links to %s, which is missing; the link was dropped", src, rel.Target)
		}
	}
	return m
}

// content returns a copied part's bytes when they must change (a diagram's
// data naming its drawing, a chart's scheme colours that the output's
// theme would show otherwise), or nil when the part is copied as it is.
func (cp *copiedPart) content() ([]byte, error) {
	if cp.docRels == nil && cp.pal == nil {
		return nil, nil
	}
	data, err := cp.pkg.Read(cp.src)
	if err != nil {
		return nil, err
	}
	where := cp.pkg.Path + ": " + cp.src
	if cp.docRels != nil {
		if data, err = renameRelIDs(where, data, cp.docRels); err != nil {
			return nil, err
		}
	}
	if cp.pal != nil {
		return recolourPart(where, data, cp.pal)
	}
	return data, nil
}

// renameRelIDs gives the relId attributes of a diagram's data part (its
// dsp:dataModelExt names the diagram's drawing by an id of the document's
// relationships) their new ids, copying every other byte.
func renameRelIDs(where string, data []byte, ids map[string]string) ([]byte, error) {
	sc := newScanner(where, data)
	out := xmltok.RewriteAttrs(sc, func(_ *xmltok.Token, a xmltok.Attr) (string, bool) {
		if _, l := xmltok.SplitName(a.Name); string(l) != "relId" {
			return "", false
		}
		nv, ok := ids[xmltok.Unescape(a.Value)]
		return nv, ok
	})
	if err := scanErr(sc); err != nil {
		return nil, err
	}
	if out == nil {
		return data, nil
	}
	return out, nil
}
