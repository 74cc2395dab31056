package testkit

import (
	"path/filepath"
	"testing"

	"tsagmerge/ingest"
)

// ReadDoc reads a contribution, failing the test on error, and closes its
// package when the test ends.
func ReadDoc(t testing.TB, path string) *ingest.Document {
	t.Helper()
	d, err := ingest.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Package.Close() })
	return d
}

// ReadDir reads every .docx of a folder, in name order, as ReadDoc does;
// a folder without any fails the test.
func ReadDir(t testing.TB, dir string) []*ingest.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.docx"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .docx in %s", dir)
	}
	var docs []*ingest.Document
	for _, f := range files {
		docs = append(docs, ReadDoc(t, f))
	}
	return docs
}
