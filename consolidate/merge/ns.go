package merge

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// Namespaces the merge looks into (transitional spelling; Strict URIs are
// mapped onto these by opc.Transitional).
const (
	uriW      = opc.NSWordprocessingML
	uriR      = opc.NSRelationships
	uriW14    = "http://schemas.microsoft.com/office/word/2010/wordml"
	uriW15    = "http://schemas.microsoft.com/office/word/2012/wordml"
	uriW16CID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
	uriW16CEX = "http://schemas.microsoft.com/office/word/2018/wordml/cex"
	uriWP     = opc.NSWordprocessingDrawing
	uriWP14   = "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"
	uriMC     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	uriO      = "urn:schemas-microsoft-com:office:office"
	uriA      = opc.NSDrawingML
)

// nsKind is a namespace the rewriter acts on; nsOther for the rest.
type nsKind uint8

const (
	nsOther nsKind = iota
	nsW
	nsR
	nsW14
	nsW15
	nsW16CID
	nsW16CEX
	nsWP
	nsWP14
	nsMC
	nsO
	nsA
)

var kindOfURI = map[string]nsKind{
	uriW: nsW, uriR: nsR, uriW14: nsW14, uriW15: nsW15, uriW16CID: nsW16CID,
	uriW16CEX: nsW16CEX, uriWP: nsWP, uriWP14: nsWP14, uriMC: nsMC, uriO: nsO, uriA: nsA,
}

// kindOf is the rewriter's name for a namespace, in either spelling: a
// Strict contribution's content lands in the namespaces Word expects in a
// transitional document.
func kindOf(uri string) nsKind { return kindOfURI[opc.Transitional(uri)] }

// nsDecl is one xmlns declaration; prefix "" is the default namespace.
type nsDecl struct {
	prefix, uri string
}

// rootInfo is what a part's root start tag declares.
type rootInfo struct {
	name      []byte        // qualified root element name
	decls     []nsDecl      // in the order written, URIs made transitional
	ignorable []string      // mc:Ignorable prefixes
	others    []xmltok.Attr // the root's other attributes, as written
	start     int           // offset of the root start tag
	end       int           // offset just after it
	selfClose bool
}

// readRoot finds and reads the root start tag of a part.
func readRoot(where string, data []byte) (rootInfo, error) {
	sc := newScanner(where, data)
	for sc.Next() {
		if sc.Tok.Kind != xmltok.StartTag {
			continue
		}
		t := &sc.Tok
		ri := rootInfo{name: t.Name, start: t.Start, end: t.End, selfClose: t.SelfClosing}
		mcPrefix := ""
		for _, a := range t.Attrs {
			if p, ok := xmltok.DeclaredPrefix(a.Name); ok {
				uri := opc.Transitional(xmltok.Unescape(a.Value))
				ri.decls = append(ri.decls, nsDecl{string(p), uri})
				if uri == uriMC {
					mcPrefix = string(p)
				}
			}
		}
		for _, a := range t.Attrs {
			if _, ok := xmltok.DeclaredPrefix(a.Name); ok {
				continue
			}
			p, l := xmltok.SplitName(a.Name)
			if mcPrefix != "" && string(p) == mcPrefix && string(l) == "Ignorable" {
				ri.ignorable = strings.Fields(xmltok.Unescape(a.Value))
				continue
			}
			ri.others = append(ri.others, a)
		}
		return ri, nil
	}
	if err := scanErr(sc); err != nil {
		return rootInfo{}, err
	}
	return rootInfo{}, fmt.Errorf("%s has no root element; save the file again from Word", where)
}

// nsUnion builds the namespace declarations of one merged part's root: the
// template's first, then each region's in turn. A region prefix bound to
// another URI than the union's is renamed in that region's content.
type nsUnion struct {
	prefixes  []string          // in declaration order
	uris      map[string]string // prefix -> URI
	ignorable []string
}

func newNSUnion() *nsUnion { return &nsUnion{uris: map[string]string{}} }

// add merges a root's declarations and returns the renames its content
// needs (nil when none).
func (u *nsUnion) add(ri rootInfo) map[string]string {
	var rename map[string]string
	for _, d := range ri.decls {
		if d.uri == "" {
			continue // xmlns:p="" undeclares; nothing to carry
		}
		have, ok := u.uris[d.prefix]
		switch {
		case ok && have == d.uri:
			continue
		case !ok && d.prefix != "":
			u.declare(d.prefix, d.uri)
			continue
		}
		// The prefix means something else here, or it is the default
		// namespace (which the merged root cannot give to every region):
		// use the union's prefix for the URI, or make one.
		to := u.prefixOf(d.uri)
		if to == "" {
			to = u.fresh(d.prefix)
			u.declare(to, d.uri)
		}
		if rename == nil {
			rename = map[string]string{}
		}
		rename[d.prefix] = to
	}
	for _, p := range ri.ignorable {
		if to, ok := rename[p]; ok {
			p = to
		}
		if !contains(u.ignorable, p) && u.uris[p] != "" {
			u.ignorable = append(u.ignorable, p)
		}
	}
	return rename
}

func (u *nsUnion) declare(prefix, uri string) {
	u.prefixes = append(u.prefixes, prefix)
	u.uris[prefix] = uri
}

// prefixOf returns the first non-default prefix bound to uri, or "".
func (u *nsUnion) prefixOf(uri string) string {
	for _, p := range u.prefixes {
		if p != "" && u.uris[p] == uri {
			return p
		}
	}
	return ""
}

// fresh returns a prefix not yet declared, derived from base.
func (u *nsUnion) fresh(base string) string {
	if base == "" {
		base = "ns"
	}
	for i := 1; ; i++ {
		p := base + strconv.Itoa(i)
		if _, taken := u.uris[p]; !taken {
			return p
		}
	}
}

// rootTag writes the merged root start tag: the element name, the union's
// declarations, mc:Ignorable and the template root's other attributes.
func (u *nsUnion) rootTag(ri rootInfo) []byte {
	if len(u.ignorable) > 0 && u.prefixOf(uriMC) == "" {
		u.declare(u.fresh("mc"), uriMC)
	}
	out := append([]byte{'<'}, ri.name...)
	for _, p := range u.prefixes {
		out = append(out, " xmlns"...)
		if p != "" {
			out = append(out, ':')
			out = append(out, p...)
		}
		out = append(out, `="`...)
		out = xmltok.AppendEscaped(out, u.uris[p])
		out = append(out, '"')
	}
	for _, a := range ri.others {
		out = appendAttr(out, a)
	}
	if len(u.ignorable) > 0 {
		ign := append([]string(nil), u.ignorable...)
		sort.Strings(ign)
		out = append(out, ' ')
		out = append(out, u.prefixOf(uriMC)...)
		out = append(out, `:Ignorable="`...)
		out = xmltok.AppendEscaped(out, strings.Join(ign, " "))
		out = append(out, '"')
	}
	return append(out, '>')
}

func appendAttr(out []byte, a xmltok.Attr) []byte {
	out = append(out, ' ')
	out = append(out, a.Name...)
	out = append(out, '=', a.Quote)
	out = append(out, a.Value...)
	return append(out, a.Quote)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// newNSScope returns the scope in which a part's content is rewritten:
// the root's bindings beneath every element, so that only declarations
// made further down shadow them (and stop a rename of the root's prefix).
func newNSScope(ri rootInfo) *xmltok.Scope[nsKind] {
	s := xmltok.NewScope(kindOf)
	for _, d := range ri.decls {
		s.Declare(d.prefix, d.uri)
	}
	return s
}
