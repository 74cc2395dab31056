package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// maxDepth caps element nesting. Word's deepest real structures (tables in
// text boxes in tables) stay far below it; a hostile file that nests
// thousands of levels is refused instead of being walked, and so is one
// that common readers would refuse (libxml2 stops past 256), since the TD
// made from it would be refused too.
const maxDepth = xmltok.ReadersMaxDepth

type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// token is one event of a part: an element start or end, or text. A
// self-closing element gives a start and an end.
type token struct {
	kind  tokKind
	ns    nsID
	local string
	// attrs are the attributes of a start as written, read with
	// scanner.attr; valid until the next call to next or skip.
	attrs []xmltok.Attr
	// text is the character data of a tokText, unescaped; valid until
	// the next call.
	text []byte
}

// frame is one open element.
type frame struct {
	ns    nsID
	local string
	// emitted is false for markup-compatibility wrappers the scanner hides.
	emitted bool
	// choiceTaken marks an mc:AlternateContent whose branch was chosen.
	choiceTaken bool
}

// scanner turns a part into the events the readers walk. It reads with
// xmltok's strict scanner (which refuses DTDs and nesting deeper than
// maxDepth), resolves names to the reader's namespace ids, and flattens
// mc:AlternateContent to one branch (the first mc:Choice, else
// mc:Fallback), so that content written twice is read once.
type scanner struct {
	file, part string
	sc         *xmltok.Scanner
	ns         *xmltok.Scope[nsID]
	names      xmltok.Names
	stack      []frame
	// closing is set after the start of a self-closing element: its end
	// is the next event.
	closing bool
	text    []byte
	// strict is set when a Strict Open XML namespace is declared.
	strict bool
	// data is the part as scanned (in UTF-8).
	data []byte
	// watched counts the elements opened at depth watch, hidden mc
	// wrappers included: the story sets watch to count w:body's children
	// as they are in the file.
	watch, watched int
	// undeclared is the first namespace prefix met that no element in
	// scope declares, nil while there is none.
	undeclared []byte
}

// newScanner prepares to read a part, converting a declared single-byte
// encoding to UTF-8.
func newScanner(file, part string, data []byte) (*scanner, error) {
	s := &scanner{file: file, part: part, stack: make([]frame, 0, 64)}
	data, err := xmltok.ToUTF8(data)
	if err != nil {
		return nil, s.wrapErr(err)
	}
	s.data = data
	s.sc = xmltok.New(data, xmltok.Options{Strict: true, MaxDepth: maxDepth})
	s.ns = xmltok.NewScope(func(uri string) nsID {
		if uri == strictW {
			s.strict = true
		}
		return lookupNS(uri)
	})
	return s, nil
}

// span returns the bytes of the tag that gave the latest token: a start
// tag, an end tag, or for the end of a self-closing element its tag.
func (s *scanner) span() (start, end int) { return s.sc.Tok.Start, s.sc.Tok.End }

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

// next returns the next token, or io.EOF at the end of the part.
func (s *scanner) next() (token, error) {
	for {
		if s.closing {
			s.closing = false
			if f := s.pop(); f.emitted {
				return token{kind: tokEnd, ns: f.ns, local: f.local}, nil
			}
			continue
		}
		if !s.sc.Next() {
			return token{}, s.wrapErr(s.sc.Err())
		}
		switch t := &s.sc.Tok; t.Kind {
		case xmltok.StartTag:
			f := s.push(t)
			if err := s.undeclaredErr(); err != nil {
				return token{}, err
			}
			if f.ns == nsMC && !s.chooseBranch(f) {
				if err := s.skip(); err != nil {
					return token{}, err
				}
				continue
			}
			if f.emitted {
				return token{kind: tokStart, ns: f.ns, local: f.local, attrs: t.Attrs}, nil
			}
		case xmltok.EndTag:
			if f := s.pop(); f.emitted {
				return token{kind: tokEnd, ns: f.ns, local: f.local}, nil
			}
		case xmltok.Text, xmltok.CData:
			if len(s.stack) > 0 {
				s.text = s.sc.AppendText(s.text[:0])
				return token{kind: tokText, text: s.text}, nil
			}
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

// push opens an element: binds its namespace declarations and resolves
// its name.
func (s *scanner) push(t *xmltok.Token) *frame {
	s.ns.Open(t.Attrs)
	ns, local, ok := s.ns.Element(t.Name)
	if !ok {
		ns = nsOther
		s.noteUndeclared(t.Name)
	}
	for _, a := range t.Attrs {
		if p, _ := xmltok.SplitName(a.Name); p != nil && string(p) != "xmlns" {
			if _, ok := s.ns.Lookup(p); !ok {
				s.noteUndeclared(a.Name)
			}
		}
	}
	s.stack = append(s.stack, frame{ns: ns, local: s.names.String(local), emitted: true})
	if len(s.stack) == s.watch {
		s.watched++
	}
	s.closing = t.SelfClosing
	return &s.stack[len(s.stack)-1]
}

// noteUndeclared keeps the first name met whose prefix is not declared.
func (s *scanner) noteUndeclared(qname []byte) {
	if s.undeclared == nil {
		s.undeclared = bytes.Clone(qname)
	}
}

// undeclaredErr refuses a part that uses a prefix it does not declare:
// not namespace-well-formed, so Word refuses it, and the merge, which
// carries what it does not know as written, would write it into the TD,
// which the validator then refuses.
func (s *scanner) undeclaredErr() error {
	if s.undeclared == nil {
		return nil
	}
	prefix, _ := xmltok.SplitName(s.undeclared)
	return &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q uses the namespace prefix %q (in %s) without declaring it", s.part, prefix, s.undeclared),
		Remedy: "the package is damaged; ask the sender to save it again from Word", Err: opc.ErrCorrupt}
}

// pop closes the innermost element.
func (s *scanner) pop() frame {
	f := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.ns.Close()
	return f
}

// skip reads past the end of the innermost open element.
func (s *scanner) skip() error {
	if s.closing {
		s.closing = false
		s.pop()
		return nil
	}
	target := len(s.stack)
	for len(s.stack) >= target {
		if !s.sc.Next() {
			return s.wrapErr(s.sc.Err())
		}
		switch t := &s.sc.Tok; t.Kind {
		case xmltok.StartTag:
			s.push(t)
			if err := s.undeclaredErr(); err != nil {
				return err
			}
			if s.closing {
				s.closing = false
				s.pop()
			}
		case xmltok.EndTag:
			s.pop()
		}
	}
	return nil
}

// resolveAttr maps an attribute's prefix to a namespace: none for an
// unprefixed attribute, nsOther for an undeclared prefix.
func (s *scanner) resolveAttr(prefix []byte) nsID {
	if prefix == nil {
		return nsNone
	}
	if id, ok := s.ns.Lookup(prefix); ok {
		return id
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
	var fallback []byte
	found := false
	for _, a := range t.attrs {
		prefix, l := xmltok.SplitName(a.Name)
		if string(l) != local {
			continue
		}
		if prefix == nil {
			if ns == nsNone {
				return xmltok.Unescape(a.Value), true
			}
			fallback, found = a.Value, true
			continue
		}
		if string(prefix) != "xmlns" && s.resolveAttr(prefix) == ns {
			return xmltok.Unescape(a.Value), true
		}
	}
	if !found {
		return "", false
	}
	return xmltok.Unescape(fallback), true
}

// wrapErr turns the scanner's error into the reader's: io.EOF at the end,
// an unsafe-XML refusal for DTDs and absurd nesting, else a corrupt part.
func (s *scanner) wrapErr(err error) error {
	if err == nil {
		return io.EOF
	}
	if errors.Is(err, xmltok.ErrTooDeep) {
		return &opc.Error{Path: s.file, Problem: fmt.Sprintf("part %q nests elements more than %d levels deep", s.part, maxDepth),
			Remedy: "Word does not write such files; the file is damaged or hostile, ask the sender to save it again from Word", Err: opc.ErrUnsafeXML}
	}
	return opc.XMLRefusal(s.file, s.part, err)
}
