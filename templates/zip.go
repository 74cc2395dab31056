package templates

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"tsagmerge/ingest/opc"
)

// maxEntrySize caps one entry read back from a zip we are re-packing.
const maxEntrySize = 512 << 20

// writeZip packs entries in the given order (opc.WriteZip).
func writeZip(entries []opc.Entry) ([]byte, error) {
	var buf bytes.Buffer
	if err := opc.WriteZip(&buf, entries); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readZip returns the files of a zip in their stored order; folder entries
// are dropped.
func readZip(data []byte) ([]opc.Entry, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	entries := make([]opc.Entry, 0, len(zr.File))
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		b, err := readEntry(f)
		if err != nil {
			return nil, fmt.Errorf("zip entry %q: %w", f.Name, err)
		}
		entries = append(entries, opc.Entry{Name: f.Name, Data: b})
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
