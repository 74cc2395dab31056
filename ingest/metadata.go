package ingest

import (
	"io"
	"os"
	"strings"

	"tsagmerge/ingest/opc"
)

// parseCoreProps reads docProps/core.xml into m. Its elements are matched
// by local name: the part is flat and Dublin Core spellings vary.
func parseCoreProps(file, part string, data []byte, m *Metadata) error {
	return readFlatProps(file, part, data, func(name, value string) {
		switch name {
		case "title":
			m.Title = value
		case "subject":
			m.Subject = value
		case "creator":
			m.Creator = value
		case "lastModifiedBy":
			m.LastModifiedBy = value
		case "created":
			m.Created = parseDate(value)
		case "modified":
			m.Modified = parseDate(value)
		case "contentStatus":
			m.Status = value
		}
	})
}

// TDProperty is the custom document property that names a TD tsagmerge
// wrote (its value is the TD number): the marker by which a TD is told
// from a contribution. Word keeps custom properties through every save.
const TDProperty = "TSAG TD"

// DraftStatus is the core content status of a draft TD.
const DraftStatus = "Draft"

// parseCustomProps reads docProps/custom.xml's TDProperty into m: each
// property is named by its name attribute, its value is its text.
func parseCustomProps(file, part string, data []byte, m *Metadata) error {
	byName := func(s *scanner, t *token) string { return s.attr(t, nsNone, "name") }
	return readProps(file, part, data, byName, func(name, value string) {
		if name == TDProperty {
			m.TD = value
		}
	})
}

// parseAppProps reads docProps/app.xml's Application and AppVersion.
func parseAppProps(file, part string, data []byte, m *Metadata) error {
	return readFlatProps(file, part, data, func(name, value string) {
		switch name {
		case "Application":
			m.Application = value
		case "AppVersion":
			m.AppVersion = value
		}
	})
}

// readFlatProps calls set with the local name and trimmed text of each
// child of the root element.
func readFlatProps(file, part string, data []byte, set func(name, value string)) error {
	byLocal := func(_ *scanner, t *token) string { return t.local }
	return readProps(file, part, data, byLocal, set)
}

// readProps calls set with the name keyOf gives each child of the root
// element and the child's trimmed text.
func readProps(file, part string, data []byte, keyOf func(*scanner, *token) string, set func(name, value string)) error {
	s, err := newScanner(file, part, data)
	if err != nil {
		return err
	}
	var (
		name string
		text strings.Builder
	)
	for {
		t, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			if s.depth() == 2 {
				name = keyOf(s, &t)
				text.Reset()
			}
		case tokText:
			if name != "" {
				text.Write(t.text)
			}
		case tokEnd:
			if s.depth() == 1 && name != "" {
				set(name, strings.TrimSpace(text.String()))
				name = ""
			}
		}
	}
}

// PropertiesAt reads the core and custom properties of the file at path,
// for callers deciding whether it may be replaced: there is false when
// nothing is at path (or nothing can be seen there), ok false when
// something is there whose properties do not read as a package's.
func PropertiesAt(path string) (m Metadata, there, ok bool) {
	if _, err := os.Lstat(path); err != nil {
		return m, false, false
	}
	p, err := opc.Open(path)
	if err != nil {
		return m, true, false
	}
	defer p.Close()
	m, err = ReadProperties(p)
	return m, true, err == nil
}

// ReadProperties reads only a package's core and custom properties (title,
// status, the TD property), for callers that need to know what a file is
// without reading it whole.
func ReadProperties(p *opc.Package) (Metadata, error) {
	var m Metadata
	for _, pr := range []struct {
		rel   string
		parse func(file, part string, data []byte, m *Metadata) error
	}{{opc.RelCoreProps, parseCoreProps}, {opc.RelCustomProps, parseCustomProps}} {
		part := p.RelatedPart("", pr.rel)
		if part == "" {
			continue
		}
		data, err := p.Read(part)
		if err != nil {
			return m, err
		}
		if err := pr.parse(p.Path, part, data, &m); err != nil {
			return m, err
		}
	}
	return m, nil
}
