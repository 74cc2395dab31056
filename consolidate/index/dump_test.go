package index

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tsagmerge/ingest"
)

// TestDumpActivities writes every field of every activity of the samples,
// the testdata texts, the bench sets and each corpus file to
// $INDEX_DUMP/<set>.txt, so that
// a change meant to keep the extraction as it is can be checked by
// diffing two dumps. Without INDEX_DUMP it is skipped.
func TestDumpActivities(t *testing.T) {
	dir := os.Getenv("INDEX_DUMP")
	if dir == "" {
		t.Skip("INDEX_DUMP names no folder to dump into")
	}
	sets := []struct {
		name string
		docs func(*testing.T) []*ingest.Document
	}{
		{"samples", readSamples},
		{"regions-txt", func(t *testing.T) []*ingest.Document { return textDocs(t) }},
		{"x40", func(t *testing.T) []*ingest.Document { return readBench(t, "x40") }},
		{"x400", func(t *testing.T) []*ingest.Document { return readBench(t, "x400") }},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			x := Build(s.docs(t), Options{})
			f, err := os.Create(filepath.Join(dir, s.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(f)
			fmt.Fprintf(w, "period %#v\n", x.Period)
			for _, a := range x.Activities {
				fmt.Fprintf(w, "%#v\n", a)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d activities", s.name, len(x.Activities))
		})
	}
	t.Run("corpus", func(t *testing.T) { dumpCorpus(t, filepath.Join(dir, "corpus.txt")) })
}

// dumpCorpus indexes each readable corpus file on its own (its own
// reporting period) and writes its activities.
func dumpCorpus(t *testing.T, out string) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "docx", "*.docx"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	n := 0
	for _, file := range files {
		d, err := ingest.Read(file)
		if err != nil {
			fmt.Fprintf(w, "file %s: not read\n", filepath.Base(file))
			continue
		}
		x := Build([]*ingest.Document{d}, Options{})
		d.Package.Close()
		fmt.Fprintf(w, "file %s period %#v\n", filepath.Base(file), x.Period)
		for _, a := range x.Activities {
			fmt.Fprintf(w, "%#v\n", a)
		}
		n += len(x.Activities)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("corpus: %d files, %d activities", len(files), n)
}
