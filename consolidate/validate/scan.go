package validate

import (
	"errors"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
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

// scanner reads one part with xmltok's strict scanner, resolving prefixes
// in a namespace Scope that reports undeclared prefixes, which is one of
// the things to catch.
type scanner struct {
	out   *scanned
	sc    *xmltok.Scanner
	ns    *xmltok.Scope[string]
	names xmltok.Names
	attrs []rattr // resolved attributes of the current element, reused
	// fallback is the depth of the mc:Fallback being read (its ancestors
	// and itself), 0 outside one. A Fallback repeats its Choice's content
	// (a text box's paragraphs, with their ids) for older readers, so ids
	// in it are not counted twice.
	fallback int

	// The body-level sectPr rule, for the main document only.
	bodyLevel int  // depth of the body's children; 0 before the body, -1 after
	lastChild name // last child element of the body so far
	sectPrs   int  // body-level sectPr count

	shape []shapeFrame // the open elements, for the table rules
}

// rattr is a namespace-resolved attribute.
type rattr struct {
	name  name
	value []byte // as written, still escaped
}

// scan reads one XML part and returns what it found.
func scan(partName string, r role, data []byte) *scanned {
	s := &scanner{
		out: &scanned{name: partName, role: r},
		sc:  xmltok.New(data, xmltok.Options{Strict: true, MaxDepth: xmltok.ReadersMaxDepth}),
		ns:  xmltok.NewScope(opc.Transitional),
	}
	s.run()
	return s.out
}

// problem reports a problem at the end of the current token.
func (s *scanner) problem(rule, format string, args ...any) {
	s.problemAt(s.sc.Tok.End, rule, format, args...)
}

func (s *scanner) problemAt(at int, rule, format string, args ...any) {
	args = append(args, at)
	s.out.rep.add(s.out.name, rule, format+" (at byte %d)", args...)
}

func (s *scanner) run() {
	for s.sc.Next() {
		switch t := &s.sc.Tok; t.Kind {
		case xmltok.StartTag:
			s.start(t)
			if t.SelfClosing {
				s.end()
			}
		case xmltok.EndTag:
			s.end()
		}
	}
	var se *xmltok.SyntaxError
	if errors.As(s.sc.Err(), &se) {
		if se.Err == xmltok.ErrMalformed {
			s.problemAt(se.Offset, RuleXML, "not well-formed: %s (line %d)", se.Msg, se.Line)
		} else {
			s.problemAt(se.Offset, RuleXML, "%s", se.Msg)
		}
		s.out.broken = true
		return
	}
	if s.out.role == roleMain && s.bodyLevel == 0 {
		s.problem(RuleBodySectPr, "the main document has no w:body")
	}
}

func (s *scanner) start(t *xmltok.Token) {
	s.ns.Open(t.Attrs)
	parents := s.sc.Depth()
	if !t.SelfClosing {
		parents--
	}
	uri, local, ok := s.ns.Element(t.Name)
	if !ok {
		s.undeclared(t.Name)
	}
	el := name{uri, s.names.String(local)}
	if el == (name{nsMC, "Fallback"}) && s.fallback == 0 {
		s.fallback = parents + 1
	}
	s.resolveAttrs(t.Attrs)
	s.openShape(el)
	s.body(el, parents)
	s.collect(el)
}

// end closes the element just ended (or the self-closing one just read).
func (s *scanner) end() {
	depth := s.sc.Depth() // the element's ancestors
	if depth+1 == s.fallback {
		s.fallback = 0
	}
	s.ns.Close()
	s.closeShape()
	if s.bodyLevel > 0 && depth == s.bodyLevel-1 {
		s.endBody()
	}
}

func (s *scanner) undeclared(qname []byte) {
	prefix, _ := xmltok.SplitName(qname)
	s.problem(RuleNamespace, "prefix %q of <%s> is not declared", prefix, qname)
}

func (s *scanner) resolveAttrs(attrs []xmltok.Attr) {
	s.attrs = s.attrs[:0]
	for _, a := range attrs {
		if _, decl := xmltok.DeclaredPrefix(a.Name); decl {
			continue
		}
		uri, local, ok := s.ns.Attr(a.Name)
		if !ok {
			s.undeclared(a.Name)
		}
		n := name{uri, s.names.String(local)}
		for _, b := range s.attrs {
			if b.name == n {
				s.problem(RuleXML, "attribute %s appears twice", a.Name)
			}
		}
		s.attrs = append(s.attrs, rattr{name: n, value: a.Value})
		switch {
		case n.ns == nsR:
			s.fact(factRelRef, xmltok.Unescape(a.Value), string(a.Name))
		case n == name{nsW14, "paraId"}:
			s.fact(factParaID, xmltok.Unescape(a.Value), "")
		case n == name{nsMC, "Ignorable"}:
			for _, p := range strings.Fields(xmltok.Unescape(a.Value)) {
				if _, ok := s.ns.Lookup([]byte(p)); !ok {
					s.problem(RuleIgnorable, "mc:Ignorable names prefix %q, which is not declared", p)
				}
			}
		}
	}
}

// body tracks the main document body's children for RuleBodySectPr.
func (s *scanner) body(el name, parents int) {
	if s.out.role != roleMain {
		return
	}
	switch {
	case s.bodyLevel == 0 && el == w("body") && parents == 1:
		s.bodyLevel = 2
	case s.bodyLevel > 0 && parents == s.bodyLevel:
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
			return xmltok.Unescape(a.value), true
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
