package merge

import (
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

const samplesDir = "../../testdata/samples"

// merge merges docs on the embedded template.
func merge(t testing.TB, docs []*ingest.Document, opts Options) ([]byte, *Report) {
	t.Helper()
	out, rep, err := Merge(templates.Default(), docs, opts)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	return out, rep
}

// expectations says what the validator should allow for opts, and what
// the merge's report says it left out.
func expectations(opts Options, rep *Report) validate.Expectations { return rep.Expectations(opts) }

// valid holds an output to Word's invariants and reads it back.
func valid(t testing.TB, out []byte) *ingest.Document {
	t.Helper()
	for _, p := range validate.Package(out) {
		t.Errorf("Word invariant broken: %s", p.Error())
	}
	back, err := validate.ReadBack("output", out)
	if err != nil {
		t.Fatalf("the output cannot be read back: %v", err)
	}
	return back
}

// sameContent runs the validator's read-back comparison.
func sameContent(t testing.TB, back *ingest.Document, docs []*ingest.Document, opts Options, rep *Report) {
	t.Helper()
	for _, p := range validate.Content(back, docs, expectations(opts, rep)) {
		t.Errorf("content: %s", p.Error())
	}
}

// part returns a part of a written package.
func part(t testing.TB, out []byte, name string) string {
	t.Helper()
	p, err := opc.OpenBytes("output", out)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Has(name) {
		return ""
	}
	data, err := p.Read(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// level1 lists the output's level-1 headings after the template's own.
func level1(back *ingest.Document) []string {
	var out []string
	for _, p := range back.Paragraphs {
		if p.Heading == 1 {
			out = append(out, p.Text)
		}
	}
	if len(out) > 2 {
		return out[2:]
	}
	return nil
}

// rewritten copies a sample with its document.xml edited, under name in a
// temporary folder, and reads it.
func rewritten(t testing.TB, sample, name string, edit func(string) string) *ingest.Document {
	t.Helper()
	path := rezip(t, filepath.Join(samplesDir, sample), name, func(part string, data []byte) []byte {
		if part != "word/document.xml" {
			return data
		}
		edited := edit(string(data))
		if edited == string(data) {
			t.Fatalf("the edit of %s changed nothing", sample)
		}
		return []byte(edited)
	})
	return testkit.ReadDoc(t, path)
}

// rezip copies a .docx into a temporary folder under name, passing every
// part through edit, and returns the copy's path.
func rezip(t testing.TB, src, name string, edit func(part string, data []byte) []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	testkit.RewriteParts(t, src, path, edit)
	return path
}

// samplesExcept reads the samples, the named ones replaced.
func samplesExcept(t testing.TB, replace ...*ingest.Document) []*ingest.Document {
	t.Helper()
	var docs []*ingest.Document
	for _, d := range testkit.ReadDir(t, samplesDir) {
		keep := true
		for _, r := range replace {
			keep = keep && r.Region.Code != d.Region.Code
		}
		if keep {
			docs = append(docs, d)
		}
	}
	return append(docs, replace...)
}

// attrValues lists the values of an attribute in a part, e.g. every
// w14:paraId.
func attrValues(xml, qname string) []string {
	re := regexp.MustCompile(`\s` + regexp.QuoteMeta(qname) + `="([^"]*)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(xml, -1) {
		out = append(out, m[1])
	}
	return out
}

func duplicates(vals []string) []string {
	seen := map[string]bool{}
	var dup []string
	for _, v := range vals {
		if seen[v] {
			dup = append(dup, v)
		}
		seen[v] = true
	}
	return dup
}

// normText collapses white space for comparing paragraph texts.
func normText(s string) string { return strings.Join(strings.Fields(s), " ") }
