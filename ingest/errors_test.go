package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/opc"
)

// TestRefusals checks that bad packages are refused with an *opc.Error of
// the right kind and a one-line message naming the file.
func TestRefusals(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + para("", run("x")) + strings.Repeat("</w:sdtContent></w:sdt>", 300)
	tests := []struct {
		name string
		doc  testDoc
		kind error
		says string
	}{
		{"DTD in the main part", testDoc{raw: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "http://x/">]><w:document ` + testNS + `><w:body/></w:document>`}, opc.ErrUnsafeXML, "declares a DTD"},
		{"DTD in comments", testDoc{body: para("", run("x")), parts: map[string]string{"comments.xml": `<!DOCTYPE c><w:comments ` + testNS + `/>`}}, opc.ErrUnsafeXML, "declares a DTD"},
		{"DTD in styles", testDoc{body: para("", run("x")), parts: map[string]string{"styles.xml": `<!DOCTYPE c><w:styles ` + testNS + `/>`}}, opc.ErrUnsafeXML, "declares a DTD"},
		{"absurd nesting", testDoc{body: deep}, opc.ErrUnsafeXML, "more than 256 levels"},
		{"malformed main part", testDoc{raw: `<w:document ` + testNS + `><w:body><w:p></w:body></w:document>`}, opc.ErrCorrupt, "not well-formed"},
		{"truncated main part", testDoc{raw: `<w:document ` + testNS + `><w:body><w:p>`}, opc.ErrCorrupt, "not well-formed"},
		{"unknown entity", testDoc{body: para("", run("&nbsp;"))}, opc.ErrCorrupt, "not well-formed"},
		// A story part's root must be WordprocessingML's: in another
		// namespace, or another element, nothing in it is Word's.
		{"main part in another namespace", testDoc{raw: `<w:document xmlns:w="http://example.org/x"><w:body/></w:document>`}, opc.ErrCorrupt, `"word/document.xml" is not WordprocessingML (its root element is not w:document)`},
		{"comments in another namespace", testDoc{body: para("", run("x")), parts: map[string]string{"comments.xml": `<w:comments xmlns:w="http://example.org/x"><w:comment w:id="1"/></w:comments>`}}, opc.ErrCorrupt, "is not WordprocessingML"},
		{"comments under another root", testDoc{body: para("", run("x")), parts: map[string]string{"comments.xml": `<w:footnotes ` + testNS + `/>`}}, opc.ErrCorrupt, "its root element is not w:comments"},
		{"endnotes under another root", testDoc{body: para("", run("x")), parts: map[string]string{"endnotes.xml": `<w:document ` + testNS + `/>`}}, opc.ErrCorrupt, "its root element is not w:footnotes or w:endnotes"},
		// A prefix no element declares: Word refuses the part, and the
		// merge would carry it into the TD.
		{"undeclared element prefix", testDoc{body: para("", run("x")+`<x:thing/>`)}, opc.ErrCorrupt, `uses the namespace prefix "x" (in x:thing) without declaring it`},
		{"undeclared attribute prefix in comments", testDoc{body: para("", run("x")), parts: map[string]string{"comments.xml": `<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1"><w:p q:paraId="1"/></w:comment></w:comments>`}}, opc.ErrCorrupt, `"word/comments.xml" uses the namespace prefix "q"`},
		{"undeclared prefix in a skipped branch", testDoc{body: `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">` + para("", run("x")) + `</mc:Choice><mc:Fallback><z:p/></mc:Fallback></mc:AlternateContent>`}, opc.ErrCorrupt, `prefix "z"`},
		{"malformed footnotes' relationships", testDoc{body: para("", run("x")), parts: map[string]string{"footnotes.xml": `<w:footnotes ` + testNS + `/>`,
			"_rels/footnotes.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship`}}, opc.ErrCorrupt, "word/_rels/footnotes.xml.rels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.doc.tryRead(t)
			checkRefusal(t, err, tt.kind, tt.says)
		})
	}
}

func checkRefusal(t *testing.T, err error, kind error, says string) {
	t.Helper()
	var oe *opc.Error
	if !errors.As(err, &oe) || !errors.Is(err, kind) {
		t.Fatalf("error %v (%T), want an *opc.Error wrapping %v", err, err, kind)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "test.docx: ") || strings.Contains(msg, "\n") || !strings.Contains(msg, says) || oe.Remedy == "" {
		t.Errorf("message %q: want one line naming the file, saying %q, with a remedy", msg, says)
	}
}

func TestMissingMainPart(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="` + opc.RelOfficeDocument + `" Target="word/missing.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(content))
	}
	zw.Close()
	p, err := opc.OpenBytes("test.docx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadPackage(p)
	checkRefusal(t, err, opc.ErrNoMainPart, "missing")
}

// TestWarnings checks what is reported without stopping the reading.
func TestWarnings(t *testing.T) {
	td := testDoc{body: para("", run("x")+inlinePicture("rIdGone", "")+inlinePicture("rIdNone", "")+`<w:hyperlink r:id="rIdNoLink">`+run("l")+`</w:hyperlink>`) + `<w:altChunk r:id="rIdChunk"/>`,
		parts: map[string]string{"numbering.xml": `<w:numbering ` + testNS + `><w:num>`, "styles.xml": `<w:styles ` + testNS + `/>`,
			"_rels/styles.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship`},
		rels: map[string]string{
			"rIdGone": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image|media/gone.png",
			"rIdVBA":  "http://schemas.microsoft.com/office/2006/relationships/vbaProject|vbaProject.bin",
		}}
	td.parts["vbaProject.bin"] = "not really"
	doc := td.read(t)
	all := strings.Join(doc.Warnings, "\n")
	for _, want := range []string{"missing part word/media/gone.png", "macros", "word/numbering.xml could not be read", "relationships of part word/styles.xml could not be read",
		"picture in word/document.xml names the missing relationship rIdNone", "1 imported document(s) (w:altChunk)", `hyperlink "l" in word/document.xml names the missing relationship rIdNoLink`} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if !doc.Macros {
		t.Error("Macros not set")
	}
	if len(doc.Figures) != 2 || doc.Figures[0].Part != "word/media/gone.png" || doc.Figures[0].Bytes != 0 {
		t.Errorf("figure of a missing part = %+v", doc.Figures)
	}
}

// TestZipTricks checks the opc refusals of crafted zips.
func TestZipTricks(t *testing.T) {
	good := testDoc{body: para("", run("x"))}.build(t)
	t.Run("overlapping entries", func(t *testing.T) {
		data := overlapEntries(t, good)
		_, err := opc.OpenBytes("test.docx", data)
		checkRefusal(t, err, opc.ErrTooLarge, "overlapping zip entries")
	})
	t.Run("unicode path alias", func(t *testing.T) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		name := "word/document.xml"
		extra := []byte{0x75, 0x70, 0, 0, 1}
		extra = binary.LittleEndian.AppendUint32(extra, crc32.ChecksumIEEE([]byte(name)))
		extra = append(extra, "other.xml"...)
		binary.LittleEndian.PutUint16(extra[2:], uint16(len(extra)-4))
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Extra: extra})
		w.Write([]byte("<x/>"))
		zw.Close()
		_, err := opc.OpenBytes("test.docx", buf.Bytes())
		checkRefusal(t, err, opc.ErrUnsafeName, "Unicode Path")
	})
	t.Run("owner file content", func(t *testing.T) {
		owner := append([]byte{5}, "Alice"...)
		owner = append(owner, make([]byte, 49)...)
		owner = append(owner, 5, 0)
		for _, c := range "Alice" {
			owner = append(owner, byte(c), 0)
		}
		owner = append(owner, make([]byte, 40)...)
		path := filepath.Join(t.TempDir(), "alex.docx")
		if err := os.WriteFile(path, owner, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(path)
		if !errors.Is(err, opc.ErrOwnerFile) || !strings.Contains(err.Error(), "owner (lock) file") {
			t.Errorf("error %v, want an owner-file refusal", err)
		}
	})
}

// overlapEntries rewrites the central directory of a zip so that its
// second entry points at the first entry's bytes.
func overlapEntries(t *testing.T, data []byte) []byte {
	t.Helper()
	out := append([]byte(nil), data...)
	sig := []byte("PK\x01\x02")
	first := bytes.Index(out, sig)
	second := bytes.Index(out[first+4:], sig) + first + 4
	if first < 0 || second < first+4 {
		t.Fatal("no central directory")
	}
	off := binary.LittleEndian.Uint32(out[first+42:])
	binary.LittleEndian.PutUint32(out[second+42:], off)
	return out
}
