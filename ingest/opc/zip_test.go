package opc

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// TestWriteZip writes new content deflated and copies an entry of another
// zip as it is compressed there, every entry at the fixed time with its
// sizes in its header, the same bytes every time.
func TestWriteZip(t *testing.T) {
	var src bytes.Buffer
	zw := zip.NewWriter(&src)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "media/a.png", Method: zip.Store})
	w.Write([]byte("not really a picture"))
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(src.Bytes()), int64(src.Len()))
	if err != nil {
		t.Fatal(err)
	}
	entries := []Entry{{Name: "word/document.xml", Data: []byte(strings.Repeat("<w:p/>", 1000))},
		{Name: "word/media/image1.png", Raw: zr.File[0]}, {Name: "empty.xml"}}
	var a, b bytes.Buffer
	if err := WriteZip(&a, entries); err != nil {
		t.Fatal(err)
	}
	if err := WriteZip(&b, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same entries differ")
	}
	out, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		method uint16
		data   string
	}{
		"word/document.xml":     {zip.Deflate, strings.Repeat("<w:p/>", 1000)},
		"word/media/image1.png": {zip.Store, "not really a picture"},
		"empty.xml":             {zip.Deflate, ""},
	}
	if len(out.File) != len(entries) {
		t.Fatalf("%d entries, want %d", len(out.File), len(entries))
	}
	for i, f := range out.File {
		if f.Name != entries[i].Name {
			t.Errorf("entry %d is %s, want %s", i, f.Name, entries[i].Name)
		}
		if !f.Modified.Equal(time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v, want 1 January 1980", f.Name, f.Modified)
		}
		if f.Flags&0x8 != 0 {
			t.Errorf("%s: sizes in a data descriptor, not in the header", f.Name)
		}
		data, err := fs.ReadFile(out, f.Name)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if w := want[f.Name]; f.Method != w.method || string(data) != w.data {
			t.Errorf("%s: method %d, %d bytes; want method %d, %d bytes", f.Name, f.Method, len(data), w.method, len(w.data))
		}
	}
}
