package merge

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// multiSection are corpus files with several page sections: columns,
// landscape pages, continuous breaks, page restarts and title pages.
var multiSection = []string{
	"docx4j__docs_Docx4j_GettingStarted.docx",                                                  // 3 sections, 2 columns
	"safe-docx__tests_test_documents_nvca-regression_source.docx",                              // 4, continuous, restarts, title page
	"pandoc__test_docx_0_level_headers.docx",                                                   // 5
	"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Complex01.docx",   // 4, landscape
	"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_complex2010.docx", // 18, 2 and 3 columns
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
	return testkit.File{Body: testkit.P("Heading1", "Europe") + body.String(), Footnotes: notes.String(), Comments: comments.String()}
}

// TestSectionsRendered renders a TD of multi-section corpus files, the
// samples and a contribution whose paragraphs each hold a comment and a
// footnote, with LibreOffice: every page after the cover shows the running
// header ("- N -" and the TD number), and each footnote shows its own text.
func TestSectionsRendered(t *testing.T) {
	testkit.RequireTool(t, "soffice", "pdftotext", "pdfinfo")
	dir := t.TempDir()
	if d := os.Getenv("TSM_KEEP"); d != "" {
		dir = d
	}
	const notes = 12
	eur := filepath.Join(dir, "EUR-contribution.docx")
	testkit.Write(t, eur, notesAndComments(notes))
	docs := samplesExcept(t,
		testkit.ReadDoc(t, dressed(t, dir, multiSection[0], "AFR")),
		testkit.ReadDoc(t, dressed(t, dir, multiSection[3], "AMS")),
		testkit.ReadDoc(t, dressed(t, dir, multiSection[1], "CIS")),
		testkit.ReadDoc(t, eur))
	opts := Options{}
	out, rep := merge(t, docs, opts)
	sameContent(t, valid(t, out), docs, opts, rep)
	td := filepath.Join(dir, "TD.docx")
	if err := os.WriteFile(td, out, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := testkit.ConvertPDF(t, td, dir)
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(testkit.Run(t, "pdfinfo", pdf))
	pages, _ := strconv.Atoi(m[1])
	if pages < 10 {
		t.Fatalf("the TD renders on %d pages", pages)
	}
	hasEndnotes := strings.Contains(part(t, out, "word/endnotes.xml"), `<w:endnote w:id="1"`)
	var missing []int
	number, last := regexp.MustCompile(`-\s*(\d+)\s*-`), 0
	// A region's restart after its first section is kept (sections.go):
	// the numbers may start again that many times, and no more.
	restarts := len(regexp.MustCompile(`<w:pgNumType [^>]*w:start=`).FindAllString(part(t, out, "word/document.xml"), -1))
	again := 0
	for p := 2; p <= pages; p++ {
		text := testkit.Run(t, "pdftotext", "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, "-")
		rows := strings.Split(strings.TrimSpace(text), "\n")
		head := strings.Join(rows[:min(3, len(rows))], "\n")
		// The TD number, or its placeholder when the cover is not filled.
		hasTD := strings.Contains(head, "TD")
		m := number.FindStringSubmatch(head)
		switch {
		case hasTD && m != nil:
			n, _ := strconv.Atoi(m[1])
			if n <= last {
				if again++; again > restarts {
					t.Errorf("page %d is numbered %d, after %d, and the TD has %d restarts", p, n, last, restarts)
				}
			}
			last = n
		case hasTD && len(rows) <= 3 && regexp.MustCompile(`-\s*-`).MatchString(head):
			// The blank page LibreOffice puts before an odd-page section
			// (a region's own break): the header without a number.
		case p == pages && hasEndnotes:
			// LibreOffice sets the endnotes on a last page of its own
			// page style, without the sections' headers (Word puts them
			// at the end of the last section).
		default:
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d pages after the cover have no running header: pages %v", len(missing), pages-1, missing)
	}
	all := strings.Join(strings.Fields(testkit.Run(t, "pdftotext", pdf, "-")), "")
	prev := -1
	for k := 1; k <= notes; k++ {
		note := fmt.Sprintf("Notetext%dend", k)
		if c := strings.Count(all, note); c != 1 {
			t.Errorf("footnote %d's text shows %d times", k, c)
			continue
		}
		// Each note shows its own text once, in the order of the notes.
		at := strings.Index(all, note)
		if at < prev {
			t.Errorf("footnote %d's text shows before footnote %d's", k, k-1)
		}
		prev = at
	}
}

// TestFootnotesBesideComments renders a TD of one contribution whose
// paragraphs each hold a comment and a footnote: each footnote shows its
// own text, once. Before the merge numbered comments above the notes,
// comment ids 0-11 met footnote ids 1-12 and LibreOffice showed the wrong
// notes.
func TestFootnotesBesideComments(t *testing.T) {
	testkit.RequireTool(t, "soffice", "pdftotext")
	dir := t.TempDir()
	const notes = 12
	eur := filepath.Join(dir, "EUR-contribution.docx")
	testkit.Write(t, eur, notesAndComments(notes))
	docs := []*ingest.Document{testkit.ReadDoc(t, eur)}
	out, rep := merge(t, docs, Options{})
	sameContent(t, valid(t, out), docs, Options{}, rep)
	td := filepath.Join(dir, "TD.docx")
	if err := os.WriteFile(td, out, 0o644); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(strings.Fields(testkit.Run(t, "pdftotext", testkit.ConvertPDF(t, td, dir), "-")), "")
	for k := 1; k <= notes; k++ {
		if c := strings.Count(all, fmt.Sprintf("%dNotetext%dend", k, k)); c != 1 {
			t.Errorf("footnote %d does not show its own text once under its number (%d times)", k, c)
		}
	}
}

// TestSectionsTrackedPageChange: a region whose page setup is a tracked
// change (landscape now, portrait before) keeps its landscape when the
// changes are accepted and goes back to portrait when they are rejected;
// the read-back takes the current properties, not the change's old ones.
func TestSectionsTrackedPageChange(t *testing.T) {
	dir := t.TempDir()
	eur := filepath.Join(dir, "EUR-contribution.docx")
	sect := `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
		`<w:sectPrChange w:id="90" w:author="A" w:date="2025-01-01T00:00:00Z"><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:sectPrChange></w:sectPr>`
	testkit.Write(t, eur, testkit.File{Body: testkit.Region("Europe", "The office met in Geneva.") + sect})
	docs := samplesExcept(t, testkit.ReadDoc(t, eur))
	for _, tc := range []struct {
		opts      Options
		landscape bool
	}{
		{Options{Revisions: RevisionsAccept}, true},
		{Options{Revisions: RevisionsReject}, false},
	} {
		out, rep := merge(t, docs, tc.opts)
		sameContent(t, valid(t, out), docs, tc.opts, rep)
		doc := part(t, out, "word/document.xml")
		last := sectPrs(doc[regionAt(t, doc, "Europe"):])
		if got := strings.Contains(last[len(last)-1], `w:orient="landscape"`); got != tc.landscape {
			t.Errorf("revisions %v: the region's section landscape %v, want %v:\n%s", tc.opts.Revisions, got, tc.landscape, last[len(last)-1])
		}
	}
}
