package ingest

import (
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

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

// namespaces maps namespace URIs, in their transitional spelling, to the
// reader's ids; lookupNS maps Strict Open XML spellings onto these first.
var namespaces = map[string]nsID{
	opc.NSWordprocessingML:                    nsW,
	opc.NSRelationships:                       nsR,
	opc.NSWordprocessingDrawing:               nsWP,
	opc.NSDrawingML:                           nsA,
	opc.NSPicture:                             nsPic,
	"urn:schemas-microsoft-com:vml":           nsV,
	"urn:schemas-microsoft-com:office:office": nsO,
	"http://schemas.openxmlformats.org/markup-compatibility/2006": nsMC,
	"http://schemas.microsoft.com/office/word/2010/wordml":        nsW14,
	"http://schemas.microsoft.com/office/word/2012/wordml":        nsW15,
	xmltok.XMLNamespace: nsXML,
}

// strictW is the namespace that marks a Strict Open XML document: its
// WordprocessingML in the Strict spelling.
var strictW = opc.Strict(opc.NSWordprocessingML)

// lookupNS returns the reader's id for a namespace URI.
func lookupNS(uri string) nsID {
	if id, ok := namespaces[opc.Transitional(uri)]; ok {
		return id
	}
	if uri == "" {
		return nsNone
	}
	return nsOther
}
