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

// FuzzReview feeds a contribution's review parts, seeded with the
// samples' own, to the comment and revision reader: document.xml (the
// anchors, references and tracked changes), comments.xml and
// commentsExtended.xml (the threads and done flags) replace those of a
// sample package whose other parts stay valid, so that mutations reach the
// joining of comments to anchors and threads. The reader must refuse with
// an *opc.Error or give comments whose threads hold together: a parent
// that is another comment of the document, a reply of a resolved comment
// resolved, places within the document.
func FuzzReview(f *testing.F) {
	var samples [][]byte
	paths, _ := filepath.Glob("../testdata/samples/*.docx")
	for _, p := range paths {
		if partOf(f, p, "word/comments.xml") == nil {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		samples = append(samples, data)
		f.Add(uint8(len(samples)-1), partOf(f, p, "word/document.xml"), partOf(f, p, "word/comments.xml"), partOf(f, p, "word/commentsExtended.xml"))
	}
	// A thread of three (a reply, a reply to the reply) whose first comment
	// is done, over an insertion, a deletion and a move.
	body := `<w:document ` + testNS + `><w:body><w:p><w:commentRangeStart w:id="1"/>` +
		`<w:ins w:id="7" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id="8" w:author="B"><w:r><w:delText>old</w:delText></w:r></w:del>` +
		`<w:moveFrom w:id="9" w:author="C"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:commentRangeEnd w:id="1"/>` +
		`<w:r><w:commentReference w:id="1"/></w:r><w:r><w:commentReference w:id="2"/></w:r><w:r><w:commentReference w:id="3"/></w:r></w:p></w:body></w:document>`
	comment := func(id, para string) string {
		return `<w:comment w:id="` + id + `" w:author="A"><w:p w14:paraId="` + para + `"><w:r><w:t>c` + id + `</w:t></w:r></w:p></w:comment>`
	}
	// (on AMS's package, the second with comments, which relates a
	// commentsExtended part)
	f.Add(uint8(1), []byte(body),
		[]byte(`<w:comments `+testNS+`>`+comment("1", "0A")+comment("2", "0B")+comment("3", "0C")+`</w:comments>`),
		[]byte(`<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">`+
			`<w15:commentEx w15:paraId="0A" w15:done="1"/><w15:commentEx w15:paraId="0B" w15:paraIdParent="0A"/>`+
			`<w15:commentEx w15:paraId="0C" w15:paraIdParent="0B"/></w15:commentsEx>`))
	f.Fuzz(func(t *testing.T, sample uint8, document, comments, extended []byte) {
		data := replaceParts(t, samples[int(sample)%len(samples)], map[string][]byte{
			"word/document.xml":         document,
			"word/comments.xml":         comments,
			"word/commentsExtended.xml": extended,
		})
		p, err := opc.OpenBytes("fuzz.docx", data)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ReadPackage(p)
		if err != nil {
			checkOPCError(t, err)
			return
		}
		checkThreads(t, doc)
	})
}

// checkThreads holds a read document's comments and revisions to what the
// model promises.
func checkThreads(t *testing.T, doc *Document) {
	byID := map[string]*Comment{}
	for _, c := range doc.Comments {
		byID[c.ID] = c
	}
	for _, c := range doc.Comments {
		if c.Paragraph < 0 || c.Paragraph > len(doc.Paragraphs) {
			t.Errorf("comment %s: paragraph %d of %d", c.ID, c.Paragraph, len(doc.Paragraphs))
		}
		if c.Parent == "" {
			continue
		}
		p := byID[c.Parent]
		switch {
		case p == nil:
			t.Errorf("comment %s replies to %q, which is no comment", c.ID, c.Parent)
		case p == c:
			t.Errorf("comment %s replies to itself", c.ID)
		case p.Resolved && !c.Resolved:
			t.Errorf("comment %s replies to resolved %s but is open", c.ID, p.ID)
		}
	}
	kinds := map[RevisionKind]bool{Insertion: true, Deletion: true, MoveFrom: true, MoveTo: true, Format: true, ParaProps: true}
	for _, r := range doc.Revisions {
		if !kinds[r.Kind] {
			t.Errorf("revision %s of kind %q", r.ID, r.Kind)
		}
		if r.Paragraph < 0 || r.Paragraph > len(doc.Paragraphs) {
			t.Errorf("revision %s: paragraph %d of %d", r.ID, r.Paragraph, len(doc.Paragraphs))
		}
	}
}

// replaceParts rewrites a package with the named parts' contents replaced
// (and added when absent), the others copied as they are.
func replaceParts(t *testing.T, pkg []byte, parts map[string][]byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for _, f := range zr.File {
		if data, ok := parts[f.Name]; ok {
			write(f.Name, data)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		write(f.Name, data)
	}
	for name, data := range parts {
		if _, err := zr.Open(name); err != nil {
			write(name, data)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
