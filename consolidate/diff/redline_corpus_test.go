package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// corpusStride samples the corpus: every corpusStride-th file (all 252
// pairs pass too; they take two minutes with the schema check).
const corpusStride = 12

// TestRedlineCorpus makes redlines between real files of other projects
// (each sampled file against itself, and against the next one: arbitrary
// content deleted and inserted, text boxes, fields, content controls,
// Strict files, pictures): every one must prove itself (both views), a
// file against itself must record nothing, and no redline may have a
// schema error neither of its versions has.
func TestRedlineCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(testkit.Shared(t, "corpus"), "docx", "*.docx"))
	var docs []*ingest.Document
	for i := 0; i < len(files); i += corpusStride {
		if d, err := ingest.Read(files[i]); err == nil {
			docs = append(docs, d)
			defer d.Package.Close()
		}
	}
	dir := t.TempDir()
	var triples []string
	for i, new := range docs {
		if red, err := MakeRedline(new, new, RedlineOptions{}); err != nil || red.Insertions+red.Deletions+red.Moves > 0 {
			t.Errorf("%s against itself: %v, %+v", filepath.Base(new.Path), err, red)
		}
		old := docs[(i+1)%len(docs)]
		red, err := MakeRedline(old, new, RedlineOptions{})
		if err != nil {
			t.Errorf("%s <- %s: %v", filepath.Base(new.Path), filepath.Base(old.Path), err)
			continue
		}
		out := filepath.Join(dir, fmt.Sprintf("%03d-redline.docx", i))
		if err := os.WriteFile(out, red.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		triples = append(triples, old.Path, new.Path, out)
	}
	errs := testkit.SchemaErrors(t, triples...)
	for i := 0; i+2 < len(triples); i += 3 {
		for p := range errs[triples[i+2]] {
			if !errs[triples[i]][p] && !errs[triples[i+1]][p] {
				t.Errorf("%s (%s <- %s): schema error neither version has: %s", filepath.Base(triples[i+2]),
					filepath.Base(triples[i+1]), filepath.Base(triples[i]), p)
			}
		}
	}
}
