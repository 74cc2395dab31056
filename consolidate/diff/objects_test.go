package diff

import (
	"path/filepath"
	"testing"

	"tsagmerge/ingest/testkit"
)

// The report on the versions made for the redline, and on the samples
// edited: moves as moves, tables cell by cell, pictures replaced.
func TestCompareKinds(t *testing.T) {
	want := map[string]string{
		"one word changed":   "1 paragraph changed",
		"paragraph moved":    "1 paragraph moved",
		"section added":      "1 section added; 1 paragraph added",
		"section removed":    "1 section removed; 1 paragraph removed",
		"table cell changed": "1 paragraph changed; 1 table changed",
		"table row added":    "2 paragraphs added; 1 table changed",
		"table removed":      "2 paragraphs removed; 1 table removed",
		"comment kept":       "1 paragraph changed",
	}
	dir := t.TempDir()
	for _, tc := range redlineCases {
		old, new := writeRead(t, dir, tc.name+"-old", tc.old), writeRead(t, dir, tc.name+"-new", tc.new)
		if got := Compare(old, new).Summary(); got != want[tc.name] {
			t.Errorf("%s: %q; want %q", tc.name, got, want[tc.name])
		}
	}
	sample := sampleEdits[0]
	oldPath := filepath.Join(testkit.Samples(t), sample.sample)
	newPath := filepath.Join(dir, "edited.docx")
	testkit.RewriteParts(t, oldPath, newPath, sample.edit)
	r := Compare(testkit.ReadDoc(t, oldPath), testkit.ReadDoc(t, newPath))
	if got, want := r.Summary(), "1 paragraph changed, 1 moved; 1 figure replaced"; got != want {
		t.Errorf("%s: %q; want %q", sample.name, got, want)
	}
	cell := Compare(writeRead(t, dir, "c-old", redlineCases[4].old), writeRead(t, dir, "c-new", redlineCases[4].new)).Tables
	if len(cell) != 1 || len(cell[0].Cells) != 1 {
		t.Fatalf("table cell changed: %+v", cell)
	}
	if c := cell[0].Cells[0]; c.Row != 2 || c.Col != 2 || markWords(style{}, c.Words) != "[-5-]{+6+} September 2025" {
		t.Errorf("table cell changed: %+v", c)
	}
}
