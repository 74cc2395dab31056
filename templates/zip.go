package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"
)

// zipTime is the modification time of every entry we write. It is fixed so
// that the same parts always zip to the same bytes.
var zipTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// maxEntrySize caps one entry read back from a zip we are re-packing.
const maxEntrySize = 512 << 20

// entry is one part of a package, in memory.
type entry struct {
	name string
	data []byte
}

// writeZip packs entries in the given order, deflated, with fixed times.
func writeZip(entries []entry) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, fmt.Errorf("zip entry %q: %w", e.name, err)
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, fmt.Errorf("zip entry %q: %w", e.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readZip returns the files of a zip in their stored order; folder entries
// are dropped.
func readZip(data []byte) ([]entry, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	entries := make([]entry, 0, len(zr.File))
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		b, err := readEntry(f)
		if err != nil {
			return nil, fmt.Errorf("zip entry %q: %w", f.Name, err)
		}
		entries = append(entries, entry{name: f.Name, data: b})
	}
	return entries, nil
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxEntrySize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxEntrySize {
		return nil, fmt.Errorf("larger than %d MiB", maxEntrySize>>20)
	}
	return b, nil
}
