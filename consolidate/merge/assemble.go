package merge

import (
	"bytes"
	"path"
	"sort"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// mergedPart is an output part made of a template part (or a root made
// anew) with the regions' content inserted.
type mergedPart struct {
	name  string
	tpl   []byte // the template's bytes, nil for a part made anew
	root  rootInfo
	union *nsUnion
	spec  *partSpec // for parts the template may lack
	fresh bool      // made anew: written only if it gets content
	init  []byte    // content a part made anew starts with
}

func newMerged(name string, tpl []byte, root rootInfo, spec *partSpec) *mergedPart {
	mp := &mergedPart{name: name, tpl: tpl, root: root, union: newNSUnion(), spec: spec}
	mp.union.add(root)
	return mp
}

func synthMerged(spec partSpec, initial []byte) *mergedPart {
	root := rootInfo{name: []byte(spec.prefix + ":" + spec.root), decls: []nsDecl{{spec.prefix, spec.uri}}}
	mp := &mergedPart{name: spec.name, root: root, union: newNSUnion(), spec: &spec, fresh: true, init: initial}
	mp.union.add(root)
	return mp
}

// insert is content put at an offset of the template part.
type insert struct {
	at   int
	data [][]byte
	skip int // template bytes left out from at on
}

// bytes writes the part: the template's bytes with the root tag replaced
// by the union's and the inserts in place.
func (mp *mergedPart) bytes(inserts ...insert) []byte {
	size := len(mp.tpl) + len(mp.init) + 4096
	for _, in := range inserts {
		for _, d := range in.data {
			size += len(d)
		}
	}
	out := make([]byte, 0, size)
	if mp.tpl == nil {
		out = append(out, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"...)
		out = append(out, mp.union.rootTag(mp.root)...)
		out = append(out, mp.init...)
		for _, in := range inserts {
			for _, d := range in.data {
				out = append(out, d...)
			}
		}
		return append(append(append(out, "</"...), mp.root.name...), '>')
	}
	sort.SliceStable(inserts, func(i, j int) bool { return inserts[i].at < inserts[j].at })
	out = append(out, mp.tpl[:mp.root.start]...)
	out = append(out, mp.union.rootTag(mp.root)...)
	prev := mp.root.end
	for _, in := range inserts {
		out = append(out, mp.tpl[prev:in.at]...)
		for _, d := range in.data {
			out = append(out, d...)
		}
		prev = in.at + in.skip
	}
	return append(out, mp.tpl[prev:]...)
}

// endOffset is where content is appended to a template part: before the
// root's end tag.
func (mp *mergedPart) endOffset() int {
	if mp.tpl == nil {
		return 0
	}
	return bytes.LastIndex(mp.tpl, []byte("</"))
}

// collect gathers one piece of every region's output.
func (m *merger) collect(pick func(*regionOutput) []byte) [][]byte {
	var out [][]byte
	for _, r := range m.regions {
		if d := pick(&r.out); len(d) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// assemble writes the output parts and lists the zip's entries.
func (m *merger) assemble() ([]opc.Entry, error) {
	b := m.base
	written := map[string][]byte{}
	written[b.main] = m.parts[mpDocument].bytes(m.bodyInserts()...)
	written[b.stylesPart] = m.stylesBytes()
	added, err := m.appendParts(written)
	if err != nil {
		return nil, err
	}
	for part, rs := range m.rels {
		if len(rs.rels) > 0 {
			written[opc.RelsPartName(part)] = relsXML(rs.rels)
		}
	}
	written["[Content_Types].xml"] = m.contentTypes(added)

	var entries []opc.Entry
	entries = append(entries, opc.Entry{Name: "[Content_Types].xml", Data: written["[Content_Types].xml"]})
	done := map[string]bool{"[content_types].xml": true}
	for _, key := range b.pkg.Names {
		part := b.pkg.Parts[key]
		if done[key] {
			continue
		}
		done[key] = true
		data, ok := written[part.Name]
		if !ok && !b.pkg.StoredAsRead(part.Name) {
			if data, err = b.pkg.Read(part.Name); err != nil {
				return nil, err
			}
			ok = true
		}
		if ok {
			entries = append(entries, opc.Entry{Name: part.Name, Data: data})
		} else {
			entries = append(entries, opc.Entry{Name: part.Name, Raw: part.File})
		}
	}
	var fresh []string
	for name := range written {
		if !done[strings.ToLower(name)] {
			fresh = append(fresh, name)
		}
	}
	sort.Strings(fresh)
	for _, name := range fresh {
		entries = append(entries, opc.Entry{Name: name, Data: written[name]})
	}
	for _, cp := range m.copier.parts {
		data, err := cp.content()
		switch {
		case err != nil:
			return nil, err
		case data != nil:
			entries = append(entries, opc.Entry{Name: cp.name, Data: data})
		case !cp.pkg.StoredAsRead(cp.src): // UTF-16, written as UTF-8
			if data, err = cp.pkg.Read(cp.src); err != nil {
				return nil, err
			}
			entries = append(entries, opc.Entry{Name: cp.name, Data: data})
		default:
			entries = append(entries, opc.Entry{Name: cp.name, Raw: cp.pkg.Part(cp.src).File})
		}
		if cp.hasRels {
			entries = append(entries, opc.Entry{Name: opc.RelsPartName(cp.name), Data: relsXML(cp.rels)})
		}
	}
	return entries, nil
}

// stylesBytes adds the styles the regions brought and the output uses.
func (m *merger) stylesBytes() []byte {
	refs := map[string]bool{}
	for _, r := range m.regions {
		for id := range r.styleRefs {
			refs[id] = true
		}
		for _, id := range r.headingID {
			if id != "" {
				refs[id] = true
			}
		}
		for _, id := range r.restyled {
			refs[id] = true
		}
		if r.defaultStyle != "" {
			refs[r.defaultStyle] = true
		}
	}
	var defs [][]byte
	for _, a := range m.styles.used(refs) {
		defs = append(defs, a.xml)
	}
	return m.parts[mpStyles].bytes(insert{at: m.base.styles.End, data: defs})
}

// appendParts writes the parts the regions add to: numbering, notes,
// comments and people. It returns the parts made anew, which need a
// relationship and a content type.
func (m *merger) appendParts(written map[string][]byte) ([]*mergedPart, error) {
	var added []*mergedPart
	put := func(key string, inserts ...insert) {
		mp := m.parts[key]
		has := false
		for _, in := range inserts {
			has = has || len(in.data) > 0
		}
		if !has {
			return
		}
		written[mp.name] = mp.bytes(inserts...)
		if mp.fresh {
			added = append(added, mp)
		}
	}
	if np := m.base.numbering; np != nil {
		put(mpNumbering, insert{at: np.AbstractsEnd, data: m.collect(func(o *regionOutput) []byte { return o.abstracts })},
			insert{at: np.NumsEnd, data: m.collect(func(o *regionOutput) []byte { return o.nums })})
	} else {
		put(mpNumbering, insert{at: 0, data: m.collect(func(o *regionOutput) []byte { return append(append([]byte(nil), o.abstracts...), o.nums...) })})
	}
	for _, p := range []struct {
		key  string
		pick func(*regionOutput) []byte
	}{
		{mpFootnotes, func(o *regionOutput) []byte { return o.footnotes }},
		{mpEndnotes, func(o *regionOutput) []byte { return o.endnotes }},
		{mpComments, func(o *regionOutput) []byte { return o.comments }},
		{mpCommentsEx, func(o *regionOutput) []byte { return o.commentsEx }},
		{mpCommentsIDs, func(o *regionOutput) []byte { return o.commentsIDs }},
		{mpCommentsExt, func(o *regionOutput) []byte { return o.commentsExt }},
	} {
		put(p.key, insert{at: m.parts[p.key].endOffset(), data: m.collect(p.pick)})
	}
	put(mpPeople, insert{at: m.parts[mpPeople].endOffset(), data: m.people()})
	for _, mp := range added {
		rs, err := m.relSet(m.base.main)
		if err != nil {
			return nil, err
		}
		if !rs.hasType(mp.spec.rel) {
			rs.add(mp.spec.rel, relTarget(m.base.main, mp.name), false)
		}
	}
	return added, nil
}

// people keeps one w15:person per author, the first met.
func (m *merger) people() [][]byte {
	seen := map[string]bool{}
	var out [][]byte
	for _, r := range m.regions {
		for i, xml := range r.out.people {
			a := strings.ToLower(r.out.peopleAuthors[i])
			if !seen[a] {
				seen[a] = true
				out = append(out, xml)
			}
		}
	}
	return out
}

// contentTypes writes [Content_Types].xml: the template's types, plus
// those of the parts made anew and of the copied parts.
func (m *merger) contentTypes(added []*mergedPart) []byte {
	b := m.base.pkg
	defaults := map[string]string{}
	for ext, ct := range b.Defaults {
		defaults[ext] = ct
	}
	overrides := map[string]string{}
	for name, ct := range b.Overrides {
		overrides["/"+b.Part(name).Name] = ct
	}
	for _, mp := range added {
		overrides["/"+mp.name] = mp.spec.ct
	}
	if _, ok := defaults["rels"]; !ok {
		defaults["rels"] = "application/vnd.openxmlformats-package.relationships+xml"
	}
	for _, cp := range m.copier.parts {
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(cp.name), "."))
		switch def, ok := defaults[ext]; {
		case cp.ct == "" || ok && def == cp.ct:
		case !ok && ext != "" && !strings.HasSuffix(cp.ct, "+xml"):
			defaults[ext] = cp.ct
		default:
			overrides["/"+cp.name] = cp.ct
		}
	}
	out := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	out = appendContentTypes(out, "Default", "Extension", defaults)
	out = appendContentTypes(out, "Override", "PartName", overrides)
	return append(out, "</Types>"...)
}

// appendContentTypes appends one element per key of m, in key order: the
// key as its attr, the value as its ContentType.
func appendContentTypes(out []byte, elem, attr string, m map[string]string) []byte {
	for _, k := range sortedKeys(m) {
		out = append(out, "<"+elem+" "+attr+`="`...)
		name := k
		if elem == "Override" {
			name = opc.EscapeTarget(k) // a part name is a URI
		}
		out = xmltok.AppendEscaped(out, name)
		out = append(out, `" ContentType="`...)
		out = xmltok.AppendEscaped(out, m[k])
		out = append(out, `"/>`...)
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
