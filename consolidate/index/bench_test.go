package index

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/activity"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// readBench reads the six regions of ../shared/bench/<set> (skipped when
// absent, except under CI).
func readBench(tb testing.TB, set string) []*ingest.Document {
	tb.Helper()
	dir := testkit.Shared(tb, filepath.Join("bench", set))
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	testkit.Need(tb, len(files) > 0, "no bench files in "+dir)
	var docs []*ingest.Document
	for _, f := range files {
		d, err := ingest.Read(f)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { d.Package.Close() })
		docs = append(docs, d)
	}
	return docs
}

// TestX400Index indexes the largest inputs (about 1,000 pages a region)
// and logs how long each step takes.
func TestX400Index(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the x400 set takes seconds")
	}
	start := time.Now()
	docs := readBench(t, "x400")
	read := time.Since(start)
	start = time.Now()
	x := Build(docs, activity.Options{})
	build := time.Since(start)
	out := filepath.Join(t.TempDir(), "x400.xlsx")
	start = time.Now()
	if err := x.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	write := time.Since(start)
	info, _ := os.Stat(out)
	t.Logf("x400: %d activities; read %v, extract %v, write %v (%d KB)", len(x.Activities),
		read.Round(time.Millisecond), build.Round(time.Millisecond), write.Round(time.Millisecond), info.Size()/1024)
	if len(x.Activities) < 400*6 {
		t.Errorf("only %d activities from the x400 set", len(x.Activities))
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows("Activities")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	if n != len(x.Activities)+1 {
		t.Errorf("the sheet has %d rows for %d activities", n, len(x.Activities))
	}
}

// BenchmarkIndexX400 measures extraction and writing, the files read once.
func BenchmarkIndexX400(b *testing.B) {
	docs := readBench(b, "x400")
	out := filepath.Join(b.TempDir(), "x400.xlsx")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Build(docs, activity.Options{}).WriteFile(out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractX400 measures extraction alone (the reporting period
// derived, the activities found), the files read once.
func BenchmarkExtractX400(b *testing.B) {
	docs := readBench(b, "x400")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Build(docs, activity.Options{})
	}
}
