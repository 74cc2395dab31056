package validate

import (
	"maps"
	"strings"
	"testing"
)

// files is a package under construction: part name → content.
type files map[string]string

// edit returns a copy of f with old replaced by new in one part; it fails
// the test when old is not there, so a case cannot pass by editing nothing.
func (f files) edit(t testing.TB, part, old, new string) files {
	t.Helper()
	content, ok := f[part]
	if !ok || !strings.Contains(content, old) {
		t.Fatalf("test setup: %s does not contain %q", part, old)
	}
	return f.with(part, strings.Replace(content, old, new, 1))
}

// with returns a copy of f with one part set.
func (f files) with(part, content string) files {
	g := maps.Clone(f)
	g[part] = content
	return g
}

const (
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	wordNS  = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
		`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"`
	ct     = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	relTyp = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// clean returns a small package that uses every feature a rule looks at —
// comments with commentsExtended, bookmarks, revisions, a move, notes, a
// picture in the body and in a header, a list, styles — and breaks none.
func clean() files {
	return files{
		"[Content_Types].xml": xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Default Extension="png" ContentType="image/png"/>` +
			`<Override PartName="/word/document.xml" ContentType="` + ct + `document.main+xml"/>` +
			`<Override PartName="/word/styles.xml" ContentType="` + ct + `styles+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="` + ct + `numbering+xml"/>` +
			`<Override PartName="/word/comments.xml" ContentType="` + ct + `comments+xml"/>` +
			`<Override PartName="/word/commentsExtended.xml" ContentType="` + ct + `commentsExtended+xml"/>` +
			`<Override PartName="/word/footnotes.xml" ContentType="` + ct + `footnotes+xml"/>` +
			`<Override PartName="/word/endnotes.xml" ContentType="` + ct + `endnotes+xml"/>` +
			`<Override PartName="/word/header1.xml" ContentType="` + ct + `header+xml"/>` +
			`</Types>`,
		"_rels/.rels": xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relTyp + `officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`,
		"word/_rels/document.xml.rels": xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relTyp + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + relTyp + `numbering" Target="numbering.xml"/>` +
			`<Relationship Id="rId3" Type="` + relTyp + `comments" Target="comments.xml"/>` +
			`<Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>` +
			`<Relationship Id="rId5" Type="` + relTyp + `footnotes" Target="footnotes.xml"/>` +
			`<Relationship Id="rId6" Type="` + relTyp + `endnotes" Target="endnotes.xml"/>` +
			`<Relationship Id="rId7" Type="` + relTyp + `header" Target="header1.xml"/>` +
			`<Relationship Id="rId8" Type="` + relTyp + `image" Target="media/image1.png"/>` +
			`<Relationship Id="rId9" Type="` + relTyp + `hyperlink" Target="https://www.itu.int/" TargetMode="External"/>` +
			`</Relationships>`,
		"word/_rels/header1.xml.rels": xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rIdH1" Type="` + relTyp + `image" Target="media/image1.png"/>` +
			`</Relationships>`,
		"word/media/image1.png": "\x89PNG\r\n\x1a\n",
		"word/document.xml": xmlDecl + `<w:document ` + wordNS + `><w:body>` +
			`<w:p w14:paraId="10000001"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>` +
			`<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:r><w:t>Africa</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>` +
			`<w:p w14:paraId="10000002"><w:commentRangeStart w:id="0"/><w:r><w:t>commented</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
			`<w:r><w:commentReference w:id="0"/></w:r>` +
			`<w:ins w:id="1" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins>` +
			`<w:del w:id="2" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del></w:p>` +
			`<w:p w14:paraId="10000003"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
			`<w:moveFromRangeStart w:id="3" w:author="A" w:name="move1"/><w:moveFrom w:id="4" w:author="A"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="3"/>` +
			`<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r>` +
			`<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>ITU</w:t></w:r></w:hyperlink></w:p>` +
			`<w:p w14:paraId="10000004"><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1"/>` +
			`<a:graphic><a:graphicData><a:blip r:embed="rId8"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
			`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr><w:tc><w:p w14:paraId="10000005"/></w:tc></w:tr></w:tbl>` +
			`<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>` +
			`</w:body></w:document>`,
		"word/header1.xml": xmlDecl + `<w:hdr ` + wordNS + `><w:p w14:paraId="20000001"><w:r><w:drawing><wp:anchor><wp:docPr id="2" name="Logo"/>` +
			`<a:graphic><a:graphicData><a:blip r:embed="rIdH1"/></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p></w:hdr>`,
		"word/styles.xml": xmlDecl + `<w:styles ` + wordNS + `>` +
			`<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>` +
			`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>` +
			`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>` +
			`</w:styles>`,
		"word/numbering.xml": xmlDecl + `<w:numbering ` + wordNS + `>` +
			`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		"word/comments.xml": xmlDecl + `<w:comments ` + wordNS + `>` +
			`<w:comment w:id="0" w:author="Okafor, Nneka"><w:p w14:paraId="30000001"><w:r><w:t>Please confirm.</w:t></w:r></w:p></w:comment>` +
			`</w:comments>`,
		"word/commentsExtended.xml": xmlDecl + `<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">` +
			`<w15:commentEx w15:paraId="30000001" w15:done="0"/></w15:commentsEx>`,
		"word/footnotes.xml": xmlDecl + `<w:footnotes ` + wordNS + `>` +
			`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
			`<w:footnote w:id="1"><w:p w14:paraId="40000001"><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/endnotes.xml": xmlDecl + `<w:endnotes ` + wordNS + `>` +
			`<w:endnote w:id="1"><w:p w14:paraId="50000001"><w:r><w:t>An endnote.</w:t></w:r></w:p></w:endnote></w:endnotes>`,
	}
}
