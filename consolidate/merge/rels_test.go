package merge

import (
	"strings"
	"testing"
)

func TestRelTarget(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"word/document.xml", "word/media/afr-image1.png", "media/afr-image1.png"},
		{"word/charts/afr-chart1.xml", "word/embeddings/afr-book.xlsx", "../embeddings/afr-book.xlsx"},
		{"word/document.xml", "word/comments.xml", "comments.xml"},
		{"word/document.xml", "customXml/item1.xml", "../customXml/item1.xml"},
	} {
		if got := relTarget(tc.from, tc.to); got != tc.want {
			t.Errorf("relTarget(%s, %s) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestRelSetIDs(t *testing.T) {
	rs := newRelSet(nil)
	a := rs.add("t", "a.png", false)
	b := rs.add("t", "https://itu.int", true)
	if a == b || a != "rId1" || b != "rId2" {
		t.Errorf("ids %s, %s", a, b)
	}
	xml := string(relsXML(rs.rels))
	if want := `<Relationship Id="rId2" Type="t" Target="https://itu.int" TargetMode="External"/>`; !strings.Contains(xml, want) {
		t.Errorf("rels XML %s lacks %s", xml, want)
	}
}

// renameRelIDs changes the relId attributes the map names, and nothing
// else: not an id it does not map, not text that reads like one.
func TestRenameRelIDs(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a><dsp:dataModelExt xmlns:dsp="urn:x" relId="rId6" minVer="x"/></a>`, `<a><dsp:dataModelExt xmlns:dsp="urn:x" relId="rId12" minVer="x"/></a>`},
		{`<a><e relId = 'rId6'/><e relId="rId7"/></a>`, `<a><e relId = 'rId12'/><e relId="rId7"/></a>`},
		{`<a><t>relId="rId6"</t><!-- relId="rId6" --></a>`, `<a><t>relId="rId6"</t><!-- relId="rId6" --></a>`},
	}
	for _, tt := range tests {
		got, err := renameRelIDs("test", []byte(tt.in), map[string]string{"rId6": "rId12"})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("renameRelIDs(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
