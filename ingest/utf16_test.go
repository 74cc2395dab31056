package ingest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// TestReadUTF16: a package whose XML parts are stored in UTF-16 (either
// byte order, marked or not), as OPC allows, reads as its UTF-8 twin.
func TestReadUTF16(t *testing.T) {
	docx := testkit.Bytes(testkit.File{
		Body:     testkit.Region("Africa", "Réunion à Dakar — 😀 الاتحاد"),
		Comments: `<w:comment w:id="1" w:author="Zoë">` + testkit.P("", "à revoir") + `</w:comment>`,
	})
	dir := t.TempDir()
	want := filepath.Join(dir, "AFR-utf8.docx")
	os.WriteFile(want, docx, 0o644)
	ref := testkit.ReadDoc(t, want)
	tests := []struct {
		name     string
		big, bom bool
	}{
		{"little-endian, marked", false, true},
		{"big-endian, marked", true, true},
		{"little-endian, unmarked", false, false},
		{"big-endian, unmarked", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := testkit.Parts(docx)
			for name, data := range parts {
				if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
					parts[name] = testkit.UTF16(data, tt.big, tt.bom)
				}
			}
			path := filepath.Join(dir, "AFR-"+strings.NewReplacer(" ", "", ",", "-").Replace(tt.name)+".docx")
			os.WriteFile(path, testkit.Zip(parts), 0o644)
			doc, err := ingest.Read(path)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			defer doc.Package.Close()
			if got, want := texts(doc), texts(ref); !reflect.DeepEqual(got, want) {
				t.Errorf("paragraphs %q, want %q", got, want)
			}
			if len(doc.Comments) != 1 || doc.Comments[0].Text != "à revoir" || doc.Comments[0].Author != "Zoë" {
				t.Errorf("comments %+v", doc.Comments)
			}
		})
	}
}

func texts(d *ingest.Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

// TestReadLibreOfficeCoreProperties reads the title of a package whose
// core properties are related under LibreOffice's spelling of their type
// (officedocument, not package), as the .docx and .xlsx it saves are.
func TestReadLibreOfficeCoreProperties(t *testing.T) {
	parts := testkit.Parts(testkit.Bytes(testkit.File{Body: testkit.P("", "Activities of the office"), Title: "Contribution of the Europe office"}))
	std := "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	if !strings.Contains(parts["_rels/.rels"], std) {
		t.Fatal("the test package relates no core properties")
	}
	parts["_rels/.rels"] = strings.Replace(parts["_rels/.rels"], std, "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties", 1)
	path := filepath.Join(t.TempDir(), "contribution.docx")
	if err := os.WriteFile(path, testkit.Zip(parts), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := testkit.ReadDoc(t, path)
	if doc.Meta.Title != "Contribution of the Europe office" || doc.Region.Code != "EUR" {
		t.Errorf("title %q, region %q (%s); want the title read and Europe found in it", doc.Meta.Title, doc.Region.Code, doc.Region.Evidence)
	}
}
