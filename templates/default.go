package templates

import (
	"bytes"
	"embed"
	"io/fs"
	"sort"
	"sync"

	"tsagmerge/ingest/opc"
)

// td holds the template's parts. "all:" because _rels/.rels starts with
// characters go:embed would otherwise skip.
//
//go:embed all:td
var td embed.FS

// contentTypesPart comes first in the zip: some readers sniff it there.
const contentTypesPart = "[Content_Types].xml"

var defaultOnce = sync.OnceValues(buildDefault)

// Default returns the embedded TSAG TD template as a .docx, zipped the same
// way every time (fixed order, opc.WriteZip), so outputs built on it are
// reproducible. The caller owns the returned slice.
func Default() []byte {
	b, err := defaultOnce()
	if err != nil {
		// The parts are compiled in and checked by the tests; failing
		// here is a build defect, not bad input.
		panic("templates: embedded template cannot be zipped: " + err.Error())
	}
	return bytes.Clone(b)
}

func buildDefault() ([]byte, error) {
	entries, err := embeddedParts()
	if err != nil {
		return nil, err
	}
	return writeZip(entries)
}

// embeddedParts lists the template's parts: [Content_Types].xml first,
// then the others in lexical order.
func embeddedParts() ([]opc.Entry, error) {
	var entries []opc.Entry
	err := fs.WalkDir(td, "td", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := td.ReadFile(p)
		if err != nil {
			return err
		}
		entries = append(entries, opc.Entry{Name: p[len("td/"):], Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(entries, func(i, j int) bool {
		ci, cj := entries[i].Name == contentTypesPart, entries[j].Name == contentTypesPart
		if ci != cj {
			return ci
		}
		return entries[i].Name < entries[j].Name
	})
	return entries, nil
}
