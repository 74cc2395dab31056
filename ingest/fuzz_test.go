package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"tsagmerge/ingest/opc"
)

// FuzzRead feeds whole packages, seeded with the samples, to the reader:
// it must return a Document or an *opc.Error, and never panic.
func FuzzRead(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/samples/*.docx")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(testDoc{body: para("", run("x"))}.build(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := opc.OpenBytes("fuzz.docx", data)
		if err != nil {
			checkOPCError(t, err)
			return
		}
		if _, err := ReadPackage(p); err != nil {
			checkOPCError(t, err)
		}
	})
}

// FuzzReadXML feeds document.xml texts, seeded with the samples' own, in
// an otherwise valid package, so that mutations reach the XML walker
// (mutated zip bytes mostly fail their checksums).
func FuzzReadXML(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/samples/*.docx")
	for _, p := range paths {
		if data := partOf(f, p, "word/document.xml"); data != nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<w:document ` + testNS + `><w:body>` + para("Heading1", run("x")) + `</w:body></w:document>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		p, err := opc.OpenBytes("fuzz.docx", testDoc{raw: string(xml)}.build(t))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadPackage(p); err != nil {
			checkOPCError(t, err)
		}
	})
}

func checkOPCError(t *testing.T, err error) {
	var oe *opc.Error
	if !errors.As(err, &oe) {
		t.Fatalf("error is not an *opc.Error: %T %v", err, err)
	}
}

// partOf returns one part of a package file, or nil.
func partOf(t testing.TB, path, name string) []byte {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			var buf bytes.Buffer
			io.Copy(&buf, rc)
			return buf.Bytes()
		}
	}
	return nil
}
