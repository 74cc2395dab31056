package xmltok

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ToUTF8 returns a part as UTF-8. A part whose XML declaration names no
// encoding or UTF-8 is returned as it is; one in a single-byte encoding
// some writers declare (ISO-8859-1, windows-1252 read as ISO-8859-1,
// US-ASCII) is converted, its declaration then naming UTF-8. Any other
// encoding is an error of class ErrEncoding.
//
// A part in UTF-16 (with a byte-order mark, or without one but opening
// with "<?" as UTF-16 encodes it), which OPC allows, is converted too,
// whatever its declaration says (the declaration then names UTF-8).
func ToUTF8(src []byte) ([]byte, error) {
	if order, skip, ok := utf16Order(src); ok {
		return fromUTF16(src[skip:], order)
	}
	if !bytes.HasPrefix(src, []byte("<?xml")) || len(src) < 6 || !isSpace(src[5]) {
		return src, nil
	}
	end := bytes.Index(src, []byte("?>"))
	if end < 0 {
		return src, nil // the scanner says what is wrong
	}
	enc, at, ok := declAttrAt(src[:end], "encoding")
	if !ok || bytes.EqualFold(enc, []byte("utf-8")) {
		return src, nil
	}
	switch strings.ToLower(string(enc)) {
	case "iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "us-ascii", "ascii":
	default:
		return nil, newError("", src, at, ErrEncoding, fmt.Sprintf("declares the encoding %q, which is not read", enc))
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	out = append(out, src[:at]...)
	out = append(out, "UTF-8"...)
	for _, b := range src[at+len(enc):] {
		out = utf8.AppendRune(out, rune(b))
	}
	return out, nil
}

// IsUTF16 reports whether a part is encoded in UTF-16, as ToUTF8 sees it.
func IsUTF16(src []byte) bool {
	_, _, ok := utf16Order(src)
	return ok
}

// utf16Order tells a UTF-16 part by its byte-order mark or, without one,
// by its first two characters being "<?" (the XML declaration, which a
// part without a mark must have); skip is the mark's length.
func utf16Order(src []byte) (order binary.ByteOrder, skip int, ok bool) {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return binary.LittleEndian, 2, true
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return binary.BigEndian, 2, true
	case bytes.HasPrefix(src, []byte{'<', 0, '?', 0}):
		return binary.LittleEndian, 0, true
	case bytes.HasPrefix(src, []byte{0, '<', 0, '?'}):
		return binary.BigEndian, 0, true
	}
	return nil, 0, false
}

// fromUTF16 converts UTF-16 text to UTF-8, its declaration naming UTF-8.
func fromUTF16(src []byte, order binary.ByteOrder) ([]byte, error) {
	if len(src)%2 != 0 {
		return nil, newError("", src, len(src)-1, ErrEncoding, "is UTF-16 with an odd number of bytes")
	}
	out := make([]byte, 0, len(src)/2+len(src)/8)
	for i := 0; i < len(src); i += 2 {
		r := rune(order.Uint16(src[i:]))
		if utf16.IsSurrogate(r) {
			if r >= 0xDC00 || i+4 > len(src) {
				return nil, newError("", src, i, ErrEncoding, "has a broken UTF-16 surrogate pair")
			}
			r = utf16.DecodeRune(r, rune(order.Uint16(src[i+2:])))
			if r == utf8.RuneError {
				return nil, newError("", src, i, ErrEncoding, "has a broken UTF-16 surrogate pair")
			}
			i += 2
		}
		out = utf8.AppendRune(out, r)
	}
	if !bytes.HasPrefix(out, []byte("<?xml")) {
		return out, nil
	}
	end := bytes.Index(out, []byte("?>"))
	if end < 0 {
		return out, nil // the scanner says what is wrong
	}
	enc, at, ok := declAttrAt(out[:end], "encoding")
	if !ok {
		return out, nil
	}
	return append(out[:at:at], append([]byte("UTF-8"), out[at+len(enc):]...)...), nil
}
