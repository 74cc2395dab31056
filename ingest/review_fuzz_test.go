package ingest_test

import (
	"maps"
	"os"
	"path/filepath"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
)

// reviewNS declares the namespaces of the hand-written seed.
const reviewNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`

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
	var samples []map[string]string // the parts of the samples that have comments
	paths, _ := filepath.Glob(filepath.Join(testkit.Samples(f), "*.docx"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		parts := testkit.Parts(data)
		if _, ok := parts["word/comments.xml"]; !ok {
			continue
		}
		samples = append(samples, parts)
		f.Add(uint8(len(samples)-1), []byte(parts["word/document.xml"]), []byte(parts["word/comments.xml"]), []byte(parts["word/commentsExtended.xml"]))
	}
	// A thread of three (a reply, a reply to the reply) whose first comment
	// is done, over an insertion, a deletion and a move.
	body := `<w:document ` + reviewNS + `><w:body><w:p><w:commentRangeStart w:id="1"/>` +
		`<w:ins w:id="7" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id="8" w:author="B"><w:r><w:delText>old</w:delText></w:r></w:del>` +
		`<w:moveFrom w:id="9" w:author="C"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:commentRangeEnd w:id="1"/>` +
		`<w:r><w:commentReference w:id="1"/></w:r><w:r><w:commentReference w:id="2"/></w:r><w:r><w:commentReference w:id="3"/></w:r></w:p></w:body></w:document>`
	comment := func(id, para string) string {
		return `<w:comment w:id="` + id + `" w:author="A"><w:p w14:paraId="` + para + `"><w:r><w:t>c` + id + `</w:t></w:r></w:p></w:comment>`
	}
	// (on AMS's package, the second with comments, which relates a
	// commentsExtended part)
	f.Add(uint8(1), []byte(body),
		[]byte(`<w:comments `+reviewNS+`>`+comment("1", "0A")+comment("2", "0B")+comment("3", "0C")+`</w:comments>`),
		[]byte(`<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">`+
			`<w15:commentEx w15:paraId="0A" w15:done="1"/><w15:commentEx w15:paraId="0B" w15:paraIdParent="0A"/>`+
			`<w15:commentEx w15:paraId="0C" w15:paraIdParent="0B"/></w15:commentsEx>`))
	f.Fuzz(func(t *testing.T, sample uint8, document, comments, extended []byte) {
		parts := maps.Clone(samples[int(sample)%len(samples)])
		parts["word/document.xml"], parts["word/comments.xml"] = string(document), string(comments)
		parts["word/commentsExtended.xml"] = string(extended)
		data := testkit.Zip(parts)
		p, err := opc.OpenBytes("fuzz.docx", data)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.ReadPackage(p)
		if err != nil {
			if _, ok := err.(*opc.Error); !ok {
				t.Fatalf("error is not an *opc.Error: %T %v", err, err)
			}
			return
		}
		checkThreads(t, doc)
	})
}

// checkThreads holds a read document's comments and revisions to what the
// model promises.
func checkThreads(t *testing.T, doc *ingest.Document) {
	byID := map[string]*ingest.Comment{}
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
	kinds := map[ingest.RevisionKind]bool{ingest.Insertion: true, ingest.Deletion: true, ingest.MoveFrom: true, ingest.MoveTo: true, ingest.Format: true, ingest.ParaProps: true}
	for _, r := range doc.Revisions {
		if !kinds[r.Kind] {
			t.Errorf("revision %s of kind %q", r.ID, r.Kind)
		}
		if r.Paragraph < 0 || r.Paragraph > len(doc.Paragraphs) {
			t.Errorf("revision %s: paragraph %d of %d", r.ID, r.Paragraph, len(doc.Paragraphs))
		}
	}
}
