package consolidate

import (
	"bytes"
	"fmt"
)

// The merge never decodes and re-encodes XML: it walks a part's bytes with
// this scanner, copies what it does not change byte for byte, and writes
// anew only the few start tags whose attributes change. encoding/xml's
// encoder cannot be used (it rewrites namespace prefixes) and its decoder
// is several times slower than a scanner that only has to find tag
// boundaries in the machine-written XML of a .docx.

type tokKind uint8

const (
	tokText  tokKind = iota + 1 // character data between tags
	tokStart                    // <name …> or <name …/>
	tokEnd                      // </name>
	tokOther                    // <?…?>, <!--…-->, <![CDATA[…]]>
)

// attr is one attribute of a start tag, as written.
type attr struct {
	name  []byte // qualified name, e.g. "w:val"
	val   []byte // the value as written, still escaped
	quote byte   // ' or "
}

// token is one piece of a part. Its slices point into the scanned bytes
// and its attrs are reused by the next call to next.
type token struct {
	kind       tokKind
	start, end int    // byte range in the source
	name       []byte // qualified element name of a start or end tag
	selfClose  bool   // a start tag written <name/>
	attrs      []attr
}

// raw returns the token's bytes.
func (t *token) raw(src []byte) []byte { return src[t.start:t.end] }

// scanner splits one part into tokens and checks that its tags balance.
type scanner struct {
	src   []byte
	pos   int
	tok   token
	open  [][]byte // names of the open elements, to check end tags
	err   error
	where string // "file: part", for messages
}

func newScanner(where string, src []byte) *scanner {
	return &scanner{src: src, where: where, tok: token{attrs: make([]attr, 0, 8)}}
}

// depth is the number of open elements (the one just started included).
func (s *scanner) depth() int { return len(s.open) }

// next reads the next token; it returns false at the end of the input or
// on malformed XML (then err is set).
func (s *scanner) next() bool {
	if s.err != nil || s.pos >= len(s.src) {
		if s.err == nil && len(s.open) > 0 {
			s.fail(s.pos, "ends with <%s> still open", s.open[len(s.open)-1])
		}
		return false
	}
	t := &s.tok
	t.start = s.pos
	t.selfClose = false
	t.attrs = t.attrs[:0]
	t.name = nil
	if s.src[s.pos] != '<' {
		i := bytes.IndexByte(s.src[s.pos:], '<')
		if i < 0 {
			i = len(s.src) - s.pos
		}
		s.pos += i
		t.kind, t.end = tokText, s.pos
		return true
	}
	rest := s.src[s.pos:]
	switch {
	case bytes.HasPrefix(rest, []byte("<?")):
		return s.skipTo(tokOther, "?>")
	case bytes.HasPrefix(rest, []byte("<!--")):
		return s.skipTo(tokOther, "-->")
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return s.skipTo(tokOther, "]]>")
	case bytes.HasPrefix(rest, []byte("<!")):
		return s.fail(s.pos, "has a document type declaration, which Word never writes")
	case len(rest) > 1 && rest[1] == '/':
		return s.endTag()
	}
	return s.startTag()
}

func (s *scanner) skipTo(kind tokKind, end string) bool {
	i := bytes.Index(s.src[s.pos:], []byte(end))
	if i < 0 {
		return s.fail(s.pos, "has an unterminated %q", s.src[s.pos:min(s.pos+4, len(s.src))])
	}
	s.pos += i + len(end)
	s.tok.kind, s.tok.end = kind, s.pos
	return true
}

func (s *scanner) endTag() bool {
	t := &s.tok
	p := s.pos + 2
	n := s.nameEnd(p)
	t.name = s.src[p:n]
	p = skipSpace(s.src, n)
	if p >= len(s.src) || s.src[p] != '>' || len(t.name) == 0 {
		return s.fail(s.pos, "has a malformed end tag")
	}
	if len(s.open) == 0 || !bytes.Equal(s.open[len(s.open)-1], t.name) {
		return s.fail(s.pos, "has </%s> that closes nothing open", t.name)
	}
	s.open = s.open[:len(s.open)-1]
	s.pos = p + 1
	t.kind, t.end = tokEnd, s.pos
	return true
}

func (s *scanner) startTag() bool {
	t := &s.tok
	p := s.pos + 1
	n := s.nameEnd(p)
	if n == p {
		return s.fail(s.pos, "has a '<' that starts no tag")
	}
	t.name = s.src[p:n]
	p = n
	for {
		p = skipSpace(s.src, p)
		if p >= len(s.src) {
			return s.fail(s.pos, "ends inside the tag <%s", t.name)
		}
		switch s.src[p] {
		case '>':
			s.open = append(s.open, t.name)
			s.pos = p + 1
			t.kind, t.end = tokStart, s.pos
			return true
		case '/':
			if p+1 >= len(s.src) || s.src[p+1] != '>' {
				return s.fail(p, "has a stray '/' in <%s>", t.name)
			}
			s.pos = p + 2
			t.kind, t.end, t.selfClose = tokStart, s.pos, true
			return true
		}
		an := s.nameEnd(p)
		if an == p {
			return s.fail(p, "has a malformed attribute in <%s>", t.name)
		}
		name := s.src[p:an]
		p = skipSpace(s.src, an)
		if p >= len(s.src) || s.src[p] != '=' {
			return s.fail(p, "has attribute %s without a value in <%s>", name, t.name)
		}
		p = skipSpace(s.src, p+1)
		if p >= len(s.src) || (s.src[p] != '"' && s.src[p] != '\'') {
			return s.fail(p, "has an unquoted attribute %s in <%s>", name, t.name)
		}
		q := s.src[p]
		e := bytes.IndexByte(s.src[p+1:], q)
		if e < 0 {
			return s.fail(p, "has an unterminated attribute %s in <%s>", name, t.name)
		}
		t.attrs = append(t.attrs, attr{name: name, val: s.src[p+1 : p+1+e], quote: q})
		p += e + 2
	}
}

// nameEnd returns the end of the XML name starting at p.
func (s *scanner) nameEnd(p int) int {
	for p < len(s.src) {
		switch c := s.src[p]; c {
		case ' ', '\t', '\r', '\n', '>', '/', '=', '<', '"', '\'':
			return p
		}
		p++
	}
	return p
}

func skipSpace(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r' || b[p] == '\n') {
		p++
	}
	return p
}

func (s *scanner) fail(at int, format string, args ...any) bool {
	if s.err == nil {
		s.err = fmt.Errorf("%s is not well-formed XML: %s (at byte %d); save the file again from Word", s.where, fmt.Sprintf(format, args...), at)
	}
	return false
}

// skipElement advances past the end of the element whose start tag was
// just read, and returns the end offset of that element.
func (s *scanner) skipElement() int {
	if s.tok.kind != tokStart || s.tok.selfClose {
		return s.tok.end
	}
	depth := len(s.open) - 1
	for s.next() {
		if s.tok.kind == tokEnd && len(s.open) == depth {
			return s.tok.end
		}
	}
	return s.pos
}

// splitName splits a qualified name into prefix and local part.
func splitName(qn []byte) (prefix, local []byte) {
	if i := bytes.IndexByte(qn, ':'); i >= 0 {
		return qn[:i], qn[i+1:]
	}
	return nil, qn
}

// unescape resolves the five predefined entities and character references
// of an attribute value or text.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out []byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:i]...)
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 {
			out = append(out, b...)
			break
		}
		out = appendEntity(out, b[1:j], b[:j+1])
		b = b[j+1:]
	}
	return string(out)
}

func appendEntity(out, ent, raw []byte) []byte {
	switch string(ent) {
	case "amp":
		return append(out, '&')
	case "lt":
		return append(out, '<')
	case "gt":
		return append(out, '>')
	case "quot":
		return append(out, '"')
	case "apos":
		return append(out, '\'')
	}
	if len(ent) > 1 && ent[0] == '#' {
		var r rune
		var err error
		if ent[1] == 'x' || ent[1] == 'X' {
			_, err = fmt.Sscanf(string(ent[2:]), "%x", &r)
		} else {
			_, err = fmt.Sscanf(string(ent[1:]), "%d", &r)
		}
		if err == nil {
			return append(out, string(r)...)
		}
	}
	return append(out, raw...)
}

// appendEscaped appends s escaped for use in an attribute value or text.
func appendEscaped(out []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			out = append(out, "&amp;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		case '"':
			out = append(out, "&quot;"...)
		case '\t':
			out = append(out, "&#9;"...)
		case '\n':
			out = append(out, "&#10;"...)
		case '\r':
			out = append(out, "&#13;"...)
		default:
			out = append(out, c)
		}
	}
	return out
}

// escapeAttr escapes s for an attribute value.
func escapeAttr(s string) string { return string(appendEscaped(nil, s)) }

// escapeText escapes s for character data (tabs and newlines kept).
func escapeText(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			out = append(out, "&amp;"...)
		case '<':
			out = append(out, "&lt;"...)
		case '>':
			out = append(out, "&gt;"...)
		default:
			out = append(out, c)
		}
	}
	return string(out)
}
