package ingest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// BenchmarkReadX400AFR reads the 1,000-page Africa contribution (400
// distinct figures).
func BenchmarkReadX400AFR(b *testing.B) {
	path := filepath.Join(sharedDir(b, "bench/x400"), "AFR-contribution.docx")
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Read(path)
		if err != nil {
			b.Fatal(err)
		}
		doc.Package.Close()
	}
}

// BenchmarkReadX400Set reads the six 1,000-page contributions, as
// consolidate does: all files at once.
func BenchmarkReadX400Set(b *testing.B) {
	dir := sharedDir(b, "bench/x400")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(paths) == 0 {
		b.Fatal("no bench files")
	}
	var size int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			size += st.Size()
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var wg sync.WaitGroup
		for _, p := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				doc, err := Read(p)
				if err != nil {
					b.Error(err)
					return
				}
				doc.Package.Close()
			}()
		}
		wg.Wait()
	}
}
