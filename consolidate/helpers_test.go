package consolidate

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/templates"
)

const samplesDir = "../testdata/samples"

// sharedDir returns a folder of ../shared, skipping the test when it is
// absent (failing on CI, where it must be there).
func sharedDir(t testing.TB, rel string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", rel)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing on CI: %v", dir, err)
		}
		t.Skipf("%s is not here: %v", dir, err)
	}
	return dir
}

// readDir reads every .docx of a folder, closing them after the test.
func readDir(t testing.TB, dir string) []*ingest.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.docx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .docx in %s", dir)
	}
	var docs []*ingest.Document
	for _, f := range files {
		docs = append(docs, readDoc(t, f))
	}
	return docs
}

func readDoc(t testing.TB, path string) *ingest.Document {
	t.Helper()
	d, err := ingest.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Package.Close() })
	return d
}

// merge merges docs on the embedded template.
func merge(t testing.TB, docs []*ingest.Document, opts Options) ([]byte, *Report) {
	t.Helper()
	out, rep, err := Merge(templates.Default(), docs, opts)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	return out, rep
}

// expectations says what the validator should allow for opts.
func expectations(opts Options) validate.Expectations {
	return validate.Expectations{DropComments: opts.Comments == CommentsDrop,
		Revisions: []validate.RevisionMode{validate.KeepRevisions, validate.AcceptRevisions, validate.RejectRevisions}[opts.Revisions]}
}

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
func sameContent(t testing.TB, back *ingest.Document, docs []*ingest.Document, opts Options) {
	t.Helper()
	for _, p := range validate.Content(back, docs, expectations(opts)) {
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
	return readDoc(t, path)
}

// rezip copies a .docx into a temporary folder under name, passing every
// part through edit, and returns the copy's path.
func rezip(t testing.TB, src, name string, edit func(part string, data []byte) []byte) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(edit(f.Name, data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// samplesExcept reads the samples, the named ones replaced.
func samplesExcept(t testing.TB, replace ...*ingest.Document) []*ingest.Document {
	t.Helper()
	var docs []*ingest.Document
	for _, d := range readDir(t, samplesDir) {
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
