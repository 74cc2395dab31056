package inbox

import (
	"path/filepath"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// TestScanSamples reads the six sample contributions with the real reader.
func TestScanSamples(t *testing.T) {
	dir := testkit.Samples(t)
	in, err := Scan([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	used := in.Used()
	if len(used) != len(ingest.Regions) {
		t.Fatalf("%d documents used, want %d: %+v", len(used), len(ingest.Regions), in.Files)
	}
	for i, d := range used {
		if want := ingest.Regions[i].Code; d.Region.Code != want || filepath.Base(d.Path) != want+"-contribution.docx" {
			t.Errorf("Used()[%d] = %s (%s); want %s", i, d.Path, d.Region.Code, want)
		}
	}
	for _, f := range in.Files {
		if f.Status != Used && f.Status != Ignored {
			t.Errorf("%s: %s %q", f.Path, f.Status, f.Reason)
		}
	}
	if len(in.Files) != 8 || len(in.Missing) != 0 {
		t.Errorf("%d files (want 6 documents, EXPECTED.md and the gold TSV), missing %v", len(in.Files), in.Missing)
	}
}
