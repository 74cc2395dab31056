package xmltok

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ToUTF8 returns a part as UTF-8. A part whose XML declaration names no
// encoding or UTF-8 is returned as it is; one in a single-byte encoding
// some writers declare (ISO-8859-1, windows-1252 read as ISO-8859-1,
// US-ASCII) is converted, its declaration then naming UTF-8. Any other
// encoding is an error of class ErrEncoding.
func ToUTF8(src []byte) ([]byte, error) {
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
