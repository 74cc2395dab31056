package opc

import "strings"

// Strict Open XML (ISO/IEC 29500-1 Strict) and transitional Open XML
// (ISO/IEC 29500-4, what Word writes by default) name the same
// vocabularies with different namespace URIs and relationship types. This
// is the one table of the two spellings: the reader, the merge, the
// read-back and the template code all map through Transitional (and
// Strict, its inverse) rather than spelling the URIs themselves.

// Namespaces, transitional spelling, that tsagmerge's readers look into.
const (
	NSWordprocessingML      = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	NSRelationships         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	NSDrawingML             = "http://schemas.openxmlformats.org/drawingml/2006/main"
	NSChart                 = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	NSPicture               = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	NSWordprocessingDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
)

// spelling is one URI in its Strict and its transitional spelling.
type spelling struct{ strict, transitional string }

// strictNamespaces are the namespaces of ISO/IEC 29500 that Strict spells
// differently; every other namespace (markup compatibility, VML, the
// package's own, Microsoft's extensions) is the same in both.
var strictNamespaces = []spelling{
	{"http://purl.oclc.org/ooxml/wordprocessingml/main", NSWordprocessingML},
	{"http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"},
	{"http://purl.oclc.org/ooxml/presentationml/main", "http://schemas.openxmlformats.org/presentationml/2006/main"},
	{"http://purl.oclc.org/ooxml/drawingml/main", NSDrawingML},
	{"http://purl.oclc.org/ooxml/drawingml/chart", NSChart},
	{"http://purl.oclc.org/ooxml/drawingml/chartDrawing", "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing"},
	{"http://purl.oclc.org/ooxml/drawingml/compatibility", "http://schemas.openxmlformats.org/drawingml/2006/compatibility"},
	{"http://purl.oclc.org/ooxml/drawingml/diagram", "http://schemas.openxmlformats.org/drawingml/2006/diagram"},
	{"http://purl.oclc.org/ooxml/drawingml/lockedCanvas", "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas"},
	{"http://purl.oclc.org/ooxml/drawingml/picture", NSPicture},
	{"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"},
	{"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", NSWordprocessingDrawing},
	{"http://purl.oclc.org/ooxml/officeDocument/relationships", NSRelationships},
	{"http://purl.oclc.org/ooxml/officeDocument/math", "http://schemas.openxmlformats.org/officeDocument/2006/math"},
	{"http://purl.oclc.org/ooxml/officeDocument/bibliography", "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"},
	{"http://purl.oclc.org/ooxml/officeDocument/characteristics", "http://schemas.openxmlformats.org/officeDocument/2006/characteristics"},
	{"http://purl.oclc.org/ooxml/officeDocument/customXml", "http://schemas.openxmlformats.org/officeDocument/2006/customXml"},
	{"http://purl.oclc.org/ooxml/officeDocument/sharedTypes", "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"},
	{"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"},
	{"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
	{"http://purl.oclc.org/ooxml/officeDocument/customProperties", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"},
	{"http://purl.oclc.org/ooxml/schemaLibrary/main", "http://schemas.openxmlformats.org/schemaLibrary/2006/main"},
}

// A relationship type of the document's vocabularies is the relationships
// namespace, a slash and a name: Strict writes
// ".../ooxml/officeDocument/relationships/styles" for transitional
// ".../officeDocument/2006/relationships/styles". Types outside that
// namespace (the package's core-properties, Microsoft's) are the same in
// both.
const (
	strictRelPrefix       = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
	transitionalRelPrefix = NSRelationships + "/"
)

// strictRelTypes are the relationship types whose name, not only their
// namespace, differs.
var strictRelTypes = []spelling{
	{strictRelPrefix + "extendedProperties", transitionalRelPrefix + "extended-properties"},
	{strictRelPrefix + "customProperties", transitionalRelPrefix + "custom-properties"},
	{strictRelPrefix + "metadata/thumbnail", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"},
}

var toTransitional, toStrict = func() (map[string]string, map[string]string) {
	tr, st := map[string]string{}, map[string]string{}
	for _, table := range [][]spelling{strictNamespaces, strictRelTypes} {
		for _, s := range table {
			tr[s.strict], st[s.transitional] = s.transitional, s.strict
		}
	}
	return tr, st
}()

// Transitional returns the transitional spelling of a namespace URI or a
// relationship type written in Strict Open XML
// ("http://purl.oclc.org/ooxml/wordprocessingml/main" gives
// "http://schemas.openxmlformats.org/wordprocessingml/2006/main"); any
// other URI is returned unchanged.
func Transitional(uri string) string {
	return respell(uri, toTransitional, strictRelPrefix, transitionalRelPrefix)
}

// Strict returns the Strict Open XML spelling of a transitional namespace
// URI or relationship type; any other URI is returned unchanged.
func Strict(uri string) string {
	return respell(uri, toStrict, transitionalRelPrefix, strictRelPrefix)
}

// respell looks uri up in one direction's table, else takes a relationship
// type from one spelling of the relationships namespace to the other.
func respell(uri string, table map[string]string, fromRel, toRel string) string {
	if s, ok := table[uri]; ok {
		return s
	}
	if name, ok := strings.CutPrefix(uri, fromRel); ok {
		return toRel + name
	}
	return uri
}
