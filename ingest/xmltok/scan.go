package xmltok

import (
	"bytes"
	"fmt"
)

// Kind says what a token is.
type Kind uint8

// The kinds of token.
const (
	Text     Kind = iota + 1 // character data between tags, still escaped
	CData                    // <![CDATA[…]]>
	StartTag                 // <name …> or <name …/>
	EndTag                   // </name>
	Comment                  // <!--…-->
	ProcInst                 // <?target …?>, the XML declaration included
)

// Attr is one attribute of a start tag, as written.
type Attr struct {
	Name  []byte // qualified name, e.g. "w:val"
	Value []byte // the value as written, still escaped
	Quote byte   // ' or "
}

// Token is one piece of a part. Its slices point into the source and its
// Attrs are reused by the next call to Scanner.Next.
type Token struct {
	Kind        Kind
	Start, End  int    // byte range in the source
	Name        []byte // qualified element name of a start or end tag
	SelfClosing bool   // a start tag written <name/>
	Attrs       []Attr
}

// LocalAttr returns the unescaped value of the first attribute with the
// given local name, whatever its prefix.
func (t *Token) LocalAttr(local string) (string, bool) {
	for _, a := range t.Attrs {
		if _, l := SplitName(a.Name); string(l) == local {
			return Unescape(a.Value), true
		}
	}
	return "", false
}

// Options choose what a Scanner checks and how its errors read.
type Options struct {
	// Where names the part in errors, e.g. "AFR.docx: word/document.xml".
	Where string
	// Strict adds the well-formedness checks beyond balanced tags; see
	// the package documentation.
	Strict bool
	// MaxDepth caps element nesting (a hostile part may nest millions of
	// levels); 0 means no cap. ReadersMaxDepth is what common readers take.
	MaxDepth int
}

// ReadersMaxDepth is the deepest nesting common readers of Office files
// take: libxml2 (LibreOffice, lxml, xmllint) stops past 256 levels unless
// told otherwise. Inputs deeper are refused, and so an output is never
// deeper.
const ReadersMaxDepth = 256

// Scanner splits one part into tokens. It stops at the first problem,
// which Err then returns.
type Scanner struct {
	// Tok is the current token.
	Tok  Token
	src  []byte
	pos  int
	open [][]byte // names of the open elements, to match end tags
	err  error
	opts Options
	// Strict mode only:
	roots  int                 // root elements met
	badAt  int                 // offset of the first byte that is not an XML character
	badMsg string              // what is wrong there
	seen   map[string]struct{} // attribute names of a large tag
}

// New returns a Scanner over src.
func New(src []byte, opts Options) *Scanner {
	s := &Scanner{src: src, opts: opts, Tok: Token{Attrs: make([]Attr, 0, 8)}, badAt: len(src)}
	if opts.Strict {
		s.badAt, s.badMsg = firstNonChar(src)
	}
	return s
}

// Src returns the scanned bytes.
func (s *Scanner) Src() []byte { return s.src }

// Raw returns the current token's bytes.
func (s *Scanner) Raw() []byte { return s.src[s.Tok.Start:s.Tok.End] }

// Err returns the problem that stopped the scan, or nil.
func (s *Scanner) Err() error { return s.err }

// Depth is the number of open elements after the current token: a start
// tag's element counts unless it closed itself, an end tag's no longer
// does.
func (s *Scanner) Depth() int { return len(s.open) }

// Next reads the next token; it returns false at the end of the input or
// at a problem (then Err is set).
func (s *Scanner) Next() bool {
	if s.err != nil {
		return false
	}
	if s.pos >= len(s.src) {
		switch {
		case len(s.open) > 0:
			s.fail(s.pos, ErrMalformed, "ends with <%s> still open", s.open[len(s.open)-1])
		case s.opts.Strict && s.roots == 0:
			s.fail(s.pos, ErrMalformed, "has no root element")
		}
		return false
	}
	t := &s.Tok
	t.Start = s.pos
	t.SelfClosing = false
	t.Attrs = t.Attrs[:0]
	t.Name = nil
	if !s.token() {
		return false
	}
	if t.End > s.badAt {
		return s.fail(s.badAt, ErrMalformed, "%s", s.badMsg)
	}
	return true
}

func (s *Scanner) token() bool {
	rest := s.src[s.pos:]
	if rest[0] != '<' {
		return s.text()
	}
	if len(rest) < 2 {
		return s.startTag() // which says what is wrong
	}
	// Tags are most tokens: the second byte tells them apart at once.
	switch rest[1] {
	case '/':
		return s.endTag()
	case '?':
		return s.procInst()
	case '!':
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			return s.comment()
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			return s.cdata()
		}
		return s.fail(s.pos, ErrDTD, "has a document type declaration, which Word never writes")
	}
	return s.startTag()
}

func (s *Scanner) text() bool {
	i := bytes.IndexByte(s.src[s.pos:], '<')
	if i < 0 {
		i = len(s.src) - s.pos
	}
	start := s.pos
	s.pos += i
	s.Tok.Kind, s.Tok.End = Text, s.pos
	if s.opts.Strict {
		return s.checkText(start, s.pos)
	}
	return true
}

// skipTo ends a token of the given kind after the first end at or after from.
func (s *Scanner) skipTo(kind Kind, from int, end string) (body []byte, ok bool) {
	i := bytes.Index(s.src[from:], []byte(end))
	if i < 0 {
		return nil, s.fail(s.pos, ErrMalformed, "has an unterminated %q", s.src[s.pos:min(s.pos+4, len(s.src))])
	}
	body = s.src[from : from+i]
	s.pos = from + i + len(end)
	s.Tok.Kind, s.Tok.End = kind, s.pos
	return body, true
}

func (s *Scanner) procInst() bool {
	start := s.pos
	body, ok := s.skipTo(ProcInst, s.pos+2, "?>")
	if !ok || !s.opts.Strict {
		return ok
	}
	return s.checkProcInst(start, body)
}

func (s *Scanner) comment() bool {
	start := s.pos
	body, ok := s.skipTo(Comment, s.pos+4, "-->")
	if !ok || !s.opts.Strict {
		return ok
	}
	if bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
		return s.fail(start, ErrMalformed, "has a comment holding \"--\"")
	}
	return true
}

func (s *Scanner) cdata() bool {
	start := s.pos
	_, ok := s.skipTo(CData, s.pos+9, "]]>")
	if ok && s.opts.Strict && len(s.open) == 0 {
		return s.fail(start, ErrMalformed, "has text outside the root element")
	}
	return ok
}

func (s *Scanner) endTag() bool {
	t := &s.Tok
	p := s.pos + 2
	n := nameEnd(s.src, p)
	t.Name = s.src[p:n]
	p = skipSpace(s.src, n)
	if p >= len(s.src) || s.src[p] != '>' || len(t.Name) == 0 {
		return s.fail(s.pos, ErrMalformed, "has a malformed end tag")
	}
	switch {
	case len(s.open) == 0:
		return s.fail(s.pos, ErrMalformed, "has </%s> that closes nothing open", t.Name)
	case !bytes.Equal(s.open[len(s.open)-1], t.Name):
		return s.fail(s.pos, ErrMalformed, "has </%s> where </%s> is due", t.Name, s.open[len(s.open)-1])
	}
	s.open = s.open[:len(s.open)-1]
	s.pos = p + 1
	t.Kind, t.End = EndTag, s.pos
	return true
}

func (s *Scanner) startTag() bool {
	t := &s.Tok
	p := s.pos + 1
	n := nameEnd(s.src, p)
	if n == p {
		return s.fail(s.pos, ErrMalformed, "has a '<' that starts no tag")
	}
	t.Name = s.src[p:n]
	if s.opts.MaxDepth > 0 && len(s.open) >= s.opts.MaxDepth {
		return s.fail(s.pos, ErrTooDeep, "nests elements more than %d levels deep", s.opts.MaxDepth)
	}
	if s.opts.Strict && !s.checkElement() {
		return false
	}
	p = n
	for {
		sp := skipSpace(s.src, p)
		if sp >= len(s.src) {
			return s.fail(s.pos, ErrMalformed, "ends inside the tag <%s", t.Name)
		}
		switch s.src[sp] {
		case '>':
			s.open = append(s.open, t.Name)
			s.pos = sp + 1
			t.Kind, t.End = StartTag, s.pos
			return true
		case '/':
			if sp+1 >= len(s.src) || s.src[sp+1] != '>' {
				return s.fail(sp, ErrMalformed, "has a stray '/' in <%s>", t.Name)
			}
			s.pos = sp + 2
			t.Kind, t.End, t.SelfClosing = StartTag, s.pos, true
			return true
		}
		if s.opts.Strict && sp == p {
			return s.fail(sp, ErrMalformed, "has no space before an attribute in <%s>", t.Name)
		}
		var ok bool
		if p, ok = s.attr(sp); !ok {
			return false
		}
	}
}

// attr reads the attribute at p and returns the offset after it.
func (s *Scanner) attr(p int) (int, bool) {
	t := &s.Tok
	an := nameEnd(s.src, p)
	if an == p {
		return p, s.fail(p, ErrMalformed, "has a malformed attribute in <%s>", t.Name)
	}
	name := s.src[p:an]
	p = skipSpace(s.src, an)
	if p >= len(s.src) || s.src[p] != '=' {
		return p, s.fail(p, ErrMalformed, "has attribute %s without a value in <%s>", name, t.Name)
	}
	p = skipSpace(s.src, p+1)
	if p >= len(s.src) || (s.src[p] != '"' && s.src[p] != '\'') {
		return p, s.fail(p, ErrMalformed, "has an unquoted attribute %s in <%s>", name, t.Name)
	}
	q := s.src[p]
	e := bytes.IndexByte(s.src[p+1:], q)
	if e < 0 {
		return p, s.fail(p, ErrMalformed, "has an unterminated attribute %s in <%s>", name, t.Name)
	}
	t.Attrs = append(t.Attrs, Attr{Name: name, Value: s.src[p+1 : p+1+e], Quote: q})
	if s.opts.Strict && !s.checkAttr(p+1) {
		return p, false
	}
	return p + e + 2, true
}

// SkipElement advances past the end of the element whose start tag was
// just read, and returns the end offset of that element.
func (s *Scanner) SkipElement() int {
	if s.Tok.Kind != StartTag || s.Tok.SelfClosing {
		return s.Tok.End
	}
	depth := len(s.open) - 1
	for s.Next() {
		if s.Tok.Kind == EndTag && len(s.open) == depth {
			return s.Tok.End
		}
	}
	return s.pos
}

// nameEnd returns the end of the name starting at p: names stop at white
// space and at the characters that delimit tags and attributes.
func nameEnd(b []byte, p int) int {
	for p < len(b) && !endsName[b[p]] {
		p++
	}
	return p
}

// endsName marks the bytes that end a name (a table: nameEnd is the
// scanner's innermost loop).
var endsName = [256]bool{' ': true, '\t': true, '\r': true, '\n': true, '>': true, '/': true, '=': true, '<': true, '"': true, '\'': true}

func skipSpace(b []byte, p int) int {
	for p < len(b) && isSpace(b[p]) {
		p++
	}
	return p
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// fail records the first problem and returns false.
func (s *Scanner) fail(at int, class error, format string, args ...any) bool {
	if s.err == nil {
		s.err = newError(s.opts.Where, s.src, at, class, fmt.Sprintf(format, args...))
	}
	return false
}
