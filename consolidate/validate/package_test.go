package validate

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

func TestPackageClean(t *testing.T) {
	if probs := Package(testkit.Zip(clean())); len(probs) != 0 {
		for _, p := range probs {
			t.Error(p.Error())
		}
	}
}

// TestPackageRules breaks each invariant once in the clean package and
// expects exactly that rule to be reported.
func TestPackageRules(t *testing.T) {
	const doc, cmt = "word/document.xml", "word/comments.xml"
	tests := []struct {
		name   string
		mutate func(t *testing.T, f files) files
		rules  []string // the rules reported, exactly
	}{
		{"not a zip", func(t *testing.T, f files) files { return nil }, []string{RuleOpen}},
		{"content types not well-formed", func(t *testing.T, f files) files {
			return f.edit(t, "[Content_Types].xml", "</Types>", "</Typ>")
		}, []string{RuleOpen}},
		{"entry without content type", func(t *testing.T, f files) files {
			return f.with("word/extra.bin", "x")
		}, []string{RuleContentType}},
		{"override names a missing part", func(t *testing.T, f files) files {
			return f.edit(t, "[Content_Types].xml", "</Types>", `<Override PartName="/word/gone.xml" ContentType="application/xml"/></Types>`)
		}, []string{RuleOverride}},
		{"document not well-formed", func(t *testing.T, f files) files {
			return f.edit(t, doc, "<w:t>Africa</w:t>", "<w:t>Africa</w:r>")
		}, []string{RuleXML}},
		{"rels not well-formed", func(t *testing.T, f files) files {
			return f.edit(t, "word/_rels/header1.xml.rels", "</Relationships>", "")
		}, []string{RuleXML}},
		{"two root elements", func(t *testing.T, f files) files {
			return f.edit(t, "word/endnotes.xml", "</w:endnotes>", "</w:endnotes><endnotes/>")
		}, []string{RuleXML}},
		{"document type declaration", func(t *testing.T, f files) files {
			return f.edit(t, "word/endnotes.xml", "<w:endnotes ", "<!DOCTYPE x><w:endnotes ")
		}, []string{RuleXML}},
		{"undefined entity", func(t *testing.T, f files) files {
			return f.edit(t, doc, "<w:t>Africa</w:t>", "<w:t>Africa&nbsp;</w:t>")
		}, []string{RuleXML}},
		{"text outside the root element", func(t *testing.T, f files) files {
			return f.edit(t, "word/endnotes.xml", "</w:endnotes>", "</w:endnotes>x")
		}, []string{RuleXML}},
		{"duplicate attribute", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:ins w:id="1"`, `<w:ins w:id="1" w:id="9"`)
		}, []string{RuleXML}},
		{"undeclared element prefix", func(t *testing.T, f files) files {
			return f.edit(t, doc, "<w:t>Africa</w:t>", "<w:t>Africa</w:t><w16:x/>")
		}, []string{RuleNamespace}},
		{"undeclared attribute prefix", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:p w14:paraId="10000004">`, `<w:p w14:paraId="10000004" w16du:dateUtc="2026">`)
		}, []string{RuleNamespace}},
		{"prefix declared on a sibling only", func(t *testing.T, f files) files {
			f = f.edit(t, doc, "<w:t>Africa</w:t>", `<w:t xmlns:x="urn:x">Africa</w:t>`)
			return f.edit(t, doc, "<w:t>commented</w:t>", "<w:t>commented</w:t><x:y/>")
		}, []string{RuleNamespace}},
		{"ignorable prefix undeclared", func(t *testing.T, f files) files {
			return f.edit(t, doc, `mc:Ignorable="w14"`, `mc:Ignorable="w14 w15"`)
		}, []string{RuleIgnorable}},
		{"relationship target missing", func(t *testing.T, f files) files {
			return f.edit(t, "word/_rels/header1.xml.rels", "media/image1.png", "media/image2.png")
		}, []string{RuleRelsTarget}},
		{"relationship id twice", func(t *testing.T, f files) files {
			return f.edit(t, "word/_rels/document.xml.rels", `Id="rId9"`, `Id="rId8"`)
		}, []string{RuleRelsID, RuleRelRef}},
		{"r:embed names no relationship", func(t *testing.T, f files) files {
			return f.edit(t, doc, `r:embed="rId8"`, `r:embed="rId99"`)
		}, []string{RuleRelRef}},
		{"header uses the document's relationship", func(t *testing.T, f files) files {
			return f.edit(t, "word/header1.xml", `r:embed="rIdH1"`, `r:embed="rId8"`)
		}, []string{RuleRelRef}},
		{"relationships prefix spelled otherwise", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:hyperlink r:id="rId9">`,
				`<w:hyperlink xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships" rel:id="rId10">`)
		}, []string{RuleRelRef}},
		{"main document missing", func(t *testing.T, f files) files {
			return f.edit(t, "_rels/.rels", "word/document.xml", "word/main.xml")
		}, []string{RuleMainPart, RuleRelsTarget}},
		{"comment id twice", func(t *testing.T, f files) files {
			return f.edit(t, cmt, "</w:comments>", `<w:comment w:id="0"><w:p w14:paraId="30000002"/></w:comment></w:comments>`)
		}, []string{RuleCommentID}},
		{"comment reference to no comment", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:r><w:t>Africa</w:t></w:r>`, `<w:r><w:t>Africa</w:t></w:r><w:r><w:commentReference w:id="7"/></w:r>`)
		}, []string{RuleCommentRef}},
		{"comment range without end", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:commentRangeEnd w:id="0"/>`, ``)
		}, []string{RuleCommentRange}},
		{"comment without reference", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:r><w:commentReference w:id="0"/></w:r>`, ``)
		}, []string{RuleCommentOrphan}},
		{"commentsExtended paraId of no comment", func(t *testing.T, f files) files {
			return f.edit(t, "word/commentsExtended.xml", `w15:paraId="30000001"`, `w15:paraId="30000009"`)
		}, []string{RuleCommentEx}},
		{"bookmark id twice", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:t>commented</w:t>`, `<w:t>commented</w:t><w:bookmarkStart w:id="0" w:name="other"/><w:bookmarkEnd w:id="0"/>`)
		}, []string{RuleBookmarkID}},
		{"bookmark name twice, in another case", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:t>commented</w:t>`, `<w:t>commented</w:t><w:bookmarkStart w:id="5" w:name="_TOC1"/><w:bookmarkEnd w:id="5"/>`)
		}, []string{RuleBookmarkName}},
		{"bookmark start without end", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:bookmarkEnd w:id="0"/>`, ``)
		}, []string{RuleBookmarkPair}},
		{"bookmark end in another part", func(t *testing.T, f files) files {
			f = f.edit(t, doc, `<w:bookmarkEnd w:id="0"/>`, ``)
			return f.edit(t, "word/header1.xml", `</w:p>`, `<w:bookmarkEnd w:id="0"/></w:p>`)
		}, []string{RuleBookmarkPair}},
		{"revision id twice", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:del w:id="2"`, `<w:del w:id="1"`)
		}, []string{RuleRevisionID}},
		{"revision id shared by a format change", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:rStyle w:val="Hyperlink"/>`, `<w:rStyle w:val="Hyperlink"/><w:rPrChange w:id="4" w:author="A"/>`)
		}, []string{RuleRevisionID}},
		{"move range without end", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:moveFromRangeEnd w:id="3"/>`, ``)
		}, []string{RuleMoveRange}},
		{"footnote id twice", func(t *testing.T, f files) files {
			return f.edit(t, "word/footnotes.xml", `</w:footnotes>`, `<w:footnote w:id="1"><w:p w14:paraId="40000002"/></w:footnote></w:footnotes>`)
		}, []string{RuleNoteID}},
		{"endnote reference to no endnote", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:endnoteReference w:id="1"/>`, `<w:endnoteReference w:id="2"/>`)
		}, []string{RuleNoteRef}},
		{"picture id shared by body and header", func(t *testing.T, f files) files {
			return f.edit(t, "word/header1.xml", `<wp:docPr id="2"`, `<wp:docPr id="1"`)
		}, []string{RuleDocPrID}},
		{"paraId shared by body and footnote", func(t *testing.T, f files) files {
			return f.edit(t, "word/footnotes.xml", `w14:paraId="40000001"`, `w14:paraId="10000003"`)
		}, []string{RuleParaID}},
		{"paraId too large", func(t *testing.T, f files) files {
			return f.edit(t, doc, `w14:paraId="10000005"`, `w14:paraId="80000005"`)
		}, []string{RuleParaID}},
		{"list that does not exist", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:numId w:val="1"/>`, `<w:numId w:val="5"/>`)
		}, []string{RuleNumbering}},
		{"num of an abstractNum that does not exist", func(t *testing.T, f files) files {
			return f.edit(t, "word/numbering.xml", `<w:abstractNumId w:val="0"/>`, `<w:abstractNumId w:val="3"/>`)
		}, []string{RuleNumbering}},
		{"style that does not exist", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:tblStyle w:val="TableGrid"/>`, `<w:tblStyle w:val="TableGrid1"/>`)
		}, []string{RuleStyle}},
		{"no body-level sectPr", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:sectPr><w:headerReference w:type="default" r:id="rId7"/></w:sectPr>`, ``)
		}, []string{RuleBodySectPr}},
		{"sectPr not last", func(t *testing.T, f files) files {
			return f.edit(t, doc, `</w:body>`, `<w:p/></w:body>`)
		}, []string{RuleBodySectPr}},
		{"two body-level sectPr", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:tbl>`, `<w:sectPr/><w:tbl>`)
		}, []string{RuleBodySectPr}},
		{"table without rows", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:tr><w:tc><w:p w14:paraId="10000005"/></w:tc></w:tr>`, ``)
		}, []string{RuleTableRow}},
		{"cell without paragraph", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:tc><w:p w14:paraId="10000005"/></w:tc>`, `<w:tc><w:tcPr/></w:tc>`)
		}, []string{RuleCellEnd}},
		{"cell ending with a table", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:p w14:paraId="10000005"/></w:tc>`,
				`<w:p w14:paraId="10000005"/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:tc>`)
		}, []string{RuleCellEnd}},
		{"cell ending with a content control's table", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:p w14:paraId="10000005"/></w:tc>`,
				`<w:p w14:paraId="10000005"/><w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt></w:tc>`)
		}, []string{RuleCellEnd}},
		{"rows and paragraphs in content controls, marks after the last paragraph", func(t *testing.T, f files) files {
			return f.edit(t, doc, `<w:tr><w:tc><w:p w14:paraId="10000005"/></w:tc></w:tr>`,
				`<w:sdt><w:sdtContent><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`+
					`<w:sdt><w:sdtContent><w:p w14:paraId="10000005"/></w:sdtContent></w:sdt><w:bookmarkStart w:id="8" w:name="cell"/><w:bookmarkEnd w:id="8"/></w:tc></w:tr></w:sdtContent></w:sdt>`)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("this is not a zip")
			if f := tt.mutate(t, clean()); f != nil {
				data = testkit.Zip(f)
			}
			probs := Package(data)
			var got []string
			for _, p := range probs {
				if !slices.Contains(got, p.Rule) {
					got = append(got, p.Rule)
				}
			}
			sort.Strings(got)
			want := slices.Sorted(slices.Values(tt.rules))
			if !slices.Equal(got, want) {
				t.Errorf("rules %v, want %v; problems:\n%s", got, want, lines(probs))
			}
		})
	}
}

func TestPackageFallbackNotCountedTwice(t *testing.T) {
	// Word repeats a text box's paragraphs, ids and all, in mc:Fallback.
	box := `<w:p w14:paraId="60000001"><w:bookmarkStart w:id="9" w:name="box"/><w:bookmarkEnd w:id="9"/></w:p>`
	f := clean().edit(t, "word/document.xml", `<w:tbl>`,
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">`+box+`</mc:Choice>`+
			`<mc:Fallback>`+box+`<w:r><w:drawing><wp:inline><a:blip r:embed="rIdGone"/></wp:inline></w:drawing></w:r></mc:Fallback>`+
			`</mc:AlternateContent></w:r></w:p><w:tbl>`)
	probs := Package(testkit.Zip(f))
	if len(probs) != 1 || probs[0].Rule != RuleRelRef {
		t.Errorf("want only the Fallback's dangling r:embed, got:\n%s", lines(probs))
	}
}

func TestProblemCap(t *testing.T) {
	var refs strings.Builder
	for range maxProblemsPerGroup + 5 {
		refs.WriteString(`<w:r><w:commentReference w:id="77"/></w:r>`)
	}
	f := clean().edit(t, "word/document.xml", `<w:r><w:t>Africa</w:t></w:r>`, refs.String())
	probs := Package(testkit.Zip(f))
	if len(probs) != maxProblemsPerGroup+1 || !strings.Contains(probs[len(probs)-1].Detail, "5 more") {
		t.Errorf("want %d problems and a count of the rest, got:\n%s", maxProblemsPerGroup+1, lines(probs))
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{Part: "word/document.xml", Rule: RuleStyle, Detail: "w:pStyle names style \"X\""}
	if got, want := p.Error(), `word/document.xml: style: w:pStyle names style "X"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := (Problem{Rule: RuleOpen, Detail: "is empty"}).Error(), "open: is empty"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func lines(probs []Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString("  " + p.Error() + "\n")
	}
	return b.String()
}
