package merge

import (
	"testing"

	"tsagmerge/ingest"
)

func TestSetStyleProps(t *testing.T) {
	const head = `<w:style w:type="paragraph" w:styleId="S"><w:name w:val="S"/>`
	tests := []struct {
		name, in string
		set      ingest.Props
		want     string
	}{
		{"both containers added, in schema order", head + `<w:basedOn w:val="N"/></w:style>`,
			ingest.Props{ingest.Bidi: "1", ingest.SizeCS: "28"},
			head + `<w:basedOn w:val="N"/><w:pPr><w:bidi/></w:pPr><w:rPr><w:szCs w:val="28"/></w:rPr></w:style>`},
		{"pPr added before an existing rPr", head + `<w:rPr><w:b/></w:rPr></w:style>`,
			ingest.Props{ingest.Align: "both"},
			head + `<w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`},
		{"an attribute merged, an element inserted in order, a toggle turned off",
			head + `<w:rPr><w:rFonts w:ascii="A" w:cs="B"/><w:b/><w:sz w:val="20"/></w:rPr></w:style>`,
			ingest.Props{ingest.FontCS: "Arial", ingest.Bold: "0", ingest.Color: "FF0000"},
			head + `<w:rPr><w:rFonts w:ascii="A" w:cs="Arial"/><w:b w:val="0"/><w:color w:val="FF0000"/><w:sz w:val="20"/></w:rPr></w:style>`},
		{"an empty pPr filled", head + `<w:pPr/></w:style>`, ingest.Props{ingest.SpaceAfter: "0"},
			head + `<w:pPr><w:spacing w:after="0"/></w:pPr></w:style>`},
	}
	for _, tt := range tests {
		got, err := setStyleProps("test", []byte(tt.in), tt.set)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
