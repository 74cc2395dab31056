package validate

// Namespaces the rules look into. Strict Open XML spells some differently;
// canonicalNS maps those spellings onto the transitional ones so one rule
// table serves both.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsXML = "http://www.w3.org/XML/1998/namespace"
)

var canonicalNS = map[string]string{
	"http://purl.oclc.org/ooxml/wordprocessingml/main":                   nsW,
	"http://purl.oclc.org/ooxml/officeDocument/relationships":            nsR,
	"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":         nsWP,
	"http://schemas.openxmlformats.org/markup-compatibility/2006/strict": nsMC,
}

func canonical(uri string) string {
	if c, ok := canonicalNS[uri]; ok {
		return c
	}
	return uri
}

// name is a namespace-resolved XML name.
type name struct{ ns, local string }

func w(local string) name { return name{nsW, local} }
