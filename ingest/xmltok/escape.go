package xmltok

import (
	"bytes"
	"unicode/utf8"
)

// Unescape resolves the predefined entities and character references of
// an attribute value or text, and turns line ends written \r\n or \r into
// \n, as every XML reader does. A reference that is not valid is kept as
// written (a Strict scanner refuses it before).
func Unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	return string(AppendUnescaped(nil, b))
}

// AppendUnescaped appends b unescaped, as Unescape does, to dst.
func AppendUnescaped(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return normalizeLines(dst, b)
		}
		dst = normalizeLines(dst, b[:i])
		b = b[i:]
		n := refLen(b)
		if n == 0 {
			dst = append(dst, '&')
			b = b[1:]
			continue
		}
		dst = appendRef(dst, b[1:n-1])
		b = b[n:]
	}
}

// appendRef appends what a valid reference (without '&' and ';') stands for.
func appendRef(dst, name []byte) []byte {
	switch string(name) {
	case "amp":
		return append(dst, '&')
	case "lt":
		return append(dst, '<')
	case "gt":
		return append(dst, '>')
	case "quot":
		return append(dst, '"')
	case "apos":
		return append(dst, '\'')
	}
	r, _ := charRef(name)
	return utf8.AppendRune(dst, r)
}

// AppendText appends the character data of the current Text or CData
// token to dst: unescaped, line ends made \n.
func (s *Scanner) AppendText(dst []byte) []byte {
	raw := s.Raw()
	if s.Tok.Kind == CData {
		return normalizeLines(dst, raw[len("<![CDATA["):len(raw)-len("]]>")])
	}
	return AppendUnescaped(dst, raw)
}

// normalizeLines appends b with \r\n and \r made \n.
func normalizeLines(dst, b []byte) []byte {
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		dst = append(dst, '\n')
		b = b[i+1:]
		if len(b) > 0 && b[0] == '\n' {
			b = b[1:]
		}
	}
	return dst
}

// AppendEscaped appends s escaped for an attribute value: quotes, tabs
// and line ends become references too, so they survive attribute-value
// normalization.
func AppendEscaped(dst []byte, s string) []byte { return appendEscaped(dst, s, true) }

// EscapeAttr escapes s for an attribute value.
func EscapeAttr(s string) string { return string(appendEscaped(nil, s, true)) }

// EscapeText escapes s for character data (quotes, tabs and line ends
// kept as they are).
func EscapeText(s string) string { return string(appendEscaped(nil, s, false)) }

func appendEscaped(dst []byte, s string, attr bool) []byte {
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case !attr:
		case c == '"':
			esc = "&quot;"
		case c == '\t':
			esc = "&#9;"
		case c == '\n':
			esc = "&#10;"
		case c == '\r':
			esc = "&#13;"
		}
		if esc == "" {
			dst = append(dst, s[i])
		} else {
			dst = append(dst, esc...)
		}
	}
	return dst
}

// RewriteAttrs copies the part sc scans, giving every attribute for which
// value returns true the value it returns (escaped), and every other byte
// as it is; it returns nil when no attribute changed. Scanning errors are
// left in sc.
func RewriteAttrs(sc *Scanner, value func(t *Token, a Attr) (string, bool)) []byte {
	src := sc.Src()
	var out []byte
	last := 0
	for sc.Next() {
		if sc.Tok.Kind != StartTag {
			continue
		}
		for _, a := range sc.Tok.Attrs {
			v, ok := value(&sc.Tok, a)
			if !ok {
				continue
			}
			at := cap(src) - cap(a.Value) // a.Value is a slice of src: its offset
			out = AppendEscaped(append(out, src[last:at]...), v)
			last = at + len(a.Value)
		}
	}
	if out == nil {
		return nil
	}
	return append(out, src[last:]...)
}
