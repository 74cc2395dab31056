package main_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/consolidate/merge"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest/testkit"
)

// TestConsolidateDressedInbox merges an inbox of corpus files dressed as
// regions, with the fronts the samples do not have: a first heading of
// level 2 with text before it, a bold "Africa" line and no heading, a
// content control bound to the core properties. The command's --json
// report must list every drop and change, and the read-back (in the
// command and here) must hold the output to it.
func TestConsolidateDressedInbox(t *testing.T) {
	dir := t.TempDir()
	corpus := func(name string) string { return testkit.Shared(t, "corpus/docx/"+name) }
	testkit.Write(t, filepath.Join(dir, "AFR.docx"), testkit.File{Body: testkit.P("Title", "Contribution of the ITU Regional Office for Africa") +
		`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Africa</w:t></w:r></w:p>` + testkit.P("Heading2", "Workshops") + testkit.P("BodyText", "Two workshops were held.")})
	// A corpus file under a level-2 heading, with a paragraph before it.
	ams := filepath.Join(dir, "ams-undressed.docx")
	testkit.Dress(t, corpus("docx2python__tests_resources_created-in-pages-bulleted-lists.docx"), ams, "Activities of the year", 1)
	testkit.Dress(t, ams, filepath.Join(dir, "AMS.docx"), "This introduction stood before the first heading.", 9)
	testkit.Dress(t, corpus("poi__test-data_document_Bug54771a.docx"), filepath.Join(dir, "ARB.docx"), "Arab States – Regional Office for the Arab States", 0)
	testkit.Dress(t, corpus("tika__tika-parsers_tika-parsers-standard_tika-parsers-standard-modules_tika-parser-microsoft-module_src_test_resources_test-documents_testWORD_template.docx"),
		filepath.Join(dir, "ASP.docx"), "Asia and the Pacific – Regional Office for Asia and the Pacific", 0)
	testkit.Copy(t, filepath.Join(samples, "EUR-contribution.docx"), filepath.Join(dir, "EUR.docx"))
	in := copyDocx(t, dir, "AFR.docx", "AMS.docx", "ARB.docx", "ASP.docx", "EUR.docx")

	out := filepath.Join(t.TempDir(), "out.docx")
	r := tsagmerge(t, "consolidate", in, "-o", out, "--draft", "--json")
	if r.code != 0 {
		t.Fatalf("consolidate --draft --json: %s", r)
	}
	var rep struct {
		Regions []merge.RegionReport `json:"regions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	kinds := map[string]map[merge.ChangeKind][]string{}
	for _, rr := range rep.Regions {
		kinds[rr.Code] = map[merge.ChangeKind][]string{}
		for _, c := range rr.Changes {
			if c.Region != rr.Code {
				t.Errorf("%s: change %+v names region %s", rr.Code, c, c.Region)
			}
			kinds[rr.Code][c.Kind] = append(kinds[rr.Code][c.Kind], c.Text)
		}
	}
	for _, w := range []struct {
		code string
		kind merge.ChangeKind
		text string
	}{
		{"AFR", merge.FrontMatterDropped, "Contribution of the ITU Regional Office for Africa"},
		{"AFR", merge.HeadingReplaced, "Africa"},
		{"AMS", merge.HeadingAdded, "Americas – Regional Office for the Americas"},
		{"ARB", merge.BindingRemoved, ""},
		{"ASP", merge.BindingRemoved, ""},
		{"EUR", merge.FrontMatterDropped, "ITU Office for Europe"},
		{"EUR", merge.HeadingRenumbered, "Europe - ITU Office for Europe"},
	} {
		got := kinds[w.code][w.kind]
		if len(got) == 0 || w.text != "" && !strings.Contains(strings.Join(got, "\n"), w.text) {
			t.Errorf("%s: want %s %q in the report, got %q", w.code, w.kind, w.text, got)
		}
	}
	if n := len(kinds["AMS"][merge.FrontMatterDropped]); n != 0 {
		t.Errorf("AMS: %d paragraphs dropped as front matter, want none: %q", n, kinds["AMS"][merge.FrontMatterDropped])
	}
	inputs := testkit.ReadDir(t, in)
	checkOutput(t, out, inputs, validate.Expectations{}, r)
	text := plainText(t, out)
	if !strings.Contains(text, "This introduction stood before the first heading.") {
		t.Error("the text before AMS's level-2 first heading is lost")
	}
	// The bold line is the region heading, numbered, and stands only so
	// (the template's own list of regions before it aside).
	i := strings.Index(text, "3 Africa\n")
	if i < 0 {
		t.Fatalf("no region heading \"3 Africa\" in the output:\n%s", text)
	}
	for _, line := range strings.Split(text[i+len("3 Africa\n"):], "\n") {
		if strings.TrimSpace(line) == "Africa" {
			t.Error("the line naming Africa stands again under its heading")
		}
	}
	// The summary, without --json, lists the same.
	r = tsagmerge(t, "consolidate", in, "-o", filepath.Join(t.TempDir(), "out.docx"), "--draft")
	for _, s := range []string{"heading-replaced ¶2 \"Africa\"", "binding-removed", "front-matter-dropped ¶1 \"Contribution of the ITU Regional Office for Africa\" (styled Title)"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("the summary does not say %q:\n%s", s, r.stdout)
		}
	}
}
