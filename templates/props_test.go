package templates

import (
	"strings"
	"testing"

	"tsagmerge/ingest/opc"
)

func TestStampProperties(t *testing.T) {
	// a template saved from a draft: its status must not pass to a publication
	const core = `<cp:coreProperties xmlns:cp="` + uriCoreProps + `" xmlns:dc="` + uriDC + `"><dc:title>Old</dc:title><cp:contentStatus>Draft</cp:contentStatus></cp:coreProperties>`
	const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`
	rels := func(relPrefix string, more ...string) string {
		return `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relPrefix + `/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId5" Type="` + opc.RelCoreProps + `" Target="meta/core1.xml"/>` + strings.Join(more, "") + `</Relationships>`
	}
	const transitional, strict = "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"
	const custom = `<Properties xmlns="` + uriCustomProps + `"><property fmtid="{X}" pid="5" name="Other"><vt:lpwstr xmlns:vt="` + uriVT + `">o</vt:lpwstr></property></Properties>`
	customRel := `<Relationship Id="rId7" Type="` + opc.RelCustomProps + `" Target="meta/props.xml"/>`
	tests := []struct {
		name  string
		parts map[string]string
		draft bool
		want  map[string][]string // part -> what it must hold
	}{
		{"no custom part: added, with its type and relationship", map[string]string{"_rels/.rels": rels(transitional)},
			true, map[string][]string{
				"meta/core1.xml":      {">The title</dc:title>", ">Draft</cp:contentStatus>"},
				"docProps/custom.xml": {`xmlns="` + uriCustomProps + `"`, `pid="2" name="TSAG TD"`, ">TSAG-TD9</vt:lpwstr>"},
				"[Content_Types].xml": {`PartName="/docProps/custom.xml"`},
				"_rels/.rels":         {`Id="rId2"`, `Type="` + opc.RelCustomProps + `"`, `Target="docProps/custom.xml"`},
			}},
		{"a Strict template's custom part is spelled Strict", map[string]string{"_rels/.rels": rels(strict)},
			false, map[string][]string{
				"docProps/custom.xml": {`xmlns="` + opc.Strict(uriCustomProps) + `"`, `xmlns:vt="` + opc.Strict(uriVT) + `"`},
				"_rels/.rels":         {`Type="` + opc.Strict(opc.RelCustomProps) + `"`},
			}},
		{"the template's own custom part, found by its relationship: the property added after its others",
			map[string]string{"_rels/.rels": rels(transitional, customRel), "meta/props.xml": custom},
			false, map[string][]string{
				"meta/props.xml": {`name="Other"`, `pid="6" name="TSAG TD"`},
				"meta/core1.xml": {">The title</dc:title>"},
			}},
	}
	for _, tt := range tests {
		entries := []opc.Entry{{Name: "[Content_Types].xml", Data: []byte(types)}, {Name: "meta/core1.xml", Data: []byte(core)},
			{Name: "word/document.xml", Data: []byte(`<w:document xmlns:w="` + opc.NSWordprocessingML + `"/>`)}}
		for name, data := range tt.parts {
			entries = append(entries, opc.Entry{Name: name, Data: []byte(data)})
		}
		zipped, err := writeZip(entries)
		if err != nil {
			t.Fatal(err)
		}
		pkg, entries, err := readPackage("test", zipped)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := stampProperties(pkg, entries, Meta{Title: "The title", TDNumber: "TSAG-TD9", Draft: tt.draft})
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
		if !tt.draft && strings.Contains(parts["meta/core1.xml"], "contentStatus") {
			t.Errorf("%s: a publication says it is a draft", tt.name)
		}
		if strings.Count(parts["meta/core1.xml"], "<dc:title") != 1 {
			t.Errorf("%s: the title is not replaced: %s", tt.name, parts["meta/core1.xml"])
		}
	}
}
