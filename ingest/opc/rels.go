package opc

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"tsagmerge/ingest/xmltok"
)

// Relationship types, transitional spelling. Strict packages use the
// purl.oclc.org spelling (strict.go); TypeIs and Related accept either.
const (
	RelOfficeDocument     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	RelCoreProps          = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	RelExtendedProps      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	RelCustomProps        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
	RelStyles             = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	RelNumbering          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
	RelComments           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	RelCommentsExt        = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
	RelCommentsIds        = "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds"
	RelCommentsExtensible = "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible"
	RelPeople             = "http://schemas.microsoft.com/office/2011/relationships/people"
	RelFootnotes          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
	RelEndnotes           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
	RelImage              = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	RelHyperlink          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	RelHeader             = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	RelFooter             = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	RelSettings           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	RelTheme              = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
	RelVBAProject         = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
)

// Relationship is one entry of a .rels part.
type Relationship struct {
	ID   string
	Type string
	// Target is as written in the .rels part.
	Target string
	// External is true for TargetMode="External" (a URL, a linked file).
	External bool
	// Part is the resolved part name for internal targets (no leading slash).
	Part string
}

// TypeIs reports whether the relationship has the given transitional type,
// or its Strict spelling, or, for the core properties, the spelling
// LibreOffice writes (coreAlias).
func (r Relationship) TypeIs(transitional string) bool {
	return r.Type == transitional || r.Type == Strict(transitional) ||
		transitional == RelCoreProps && strings.EqualFold(r.Type, coreAlias)
}

// coreAlias is the core properties' relationship type under
// officeDocument rather than package, as LibreOffice spells it (with a
// small d) in the .docx and .xlsx it saves, and some older writers too:
// read by it alone, such a file's title and author would go unseen.
const coreAlias = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties"

// RelsPartName returns the name of the .rels part holding source's
// relationships; source "" is the package itself.
func RelsPartName(source string) string {
	dir, file := path.Split(strings.TrimPrefix(source, "/"))
	return dir + "_rels/" + file + ".rels"
}

// Rels returns the relationships whose source is the named part ("" for
// the package). A missing .rels part gives none; a malformed one an error.
func (p *Package) Rels(source string) ([]Relationship, error) {
	key := strings.ToLower(strings.TrimPrefix(source, "/"))
	if v, ok := p.rels.Load(key); ok {
		return v.([]Relationship), nil
	}
	rels, err := p.parseRels(source)
	if err != nil {
		return nil, err
	}
	p.rels.Store(key, rels)
	return rels, nil
}

func (p *Package) parseRels(source string) ([]Relationship, error) {
	relsName := RelsPartName(source)
	if !p.Has(relsName) {
		return nil, nil
	}
	data, err := p.Read(relsName)
	if err != nil {
		return nil, err
	}
	base := path.Dir(strings.TrimPrefix(source, "/"))
	var out []Relationship
	err = readChildren(p.Path, relsName, data, func(t *xmltok.Token) {
		if _, local := xmltok.SplitName(t.Name); string(local) != "Relationship" {
			return
		}
		id, _ := t.LocalAttr("Id")
		typ, _ := t.LocalAttr("Type")
		target, _ := t.LocalAttr("Target")
		mode, _ := t.LocalAttr("TargetMode")
		rel := Relationship{ID: id, Type: typ, Target: target, External: strings.EqualFold(mode, "External")}
		if !rel.External {
			rel.Part = ResolveTarget(base, target)
			if raw := resolvePath(base, targetPath(target)); !p.Has(rel.Part) && p.Has(raw) {
				rel.Part = raw // a writer that put the escapes in the zip entry's name
			}
		}
		out = append(out, rel)
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []Relationship{}
	}
	return out, nil
}

// ResolveTarget turns a relationship target into a part name, relative to
// the folder base of the source part (absolute targets start at the root).
// The target is a URI reference: what follows "#" or "?" is not part of
// the name, and percent-encoded bytes ("%20") are decoded, as OPC maps
// part names to zip entries (ISO/IEC 29500-2, 9.1.1 and B.2).
func ResolveTarget(base, target string) string {
	t := targetPath(target)
	if u, err := url.PathUnescape(t); err == nil {
		t = u
	}
	return resolvePath(base, t)
}

// targetPath is a target without its fragment or query.
func targetPath(target string) string {
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		return target[:i]
	}
	return target
}

// resolvePath is ResolveTarget of a target's path, as it is.
func resolvePath(base, target string) string {
	t := strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(t, "/") {
		return strings.TrimPrefix(path.Clean(t), "/")
	}
	if base == "." || base == "/" {
		base = ""
	}
	return strings.TrimPrefix(path.Clean("/"+path.Join(base, t)), "/")
}

// EscapeTarget writes a part name (or a relative path to one) as a
// relationship target: every byte a URI path may not hold as it is (a
// space, "%", non-ASCII) percent-encoded, so that ResolveTarget finds the
// part again. Names Word writes come out as they are.
func EscapeTarget(name string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if uriPathByte(c) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append([]byte(nil), name[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return name
	}
	return string(b)
}

// uriPathByte reports whether c may stand as it is in a URI's path: an
// unreserved or sub-delimiting character, ":", "@" or "/" (RFC 3986).
func uriPathByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/", c) >= 0
}

// Related returns the relationships of source that have the given type
// (transitional or Strict spelling).
func (p *Package) Related(source, relType string) ([]Relationship, error) {
	rels, err := p.Rels(source)
	if err != nil {
		return nil, err
	}
	var out []Relationship
	for _, r := range rels {
		if r.TypeIs(relType) {
			out = append(out, r)
		}
	}
	return out, nil
}

// RelatedPart returns the single internal part of source with the given
// relationship type, or "" when there is none or it is missing.
func (p *Package) RelatedPart(source, relType string) string {
	rels, _ := p.Related(source, relType)
	for _, r := range rels {
		if !r.External && p.Has(r.Part) {
			return p.Part(r.Part).Name
		}
	}
	return ""
}

// MainDocument returns the name of the main document part, found through
// the package relationships (not by a fixed name), and checks it is there.
func (p *Package) MainDocument() (string, error) {
	rels, err := p.Related("", RelOfficeDocument)
	if err != nil {
		return "", err
	}
	for _, r := range rels {
		if r.External {
			continue
		}
		if !p.Has(r.Part) {
			return "", refusef(p.Path, ErrNoMainPart, "the package is damaged; ask the sender to save it again from Word",
				"names its main document %q, which is missing", r.Target)
		}
		if ct := p.ContentType(r.Part); ct != "" && !isWordMain(ct) {
			return "", refusef(p.Path, ErrNotWordprocessing, "tsagmerge reads Word documents; ask for the .docx",
				"is not a Word document (its main part is %s)", ct)
		}
		return p.Part(r.Part).Name, nil
	}
	if len(rels) == 0 && p.Has("word/document.xml") {
		// Some writers omit _rels/.rels; the conventional name still works.
		return p.Part("word/document.xml").Name, nil
	}
	return "", refuse(p.Path, ErrNoMainPart, "has no main document part", "it is not a Word document or it is damaged; save it again from Word as .docx")
}

func isWordMain(ct string) bool {
	return strings.HasPrefix(ct, "application/vnd.openxmlformats-officedocument.wordprocessingml.") ||
		strings.HasPrefix(ct, "application/vnd.ms-word.")
}

// readContentTypes parses [Content_Types].xml into Defaults and Overrides.
func (p *Package) readContentTypes() error {
	const name = "[Content_Types].xml"
	p.Defaults = map[string]string{}
	p.Overrides = map[string]string{}
	if !p.Has(name) {
		return refuse(p.Path, ErrNotWordprocessing, "has no [Content_Types].xml, so it is a zip but not an Office document",
			"save it from Word as Word Document (.docx)")
	}
	data, err := p.Read(name)
	if err != nil {
		return err
	}
	err = readChildren(p.Path, name, data, func(t *xmltok.Token) {
		_, local := xmltok.SplitName(t.Name)
		ct, _ := t.LocalAttr("ContentType")
		switch string(local) {
		case "Default":
			ext, _ := t.LocalAttr("Extension")
			p.Defaults[strings.ToLower(ext)] = ct
		case "Override":
			part, _ := t.LocalAttr("PartName")
			raw := strings.ToLower(strings.TrimPrefix(part, "/"))
			p.Overrides[raw] = ct // as written, for a writer that put the escapes in the zip
			if name, err := url.PathUnescape(raw); err == nil {
				p.Overrides[name] = ct // a part name is a URI: "%20" is a space (ISO/IEC 29500-2, 9.1.1)
			}
		}
	})
	if err != nil {
		return err
	}
	for _, key := range p.Names {
		p.Parts[key].ContentType = p.ContentType(key)
	}
	return nil
}

// readChildren reads a small part (a .rels part, [Content_Types].xml),
// after CheckXML has passed it, and calls fn for each child element of its
// root, whatever their namespace. What follows the root is not read.
func readChildren(file, part string, data []byte, fn func(*xmltok.Token)) error {
	if err := CheckXML(file, part, data); err != nil {
		return err
	}
	sc := xmltok.New(data, xmltok.Options{Strict: true})
	for sc.Next() {
		t := &sc.Tok
		if t.Kind != xmltok.StartTag && t.Kind != xmltok.EndTag {
			continue
		}
		ancestors := sc.Depth() // a start tag's own element counts unless it closed itself
		if t.Kind == xmltok.StartTag && !t.SelfClosing {
			ancestors--
		}
		switch {
		case t.Kind == xmltok.StartTag && ancestors == 1:
			fn(t)
		case sc.Depth() == 0:
			return nil // the root ended
		}
	}
	return XMLRefusal(file, part, sc.Err())
}

// XMLRefusal is the refusal of a package one of whose parts xmltok's
// scanner stopped on with err: unsafe for a document type declaration,
// else damaged.
func XMLRefusal(file, part string, err error) *Error {
	var se *xmltok.SyntaxError
	switch {
	case !errors.As(err, &se):
		return malformedXML(file, part, err.Error())
	case se.Err == xmltok.ErrDTD:
		return dtdRefusal(file, part)
	}
	return malformedXML(file, part, fmt.Sprintf("line %d: %s", se.Line, se.Msg))
}

func malformedXML(file, part, msg string) *Error {
	return refusef(file, ErrCorrupt, "the package is damaged; ask the sender to save it again from Word", "part %q is not well-formed XML (%s)", part, msg)
}

func dtdRefusal(file, part string) *Error {
	return refusef(file, ErrUnsafeXML, "Word never writes one; the file is not safe to open", "part %q declares a DTD or entities", part)
}

// CheckXML refuses XML with a document type declaration: Word never writes
// one, and it is how entity-expansion and external-entity attacks arrive.
func CheckXML(file, part string, data []byte) error {
	rest := afterDeclarations(data)
	if bytes.HasPrefix(rest, []byte("<!DOCTYPE")) || bytes.HasPrefix(rest, []byte("<!ENTITY")) {
		return dtdRefusal(file, part)
	}
	return nil
}

// afterDeclarations skips the XML declaration, processing instructions,
// comments and white space that may stand before a DOCTYPE or the root.
func afterDeclarations(data []byte) []byte {
	for {
		data = bytes.TrimLeft(data, " \t\r\n\ufeff")
		var end string
		switch {
		case bytes.HasPrefix(data, []byte("<?")):
			end = "?>"
		case bytes.HasPrefix(data, []byte("<!--")):
			end = "-->"
		default:
			return data
		}
		i := bytes.Index(data, []byte(end))
		if i < 0 {
			return nil
		}
		data = data[i+len(end):]
	}
}
