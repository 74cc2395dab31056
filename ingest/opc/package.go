package opc

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"tsagmerge/ingest/xmltok"
)

// Limits caps what reading one package may cost. The zero value means the
// defaults in DefaultLimits.
type Limits struct {
	// MaxPartSize is the largest uncompressed size of any one part.
	MaxPartSize uint64
	// MaxTotalSize is the largest uncompressed size of all parts together.
	MaxTotalSize uint64
	// MaxRatio is the largest uncompressed/compressed ratio of a part over
	// 1 MiB, the mark of a zip bomb.
	MaxRatio uint64
	// MaxParts is the largest number of entries.
	MaxParts int
}

// DefaultLimits are generous for real contributions (the 1,000-page bench
// file is 23 MB) and stop zip bombs long before memory runs out.
var DefaultLimits = Limits{
	MaxPartSize:  512 << 20,
	MaxTotalSize: 2 << 30,
	MaxRatio:     200,
	MaxParts:     20000,
}

// Part is one entry of the package.
type Part struct {
	// Name is the part name without the leading slash ("word/document.xml").
	Name string
	// ContentType is the part's type from [Content_Types].xml.
	ContentType string
	// Size is the uncompressed size in bytes.
	Size int64
	// File is the zip entry, for copying the part without recompressing it.
	File *zip.File

	once sync.Once
	data []byte
	err  error
}

// Package is an opened OPC package.
type Package struct {
	// Path is the file the package was read from, as given.
	Path string
	// Parts maps part names (no leading slash) to parts.
	Parts map[string]*Part
	// Names lists part names in the zip's order.
	Names []string
	// Defaults and Overrides are [Content_Types].xml's two tables, keyed by
	// lower-case extension and by part name without the leading slash.
	Defaults  map[string]string
	Overrides map[string]string
	// Strict is true when the package uses Strict Open XML relationship types.
	Strict bool

	closer io.Closer
	limits Limits
	rels   sync.Map // source part name -> []Relationship
}

// Open reads the package at path. The file is kept open until Close.
func Open(filename string) (*Package, error) {
	return OpenWithLimits(filename, DefaultLimits)
}

// OpenWithLimits is Open with caps other than DefaultLimits.
func OpenWithLimits(filename string, lim Limits) (*Package, error) {
	if strings.HasPrefix(path.Base(strings.ReplaceAll(filename, "\\", "/")), "~$") {
		return nil, refuse(filename, ErrOwnerFile,
			"is a Word owner (lock) file, not a document",
			"ignore it; Word deletes it when the document is closed")
	}
	f, st, err := OpenFile(filename)
	if err != nil {
		return nil, err
	}
	p, err := openReaderAt(filename, f, st.Size(), lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	p.closer = f
	return p, nil
}

// OpenBytes reads a package held in memory; name is used in messages.
func OpenBytes(name string, data []byte) (*Package, error) {
	return openReaderAt(name, bytes.NewReader(data), int64(len(data)), DefaultLimits)
}

// Close releases the file behind the package.
func (p *Package) Close() error {
	if p == nil || p.closer == nil {
		return nil
	}
	return p.closer.Close()
}

func openReaderAt(name string, r io.ReaderAt, size int64, lim Limits) (*Package, error) {
	if lim == (Limits{}) {
		lim = DefaultLimits
	}
	if err := sniff(name, r, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, refusef(name, ErrCorrupt, "it may be truncated or damaged; ask the sender for the file again",
			"is not a readable zip package (%s)", errText(err))
	}
	p := &Package{Path: name, Parts: make(map[string]*Part, len(zr.File)), limits: lim}
	if err := p.addEntries(zr.File); err != nil {
		return nil, err
	}
	if err := checkLocalHeaders(name, r, zr.File); err != nil {
		return nil, err
	}
	if err := p.readContentTypes(); err != nil {
		return nil, err
	}
	p.Strict = p.mainIsStrict()
	return p, nil
}

// mainIsStrict reports whether the package relationship to the main
// document is spelled in Strict Open XML. A .rels part that cannot be read
// is MainDocument's to report.
func (p *Package) mainIsStrict() bool {
	rels, _ := p.Related("", RelOfficeDocument)
	for _, r := range rels {
		if r.Type != RelOfficeDocument {
			return true
		}
	}
	return false
}

// sniff recognises what is not a zip before zip.NewReader gives a vaguer error.
func sniff(name string, r io.ReaderAt, size int64) error {
	head := make([]byte, 8)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case size == 0:
		return refuse(name, ErrNotZip, "is empty", "ask the sender for the file again")
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return sniffOLE(name, r, size)
	case bytes.HasPrefix(head, []byte("PK")):
		return nil
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return refuse(name, ErrNotZip, "is an RTF file, not a .docx", "open it in Word and save it as Word Document (.docx)")
	case bytes.HasPrefix(head, []byte("%PDF")):
		return refuse(name, ErrNotZip, "is a PDF, not a .docx", "ask the region for the Word file")
	case isOwnerFile(r, size):
		return refuse(name, ErrOwnerFile, "is a Word owner (lock) file, not a document",
			"ignore it; Word writes it beside an open document (as ~$name.docx) and deletes it on closing")
	}
	return refuse(name, ErrNotZip, "is not a Word package (no zip signature)", "save it from Word as Word Document (.docx)")
}

// sniffOLE tells an encrypted .docx (an OLE file holding EncryptionInfo and
// EncryptedPackage streams) from a Word 97-2003 binary document.
func sniffOLE(name string, r io.ReaderAt, size int64) error {
	buf := make([]byte, min(size, 4<<20))
	n, _ := r.ReadAt(buf, 0)
	buf = buf[:n]
	if bytes.Contains(buf, utf16("EncryptionInfo")) || bytes.Contains(buf, utf16("EncryptedPackage")) {
		return refuse(name, ErrEncrypted, "is password-protected (an encrypted package)",
			"ask the sender to remove the password (File > Info > Protect Document) and send it again")
	}
	return refuse(name, ErrLegacyDoc, "is a Word 97-2003 document (.doc), not a .docx",
		"open it in Word and save it as Word Document (.docx)")
}

// isOwnerFile recognises the content of a Word owner file ("~$…docx"),
// whatever it is named: a few hundred bytes holding the user's name as a
// length byte and ANSI characters, then the same name in UTF-16.
func isOwnerFile(r io.ReaderAt, size int64) bool {
	if size < 4 || size > 1024 {
		return false
	}
	buf := make([]byte, size)
	n, _ := r.ReadAt(buf, 0)
	buf = buf[:n]
	l := int(buf[0])
	if l == 0 || l > 54 || len(buf) < 1+l {
		return false
	}
	name := buf[1 : 1+l]
	for _, c := range name {
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return bytes.Contains(buf[1+l:], utf16(string(name)))
}

func utf16(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		out = append(out, c, 0)
	}
	return out
}

func (p *Package) addEntries(files []*zip.File) error {
	if len(files) > p.limits.MaxParts {
		return refusef(p.Path, ErrTooLarge, "it is not a plausible Word document", "has %d entries, more than the %d allowed", len(files), p.limits.MaxParts)
	}
	if err := p.checkOverlap(files); err != nil {
		return err
	}
	var total uint64
	for _, f := range files {
		if strings.HasSuffix(f.Name, "/") {
			continue // a directory entry carries nothing
		}
		if alias, ok := unicodePathAlias(f); ok {
			return refusef(p.Path, ErrUnsafeName, "zip tools disagree on what it holds, so it cannot be read safely; ask the sender to save it again from Word",
				"names the zip entry %q also %q (in an Info-ZIP Unicode Path field)", f.Name, alias)
		}
		name, err := cleanName(f.Name)
		if err != nil {
			return refusef(p.Path, ErrUnsafeName, "it cannot come from Word; do not open it", "has an unsafe entry name %q (%v)", f.Name, err)
		}
		if err := p.checkSize(f); err != nil {
			return err
		}
		total += f.UncompressedSize64
		if total > p.limits.MaxTotalSize {
			return refusef(p.Path, ErrTooLarge, "it looks like a zip bomb; do not open it", "unpacks to more than %d MiB", p.limits.MaxTotalSize>>20)
		}
		key := strings.ToLower(name)
		if _, dup := p.Parts[key]; dup {
			return refusef(p.Path, ErrCorrupt, "it is damaged; ask the sender for the file again", "has the entry %q twice", name)
		}
		p.Parts[key] = &Part{Name: name, Size: int64(f.UncompressedSize64), File: f}
		p.Names = append(p.Names, key)
	}
	return nil
}

// checkOverlap refuses a zip whose entries share bytes: Word never writes
// one, and overlapping entries are how zip bombs multiply their output.
func (p *Package) checkOverlap(files []*zip.File) error {
	type span struct {
		start, end int64
		name       string
	}
	spans := make([]span, 0, len(files))
	for _, f := range files {
		off, err := f.DataOffset()
		if err != nil {
			return refusef(p.Path, ErrCorrupt, "it may be truncated or damaged; ask the sender for the file again",
				"has an unreadable zip entry %q (%s)", f.Name, errText(err))
		}
		spans = append(spans, span{off, off + int64(f.CompressedSize64), f.Name})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	for i := 1; i < len(spans); i++ {
		if prev := spans[i-1]; spans[i].start < prev.end {
			return refusef(p.Path, ErrTooLarge, "it looks like a zip bomb and cannot come from Word; do not open it",
				"has overlapping zip entries (%q and %q share bytes)", prev.name, spans[i].name)
		}
	}
	return nil
}

// unicodePathAlias returns the name an entry's Info-ZIP Unicode Path extra
// field (0x7075) gives it when that differs from the entry's own name.
// Tools that honour the field then see other parts than tools that do not
// (a crafted package can swap word/document.xml this way). The field only
// counts when its checksum matches the entry's name, as Info-ZIP requires.
func unicodePathAlias(f *zip.File) (string, bool) {
	extra := f.Extra
	for len(extra) >= 4 {
		id := binary.LittleEndian.Uint16(extra)
		size := int(binary.LittleEndian.Uint16(extra[2:]))
		if len(extra) < 4+size {
			return "", false
		}
		data := extra[4 : 4+size]
		extra = extra[4+size:]
		if id != 0x7075 || len(data) < 5 || data[0] != 1 {
			continue
		}
		if binary.LittleEndian.Uint32(data[1:]) != crc32.ChecksumIEEE([]byte(f.Name)) {
			continue
		}
		if alias := string(data[5:]); alias != f.Name {
			return alias, true
		}
	}
	return "", false
}

func (p *Package) checkSize(f *zip.File) error {
	if f.UncompressedSize64 > p.limits.MaxPartSize {
		return refusef(p.Path, ErrTooLarge, "it looks like a zip bomb; do not open it", "has an entry %q of %d MiB, more than the %d MiB allowed", f.Name, f.UncompressedSize64>>20, p.limits.MaxPartSize>>20)
	}
	if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > p.limits.MaxRatio {
		return refusef(p.Path, ErrTooLarge, "it looks like a zip bomb; do not open it", "has an entry %q that expands %d times", f.Name, f.UncompressedSize64/f.CompressedSize64)
	}
	return nil
}

// cleanName refuses absolute names and names that climb out with "..".
func cleanName(name string) (string, error) {
	n := strings.ReplaceAll(name, "\\", "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return "", errors.New("absolute path")
	}
	for _, seg := range strings.Split(n, "/") {
		if seg == ".." {
			return "", errors.New("climbs out with ..")
		}
	}
	if strings.ContainsRune(n, 0) {
		return "", errors.New("contains NUL")
	}
	return n, nil
}

// Part returns the part with the given name (leading slash optional,
// compared without regard to case as OPC requires), or nil.
func (p *Package) Part(name string) *Part {
	return p.Parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
}

// Has reports whether the package holds the named part.
func (p *Package) Has(name string) bool { return p.Part(name) != nil }

// Read returns a part's bytes, reading it once and keeping it. It returns
// an *Error when the part is missing or the zip entry is damaged.
func (p *Package) Read(name string) ([]byte, error) {
	part := p.Part(name)
	if part == nil {
		return nil, refusef(p.Path, ErrCorrupt, "the package is incomplete; ask the sender to save it again from Word", "has no part %q", name)
	}
	part.once.Do(func() {
		part.data, part.err = p.readEntry(part)
		if part.err == nil && isXMLName(part.Name) && xmltok.IsUTF16(part.data) {
			if part.data, part.err = xmltok.ToUTF8(part.data); part.err != nil {
				part.err = XMLRefusal(p.Path, part.Name, part.err)
			}
		}
	})
	return part.data, part.err
}

// isXMLName reports whether a part is XML by its name: Read gives such a
// part stored in UTF-16 as UTF-8.
func isXMLName(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".xml" || ext == ".rels" || ext == ".vml"
}

// StoredAsRead reports whether the part's bytes in the zip are those Read
// gives, so that it can be copied as it is compressed: false for an XML
// part stored in UTF-16, which Read converts to UTF-8.
func (p *Package) StoredAsRead(name string) bool {
	part := p.Part(name)
	if part == nil || !isXMLName(part.Name) {
		return true
	}
	rc, err := part.File.Open()
	if err != nil {
		return true // Read says what is wrong
	}
	defer rc.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(rc, head)
	return !xmltok.IsUTF16(head[:n])
}

func (p *Package) readEntry(part *Part) ([]byte, error) {
	rc, err := part.File.Open()
	if err != nil {
		return nil, refusef(p.Path, ErrCorrupt, "it may be damaged; ask the sender for the file again", "part %q cannot be read (%s)", part.Name, errText(err))
	}
	defer rc.Close()
	// Never trust the header's size: read at most the cap plus one byte.
	limit := int64(p.limits.MaxPartSize)
	// The header's size is a hint for the buffer only, capped so that a
	// lying header cannot make us allocate much.
	buf := bytes.NewBuffer(make([]byte, 0, min(part.Size, limit, 64<<20)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(rc, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, refusef(p.Path, ErrCorrupt, "it may be truncated or damaged; ask the sender for the file again", "part %q is corrupt (%s)", part.Name, errText(err))
	}
	if int64(len(data)) > limit {
		return nil, refusef(p.Path, ErrTooLarge, "it looks like a zip bomb; do not open it", "part %q expands past %d MiB", part.Name, limit>>20)
	}
	return data, nil
}

// ContentType returns the content type of a part name: its Override, else
// the Default for its extension, else "".
func (p *Package) ContentType(name string) string {
	key := strings.ToLower(strings.TrimPrefix(name, "/"))
	if ct, ok := p.Overrides[key]; ok {
		return ct
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(key), "."))
	return p.Defaults[ext]
}

// SortedNames returns the part names in lexical order, for stable output.
func (p *Package) SortedNames() []string {
	names := append([]string(nil), p.Names...)
	sort.Strings(names)
	return names
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// String describes the package briefly, for debugging.
func (p *Package) String() string {
	return fmt.Sprintf("opc.Package(%s, %d parts)", p.Path, len(p.Parts))
}
