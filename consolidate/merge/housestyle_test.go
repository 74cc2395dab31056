package merge

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
)

// rtlInbox dresses the corpus's right-to-left files as two regions.
func rtlInbox(t *testing.T) []*ingest.Document {
	t.Helper()
	corpus := testkit.Shared(t, "corpus/docx")
	dir := t.TempDir()
	for _, f := range []struct{ src, name, heading string }{
		{"Open-Xml-PowerTools__TestFiles_RP_RP051-Arabic.docx", "ARB-contribution.docx", "Arab States"},
		{"poi__test-data_integration_stress011.docx", "AFR-contribution.docx", "Africa"},
	} {
		testkit.Dress(t, filepath.Join(corpus, f.src), filepath.Join(dir, f.name), f.heading, 0)
	}
	return testkit.ReadDir(t, dir)
}

// rightToLeft counts a document's paragraphs with text that read right to
// left, level-1 headings aside (the region headings, which are the TD's).
func rightToLeft(d *ingest.Document) int {
	n := 0
	for _, p := range d.Paragraphs {
		if p.Heading != 1 && strings.TrimSpace(p.Text) != "" && d.Format(p, false).Paragraph.Value(ingest.Bidi) == "1" {
			n++
		}
	}
	return n
}

// TestHouseStyleKeepsDirection merges two right-to-left contributions
// whose Normal style reads right to left: every such paragraph must read
// so in the TD, with its complex-script look, and the read-back must say
// so; with the regions' variant styles stripped of their direction (as
// the merge once wrote them) the read-back must fail.
func TestHouseStyleKeepsDirection(t *testing.T) {
	docs := rtlInbox(t)
	want := 0
	for _, d := range docs {
		want += rightToLeft(d)
		if !d.ComplexScript {
			t.Errorf("%s: no complex-script text found", d.Path)
		}
	}
	if want < 100 {
		t.Fatalf("the sources have only %d right-to-left paragraphs", want)
	}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	// The output's own heading and the template's sections are left to
	// right; every source paragraph that reads right to left still does.
	if got := rightToLeft(back); got < want {
		t.Errorf("%d paragraphs read right to left in the TD, %d in the sources", got, want)
	}
	sameContent(t, back, docs, Options{}, rep)

	styles := part(t, out, "word/styles.xml")
	if !strings.Contains(styles, `w:val="Normal (ARB)"`) {
		t.Fatalf("no Normal (ARB) in the TD's styles")
	}
	if !readBackFinds(t, out, "word/styles.xml", strings.ReplaceAll(styles, "<w:bidi/>", ""), docs, rep, "rightToLeft is 1 in the source, 0") {
		t.Error("the read-back does not notice paragraphs that lost their direction")
	}
}

// readBackFinds reports whether the read-back of out, with one part
// replaced by data, finds a formatting difference whose detail holds
// want: what a test spoiling the merge's output expects.
func readBackFinds(t *testing.T, out []byte, part, data string, docs []*ingest.Document, rep *Report, want string) bool {
	t.Helper()
	back, err := validate.ReadBack("spoilt", testkit.Zip(replacedPart(t, out, part, data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range validate.Content(back, docs, expectations(Options{}, rep)) {
		if p.Rule == validate.RuleFormat && strings.Contains(p.Detail, want) {
			return true
		}
	}
	return false
}

// TestCustomStylesKeepTheirLook merges three regions that define a
// "Quote" style: two alike, one in another colour. The two alike share
// one style; the third keeps its colour under "Quote (…)".
func TestCustomStylesKeepTheirLook(t *testing.T) {
	quote := func(color string) string {
		return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="Quote1"><w:name w:val="Regional Quote"/>` +
			`<w:basedOn w:val="Normal"/><w:rPr><w:i/><w:color w:val="` + color + `"/></w:rPr></w:style>`
	}
	dir := t.TempDir()
	for _, r := range []struct{ code, heading, color string }{
		{"AFR", "Africa", "1F4E79"}, {"AMS", "Americas", "C00000"}, {"ARB", "Arab States", "1F4E79"},
	} {
		testkit.Write(t, filepath.Join(dir, r.code+"-contribution.docx"), testkit.File{
			Body:   testkit.Region(r.heading, "Intro.") + testkit.P("Quote1", "A quote from "+r.code),
			Styles: quote(r.color)})
	}
	docs := testkit.ReadDir(t, dir)
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	colours := map[string]string{} // region code → colour of its quote
	names := map[string]string{}
	for _, p := range back.Paragraphs {
		if code, ok := strings.CutPrefix(p.Text, "A quote from "); ok {
			f := back.Format(p, false)
			colours[code] = f.Runs[0].Props.Value(ingest.Color)
			names[code] = p.Style
		}
	}
	if colours["AFR"] != "1F4E79" || colours["ARB"] != "1F4E79" || colours["AMS"] != "C00000" {
		t.Errorf("quote colours in the TD: %v", colours)
	}
	if names["AFR"] != "Regional Quote" || names["ARB"] != "Regional Quote" || names["AMS"] != "Regional Quote (AMS)" {
		t.Errorf("quote styles in the TD: %v", names)
	}
}

// replacedPart returns every part of a written package, the named one
// replaced by data.
func replacedPart(t *testing.T, out []byte, name, data string) map[string]string {
	t.Helper()
	p, err := opc.OpenBytes("output", out)
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, n := range p.SortedNames() {
		b, err := p.Read(n)
		if err != nil {
			t.Fatal(err)
		}
		parts[n] = string(b)
	}
	parts[name] = data
	return parts
}

// TestMergeIsDeterministic merges an inbox whose regions need many style
// variants several times: the bytes never change (Go's map order does).
func TestMergeIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	docs := samplesExcept(t,
		testkit.ReadDoc(t, dressed(t, dir, "Open-Xml-PowerTools__TestFiles_RP_RP051-Arabic.docx", "AFR")),
		testkit.ReadDoc(t, dressed(t, dir, "safe-docx__tests_test_documents_nvca-regression_source.docx", "EUR")))
	first, _ := merge(t, docs, Options{})
	for range 4 {
		if again, _ := merge(t, docs, Options{}); !bytes.Equal(again, first) {
			t.Fatal("two merges of one inbox differ")
		}
	}
}
