package templates

import (
	"fmt"
	"strconv"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

const (
	uriCoreProps   = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
	uriDC          = "http://purl.org/dc/elements/1.1/"
	uriCustomProps = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
	uriVT          = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
	ctCustomProps  = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	// fmtidUser is the format id of user-defined custom properties.
	fmtidUser = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
)

// stampProperties stamps on the TD what it is, so that it says so wherever
// it goes (Word shows the core title and status, and keeps custom
// properties through every save). It sets the TD's properties from m: the
// core title and, for a draft, the content status "Draft"; and the custom
// property ingest.TDProperty, adding the custom properties part (its
// content type and relationship too) when the template has none. The parts
// are those pkg's relationships name, and what is added is spelled as the
// package is (Strict or transitional).
func stampProperties(pkg *opc.Package, entries []opc.Entry, m Meta) ([]opc.Entry, error) {
	byName := map[string]int{}
	for i, e := range entries {
		byName[strings.ToLower(e.Name)] = i
	}
	if core := pkg.RelatedPart("", opc.RelCoreProps); core != "" {
		i := byName[strings.ToLower(core)]
		data, err := stampCore(entries[i].Data, m)
		if err != nil {
			return nil, fmt.Errorf("cover: %s: %w", core, err)
		}
		entries[i].Data = data
	}
	spell := func(uri string) string { return uri }
	if pkg.Strict {
		spell = opc.Strict
	}
	prop := func(pid int) string {
		return `<property fmtid="` + fmtidUser + `" pid="` + strconv.Itoa(pid) + `" name="` + ingest.TDProperty + `"><vt:lpwstr xmlns:vt="` + spell(uriVT) + `">` +
			xmltok.EscapeText(m.TDNumber) + `</vt:lpwstr></property>`
	}
	if custom := pkg.RelatedPart("", opc.RelCustomProps); custom != "" {
		i := byName[strings.ToLower(custom)]
		data, err := addCustomProperty(entries[i].Data, prop)
		if err != nil {
			return nil, fmt.Errorf("cover: %s: %w", custom, err)
		}
		entries[i].Data = data
		return entries, nil
	}
	return addCustomPart(entries, byName, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<Properties xmlns="`+spell(uriCustomProps)+`">`+prop(2)+`</Properties>`, spell(opc.RelCustomProps))
}

// stampCore sets the core properties' title and status: "Draft" for a
// draft; none for a publication, so that a template saved from a draft
// does not pass its "Draft" on.
func stampCore(data []byte, m Meta) ([]byte, error) {
	data, err := setChild(data, uriDC, "title", m.Title)
	if err != nil {
		return nil, err
	}
	status := ""
	if m.Draft {
		status = ingest.DraftStatus
	}
	return setChild(data, uriCoreProps, "contentStatus", status)
}

// addCustomPart adds docProps/custom.xml, holding xml, with its content
// type and its package relationship of type relType.
func addCustomPart(entries []opc.Entry, byName map[string]int, xml, relType string) ([]opc.Entry, error) {
	const part = "docProps/custom.xml"
	if _, taken := byName[strings.ToLower(part)]; taken {
		return nil, fmt.Errorf("cover: the template has a %s that its relationships do not name as its custom properties", part)
	}
	for _, add := range []struct{ part, xml string }{
		{"[Content_Types].xml", `<Override xmlns="http://schemas.openxmlformats.org/package/2006/content-types" PartName="/` + part + `" ContentType="` + ctCustomProps + `"/>`},
		{"_rels/.rels", `<Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships" Id="%s" Type="` + relType + `" Target="` + part + `"/>`},
	} {
		i, ok := byName[strings.ToLower(add.part)]
		if !ok {
			return nil, fmt.Errorf("cover: the template has no %s", add.part)
		}
		x := add.xml
		if add.part == "_rels/.rels" {
			x = fmt.Sprintf(x, freshID(entries[i].Data))
		}
		data, err := xmltok.InsertBeforeRootEnd(entries[i].Data, x)
		if err != nil {
			return nil, fmt.Errorf("cover: %s: %w", add.part, err)
		}
		entries[i].Data = data
	}
	return append(entries, opc.Entry{Name: part, Data: []byte(xml)}), nil
}

// setChild sets the text of the root's child named (uri, local), adding
// the child at the root's end when it is not there; an empty value removes
// the child.
func setChild(data []byte, uri, local, value string) ([]byte, error) {
	sc := xmltok.New(data, xmltok.Options{})
	ns := xmltok.NewScope(func(u string) string { return u })
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			u, l, _ := ns.Element(t.Name)
			if sc.Depth() == 2-boolInt(t.SelfClosing) && u == uri && string(l) == local {
				start := t.Start
				end := t.End
				if !t.SelfClosing {
					end = sc.SkipElement()
				}
				if value == "" {
					return concat(data[:start], data[end:]), nil
				}
				return concat(data[:start], elementXML(t.Name, uri, value), data[end:]), nil
			}
			if t.SelfClosing {
				ns.Close()
			}
		case xmltok.EndTag:
			ns.Close()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if value == "" {
		return data, nil
	}
	prefix := map[string]string{uriDC: "dc", uriCoreProps: "cp"}[uri]
	return xmltok.InsertBeforeRootEnd(data, "<"+prefix+":"+local+` xmlns:`+prefix+`="`+uri+`">`+xmltok.EscapeText(value)+"</"+prefix+":"+local+">")
}

// elementXML writes an element with the name it had, declaring its
// namespace again on itself so that it reads alike wherever it stands.
func elementXML(qname []byte, uri, value string) []byte {
	prefix, _ := xmltok.SplitName(qname)
	decl := ` xmlns="` + uri + `"`
	if prefix != nil {
		decl = ` xmlns:` + string(prefix) + `="` + uri + `"`
	}
	return []byte("<" + string(qname) + decl + ">" + xmltok.EscapeText(value) + "</" + string(qname) + ">")
}

// addCustomProperty replaces the ingest.TDProperty of a custom properties part,
// or adds it with the next free pid.
func addCustomProperty(data []byte, prop func(pid int) string) ([]byte, error) {
	sc := xmltok.New(data, xmltok.Options{})
	maxPID := 1
	for sc.Next() {
		t := &sc.Tok
		if t.Kind != xmltok.StartTag || sc.Depth() != 2-boolInt(t.SelfClosing) {
			continue
		}
		pid, _ := strconv.Atoi(attrOr(t, "pid"))
		maxPID = max(maxPID, pid)
		if name, _ := t.LocalAttr("name"); name == ingest.TDProperty {
			start, end := t.Start, t.End
			if !t.SelfClosing {
				end = sc.SkipElement()
			}
			return concat(data[:start], []byte(prop(pid)), data[end:]), nil
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return xmltok.InsertBeforeRootEnd(data, prop(maxPID+1))
}

// freshID returns a relationship id the relationships part does not use.
func freshID(rels []byte) string {
	used := map[string]bool{}
	sc := xmltok.New(rels, xmltok.Options{})
	for sc.Next() {
		if sc.Tok.Kind == xmltok.StartTag {
			used[attrOr(&sc.Tok, "Id")] = true
		}
	}
	for n := 1; ; n++ {
		if id := "rId" + strconv.Itoa(n); !used[id] {
			return id
		}
	}
}

func attrOr(t *xmltok.Token, local string) string {
	v, _ := t.LocalAttr(local)
	return v
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
