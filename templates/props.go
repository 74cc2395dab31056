package templates

import (
	"fmt"
	"strconv"

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
// properties through every save). It sets the TD's properties from m: the core
// title and, for a draft, the content status "Draft"; and the custom
// property ingest.TDProperty, adding the custom properties part (its content type
// and relationship too) when the template has none.
func stampProperties(entries []opc.Entry, m Meta) ([]opc.Entry, error) {
	byName := map[string]int{}
	for i, e := range entries {
		byName[e.Name] = i
	}
	if i, ok := byName["docProps/core.xml"]; ok {
		data := entries[i].Data
		var err error
		if data, err = setChild(data, uriDC, "title", m.Title); err != nil {
			return nil, fmt.Errorf("cover: docProps/core.xml: %w", err)
		}
		// A publication says nothing of its status: a template saved from
		// a draft must not pass its "Draft" on.
		status := ""
		if m.Draft {
			status = ingest.DraftStatus
		}
		if data, err = setChild(data, uriCoreProps, "contentStatus", status); err != nil {
			return nil, fmt.Errorf("cover: docProps/core.xml: %w", err)
		}
		entries[i].Data = data
	}
	prop := func(pid int) string {
		return `<property fmtid="` + fmtidUser + `" pid="` + strconv.Itoa(pid) + `" name="` + ingest.TDProperty + `"><vt:lpwstr xmlns:vt="` + uriVT + `">` +
			xmltok.EscapeText(m.TDNumber) + `</vt:lpwstr></property>`
	}
	if i, ok := byName["docProps/custom.xml"]; ok {
		data, err := addCustomProperty(entries[i].Data, prop)
		if err != nil {
			return nil, fmt.Errorf("cover: docProps/custom.xml: %w", err)
		}
		entries[i].Data = data
		return entries, nil
	}
	custom := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Properties xmlns="` + uriCustomProps + `">` + prop(2) + `</Properties>`
	for _, add := range []struct{ part, xml string }{
		{"[Content_Types].xml", `<Override xmlns="http://schemas.openxmlformats.org/package/2006/content-types" PartName="/docProps/custom.xml" ContentType="` + ctCustomProps + `"/>`},
		{"_rels/.rels", `<Relationship xmlns="http://schemas.openxmlformats.org/package/2006/relationships" Id="%s" Type="` + opc.RelCustomProps + `" Target="docProps/custom.xml"/>`},
	} {
		i, ok := byName[add.part]
		if !ok {
			return nil, fmt.Errorf("cover: the template has no %s", add.part)
		}
		xml := add.xml
		if add.part == "_rels/.rels" {
			xml = fmt.Sprintf(xml, freshID(entries[i].Data))
		}
		data, err := insertBeforeRootEnd(entries[i].Data, xml)
		if err != nil {
			return nil, fmt.Errorf("cover: %s: %w", add.part, err)
		}
		entries[i].Data = data
	}
	return append(entries, opc.Entry{Name: "docProps/custom.xml", Data: []byte(custom)}), nil
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
	return insertBeforeRootEnd(data, "<"+prefix+":"+local+` xmlns:`+prefix+`="`+uri+`">`+xmltok.EscapeText(value)+"</"+prefix+":"+local+">")
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
	return insertBeforeRootEnd(data, prop(maxPID+1))
}

// insertBeforeRootEnd puts xml just before the root element's end tag.
func insertBeforeRootEnd(data []byte, xml string) ([]byte, error) {
	sc := xmltok.New(data, xmltok.Options{})
	for sc.Next() {
		t := &sc.Tok
		if t.Kind == xmltok.EndTag && sc.Depth() == 0 {
			return concat(data[:t.Start], []byte(xml), data[t.Start:]), nil
		}
		if t.Kind == xmltok.StartTag && t.SelfClosing && sc.Depth() == 0 {
			// <Root/>: open it up.
			name := string(t.Name)
			return concat(data[:t.End-2], []byte(">"+xml+"</"+name+">"), data[t.End:]), nil
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("no root element")
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
