package templates

import (
	"reflect"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// TestTemplateTheme checks that the TD carries the standard Office theme,
// found the way a reader finds it (the main document's theme
// relationship), with its colour mapping, so that the regions' theme
// colours resolve in the TD as Word resolves them.
func TestTemplateTheme(t *testing.T) {
	p, err := opc.OpenBytes("template", Default())
	if err != nil {
		t.Fatal(err)
	}
	part := p.RelatedPart(mainPart, opc.RelTheme)
	if part != "word/theme/theme1.xml" {
		t.Fatalf("theme part = %q, want word/theme/theme1.xml", part)
	}
	if ct := p.ContentType(part); ct != "application/vnd.openxmlformats-officedocument.theme+xml" {
		t.Errorf("theme content type = %q", ct)
	}
	doc, err := ingest.ReadPackage(p)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Theme == nil {
		t.Fatal("the reader found no theme in the template")
	}
	office := ingest.OfficeTheme()
	for _, slot := range ingest.SchemeSlots {
		if doc.Theme.Colors[slot] != office.Colors[slot] {
			t.Errorf("template %s = %q, Office theme has %q", slot, doc.Theme.Colors[slot], office.Colors[slot])
		}
	}
	if !reflect.DeepEqual(doc.Theme.Major, office.Major) || !reflect.DeepEqual(doc.Theme.Minor, office.Minor) {
		t.Errorf("template fonts %+v / %+v, Office theme %+v / %+v", doc.Theme.Major, doc.Theme.Minor, office.Major, office.Minor)
	}
	def := ingest.DefaultColorMap()
	for k, v := range def {
		if doc.ColorMap[k] != v {
			t.Errorf("template colour mapping %s = %q, want %q", k, doc.ColorMap[k], v)
		}
	}
}
