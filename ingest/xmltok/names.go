package xmltok

import (
	"bytes"
	"unicode/utf8"
)

// SplitName splits a qualified name into prefix (nil when there is none)
// and local part.
func SplitName(qn []byte) (prefix, local []byte) {
	if i := bytes.IndexByte(qn, ':'); i >= 0 {
		return qn[:i], qn[i+1:]
	}
	return nil, qn
}

// isQName reports whether b is a name as Namespaces in XML allows it: an
// XML name with at most one colon, neither first nor last.
func isQName(b []byte) bool {
	if !isName(b) {
		return false
	}
	i := bytes.IndexByte(b, ':')
	return i < 0 || i > 0 && i < len(b)-1 && bytes.IndexByte(b[i+1:], ':') < 0
}

// ASCII name characters: nameStart may open a name, nameChar continue it.
const (
	nameStart = 1 << iota
	nameChar
)

var asciiName = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c == ':':
			t[c] = nameStart | nameChar
		case '0' <= c && c <= '9', c == '-', c == '.':
			t[c] = nameChar
		}
	}
	return t
}()

// isName reports whether b is an XML name (XML 1.0 fifth edition, which
// admits every name the earlier editions did).
func isName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if asciiName[c]&nameStart == 0 && (i == 0 || asciiName[c]&nameChar == 0) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 || !isNameRune(r, i == 0) {
			return false
		}
		i += n
	}
	return true
}

// isNameRune is isName's test for a character beyond ASCII.
func isNameRune(r rune, first bool) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return !first && (r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040)
}

// Names turns the names a reader meets into strings, allocating once per
// distinct name rather than once per element. The zero value is ready.
type Names struct{ m map[string]string }

// String returns b as a string.
func (n *Names) String(b []byte) string {
	if s, ok := n.m[string(b)]; ok {
		return s
	}
	if n.m == nil {
		n.m = map[string]string{}
	}
	s := string(b)
	n.m[s] = s
	return s
}
