package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sort"
	"strings"
	"testing"

	"tsagmerge/ingest/opc"
)

// The namespace declarations a test document part carries.
const testNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ` +
	`xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`

// testDoc describes a small package for a test: the body of
// word/document.xml and, optionally, other parts of word/ by name. Parts
// named after a known relationship get it from the main part.
type testDoc struct {
	body  string
	parts map[string]string // "styles.xml" -> content (root element included)
	// rels are extra relationships of the main part: id -> "Type|Target[|External]".
	rels map[string]string
	// raw replaces the whole document.xml when set.
	raw string
	// name is the file name used in messages.
	name string
}

var partRelTypes = map[string]string{
	"styles.xml":           opc.RelStyles,
	"numbering.xml":        opc.RelNumbering,
	"comments.xml":         opc.RelComments,
	"commentsExtended.xml": opc.RelCommentsExt,
	"footnotes.xml":        opc.RelFootnotes,
	"endnotes.xml":         opc.RelEndnotes,
}

// build writes the package.
func (td testDoc) build(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	write("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>`+
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)
	write("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="`+opc.RelOfficeDocument+`" Target="word/document.xml"/></Relationships>`)
	doc := td.raw
	if doc == "" {
		doc = `<?xml version="1.0"?><w:document ` + testNS + `><w:body>` + td.body + `</w:body></w:document>`
	}
	write("word/document.xml", doc)
	var rels strings.Builder
	rels.WriteString(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	names := make([]string, 0, len(td.parts))
	for name := range td.parts {
		names = append(names, name)
	}
	sort.Strings(names)
	for i, name := range names {
		write(partName(name), td.parts[name])
		if typ, ok := partRelTypes[name]; ok {
			fmt.Fprintf(&rels, `<Relationship Id="rPart%d" Type="%s" Target="%s"/>`, i, typ, name)
		}
	}
	for id, spec := range td.rels {
		f := strings.Split(spec, "|")
		mode := ""
		if len(f) > 2 {
			mode = ` TargetMode="External"`
		}
		fmt.Fprintf(&rels, `<Relationship Id="%s" Type="%s" Target="%s"%s/>`, id, f[0], f[1], mode)
	}
	rels.WriteString(`</Relationships>`)
	write("word/_rels/document.xml.rels", rels.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// partName places a test part: a name with a leading slash is a package
// path, others live in word/.
func partName(name string) string {
	if rest, ok := strings.CutPrefix(name, "/"); ok {
		return rest
	}
	return "word/" + name
}

// read builds and reads the package, failing the test on error.
func (td testDoc) read(t testing.TB) *Document {
	t.Helper()
	doc, err := td.tryRead(t)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func (td testDoc) tryRead(t testing.TB) (*Document, error) {
	t.Helper()
	name := td.name
	if name == "" {
		name = "test.docx"
	}
	p, err := opc.OpenBytes(name, td.build(t))
	if err != nil {
		return nil, err
	}
	return ReadPackage(p)
}

// para writes a paragraph: style id (may be "") and inner runs XML.
func para(styleID, inner string) string {
	ppr := ""
	if styleID != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + styleID + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + inner + `</w:p>`
}

// run writes a run of plain text.
func run(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// stylesXML defines Heading1–3 by name, a style that is a heading only by
// outline level inherited through basedOn, Title, Caption and a bold style.
const stylesXML = `<w:styles ` + testNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="OutlineBase"><w:name w:val="Outline Base"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="OutlineBase"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`

// tinyPNG returns a w×h PNG.
func tinyPNG(t testing.TB, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// inlinePicture is a DrawingML picture of relationship id with alt text.
func inlinePicture(id, alt string) string {
	return `<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Picture 1" descr="` + alt + `"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
		`<pic:blipFill><a:blip r:embed="` + id + `"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}
