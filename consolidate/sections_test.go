package consolidate

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// multiSection are corpus files with several page sections: columns,
// landscape pages, continuous breaks, page restarts and title pages.
var multiSection = []string{
	"docx4j__docs_Docx4j_GettingStarted.docx",                                                      // 3 sections, 2 columns
	"safe-docx__tests_test_documents_nvca-regression_source.docx",                                  // 4, continuous, restarts, title page
	"pandoc__test_docx_0_level_headers.docx",                                                       // 5
	"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Complex01.docx",       // 4, landscape
	"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_complex2010.docx",     // 18, 2 and 3 columns
	"tika__tika-parsers_tika-parsers-standard_tika-parsers-standard-modules_tika-parser-microsoft-module_src_test_resources_test-documents_testWORD_various.docx",
}

// dressed copies a corpus file into dir as the named region's contribution.
func dressed(t *testing.T, dir, file, code string) string {
	t.Helper()
	info, _, ok := ingest.RegionByCode(code)
	if !ok {
		t.Fatalf("no region %s", code)
	}
	dst := filepath.Join(dir, code+"-contribution.docx")
	testkit.Dress(t, filepath.Join(testkit.Shared(t, "corpus/docx"), file), dst, info.Heading, 0)
	return dst
}

var (
	sectPrRe  = regexp.MustCompile(`(?s)<w:sectPr\b[^>]*?(?:/>|>.*?</w:sectPr>)`)
	sectPrChg = regexp.MustCompile(`(?s)<w:sectPrChange\b.*?</w:sectPrChange>`)
)

// sectPrs lists a main document's section properties (those of tracked
// property changes left out).
func sectPrs(doc string) []string {
	return sectPrRe.FindAllString(sectPrChg.ReplaceAllString(doc, ""), -1)
}

// TestSectionsCarried merges multi-section files as regions: each region
// keeps its sections (the read-back compares count, orientation and
// columns), every section of the TD names the template's default header
// and footer, and only the cover section has a title page.
func TestSectionsCarried(t *testing.T) {
	for _, file := range multiSection {
		t.Run(file[:min(len(file), 40)], func(t *testing.T) {
			dir := t.TempDir()
			d := testkit.ReadDoc(t, dressed(t, dir, file, "AMS"))
			docs := samplesExcept(t, d)
			out, rep := merge(t, docs, Options{})
			back := valid(t, out)
			sameContent(t, back, docs, Options{}, rep)
			srcDoc := part(t, mustRead(t, d.Path), "word/document.xml")
			doc := part(t, out, "word/document.xml")
			all := sectPrs(doc)
			// the cover, the regions before AMS (one each), AMS's, the rest
			if want := 1 + len(docs) - 1 + len(sectPrs(srcDoc)); len(all) != want {
				t.Errorf("the TD has %d sections, want %d", len(all), want)
			}
			for i, s := range all {
				if !strings.Contains(s, `<w:headerReference w:type="default" r:id="rId7"/>`) ||
					!strings.Contains(s, `<w:footerReference w:type="default" r:id="rId9"/>`) {
					t.Errorf("section %d names no template header or footer: %.300s", i+1, s)
				}
				if hasTitlePg := strings.Contains(s, "<w:titlePg"); hasTitlePg != (i == 0) {
					t.Errorf("section %d: title page %v, want %v", i+1, hasTitlePg, i == 0)
				}
			}
			if !strings.Contains(all[0], `w:type="first"`) {
				t.Errorf("the cover section lost its first-page header: %s", all[0])
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSectionsLastSectionKeepsItsType: a region whose last section is
// landscape and starts on a new page keeps both, though the next region
// begins with a continuous section; the next region still starts a page.
func TestSectionsLastSectionKeepsItsType(t *testing.T) {
	const body = `<w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body>`
	ams := rewritten(t, "AMS-contribution.docx", "AMS-contribution.docx", func(doc string) string {
		return strings.Replace(sectPrRe.ReplaceAllString(doc, ""), "</w:body>", body, 1)
	})
	arb := rewritten(t, "ARB-contribution.docx", "ARB-contribution.docx", func(doc string) string {
		return strings.Replace(sectPrRe.ReplaceAllString(doc, ""), "</w:body>", `<w:sectPr><w:type w:val="continuous"/></w:sectPr></w:body>`, 1)
	})
	docs := samplesExcept(t, ams, arb)
	out, rep := merge(t, docs, Options{})
	sameContent(t, valid(t, out), docs, Options{}, rep)
	doc := part(t, out, "word/document.xml")
	amsEnd := doc[regionAt(t, doc, "Americas"):regionAt(t, doc, "Arab States")]
	last := sectPrs(amsEnd)
	if len(last) == 0 || !strings.Contains(last[len(last)-1], `w:orient="landscape"`) || !strings.Contains(last[len(last)-1], `<w:type w:val="nextPage"/>`) {
		t.Errorf("the Americas' last section is not its own (landscape, new page): %q", last)
	}
	arbPart := doc[regionAt(t, doc, "Arab States"):regionAt(t, doc, "Asia and the Pacific")]
	if s := sectPrs(arbPart); len(s) == 0 || strings.Contains(s[0], "continuous") {
		t.Errorf("the Arab States' first section does not start a page: %q", s)
	}
}

// TestSectionsReadBackFails: the read-back names the region whose
// sections the output does not keep, or whose section names no header.
func TestSectionsReadBackFails(t *testing.T) {
	dir := t.TempDir()
	d := testkit.ReadDoc(t, dressed(t, dir, multiSection[3], "ASP"))
	docs := samplesExcept(t, d)
	out, rep := merge(t, docs, Options{})
	for _, tc := range []struct {
		name, rule string
		edit       func(doc string) string
	}{
		{"a section break lost", validate.RuleSections, func(doc string) string {
			i := regionAt(t, doc, "Asia and the Pacific")
			s := sectPrs(doc[i:])[0]
			return doc[:i] + strings.Replace(doc[i:], s, "", 1)
		}},
		{"landscape turned", validate.RuleSections, func(doc string) string {
			i := regionAt(t, doc, "Asia and the Pacific")
			return doc[:i] + strings.Replace(doc[i:], `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`, `<w:pgSz w:w="11906" w:h="16838"/>`, 1)
		}},
		{"no header", validate.RuleHeaderRef, func(doc string) string {
			i := regionAt(t, doc, "Asia and the Pacific")
			return doc[:i] + strings.Replace(doc[i:], `<w:headerReference w:type="default" r:id="rId7"/>`, "", 1)
		}},
		{"a dangling header", validate.RuleHeaderRef, func(doc string) string {
			i := regionAt(t, doc, "Asia and the Pacific")
			return doc[:i] + strings.Replace(doc[i:], `r:id="rId7"`, `r:id="rId7777"`, 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broken := rewriteBytes(t, out, "word/document.xml", tc.edit)
			back, err := validate.ReadBack("broken", broken)
			if err != nil {
				t.Fatal(err)
			}
			probs := validate.Content(back, docs, expectations(Options{}, rep))
			found := false
			for _, p := range probs {
				if p.Rule == tc.rule && p.Part == "ASP" {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s problem naming ASP in %v", tc.rule, probs)
			}
		})
	}
	back := valid(t, out)
	if probs := validate.Content(back, docs, expectations(Options{}, rep)); len(probs) > 0 {
		t.Errorf("the merge itself has section problems: %v", probs)
	}
}

// regionAt is where the output's level-1 heading whose text holds name
// starts.
func regionAt(t *testing.T, doc, name string) int {
	t.Helper()
	const h1 = `<w:pStyle w:val="Heading1"/>`
	tags := regexp.MustCompile(`<[^>]*>`)
	for off := 0; ; {
		i := strings.Index(doc[off:], h1)
		if i < 0 {
			break
		}
		at := off + i
		end := at + strings.Index(doc[at:], "</w:p>")
		if strings.Contains(tags.ReplaceAllString(doc[at:end], ""), name) {
			return max(strings.LastIndex(doc[:at], "<w:p>"), 0)
		}
		off = end
	}
	t.Fatalf("no region heading %q in the output", name)
	return 0
}

// rewriteBytes returns a package with one part edited.
func rewriteBytes(t *testing.T, pkg []byte, name string, edit func(string) string) []byte {
	t.Helper()
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "in.docx"), filepath.Join(dir, "out.docx")
	if err := os.WriteFile(src, pkg, 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.Rewrite(t, src, dst, name, func(b []byte) []byte { return []byte(edit(string(b))) })
	return mustRead(t, dst)
}

// notesAndComments is a contribution whose paragraphs each hold a comment
// and a footnote, the comment first: what made LibreOffice show the wrong
// footnotes when comment and note ids met.
func notesAndComments(n int) testkit.File {
	var body, notes, comments strings.Builder
	for k := 1; k <= n; k++ {
		fmt.Fprintf(&body, `<w:p><w:commentRangeStart w:id="%[1]d"/><w:r><w:t xml:space="preserve">Reviewed claim %[1]d </w:t></w:r>`+
			`<w:commentRangeEnd w:id="%[1]d"/><w:r><w:commentReference w:id="%[1]d"/></w:r>`+
			`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="%[1]d"/></w:r></w:p>`, k)
		fmt.Fprintf(&notes, `<w:footnote w:id="%[1]d"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Notetext%[1]dend</w:t></w:r></w:p></w:footnote>`, k)
		fmt.Fprintf(&comments, `<w:comment w:id="%[1]d" w:author="Reviewer" w:date="2025-01-01T00:00:00Z"><w:p><w:r><w:t>Check %[1]d</w:t></w:r></w:p></w:comment>`, k)
	}
	return testkit.File{Body: testkit.Region("Europe", body.String()), Footnotes: notes.String(), Comments: comments.String()}
}
