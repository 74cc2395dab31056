package xmltok

import "bytes"

// XMLNamespace is the namespace the prefix xml is bound to without a
// declaration.
const XMLNamespace = "http://www.w3.org/XML/1998/namespace"

// Scope resolves namespace prefixes while a part is read. Each reader
// names namespaces its own way (an enumeration, a canonical URI…), so a
// Scope maps every declared URI once, through the function given to
// NewScope, to a value of type T, and lookups return that value.
//
// Open is called for every start tag and Close for every element's end
// (a self-closing one's included); bindings live as long as the element
// that declares them.
type Scope[T any] struct {
	intern func(uri string) T
	binds  []binding[T]
	marks  []int // len(binds) when each open element started
	base   int   // bindings made by Declare, beneath every element
	none   T     // intern(""): no namespace
	xml    T     // intern(XMLNamespace)
	// last is the index in binds of the most recent lookup, -1 when none;
	// almost every lookup asks for the same prefix ("w") again.
	last int
	// The first bindings and marks live in the Scope itself: a merge
	// makes thousands of scopes for small fragments.
	bindsBuf [8]binding[T]
	marksBuf [16]int
}

type binding[T any] struct {
	prefix string
	id     T
}

// NewScope returns an empty Scope mapping URIs with intern.
func NewScope[T any](intern func(uri string) T) *Scope[T] {
	s := &Scope[T]{intern: intern, none: intern(""), xml: intern(XMLNamespace), last: -1}
	s.binds, s.marks = s.bindsBuf[:0], s.marksBuf[:0]
	return s
}

// Declare binds prefix ("" for the default namespace) to uri beneath every
// element: the context of a fragment cut from a part. It is called before
// any element is opened.
func (s *Scope[T]) Declare(prefix, uri string) {
	s.binds = append(s.binds, binding[T]{prefix, s.intern(uri)})
	s.base = len(s.binds)
	s.last = -1
}

// Open starts an element, binding the namespaces its attributes declare
// (xmlns="…" and xmlns:p="…"). Passing nil opens an element whose
// declarations are already in the scope, such as a root whose bindings
// were given to Declare.
func (s *Scope[T]) Open(attrs []Attr) {
	s.marks = append(s.marks, len(s.binds))
	for _, a := range attrs {
		if p, ok := DeclaredPrefix(a.Name); ok {
			s.binds = append(s.binds, binding[T]{string(p), s.intern(Unescape(a.Value))})
			s.last = -1
		}
	}
}

// Close ends the innermost open element, dropping its bindings.
func (s *Scope[T]) Close() {
	if len(s.marks) == 0 {
		return
	}
	m := s.marks[len(s.marks)-1]
	s.marks = s.marks[:len(s.marks)-1]
	if len(s.binds) != m {
		s.binds = s.binds[:m]
		s.last = -1
	}
}

// DeclaredPrefix tells whether an attribute name declares a namespace, and
// which prefix (empty for the default namespace).
func DeclaredPrefix(name []byte) ([]byte, bool) {
	if string(name) == "xmlns" {
		return name[:0], true
	}
	if p, ok := bytes.CutPrefix(name, []byte("xmlns:")); ok {
		return p, true
	}
	return nil, false
}

// Lookup resolves a prefix (empty for the default namespace). The prefix
// xml is always bound; an undeclared default namespace is no namespace;
// an undeclared prefix returns no namespace and false.
func (s *Scope[T]) Lookup(prefix []byte) (T, bool) {
	if s.last >= 0 && s.binds[s.last].prefix == string(prefix) {
		return s.binds[s.last].id, true
	}
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].prefix == string(prefix) {
			s.last = i
			return s.binds[i].id, true
		}
	}
	switch {
	case string(prefix) == "xml":
		return s.xml, true
	case len(prefix) == 0:
		return s.none, true
	}
	return s.none, false
}

// Element resolves an element's qualified name: an unprefixed element is
// in the default namespace. ok is false for an undeclared prefix.
func (s *Scope[T]) Element(qname []byte) (ns T, local []byte, ok bool) {
	prefix, local := SplitName(qname)
	ns, ok = s.Lookup(prefix)
	return ns, local, ok
}

// Attr resolves an attribute's qualified name: an unprefixed attribute is
// in no namespace. ok is false for an undeclared prefix.
func (s *Scope[T]) Attr(qname []byte) (ns T, local []byte, ok bool) {
	prefix, local := SplitName(qname)
	if prefix == nil {
		return s.none, local, true
	}
	ns, ok = s.Lookup(prefix)
	return ns, local, ok
}

// Shadowed reports whether prefix is bound by an open element, over (or
// instead of) what Declare bound.
func (s *Scope[T]) Shadowed(prefix []byte) bool {
	for i := len(s.binds) - 1; i >= s.base; i-- {
		if s.binds[i].prefix == string(prefix) {
			return true
		}
	}
	return false
}
