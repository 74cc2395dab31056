package opc

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenBytes feeds arbitrary bytes to the package reader: it must
// refuse or open them without panicking, and an opened package's parts
// and relationships must read (or be refused) without panicking either.
func FuzzOpenBytes(f *testing.F) {
	f.Add(minimalZip(f))
	if files, _ := filepath.Glob("../../testdata/samples/*.docx"); len(files) > 0 {
		if data, err := os.ReadFile(files[0]); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := OpenBytes("fuzz.docx", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		p.MainDocument()
		for _, name := range p.SortedNames() {
			p.Read(name)
			p.Rels(name)
			p.StoredAsRead(name)
		}
		p.Rels("")
	})
}

// minimalZip is the smallest package MainDocument accepts.
func minimalZip(f *testing.F) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="` + RelOfficeDocument + `" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			f.Fatal(err)
		}
		w.Write([]byte(data))
	}
	zw.Close()
	return buf.Bytes()
}
