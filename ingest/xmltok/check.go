package xmltok

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf8"
)

// The checks of Options.Strict. They cost little: characters are checked
// in one pass over the part when the Scanner is made, eight bytes at a
// time; the rest looks only at what the scanner has already delimited.

// bom is the UTF-8 byte-order mark, which may open a part.
var bom = []byte("\xef\xbb\xbf")

// checkText checks character data from start to end.
func (s *Scanner) checkText(start, end int) bool {
	b := s.src[start:end]
	if len(s.open) == 0 {
		if start == 0 {
			b = bytes.TrimPrefix(b, bom)
		}
		for i, c := range b {
			if !isSpace(c) {
				return s.fail(end-len(b)+i, ErrMalformed, "has text outside the root element")
			}
		}
		return true
	}
	if i := bytes.Index(b, []byte("]]>")); i >= 0 {
		return s.fail(start+i, ErrMalformed, "has \"]]>\" in text")
	}
	return s.checkRefs(start, b)
}

// checkRefs checks the entity and character references in b, which starts
// at offset start.
func (s *Scanner) checkRefs(start int, b []byte) bool {
	for off := 0; ; {
		i := bytes.IndexByte(b[off:], '&')
		if i < 0 {
			return true
		}
		off += i
		n := refLen(b[off:])
		if n == 0 {
			ref := b[off:]
			if j := bytes.IndexByte(ref, ';'); j >= 0 && j < 12 {
				ref = ref[:j+1]
			} else {
				ref = ref[:min(len(ref), 8)]
			}
			return s.fail(start+off, ErrMalformed, "has %q, which is no predefined entity or character reference", ref)
		}
		off += n
	}
}

// checkProcInst checks a processing instruction whose body (after "<?")
// is body; the XML declaration must open the part and say version 1.0 and
// UTF-8 (ToUTF8 converts the other encodings first).
func (s *Scanner) checkProcInst(start int, body []byte) bool {
	n := nameEnd(body, 0)
	target := body[:n]
	if !isName(target) || n < len(body) && !isSpace(body[n]) {
		return s.fail(start, ErrMalformed, "has a processing instruction without a valid target")
	}
	if !bytes.EqualFold(target, []byte("xml")) {
		return true
	}
	if string(target) != "xml" || start != 0 && (start != len(bom) || !bytes.HasPrefix(s.src, bom)) {
		return s.fail(start, ErrMalformed, "has an XML declaration that does not open the part")
	}
	if v, ok := declAttr(body, "version"); ok && string(v) != "1.0" {
		return s.fail(start, ErrMalformed, "declares XML version %q; only 1.0 is read", v)
	}
	if e, ok := declAttr(body, "encoding"); ok && !bytes.EqualFold(e, []byte("utf-8")) {
		return s.fail(start, ErrEncoding, "declares the encoding %q; only UTF-8 is read", e)
	}
	return true
}

// checkElement checks the name of the start tag just read and that it is
// the only root.
func (s *Scanner) checkElement() bool {
	t := &s.Tok
	if !isQName(t.Name) {
		return s.fail(t.Start, ErrMalformed, "has an invalid element name %q", t.Name)
	}
	if len(s.open) == 0 {
		s.roots++
		if s.roots > 1 {
			return s.fail(t.Start, ErrMalformed, "has a second root element <%s>", t.Name)
		}
	}
	return true
}

// maxPairwise is the attribute count up to which duplicates are found by
// comparing pairs; beyond it a map keeps a hostile tag linear.
const maxPairwise = 16

// checkAttr checks the attribute just appended to the current token, whose
// value starts at offset at.
func (s *Scanner) checkAttr(at int) bool {
	t := &s.Tok
	a := t.Attrs[len(t.Attrs)-1]
	if !isQName(a.Name) {
		return s.fail(at, ErrMalformed, "has an invalid attribute name %q in <%s>", a.Name, t.Name)
	}
	if i := bytes.IndexByte(a.Value, '<'); i >= 0 {
		return s.fail(at+i, ErrMalformed, "has a '<' in the value of %s in <%s>", a.Name, t.Name)
	}
	if !s.checkRefs(at, a.Value) {
		return false
	}
	if s.duplicate() {
		return s.fail(at, ErrMalformed, "has attribute %s twice in <%s>", a.Name, t.Name)
	}
	return true
}

// duplicate reports whether the last attribute's name is an earlier one's.
func (s *Scanner) duplicate() bool {
	attrs := s.Tok.Attrs
	last := attrs[len(attrs)-1].Name
	if len(attrs) <= maxPairwise {
		for _, a := range attrs[:len(attrs)-1] {
			if bytes.Equal(a.Name, last) {
				return true
			}
		}
		return false
	}
	// A large tag (a hostile one) keeps a set of its names, made when it
	// passes maxPairwise attributes and extended with each one after.
	if len(attrs) == maxPairwise+1 {
		if s.seen == nil {
			s.seen = map[string]struct{}{}
		}
		clear(s.seen)
		for _, a := range attrs[:maxPairwise] {
			s.seen[string(a.Name)] = struct{}{}
		}
	}
	if _, dup := s.seen[string(last)]; dup {
		return true
	}
	s.seen[string(last)] = struct{}{}
	return false
}

// refLen returns the length of the entity or character reference that
// opens b (b[0] is '&'), or 0 when it is not one XML defines without a DTD
// or does not name an XML character.
func refLen(b []byte) int {
	end := bytes.IndexByte(b, ';')
	if end < 2 {
		return 0
	}
	name := b[1:end]
	switch string(name) {
	case "amp", "lt", "gt", "quot", "apos":
		return end + 1
	}
	if r, ok := charRef(name); ok && isChar(r) {
		return end + 1
	}
	return 0
}

// charRef parses the inside of a character reference: "#65" or "#x41".
func charRef(name []byte) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, base := name[1:], rune(10)
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	var r rune
	for _, c := range digits {
		var d rune
		switch {
		case '0' <= c && c <= '9':
			d = rune(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = rune(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, false
		}
		r = r*base + d
		if r > utf8.MaxRune {
			return 0, false
		}
	}
	return r, true
}

// isChar reports whether r is an XML character.
func isChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

const (
	ascii8   = 0x8080808080808080 // the high bit of each byte
	spaces8  = 0x2020202020202020 // ' ' in each byte
	wordSize = 8
)

// firstNonChar returns the offset of the first byte of b that does not
// start an XML character (invalid UTF-8, a control code other than tab and
// line ends, U+FFFE or U+FFFF), or len(b), and what is wrong there.
func firstNonChar(b []byte) (int, string) {
	for i := 0; i < len(b); {
		if i+wordSize <= len(b) {
			// Eight ASCII bytes none of which is below ' ': the common case.
			w := binary.LittleEndian.Uint64(b[i:])
			if w&ascii8 == 0 && (w-spaces8)&^w&ascii8 == 0 {
				i += wordSize
				continue
			}
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return i, fmt.Sprintf("has the control character %U, which XML does not allow", c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i, "has bytes that are not UTF-8"
		}
		if !isChar(r) {
			return i, fmt.Sprintf("has the character %U, which XML does not allow", r)
		}
		i += n
	}
	return len(b), ""
}

// declAttr returns the value of a pseudo-attribute of an XML declaration
// body ("xml version='1.0' encoding='UTF-8'…").
func declAttr(body []byte, name string) ([]byte, bool) {
	v, _, ok := declAttrAt(body, name)
	return v, ok
}

// declAttrAt is declAttr that also returns the value's offset in body.
func declAttrAt(body []byte, name string) ([]byte, int, bool) {
	for off := 0; ; {
		i := bytes.Index(body[off:], []byte(name))
		if i < 0 {
			return nil, 0, false
		}
		p := off + i
		off = p + len(name)
		if p == 0 || !isSpace(body[p-1]) {
			continue
		}
		q := skipSpace(body, off)
		if q >= len(body) || body[q] != '=' {
			continue
		}
		q = skipSpace(body, q+1)
		if q >= len(body) || body[q] != '"' && body[q] != '\'' {
			return nil, 0, false
		}
		e := bytes.IndexByte(body[q+1:], body[q])
		if e < 0 {
			return nil, 0, false
		}
		return body[q+1 : q+1+e], q + 1, true
	}
}
