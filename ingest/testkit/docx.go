// Package testkit holds what the tests of tsagmerge's packages share:
// small Word files built from parts (docx.go), the module's test folders
// (paths.go), reading contributions (read.go) and the external readers
// the output must satisfy, LibreOffice and pandoc (tools.go). Because
// read.go imports ingest, the in-package tests of ingest and ingest/opc
// cannot use testkit and keep their own few helpers.
//
// The Word files are minimal but valid: a content-types part, package
// relationships, a main document, styles with the heading, title and
// author styles, and optional core properties and comments.
package testkit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"tsagmerge/ingest/opc"
)

// File describes a .docx to write.
type File struct {
	// Body is the inner XML of w:body: paragraphs (see P) and tables.
	Body string
	// Comments is the inner XML of w:comments; when set, a comments part
	// and its relationship are added.
	Comments string
	// CommentsExtended is the inner XML of w15:commentsEx (the threads
	// and done flags, keyed by the w14:paraId of each comment's last
	// paragraph); when set, a commentsExtended part and its relationship
	// are added.
	CommentsExtended string
	// Footnotes is the inner XML of w:footnotes after the two separators;
	// when set, a footnotes part and its relationship are added.
	Footnotes string
	// Modified, when set, is written as docProps/core.xml's
	// dcterms:modified.
	Modified time.Time
	// Title is the core properties' title, written with Modified.
	Title string
	// Styles holds more w:style elements for the styles part.
	Styles string
	// TD, when set, is written as the custom property "TSAG TD", the mark
	// of a TD that tsagmerge wrote.
	TD string
}

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsW15 = "http://schemas.microsoft.com/office/word/2012/wordml"
)

// Write writes f as a .docx at path, failing the test on error.
func Write(t testing.TB, path string, f File) {
	t.Helper()
	if err := os.WriteFile(path, Bytes(f), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Bytes returns f as the bytes of a .docx.
func Bytes(f File) []byte {
	parts := map[string]string{
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsRel + `"><w:body>` + f.Body + `</w:body></w:document>`,
		"word/styles.xml": strings.Replace(styles, "</w:styles>", f.Styles+"</w:styles>", 1),
	}
	overrides := []string{
		override("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
		override("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
	}
	docRels := []string{rel("rIdStyles", nsRel+"/styles", "styles.xml")}
	pkgRels := []string{rel("rIdDoc", nsRel+"/officeDocument", "word/document.xml")}
	if f.Comments != "" {
		parts["word/comments.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="` + nsW + `" xmlns:w14="` + nsW14 + `">` + f.Comments + `</w:comments>`
		overrides = append(overrides, override("/word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"))
		docRels = append(docRels, rel("rIdComments", nsRel+"/comments", "comments.xml"))
	}
	if f.CommentsExtended != "" {
		parts["word/commentsExtended.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="` + nsW15 + `">` + f.CommentsExtended + `</w15:commentsEx>`
		overrides = append(overrides, override("/word/commentsExtended.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"))
		docRels = append(docRels, rel("rIdCommentsEx", opc.RelCommentsExt, "commentsExtended.xml"))
	}
	if f.Footnotes != "" {
		parts["word/footnotes.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="` + nsW + `">` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
			f.Footnotes + `</w:footnotes>`
		overrides = append(overrides, override("/word/footnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"))
		docRels = append(docRels, rel("rIdFootnotes", nsRel+"/footnotes", "footnotes.xml"))
	}
	if !f.Modified.IsZero() || f.Title != "" {
		parts["docProps/core.xml"] = core(f)
		overrides = append(overrides, override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"))
		pkgRels = append(pkgRels, rel("rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"))
	}
	if f.TD != "" {
		parts["docProps/custom.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
			`<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="TSAG TD"><vt:lpwstr>` + f.TD + `</vt:lpwstr></property></Properties>`
		overrides = append(overrides, override("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"))
		pkgRels = append(pkgRels, rel("rIdCustom", nsRel+"/custom-properties", "docProps/custom.xml"))
	}
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` + strings.Join(overrides, "") + `</Types>`
	parts["_rels/.rels"] = relationships(pkgRels)
	parts["word/_rels/document.xml.rels"] = relationships(docRels)
	return Zip(parts)
}

// Zip packs the named parts into a zip archive, in name order.
func Zip(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		io.WriteString(w, parts[n])
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// P returns a paragraph with the given style id ("" for none) and text.
func P(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + R(text) + `</w:p>`
}

// R returns a run holding text.
func R(text string) string {
	return `<w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r>`
}

// Region returns the body of a plain contribution: a title, an author
// line, the heading "heading" and the paragraphs.
func Region(heading string, paragraphs ...string) string {
	body := P("Title", "Contribution of the ITU Regional Office") + P("Author", "ITU Regional Office") + P("Heading1", heading)
	for _, p := range paragraphs {
		body += P("BodyText", p)
	}
	return body
}

// Copy copies the file src to dst.
func Copy(t testing.TB, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Rewrite copies the .docx src to dst with the named part changed by edit;
// the other parts are copied as they are. The test fails when src has no
// such part.
func Rewrite(t testing.TB, src, dst, part string, edit func([]byte) []byte) {
	t.Helper()
	found := false
	RewriteParts(t, src, dst, func(name string, data []byte) []byte {
		if name != part {
			return data
		}
		found = true
		return edit(data)
	})
	if !found {
		t.Fatalf("%s has no part %s", src, part)
	}
}

// RewriteParts copies the .docx src to dst, passing every part, in the
// order of src, through edit.
func RewriteParts(t testing.TB, src, dst string, edit func(part string, data []byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func override(part, ct string) string {
	return `<Override PartName="` + part + `" ContentType="` + ct + `"/>`
}

func rel(id, typ, target string) string {
	return fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, target)
}

func relationships(rels []string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + strings.Join(rels, "") + `</Relationships>`
}

func core(f File) string {
	mod := ""
	if !f.Modified.IsZero() {
		mod = `<dcterms:modified xsi:type="dcterms:W3CDTF">` + f.Modified.UTC().Format(time.RFC3339) + `</dcterms:modified>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + html.EscapeString(f.Title) + `</dc:title>` + mod + `</cp:coreProperties>`
}

// styles defines the styles Region and P use, with the names and outline
// levels Word gives them.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<w:styles xmlns:w="` + nsW + `">` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Author"><w:name w:val="Author"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
	`</w:styles>`

// CopyDir copies the regular files of the folder src into a new folder
// dst.
func CopyDir(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			Copy(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
		}
	}
}

// UTF16 encodes an XML part in UTF-16, little-endian unless big, with a
// byte-order mark when bom, its declaration (if any) naming UTF-16: what
// OPC allows a writer to store.
func UTF16(xml string, big, bom bool) string {
	xml = strings.Replace(xml, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
		if big {
			b[0], b[1] = 0xFE, 0xFF
		}
	}
	for _, u := range utf16.Encode([]rune(xml)) {
		if big {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

// Parts returns the parts of a .docx made by Bytes, by name, for a test
// to change some and Zip them again.
func Parts(docx []byte) map[string]string {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		panic(err) // Bytes makes a valid zip
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			panic(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(data)
	}
	return out
}
