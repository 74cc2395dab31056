package merge

import (
	"os"
	"path/filepath"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// FuzzMerge merges a fuzzed contribution with a sample: AFR's package
// with its document.xml and comments.xml replaced by the fuzzer's (seeded
// with the samples' own, so that mutations reach the merge rather than
// the zip's checksums), beside AMS's, in one of the comment and revision
// modes. Each step must refuse with an error or go on: the reader, the
// merge, and then the TD must keep Word's rules (validate.Package), read
// back, and say everything its sources say (validate.Content), which is
// what Publish demands before it writes anything.
func FuzzMerge(f *testing.F) {
	afr, err := os.ReadFile(filepath.Join(samplesDir, "AFR-contribution.docx"))
	if err != nil {
		f.Fatal(err)
	}
	ams, err := os.ReadFile(filepath.Join(samplesDir, "AMS-contribution.docx"))
	if err != nil {
		f.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(samplesDir, "*.docx"))
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		parts := testkit.Parts(data)
		f.Add(uint8(i), []byte(parts["word/document.xml"]), []byte(parts["word/comments.xml"]))
	}
	base := testkit.Parts(afr)
	f.Fuzz(func(t *testing.T, mode uint8, document, comments []byte) {
		parts := map[string]string{}
		for name, data := range base {
			parts[name] = data
		}
		parts["word/document.xml"] = string(document)
		parts["word/comments.xml"] = string(comments)
		fuzzed, err := read("AFR-contribution.docx", testkit.Zip(parts))
		if err != nil {
			return
		}
		partner, err := read("AMS-contribution.docx", ams)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{Comments: CommentMode(mode % 2), Revisions: RevisionMode(mode / 2 % 3)}
		docs := []*ingest.Document{fuzzed, partner}
		out, rep, err := Merge(templates.Default(), docs, opts)
		if err != nil {
			return
		}
		for _, p := range validate.Package(out) {
			t.Errorf("Word invariant broken: %s", p.Error())
		}
		back, err := validate.ReadBack("output", out)
		if err != nil {
			t.Fatalf("the TD cannot be read back: %v", err)
		}
		for _, p := range validate.Content(back, docs, rep.Expectations(opts)) {
			t.Errorf("content: %s", p.Error())
		}
	})
}

// read reads a package from bytes, as the inbox reads a file.
func read(name string, data []byte) (*ingest.Document, error) {
	p, err := opc.OpenBytes(name, data)
	if err != nil {
		return nil, err
	}
	return ingest.ReadPackage(p)
}
