package merge

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// wantHeadings are the samples' region headings in the output: numbered
// on from the template's two, in the report's order.
var wantHeadings = []string{
	"3\tAfrica – Regional Office for Africa",
	"4\tAmericas – Regional Office for the Americas",
	"5\tArab States - Regional Office for the Arab States",
	"6\tAsia and the Pacific - Regional Office for Asia and the Pacific",
	"7\tCommonwealth of Independent States (CIS) - Regional Office for the CIS Region",
	"8\tEurope - ITU Office for Europe",
}

func TestMergeSamples(t *testing.T) {
	for _, tc := range []struct {
		name          string
		opts          Options
		comments      int  // comments in the output
		tracked       bool // w:ins / w:del left in the output
		text, notText string
	}{
		{"draft", Options{}, 5, true, "(RED-AMS) in October 2025", ""},
		{"publication", Options{Comments: CommentsDrop, Revisions: RevisionsAccept}, 0, false, "(RED-AMS) in October 2025", "September 2025 in Montevideo"},
		{"rejected", Options{Comments: CommentsKeep, Revisions: RevisionsReject}, 5, false, "(RED-AMS) in September 2025", "October 2025 in Montevideo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := testkit.ReadDir(t, samplesDir)
			out, rep := merge(t, docs, tc.opts)
			back := valid(t, out)
			sameContent(t, back, docs, tc.opts, rep)
			if got := level1(back); strings.Join(got, "\n") != strings.Join(wantHeadings, "\n") {
				t.Errorf("region headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantHeadings, "\n"))
			}
			if len(back.Comments) != tc.comments {
				t.Errorf("%d comments in the output, want %d", len(back.Comments), tc.comments)
			}
			doc := part(t, out, "word/document.xml")
			if has := strings.Contains(doc, "<w:ins ") || strings.Contains(doc, "<w:del "); has != tc.tracked {
				t.Errorf("tracked changes in the output: %v, want %v", has, tc.tracked)
			}
			if tc.comments == 0 && (part(t, out, "word/comments.xml") != "" || strings.Contains(doc, "commentRange")) {
				t.Error("dropped comments left a comments part or anchors behind")
			}
			text := allText(back)
			if !strings.Contains(text, tc.text) || tc.notText != "" && strings.Contains(text, tc.notText) {
				t.Errorf("AMS's tracked change: want %q and not %q in the text", tc.text, tc.notText)
			}
			if n := len(rep.Regions); n != 6 {
				t.Errorf("report has %d regions, want 6", n)
			}
		})
	}
}

func allText(d *ingest.Document) string {
	var b strings.Builder
	for _, p := range d.Paragraphs {
		b.WriteString(p.Text + "\n")
	}
	return b.String()
}

// TestMergeIDsUnique checks the ids the draft renumbers, beyond what the
// validator checks: pandoc's sources share ids, and the CIS sample has a
// bookmark start that never ends under a name used twice.
func TestMergeIDsUnique(t *testing.T) {
	out, _ := merge(t, testkit.ReadDir(t, samplesDir), Options{})
	doc := part(t, out, "word/document.xml")
	comments := part(t, out, "word/comments.xml")
	for _, c := range []struct{ what, xml, attr string }{
		{"paragraph ids", doc + comments + part(t, out, "word/footnotes.xml"), "w14:paraId"},
		{"drawing ids", doc, "id"},
		{"comment ids", comments, "w:id"},
	} {
		vals := attrValues(c.xml, c.attr)
		if c.what == "drawing ids" {
			vals = regexp.MustCompile(`<wp:docPr id="(\d+)"`).FindAllString(c.xml, -1)
		}
		if dup := duplicates(vals); len(dup) > 0 {
			t.Errorf("%s repeated: %v", c.what, dup)
		}
	}
	for _, v := range attrValues(doc+comments, "w14:paraId") {
		if len(v) != 8 || v >= "80000000" {
			t.Errorf("paraId %s is not below 0x80000000", v)
		}
	}
	starts := regexp.MustCompile(`<w:bookmarkStart w:id="(\d+)"`).FindAllStringSubmatch(doc, -1)
	ends := regexp.MustCompile(`<w:bookmarkEnd w:id="(\d+)"`).FindAllStringSubmatch(doc, -1)
	if len(starts) != len(ends) {
		t.Errorf("%d bookmark starts, %d ends", len(starts), len(ends))
	}
	revs := regexp.MustCompile(`<w:(?:ins|del) w:id="(\d+)"`).FindAllStringSubmatch(doc, -1)
	if len(revs) != 2 {
		t.Errorf("%d tracked changes in the draft, want AMS's 2", len(revs))
	}
}

func TestMergeDeterministic(t *testing.T) {
	docs := testkit.ReadDir(t, samplesDir)
	a, _ := merge(t, docs, Options{})
	b, _ := merge(t, docs, Options{})
	if !bytes.Equal(a, b) {
		t.Error("two merges of the same inputs differ")
	}
}

func TestMergeMissingRegion(t *testing.T) {
	var docs []*ingest.Document
	for _, d := range testkit.ReadDir(t, samplesDir) {
		if d.Region.Code != "CIS" {
			docs = append(docs, d)
		}
	}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	want := append(append([]string{}, wantHeadings[:4]...), "7\tEurope - ITU Office for Europe")
	if got := level1(back); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("headings without CIS: %q, want %q", got, want)
	}
	if last := rep.Regions[len(rep.Regions)-1]; last.Code != "EUR" || last.Number != 7 {
		t.Errorf("last region %s numbered %d, want EUR 7", last.Code, last.Number)
	}
}

// TestMergeHeadings covers what the merge does to a region's headings.
func TestMergeHeadings(t *testing.T) {
	for _, tc := range []struct {
		name, sample string
		edit         func(string) string
		want         string // the region's heading in the output
		check        func(t *testing.T, rr RegionReport, back *ingest.Document)
	}{
		{"number typed with a tab is replaced", "EUR-contribution.docx",
			replace(`<w:t xml:space="preserve">Europe - ITU`, `<w:t>8</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Europe - ITU`),
			"8\tEurope - ITU Office for Europe", nil},
		{"number typed with a space is replaced", "AFR-contribution.docx",
			replace(`>Africa – Regional Office for Africa<`, `>3 Africa – Regional Office for Africa<`),
			"3\tAfrica – Regional Office for Africa", nil},
		{"Heading 1 sub-sections are demoted", "ARB-contribution.docx",
			func(s string) string { return strings.ReplaceAll(s, `w:val="Heading2"`, `w:val="Heading1"`) },
			"5\tArab States - Regional Office for the Arab States",
			func(t *testing.T, rr RegionReport, back *ingest.Document) {
				if rr.Demoted != 4 {
					t.Errorf("%d sub-headings demoted, want ARB's 4", rr.Demoted)
				}
				for _, s := range back.Sections {
					if s.Title == "Digital Financial Services (DFS) Security Clinic" && s.Level != 2 {
						t.Errorf("%q at level %d, want 2", s.Title, s.Level)
					}
				}
			}},
		{"a heading in a content control", "EUR-contribution.docx",
			func(s string) string {
				return regexp.MustCompile(`(<w:p><w:pPr><w:pStyle w:val="Heading1" />.*?</w:p>)`).ReplaceAllString(s,
					`<w:sdt><w:sdtPr><w:id w:val="7"/></w:sdtPr><w:sdtContent>$1</w:sdtContent></w:sdt>`)
			},
			"8\tEurope - ITU Office for Europe", nil},
		{"a region without heading gets one", "AMS-contribution.docx",
			func(s string) string {
				return regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="Heading1"/>.*?</w:p>`).ReplaceAllLiteralString(s, "")
			},
			"4\tAmericas – Regional Office for the Americas",
			func(t *testing.T, rr RegionReport, back *ingest.Document) {
				if !rr.HeadingAdded {
					t.Error("the report does not say the heading was added")
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := rewritten(t, tc.sample, tc.sample, tc.edit)
			docs := samplesExcept(t, edited)
			out, rep := merge(t, docs, Options{})
			back := valid(t, out)
			sameContent(t, back, docs, Options{}, rep)
			got := level1(back)
			found := false
			for _, h := range got {
				found = found || h == tc.want
				if regexp.MustCompile(`^\d+\t\d`).MatchString(h) {
					t.Errorf("heading %q has two numbers", h)
				}
			}
			if !found || len(got) != 6 {
				t.Errorf("headings %q lack %q", got, tc.want)
			}
			if tc.check != nil {
				for _, rr := range rep.Regions {
					if rr.Code == edited.Region.Code {
						tc.check(t, rr, back)
					}
				}
			}
		})
	}
}

// replace returns an edit replacing old by new.
func replace(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

// TestMergeBookmarkNames gives two regions a bookmark of the same name,
// each with a link to it: the names are made unique and each link follows
// its own region's bookmark.
func TestMergeBookmarkNames(t *testing.T) {
	const name = "africa-regional-office-for-africa"
	link := `<w:hyperlink w:anchor="` + name + `"><w:r><w:t>see the heading</w:t></w:r></w:hyperlink>`
	addLink := func(s string) string {
		return strings.Replace(s, `<w:r><w:t xml:space="preserve">The ITU Regional Office`, link+`<w:r><w:t xml:space="preserve">The ITU Regional Office`, 1)
	}
	afr := rewritten(t, "AFR-contribution.docx", "AFR-contribution.docx", addLink)
	arb := rewritten(t, "ARB-contribution.docx", "ARB-contribution.docx", func(s string) string {
		return addLink(strings.Replace(s, "X29f69c3195e2c3f291d240ee9044f4653c03c2f", name, 1))
	})
	out, _ := merge(t, samplesExcept(t, afr, arb), Options{})
	valid(t, out)
	doc := part(t, out, "word/document.xml")
	names := attrValues(doc, "w:name")
	anchors := attrValues(doc, "w:anchor")
	if dup := duplicates(names); len(dup) > 0 {
		t.Fatalf("bookmark names repeated: %v", dup)
	}
	if len(anchors) != 2 || anchors[0] != name || anchors[1] == name {
		t.Fatalf("links point to %q; want AFR's to %s and ARB's to its renamed bookmark", anchors, name)
	}
	if !strings.Contains(doc, `w:name="`+anchors[1]+`"`) {
		t.Errorf("ARB's link points to %s, which no bookmark is named", anchors[1])
	}
}

func TestMergeRefusals(t *testing.T) {
	docs := testkit.ReadDir(t, samplesDir)
	noRegion := *docs[0]
	noRegion.Region = ingest.Region{}
	for _, tc := range []struct {
		name string
		docs []*ingest.Document
		want string
	}{
		{"nothing", nil, "no contributions"},
		{"a region twice", []*ingest.Document{docs[0], docs[0]}, "both contributions of AFR"},
		{"an unknown region", []*ingest.Document{&noRegion}, "region is not known"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Merge(templates.Default(), tc.docs, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestMergeCover fills the cover: no placeholder survives.
func TestMergeCover(t *testing.T) {
	meta, err := templates.LoadMeta("../../templates/testdata/meta.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := merge(t, testkit.ReadDir(t, samplesDir), Options{Meta: &meta})
	valid(t, out)
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/header2.xml"} {
		if xml := part(t, out, name); strings.Contains(xml, "{{") {
			t.Errorf("%s keeps a placeholder", name)
		}
	}
	if !strings.Contains(part(t, out, "word/document.xml"), meta.TDNumber) {
		t.Errorf("the cover lacks %s", meta.TDNumber)
	}
}

func TestMergeBenchX40(t *testing.T) {
	if testing.Short() {
		t.Skip("the x40 bench is skipped in -short mode")
	}
	docs := testkit.ReadDir(t, testkit.Shared(t, "bench/x40"))
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	figures := 0
	for _, r := range rep.Regions {
		figures += r.Figures
	}
	if len(back.Figures) != figures {
		t.Errorf("%d figures in the output, %d in the sources", len(back.Figures), figures)
	}
}

func BenchmarkMergeX400(b *testing.B) {
	docs := testkit.ReadDir(b, testkit.Shared(b, "bench/x400"))
	tpl := templates.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Merge(tpl, docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadBackX400 times the read-back of a merged x400 TD: reading
// it and comparing it with its sources, as consolidate does before the
// rename.
func BenchmarkReadBackX400(b *testing.B) {
	docs := testkit.ReadDir(b, testkit.Shared(b, "bench/x400"))
	out, rep, err := Merge(templates.Default(), docs, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		back, err := validate.ReadBack("TD", out)
		if err != nil {
			b.Fatal(err)
		}
		if probs := validate.Content(back, docs, expectations(Options{}, rep)); len(probs) > 0 {
			b.Fatal(probs[0])
		}
	}
}

// TestMergePrefixClash gives a region a prefix the template binds to
// another namespace: the region's prefix is renamed in its content,
// declared on the root and kept ignorable.
func TestMergePrefixClash(t *testing.T) {
	eur := rewritten(t, "EUR-contribution.docx", "EUR-contribution.docx", func(s string) string {
		s = strings.Replace(s, `<w:document `, `<w:document xmlns:wpc="urn:example:clash" xmlns:mc="`+uriMC+`" mc:Ignorable="wpc" `, 1)
		return strings.Replace(s, `<w:p><w:pPr><w:pStyle w:val="FirstParagraph" />`, `<w:p wpc:note="kept"><w:pPr><w:pStyle w:val="FirstParagraph" />`, 1)
	})
	docs := samplesExcept(t, eur)
	out, rep := merge(t, docs, Options{})
	sameContent(t, valid(t, out), docs, Options{}, rep)
	doc := part(t, out, "word/document.xml")
	for _, want := range []string{`xmlns:wpc1="urn:example:clash"`, `wpc1:note="kept"`, `xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`mc:Ignorable="([^"]*)"`).FindStringSubmatch(doc); m == nil || !strings.Contains(" "+m[1]+" ", " wpc1 ") {
		t.Errorf("mc:Ignorable %v lacks wpc1", m)
	}
}

// TestMergeBrokenRegion refuses a contribution whose XML breaks after it
// was read (the package is opened again, with the part damaged), naming
// the file and the part.
func TestMergeBrokenRegion(t *testing.T) {
	cis := testkit.ReadDoc(t, filepath.Join(samplesDir, "CIS-contribution.docx"))
	path := rezip(t, cis.Path, "CIS-contribution.docx", func(part string, data []byte) []byte {
		if part == "word/document.xml" {
			return []byte(strings.Replace(string(data), "</w:body>", "</w:bod>", 1))
		}
		return data
	})
	pkg, err := opc.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer pkg.Close()
	broken := *cis
	broken.Package = pkg
	_, _, err = Merge(templates.Default(), []*ingest.Document{&broken}, Options{})
	if err == nil || !strings.Contains(err.Error(), "CIS-contribution.docx: word/document.xml") {
		t.Errorf("error %v, want one naming the file and the part", err)
	}
}

// TestMergeBrokenTemplateRels refuses a template whose part's
// relationships cannot be read, rather than write them anew with the
// regions' links only.
func TestMergeBrokenTemplateRels(t *testing.T) {
	tpl, err := opc.OpenBytes("template", templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, key := range tpl.Names {
		data, err := tpl.Read(tpl.Parts[key].Name)
		if err != nil {
			t.Fatal(err)
		}
		parts[tpl.Parts[key].Name] = string(data)
	}
	parts["word/_rels/footnotes.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship`
	_, _, err = Merge(testkit.Zip(parts), testkit.ReadDir(t, samplesDir), Options{})
	if !errors.Is(err, opc.ErrCorrupt) || !strings.Contains(err.Error(), "word/footnotes.xml") {
		t.Errorf("error %v, want the template's footnotes' relationships refused", err)
	}
}

// TestMergeRegionSections keeps a region's own section break but gives its
// pages the TD's size and margins (turned for landscape) and the TD's
// headers: the template's default header and footer named, not the
// region's, no first-page header, no page restart.
func TestMergeRegionSections(t *testing.T) {
	const sect = `<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>` +
		`<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr></w:pPr></w:p>`
	asp := rewritten(t, "ASP-contribution.docx", "ASP-contribution.docx", replace(`<w:p><w:pPr><w:pStyle w:val="FirstParagraph"/>`, sect+`<w:p><w:pPr><w:pStyle w:val="FirstParagraph"/>`))
	docs := samplesExcept(t, asp)
	out, rep := merge(t, docs, Options{})
	sameContent(t, valid(t, out), docs, Options{}, rep)
	doc := part(t, out, "word/document.xml")
	region := doc[strings.Index(doc, "Asia and the Pacific - Regional"):]
	region = region[:strings.Index(region, "Commonwealth of Independent States")]
	want := `<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:footerReference w:type="default" r:id="rId9"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType/></w:sectPr>`
	if !strings.Contains(region, want) {
		t.Errorf("the region's section break is not\n%s\nin\n%s", want, region[:min(len(region), 2000)])
	}
}

// TestMergeDiagram: a SmartArt diagram's data part names its drawing by
// an id of the document's relationships, which the merge renumbers.
func TestMergeDiagram(t *testing.T) {
	d := testkit.ReadDoc(t, filepath.Join(testkit.Shared(t, "corpus/docx"), "pandoc__test_docx_diagram.docx"))
	d.Region = ingest.Region{Code: "EUR"}
	out, _ := merge(t, []*ingest.Document{d}, Options{})
	valid(t, out)
	data := part(t, out, "word/diagrams/eur-data1.xml")
	m := regexp.MustCompile(`\brelId="([^"]*)"`).FindStringSubmatch(data)
	if m == nil {
		t.Fatal("the diagram's data part lost its drawing's relId")
	}
	rels := part(t, out, "word/_rels/document.xml.rels")
	want := `Id="` + m[1] + `" Type="http://schemas.microsoft.com/office/2007/relationships/diagramDrawing" Target="diagrams/eur-drawing1.xml"`
	if !strings.Contains(rels, want) {
		t.Errorf("relId %s does not name the diagram's drawing in\n%s", m[1], rels)
	}
}
