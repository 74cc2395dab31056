package merge

import (
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// bold is a paragraph whose one run is bold: a heading by its look only.
func bold(text string) string {
	return `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// frontMatterInbox writes three contributions that begin otherwise than
// with a title block and a level-1 heading.
func frontMatterInbox(t *testing.T) []*ingest.Document {
	dir := t.TempDir()
	files := map[string]testkit.File{
		// A title block (one line by its style, one by the core title, a
		// date), then a bold line naming the region, no level-1 heading.
		"AFR.docx": {Title: "Half-year report of the Africa office",
			Body: testkit.P("", "Half-year report of the Africa office") + testkit.P("Title", "Contribution of the ITU Regional Office for Africa") +
				testkit.P("", "15 December 2025") + bold("Africa") + testkit.P("Heading2", "Workshops") + testkit.P("BodyText", "Two workshops were held.")},
		// Text before a first heading of level 2.
		"AMS.docx": {Body: testkit.P("Title", "Contribution of the ITU Regional Office for the Americas") +
			testkit.P("BodyText", "This introduction must not be lost.") + testkit.P("Heading2", "Activities") + testkit.P("BodyText", "RED-AMS was held.")},
		// Text before a level-1 heading.
		"ARB.docx": {Body: testkit.P("Author", "ITU Regional Office for the Arab States") + testkit.P("BodyText", "A note that stood before the heading.") +
			testkit.P("Heading1", "Arab States – Regional Office for the Arab States") + testkit.P("BodyText", "The Office met in Cairo.")},
	}
	var docs []*ingest.Document
	for _, name := range []string{"AFR.docx", "AMS.docx", "ARB.docx"} {
		path := filepath.Join(dir, name)
		testkit.Write(t, path, files[name])
		docs = append(docs, testkit.ReadDoc(t, path))
	}
	return docs
}

func changesOf(rr RegionReport) []string {
	var out []string
	for _, c := range rr.Changes {
		out = append(out, string(c.Kind)+" "+c.Text)
	}
	return out
}

func TestFrontMatterKeptAndReported(t *testing.T) {
	docs := frontMatterInbox(t)
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	want := map[string][]string{
		"AFR": {"front-matter-dropped Half-year report of the Africa office", "front-matter-dropped Contribution of the ITU Regional Office for Africa",
			"front-matter-dropped 15 December 2025", "heading-replaced Africa"},
		"AMS": {"front-matter-dropped Contribution of the ITU Regional Office for the Americas", "heading-added Americas – Regional Office for the Americas"},
		"ARB": {"front-matter-dropped ITU Regional Office for the Arab States", "heading-renumbered Arab States – Regional Office for the Arab States",
			"moved-under-heading A note that stood before the heading."},
	}
	for _, rr := range rep.Regions {
		if got := strings.Join(changesOf(rr), "\n"); got != strings.Join(want[rr.Code], "\n") {
			t.Errorf("%s changes:\n%s\nwant:\n%s", rr.Code, got, strings.Join(want[rr.Code], "\n"))
		}
	}
	var text, heads []string
	for _, p := range back.Paragraphs {
		text = append(text, p.Text)
		if p.Heading == 1 {
			heads = append(heads, p.Text)
		}
	}
	all := strings.Join(text, "\n")
	for _, s := range []string{"This introduction must not be lost.", "A note that stood before the heading."} {
		if !strings.Contains(all, s) {
			t.Errorf("the output lost %q", s)
		}
	}
	for _, s := range []string{"Contribution of the ITU Regional Office", "15 December 2025", "ITU Regional Office for the Arab States"} {
		if strings.Contains(all, s) {
			t.Errorf("the output carries the title block line %q", s)
		}
	}
	// The note stands under its region's heading, not at the end of the
	// region before.
	if i, j := strings.Index(all, "5\tArab States"), strings.Index(all, "A note that stood"); i < 0 || j < i {
		t.Errorf("the note stands at %d, the heading at %d:\n%s", j, i, all)
	}
	africa := 0
	for _, h := range heads {
		if strings.Contains(h, "Africa") {
			africa++
		}
	}
	if africa != 1 || !strings.Contains(all, "3\tAfrica\n") {
		t.Errorf("Africa's heading stands %d times, want once as the bold line made heading: %q", africa, heads)
	}
}

// TestReadBackNeedsEveryDropReported takes the merge's report and leaves
// out, in turn, a drop it states, or adds one it did not make: the
// read-back must fail either way.
func TestReadBackNeedsEveryDropReported(t *testing.T) {
	docs := frontMatterInbox(t)
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	expect := expectations(Options{}, rep)
	if probs := validate.Content(back, docs, expect); len(probs) > 0 {
		t.Fatalf("the true report does not pass: %v", probs)
	}
	unreported := expectations(Options{}, rep)
	c := unreported.Regions["AFR"]
	c.Dropped = c.Dropped[:len(c.Dropped)-1] // "15 December 2025"
	unreported.Regions["AFR"] = c
	probs := validate.Content(back, docs, unreported)
	if len(probs) == 0 || !strings.Contains(probs[0].Error(), "15 December 2025") || probs[0].Rule != validate.RuleTextLost {
		t.Errorf("a drop the report does not state passes the read-back: %v", probs)
	}
	false_ := expectations(Options{}, rep)
	c = false_.Regions["AMS"]
	c.Dropped = append(c.Dropped, validate.Drop{Paragraph: 2, Text: "This introduction must not be lost."})
	false_.Regions["AMS"] = c
	if probs := validate.Content(back, docs, false_); len(probs) == 0 || probs[0].Rule != validate.RuleTextAdded {
		t.Errorf("a drop the report states but the merge did not make passes the read-back: %v", probs)
	}
}

// TestDataBindingRemoved merges corpus files whose content controls are
// bound to the core properties: the bindings go, the text stays, and the
// report lists each.
func TestDataBindingRemoved(t *testing.T) {
	dir := t.TempDir()
	var docs []*ingest.Document
	for i, name := range []string{"poi__test-data_document_Bug54771a.docx",
		"tika__tika-parsers_tika-parsers-standard_tika-parsers-standard-modules_tika-parser-microsoft-module_src_test_resources_test-documents_testWORD_template.docx"} {
		info := ingest.Regions[i]
		dst := filepath.Join(dir, info.Code+".docx")
		testkit.Dress(t, testkit.Shared(t, "corpus/docx/"+name), dst, info.Heading, 0)
		docs = append(docs, testkit.ReadDoc(t, dst))
	}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	if body := part(t, out, "word/document.xml"); strings.Contains(body, "dataBinding") {
		t.Error("the output keeps a data binding")
	}
	for _, rr := range rep.Regions {
		n := 0
		for _, c := range rr.Changes {
			if c.Kind == BindingRemoved {
				n++
				if !strings.Contains(c.Detail, "coreProperties") && !strings.Contains(c.Detail, "Properties") {
					t.Errorf("%s: binding reported as %q", rr.Code, c.Detail)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no binding-removed in the report: %q", rr.Code, changesOf(rr))
		}
	}
}
