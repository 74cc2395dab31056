package ingest

// nsID names a namespace the reader knows, so that elements are matched by
// the namespace their prefix resolves to and not by the prefix a writer
// chose ("w:", "ns0:", a default namespace …).
type nsID uint8

// The namespaces the reader looks at. Transitional and Strict spellings of
// the same vocabulary map to the same nsID.
const (
	nsNone  nsID = iota // no namespace (unprefixed attributes)
	nsOther             // a namespace the reader does not use
	nsW                 // WordprocessingML main
	nsR                 // officeDocument relationships (r:id, r:embed)
	nsWP                // DrawingML wordprocessingDrawing (wp:inline, wp:docPr)
	nsA                 // DrawingML main (a:blip)
	nsPic               // DrawingML picture
	nsV                 // VML
	nsO                 // VML Office extensions (o:relid)
	nsMC                // markup compatibility (mc:AlternateContent)
	nsW14               // Word 2010 (w14:paraId)
	nsW15               // Word 2012 (w15:commentEx)
	nsXML               // the xml: prefix (xml:space)
)

// namespaces maps namespace URIs to the reader's ids. Strict Open XML
// (ISO/IEC 29500 strict) uses purl.oclc.org URIs for the same vocabularies.
var namespaces = map[string]nsID{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main":           nsW,
	"http://purl.oclc.org/ooxml/wordprocessingml/main":                       nsW,
	"http://schemas.openxmlformats.org/officeDocument/2006/relationships":    nsR,
	"http://purl.oclc.org/ooxml/officeDocument/relationships":                nsR,
	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": nsWP,
	"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":             nsWP,
	"http://schemas.openxmlformats.org/drawingml/2006/main":                  nsA,
	"http://purl.oclc.org/ooxml/drawingml/main":                              nsA,
	"http://schemas.openxmlformats.org/drawingml/2006/picture":               nsPic,
	"http://purl.oclc.org/ooxml/drawingml/picture":                           nsPic,
	"urn:schemas-microsoft-com:vml":                                          nsV,
	"urn:schemas-microsoft-com:office:office":                                nsO,
	"http://schemas.openxmlformats.org/markup-compatibility/2006":            nsMC,
	"http://schemas.microsoft.com/office/word/2010/wordml":                   nsW14,
	"http://schemas.microsoft.com/office/word/2012/wordml":                   nsW15,
	"http://www.w3.org/XML/1998/namespace":                                   nsXML,
}

// strictNamespaces are the URIs that mark a Strict Open XML document.
var strictNamespaces = map[string]bool{
	"http://purl.oclc.org/ooxml/wordprocessingml/main": true,
}

// lookupNS returns the reader's id for a namespace URI.
func lookupNS(uri string) nsID {
	if id, ok := namespaces[uri]; ok {
		return id
	}
	if uri == "" {
		return nsNone
	}
	return nsOther
}
