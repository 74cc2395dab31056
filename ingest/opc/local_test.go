package opc

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// minimalPackage is a small valid package; its entries are stored or
// deflated as store says, with their sizes in the local headers.
func minimalPackage(t *testing.T, store bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, data string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>`},
	} {
		data := []byte(part.data)
		var w io.Writer
		var err error
		if store {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: part.name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
				CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))})
		} else {
			w, err = zw.Create(part.name) // sizes in a data descriptor
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// localHeader returns the offset of the local header of the named entry.
func localHeader(t *testing.T, data []byte, name string) int {
	t.Helper()
	i := bytes.Index(data, []byte("PK\x03\x04"))
	for i >= 0 {
		n := int(binary.LittleEndian.Uint16(data[i+26:]))
		if string(data[i+30:i+30+n]) == name {
			return i
		}
		j := bytes.Index(data[i+4:], []byte("PK\x03\x04"))
		if j < 0 {
			break
		}
		i += 4 + j
	}
	t.Fatalf("no local header for %s", name)
	return 0
}

// TestLocalHeadersMustAgree: a zip whose local header for an entry names
// it otherwise, or gives another method or other sizes, is refused as
// damaged; entries whose sizes follow their data are read.
func TestLocalHeadersMustAgree(t *testing.T) {
	const part = "word/document.xml"
	tests := []struct {
		name  string
		store bool
		edit  func(data []byte, h int)
		want  string // "" when the package must open
	}{
		{"as written (stored)", true, func([]byte, int) {}, ""},
		{"as written (deflated, sizes after the data)", false, func([]byte, int) {}, ""},
		{"another name", true, func(d []byte, h int) { copy(d[h+30:], "word/document.xmm") }, `local header names it "word/document.xmm"`},
		{"a longer name", true, func(d []byte, h int) { binary.LittleEndian.PutUint16(d[h+26:], 18) }, `local header names it "word/document.xml<"`},
		{"another method", true, func(d []byte, h int) { binary.LittleEndian.PutUint16(d[h+8:], zip.Deflate) }, "gives another compression method"},
		{"another compressed size", true, func(d []byte, h int) { binary.LittleEndian.PutUint32(d[h+18:], 7) }, "gives other sizes"},
		{"another uncompressed size", true, func(d []byte, h int) { binary.LittleEndian.PutUint32(d[h+22:], 1<<20) }, "gives other sizes"},
		{"no local header", true, func(d []byte, h int) { copy(d[h:], "XXXX") }, ""}, // archive/zip itself refuses it
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := minimalPackage(t, tt.store)
			tt.edit(data, localHeader(t, data, part))
			_, err := OpenBytes("x.docx", data)
			switch {
			case tt.name == "no local header":
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("OpenBytes = %v, want damaged", err)
				}
			case tt.want == "":
				if err != nil {
					t.Fatalf("OpenBytes: %v", err)
				}
			case !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "x.docx: "):
				t.Fatalf("OpenBytes = %v, want damaged: %q", err, tt.want)
			}
		})
	}
}
