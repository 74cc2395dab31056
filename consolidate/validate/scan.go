package validate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// scanned is what one pass over an XML part found: the problems local to
// the part and the facts the cross-part rules compare.
type scanned struct {
	name  string // the part's name as the package spells it
	role  role
	facts []fact
	rep   report
	// broken is set when the part is not well-formed; its facts are then
	// incomplete and the cross-part rules say nothing more about it.
	broken bool
}

// binding is an undo record for a namespace declaration.
type binding struct {
	prefix, prev string
	had          bool
}

// open is an element that has started and not yet ended.
type open struct {
	raw  xml.Name // as written, to match the end tag
	mark int      // len(scanner.undo) before the element's declarations
}

// scanner reads one part with RawToken, resolving prefixes itself: encoding/xml's
// Token would do it too, but silently accepts undeclared prefixes, which
// is one of the things to catch.
type scanner struct {
	out   *scanned
	dec   *xml.Decoder
	ns    map[string]string
	undo  []binding
	stack []open
	attrs []rattr // resolved attributes of the current element, reused
	roots int
	// fallback is the stack depth of the mc:Fallback being read, 0 outside
	// one. A Fallback repeats its Choice's content (a text box's paragraphs,
	// with their ids) for older readers, so ids in it are not counted twice.
	fallback int

	// The body-level sectPr rule, for the main document only.
	bodyLevel int  // stack depth of the body's children; 0 before the body, -1 after
	lastChild name // last child element of the body so far
	sectPrs   int  // body-level sectPr count
}

// rattr is a namespace-resolved attribute.
type rattr struct {
	name  name
	value string
}

// scan reads one XML part and returns what it found.
func scan(partName string, r role, data []byte) *scanned {
	s := &scanner{
		out: &scanned{name: partName, role: r},
		dec: xml.NewDecoder(bytes.NewReader(data)),
		ns:  map[string]string{"xml": nsXML},
	}
	s.run()
	return s.out
}

func (s *scanner) problem(rule, format string, args ...any) {
	args = append(args, s.dec.InputOffset())
	s.out.rep.add(s.out.name, rule, format+" (at byte %d)", args...)
}

func (s *scanner) run() {
	for {
		tok, err := s.dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			s.problem(RuleXML, "not well-formed: %v", err)
			s.out.broken = true
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.start(t)
		case xml.EndElement:
			if !s.end(t) {
				s.out.broken = true
				return
			}
		case xml.CharData:
			// White space and a byte-order mark may stand outside the root.
			if len(s.stack) == 0 && len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 {
				s.problem(RuleXML, "text outside the root element")
			}
		case xml.Directive:
			s.problem(RuleXML, "has a document type declaration, which Word never writes")
		}
	}
	switch {
	case len(s.stack) > 0:
		s.problem(RuleXML, "ends inside <%s>", rawName(s.stack[len(s.stack)-1].raw))
		s.out.broken = true
	case s.roots == 0:
		s.problem(RuleXML, "has no root element")
		s.out.broken = true
	}
	if s.out.role == roleMain && s.bodyLevel == 0 {
		s.problem(RuleBodySectPr, "the main document has no w:body")
	}
}

func (s *scanner) start(t xml.StartElement) {
	if len(s.stack) == 0 {
		s.roots++
		if s.roots == 2 {
			s.problem(RuleXML, "has a second root element <%s>", rawName(t.Name))
		}
	}
	mark := len(s.undo)
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			s.bind(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.bind("", a.Value)
		}
	}
	el := s.resolve(t.Name, true)
	if el == (name{nsMC, "Fallback"}) && s.fallback == 0 {
		s.fallback = len(s.stack) + 1
	}
	s.resolveAttrs(t.Attr)
	s.body(el)
	s.collect(el)
	s.stack = append(s.stack, open{raw: t.Name, mark: mark})
}

func (s *scanner) end(t xml.EndElement) bool {
	if len(s.stack) == 0 {
		s.problem(RuleXML, "end tag </%s> without a start tag", rawName(t.Name))
		return false
	}
	top := s.stack[len(s.stack)-1]
	if top.raw != t.Name {
		s.problem(RuleXML, "end tag </%s> closes <%s>", rawName(t.Name), rawName(top.raw))
		return false
	}
	if len(s.stack) == s.fallback {
		s.fallback = 0
	}
	s.stack = s.stack[:len(s.stack)-1]
	for len(s.undo) > top.mark {
		b := s.undo[len(s.undo)-1]
		s.undo = s.undo[:len(s.undo)-1]
		if b.had {
			s.ns[b.prefix] = b.prev
		} else {
			delete(s.ns, b.prefix)
		}
	}
	if s.bodyLevel > 0 && len(s.stack) == s.bodyLevel-1 {
		s.endBody()
	}
	return true
}

func (s *scanner) bind(prefix, uri string) {
	prev, had := s.ns[prefix]
	s.undo = append(s.undo, binding{prefix: prefix, prev: prev, had: had})
	s.ns[prefix] = uri
}

// resolve maps a raw name to its namespace. Unprefixed elements take the
// default namespace; unprefixed attributes have none.
func (s *scanner) resolve(n xml.Name, element bool) name {
	if n.Space == "" {
		if element {
			return name{canonical(s.ns[""]), n.Local}
		}
		return name{"", n.Local}
	}
	uri, ok := s.ns[n.Space]
	if !ok {
		s.problem(RuleNamespace, "prefix %q of <%s> is not declared", n.Space, rawName(n))
	}
	return name{canonical(uri), n.Local}
}

func (s *scanner) resolveAttrs(attrs []xml.Attr) {
	s.attrs = s.attrs[:0]
	for _, a := range attrs {
		if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
			continue
		}
		n := s.resolve(a.Name, false)
		for _, b := range s.attrs {
			if b.name == n {
				s.problem(RuleXML, "attribute %s appears twice", rawName(a.Name))
			}
		}
		s.attrs = append(s.attrs, rattr{name: n, value: a.Value})
		switch {
		case n.ns == nsR:
			s.fact(factRelRef, a.Value, rawName(a.Name))
		case n == name{nsW14, "paraId"}:
			s.fact(factParaID, a.Value, "")
		case n == name{nsMC, "Ignorable"}:
			for _, p := range strings.Fields(a.Value) {
				if _, ok := s.ns[p]; !ok {
					s.problem(RuleIgnorable, "mc:Ignorable names prefix %q, which is not declared", p)
				}
			}
		}
	}
}

// body tracks the main document body's children for RuleBodySectPr.
func (s *scanner) body(el name) {
	if s.out.role != roleMain {
		return
	}
	switch {
	case s.bodyLevel == 0 && el == w("body") && len(s.stack) == 1:
		s.bodyLevel = 2
	case s.bodyLevel > 0 && len(s.stack) == s.bodyLevel:
		s.lastChild = el
		if el == w("sectPr") {
			s.sectPrs++
		}
	}
}

func (s *scanner) endBody() {
	switch {
	case s.sectPrs != 1:
		s.problem(RuleBodySectPr, "the body has %d section properties (w:sectPr) of its own, not exactly one", s.sectPrs)
	case s.lastChild != w("sectPr"):
		s.problem(RuleBodySectPr, "the body's w:sectPr is not its last child (<%s> follows it)", s.lastChild.local)
	}
	s.bodyLevel = -1
}

// collect records the facts the element carries, per the collectors table.
func (s *scanner) collect(el name) {
	for _, c := range collectors[el] {
		id, ok := s.attr(c.attr)
		if !ok {
			continue
		}
		extra := el.local
		if c.extra != (name{}) {
			extra, _ = s.attr(c.extra)
		}
		s.fact(c.kind, id, extra)
	}
}

func (s *scanner) attr(n name) (string, bool) {
	for _, a := range s.attrs {
		if a.name == n {
			return a.value, true
		}
	}
	return "", false
}

func (s *scanner) fact(k kind, id, extra string) {
	if s.fallback > 0 && k != factRelRef {
		return // relationships a Fallback uses must still exist
	}
	s.out.facts = append(s.out.facts, fact{kind: k, id: id, extra: extra})
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}
