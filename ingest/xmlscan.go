package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"tsagmerge/ingest/opc"
)

// maxDepth caps element nesting. Word's deepest real structures (tables in
// text boxes in tables) stay far below it; a hostile file that nests
// thousands of levels is refused instead of being walked.
const maxDepth = 512

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// token is one event of a part: an element start or end, or text.
type token struct {
	kind  tokKind
	ns    nsID
	local string
	// attrs are the raw attributes of a start; their Name.Space is the
	// prefix as written, resolved by scanner.attr.
	attrs []xml.Attr
	// text is the character data of a tokText, valid until the next call.
	text []byte
}

// binding is one xmlns declaration in scope.
type binding struct {
	prefix string
	ns     nsID
}

// frame is one open element.
type frame struct {
	ns     nsID
	local  string
	prefix string
	// emitted is false for markup-compatibility wrappers the scanner hides.
	emitted bool
	// binds is the length of the binding stack before this element.
	binds int
	// choiceTaken marks an mc:AlternateContent whose branch was chosen.
	choiceTaken bool
}

// scanner reads a part with encoding/xml's RawToken (which does not resolve
// namespaces, and is the faster for it) and resolves prefixes itself from
// the xmlns attributes. It refuses DTDs, caps nesting at maxDepth and
// flattens mc:AlternateContent to one branch (the first mc:Choice, else
// mc:Fallback), so that content written twice is read once.
type scanner struct {
	file, part string
	dec        *xml.Decoder
	binds      []binding
	stack      []frame
	// strict is set when a Strict Open XML namespace is declared.
	strict bool
	// watched counts the elements opened at depth watch, hidden mc
	// wrappers included: the story sets watch to count w:body's children
	// as they are in the file.
	watch, watched int
}

// newScanner checks data with opc.CheckXML and prepares to read it.
func newScanner(file, part string, data []byte) (*scanner, error) {
	if err := opc.CheckXML(file, part, data); err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	return &scanner{file: file, part: part, dec: dec,
		binds: make([]binding, 0, 32), stack: make([]frame, 0, 64)}, nil
}

// depth is the number of open (visible or hidden) elements.
func (s *scanner) depth() int { return len(s.stack) }

// parentIs reports whether the element enclosing the current start token
// (or, after an end token, the element now innermost) has the given name.
// Hidden mc wrappers are looked through.
func (s *scanner) parentIs(ns nsID, local string) bool {
	return s.ancestorIs(1, ns, local)
}

// ancestorIs looks n visible elements up from the innermost open element.
func (s *scanner) ancestorIs(n int, ns nsID, local string) bool {
	for i := len(s.stack) - 1; i >= 0; i-- {
		f := &s.stack[i]
		if !f.emitted {
			continue
		}
		if n == 0 {
			return f.ns == ns && f.local == local
		}
		n--
	}
	return false
}

// next returns the next token, or io.EOF after the root element closed.
func (s *scanner) next() (token, error) {
	for {
		raw, err := s.dec.RawToken()
		if err != nil {
			return token{}, s.wrapErr(err)
		}
		switch t := raw.(type) {
		case xml.StartElement:
			f, err := s.push(t)
			if err != nil {
				return token{}, err
			}
			if f.ns == nsMC && !s.chooseBranch(f) {
				if err := s.skip(); err != nil {
					return token{}, err
				}
				continue
			}
			if f.emitted {
				return token{kind: tokStart, ns: f.ns, local: f.local, attrs: t.Attr}, nil
			}
		case xml.EndElement:
			f, err := s.pop(t)
			if err != nil {
				return token{}, err
			}
			if f.emitted {
				return token{kind: tokEnd, ns: f.ns, local: f.local}, nil
			}
		case xml.CharData:
			if len(s.stack) > 0 {
				return token{kind: tokText, text: t}, nil
			}
		case xml.Directive:
			return token{}, &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q declares a DTD or entities", s.part),
				Remedy: "Word never writes one; the file is not safe to open", Err: opc.ErrUnsafeXML}
		}
	}
}

// chooseBranch decides, for an mc element just pushed, whether its content
// is read: AlternateContent itself is hidden but read; its first Choice is
// read, a later Choice is skipped, and Fallback is read only when no
// Choice was. It returns false when the element must be skipped.
func (s *scanner) chooseBranch(f *frame) bool {
	switch f.local {
	case "AlternateContent":
		f.emitted = false
		return true
	case "Choice", "Fallback":
		if len(s.stack) < 2 {
			return true
		}
		parent := &s.stack[len(s.stack)-2]
		if parent.ns != nsMC || parent.local != "AlternateContent" {
			return true
		}
		if parent.choiceTaken {
			return false
		}
		parent.choiceTaken = true
		f.emitted = false
		return true
	}
	return true
}

// push opens an element: records its namespace declarations and resolves
// its name.
func (s *scanner) push(t xml.StartElement) (*frame, error) {
	if len(s.stack) >= maxDepth {
		return nil, &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q nests elements more than %d levels deep", s.part, maxDepth),
			Remedy: "Word does not write such files; the file is damaged or hostile, ask the sender to save it again from Word", Err: opc.ErrUnsafeXML}
	}
	nb := len(s.binds)
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			s.declare(a.Name.Local, a.Value)
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.declare("", a.Value)
		}
	}
	s.stack = append(s.stack, frame{ns: s.resolve(t.Name.Space, true), local: t.Name.Local,
		prefix: t.Name.Space, emitted: true, binds: nb})
	if len(s.stack) == s.watch {
		s.watched++
	}
	return &s.stack[len(s.stack)-1], nil
}

func (s *scanner) declare(prefix, uri string) {
	if strictNamespaces[uri] {
		s.strict = true
	}
	s.binds = append(s.binds, binding{prefix: prefix, ns: lookupNS(uri)})
}

// pop closes the innermost element, checking that the end tag matches
// (RawToken does not).
func (s *scanner) pop(t xml.EndElement) (frame, error) {
	if len(s.stack) == 0 {
		return frame{}, s.syntaxErr("unexpected end tag </" + qname(t.Name) + ">")
	}
	f := s.stack[len(s.stack)-1]
	if f.local != t.Name.Local || f.prefix != t.Name.Space {
		return frame{}, s.syntaxErr(fmt.Sprintf("end tag </%s> does not match <%s>", qname(t.Name), qname(xml.Name{Space: f.prefix, Local: f.local})))
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.binds = s.binds[:f.binds]
	return f, nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// skip reads past the end of the innermost open element.
func (s *scanner) skip() error {
	target := len(s.stack)
	for len(s.stack) >= target {
		raw, err := s.dec.RawToken()
		if err != nil {
			return s.wrapErr(err)
		}
		switch t := raw.(type) {
		case xml.StartElement:
			if _, err := s.push(t); err != nil {
				return err
			}
		case xml.EndElement:
			if _, err := s.pop(t); err != nil {
				return err
			}
		case xml.Directive:
			return &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q declares a DTD or entities", s.part),
				Remedy: "Word never writes one; the file is not safe to open", Err: opc.ErrUnsafeXML}
		}
	}
	return nil
}

// resolve maps a prefix to a namespace; an empty prefix is the default
// namespace for elements and no namespace for attributes.
func (s *scanner) resolve(prefix string, element bool) nsID {
	if prefix == "" && !element {
		return nsNone
	}
	if prefix == "xml" {
		return nsXML
	}
	for i := len(s.binds) - 1; i >= 0; i-- {
		if s.binds[i].prefix == prefix {
			return s.binds[i].ns
		}
	}
	if prefix == "" {
		return nsNone
	}
	return nsOther
}

// attr returns the value of the attribute ns:local of a start token, or "".
// An unprefixed attribute of the same local name is accepted as a fallback,
// since some writers drop the w: prefix on attributes.
func (s *scanner) attr(t *token, ns nsID, local string) string {
	v, _ := s.lookupAttr(t, ns, local)
	return v
}

// lookupAttr is attr that also says whether the attribute is present.
func (s *scanner) lookupAttr(t *token, ns nsID, local string) (string, bool) {
	fallback, found := "", false
	for _, a := range t.attrs {
		if a.Name.Local != local {
			continue
		}
		if a.Name.Space == "" {
			if ns == nsNone {
				return a.Value, true
			}
			fallback, found = a.Value, true
			continue
		}
		if a.Name.Space != "xmlns" && s.resolve(a.Name.Space, false) == ns {
			return a.Value, true
		}
	}
	return fallback, found
}

func (s *scanner) wrapErr(err error) error {
	if err == io.EOF {
		if len(s.stack) > 0 {
			return s.syntaxErr("it ends inside <" + s.stack[len(s.stack)-1].local + ">")
		}
		return io.EOF
	}
	var oe *opc.Error
	if errors.As(err, &oe) {
		return err
	}
	return s.syntaxErr(err.Error())
}

func (s *scanner) syntaxErr(msg string) error {
	msg = strings.TrimPrefix(msg, "XML syntax error on ")
	return &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q is not well-formed XML (%s)", s.part, msg),
		Remedy: "the package is damaged; ask the sender to save it again from Word", Err: opc.ErrCorrupt}
}

// charsetReader accepts the single-byte encodings some writers declare;
// UTF-8 needs no reader.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		return &latin1Reader{r: input}, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q", label)
}

// latin1Reader turns Latin-1 bytes into UTF-8.
type latin1Reader struct {
	r   io.Reader
	buf []byte
	out []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		if cap(l.buf) == 0 {
			l.buf = make([]byte, 4096)
		}
		n, err := l.r.Read(l.buf[:cap(l.buf)])
		for _, b := range l.buf[:n] {
			l.out = utf8.AppendRune(l.out, rune(b))
		}
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}
