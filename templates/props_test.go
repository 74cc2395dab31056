package templates

import (
	"strings"
	"testing"
	"tsagmerge/ingest/opc"
)

func TestStampProperties(t *testing.T) {
	// a template saved from a draft: its status must not pass to a publication
	const core = `<cp:coreProperties xmlns:cp="` + uriCoreProps + `" xmlns:dc="` + uriDC + `"><dc:title>Old</dc:title><cp:contentStatus>Draft</cp:contentStatus></cp:coreProperties>`
	const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`
	const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="word/document.xml"/></Relationships>`
	const custom = `<Properties xmlns="` + uriCustomProps + `"><property fmtid="{X}" pid="5" name="Other"><vt:lpwstr xmlns:vt="` + uriVT + `">o</vt:lpwstr></property></Properties>`
	tests := []struct {
		name    string
		entries []opc.Entry
		draft   bool
		want    map[string][]string // part -> what it must hold
	}{
		{"no custom part: added, with its type and relationship", []opc.Entry{{Name: "[Content_Types].xml", Data: []byte(types)}, {Name: "_rels/.rels", Data: []byte(rels)}, {Name: "docProps/core.xml", Data: []byte(core)}},
			true, map[string][]string{
				"docProps/core.xml":   {">The title</dc:title>", ">Draft</cp:contentStatus>"},
				"docProps/custom.xml": {`pid="2" name="TSAG TD"`, ">TSAG-TD9</vt:lpwstr>"},
				"[Content_Types].xml": {`PartName="/docProps/custom.xml"`},
				"_rels/.rels":         {`Id="rId2"`, `Target="docProps/custom.xml"`},
			}},
		{"a custom part of the template's own: the property added after its others", []opc.Entry{{Name: "docProps/custom.xml", Data: []byte(custom)}, {Name: "docProps/core.xml", Data: []byte(core)}},
			false, map[string][]string{
				"docProps/custom.xml": {`name="Other"`, `pid="6" name="TSAG TD"`},
				"docProps/core.xml":   {">The title</dc:title>"},
			}},
	}
	for _, tt := range tests {
		got, err := stampProperties(tt.entries, Meta{Title: "The title", TDNumber: "TSAG-TD9", Draft: tt.draft})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		parts := map[string]string{}
		for _, e := range got {
			parts[e.Name] = string(e.Data)
		}
		for part, wants := range tt.want {
			for _, w := range wants {
				if !strings.Contains(parts[part], w) {
					t.Errorf("%s: %s lacks %s:\n%s", tt.name, part, w, parts[part])
				}
			}
		}
		if !tt.draft && strings.Contains(parts["docProps/core.xml"], "contentStatus") {
			t.Errorf("%s: a publication says it is a draft", tt.name)
		}
		if strings.Count(parts["docProps/core.xml"], "<dc:title") != 1 {
			t.Errorf("%s: the title is not replaced: %s", tt.name, parts["docProps/core.xml"])
		}
	}
}
