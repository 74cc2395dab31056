package validate

import (
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// Namespaces the rules look into, in their transitional spelling: parts
// are read in a scope that maps Strict Open XML spellings onto these
// (opc.Transitional, the table of the standard's two spellings), so one
// rule table serves both.
const (
	nsW   = opc.NSWordprocessingML
	nsR   = opc.NSRelationships
	nsWP  = opc.NSWordprocessingDrawing
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsXML = xmltok.XMLNamespace
	nsA   = opc.NSDrawingML
	nsC   = opc.NSChart
)

// name is a namespace-resolved XML name.
type name struct{ ns, local string }

func w(local string) name { return name{nsW, local} }
