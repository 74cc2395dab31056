package opc

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
)

// The local file header that stands before each entry's data (APPNOTE
// 4.3.7): 30 bytes, then the name and the extra field.
const (
	localSig    = 0x04034b50
	localLen    = 30
	maxLocalVar = 2 * 0xFFFF // the longest name and extra field
	descriptor  = 0x8        // flag: sizes and CRC follow the data
)

// checkLocalHeaders refuses a zip whose local headers say other than its
// central directory (the entry's name, compression method or sizes):
// readers that go by the local headers (streaming unzippers, some
// antivirus scanners) then see other parts than those tsagmerge reads,
// which is how a crafted file hides what it holds. Word never writes one.
func checkLocalHeaders(name string, r io.ReaderAt, files []*zip.File) error {
	for _, f := range files {
		if problem := localMismatch(r, f); problem != "" {
			return refusef(name, ErrCorrupt, "zip tools disagree on what it holds, so it cannot be read safely; ask the sender to save it again from Word",
				"has a zip entry %q whose local header %s", f.Name, problem)
		}
	}
	return nil
}

// localMismatch says how f's local header differs from its central
// directory entry, "" when it does not.
func localMismatch(r io.ReaderAt, f *zip.File) string {
	data, err := f.DataOffset()
	if err != nil {
		return "cannot be read"
	}
	h, at := findLocalHeader(r, data, len(f.Name))
	if h == nil {
		return "cannot be found"
	}
	le := binary.LittleEndian
	nameLen, extraLen := int(le.Uint16(h[26:])), int(le.Uint16(h[28:]))
	vars := make([]byte, nameLen+extraLen)
	if _, err := r.ReadAt(vars, at+localLen); err != nil {
		return "cannot be read"
	}
	if string(vars[:nameLen]) != f.Name {
		return "names it " + quote(vars[:nameLen])
	}
	if method := le.Uint16(h[8:]); method != f.Method {
		return "gives another compression method"
	}
	csize, usize := uint64(le.Uint32(h[18:])), uint64(le.Uint32(h[22:]))
	if csize == 0xFFFFFFFF || usize == 0xFFFFFFFF {
		csize, usize = zip64Sizes(vars[nameLen:], csize, usize)
	}
	if le.Uint16(h[6:])&descriptor != 0 && csize == 0 && usize == 0 {
		return "" // the sizes follow the data, as streaming writers do
	}
	if csize != f.CompressedSize64 || usize != f.UncompressedSize64 {
		return "gives other sizes"
	}
	return ""
}

// findLocalHeader finds the local header whose name and extra field end
// at data: near it first (the name as long as the central directory's and
// a short extra field, as every writer does), else anywhere it may be.
func findLocalHeader(r io.ReaderAt, data int64, nameLen int) ([]byte, int64) {
	for _, span := range []int64{localLen + int64(nameLen) + 1024, localLen + maxLocalVar} {
		start := max(data-span, 0)
		buf := make([]byte, data-start)
		if _, err := r.ReadAt(buf, start); err != nil && err != io.EOF {
			return nil, 0
		}
		for i := len(buf) - localLen; i >= 0; i-- {
			h := buf[i:]
			if binary.LittleEndian.Uint32(h) != localSig {
				continue
			}
			n, m := int(binary.LittleEndian.Uint16(h[26:])), int(binary.LittleEndian.Uint16(h[28:]))
			if i+localLen+n+m == len(buf) {
				return h[:localLen], start + int64(i)
			}
		}
		if start == 0 {
			break
		}
	}
	return nil, 0
}

// zip64Sizes reads the sizes a local header's Zip64 extra field gives in
// place of those it marks 0xFFFFFFFF.
func zip64Sizes(extra []byte, csize, usize uint64) (uint64, uint64) {
	le := binary.LittleEndian
	for len(extra) >= 4 {
		id, size := le.Uint16(extra), int(le.Uint16(extra[2:]))
		if len(extra) < 4+size {
			break
		}
		field := extra[4 : 4+size]
		extra = extra[4+size:]
		if id != 0x0001 {
			continue
		}
		if usize == 0xFFFFFFFF && len(field) >= 8 {
			usize, field = le.Uint64(field), field[8:]
		}
		if csize == 0xFFFFFFFF && len(field) >= 8 {
			csize = le.Uint64(field)
		}
	}
	return csize, usize
}

func quote(b []byte) string {
	return "\"" + string(bytes.ToValidUTF8(b, []byte("?"))) + "\""
}
