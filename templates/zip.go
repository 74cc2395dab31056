package templates

import (
	"bytes"

	"tsagmerge/ingest/opc"
)

// writeZip packs entries in the given order (opc.WriteZip).
func writeZip(entries []opc.Entry) ([]byte, error) {
	var buf bytes.Buffer
	if err := opc.WriteZip(&buf, entries); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readPackage opens a zip we are re-packing, and returns the package (for
// its relationships) and its parts in their stored order.
func readPackage(name string, data []byte) (*opc.Package, []opc.Entry, error) {
	pkg, err := opc.OpenBytes(name, data)
	if err != nil {
		return nil, nil, err
	}
	entries := make([]opc.Entry, 0, len(pkg.Names))
	for _, key := range pkg.Names {
		part := pkg.Part(key)
		b, err := pkg.Read(part.Name)
		if err != nil {
			return nil, nil, err
		}
		entries = append(entries, opc.Entry{Name: part.Name, Data: b})
	}
	return pkg, entries, nil
}
