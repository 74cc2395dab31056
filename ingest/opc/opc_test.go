package opc

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/xmltok"
)

func TestResolveTarget(t *testing.T) {
	tests := []struct{ base, target, want string }{
		{"word", "media/image1.png", "word/media/image1.png"},
		{"word", "../customXml/item1.xml", "customXml/item1.xml"},
		{"word", "/word/styles.xml", "word/styles.xml"},
		{".", "word/document.xml", "word/document.xml"},
		{"word", "media\\img.png", "word/media/img.png"},
		{"word", "styles.xml#frag", "word/styles.xml"},
		{"word", "../../../etc/passwd", "etc/passwd"},
		{"word", "media/my%20image.png", "word/media/my image.png"},
		{"word", "media/r%C3%A9sum%C3%A9.png", "word/media/résumé.png"},
		{"word", "media/100%25.png", "word/media/100%.png"},
		{"word", "media/a%23b.png#frag", "word/media/a#b.png"},
		{"word", "media/%2e%2e/%2e%2e/x.png", "x.png"},
		{"word", "media/bad%zz.png", "word/media/bad%zz.png"},
	}
	for _, tt := range tests {
		if got := ResolveTarget(tt.base, tt.target); got != tt.want {
			t.Errorf("ResolveTarget(%q, %q) = %q, want %q", tt.base, tt.target, got, tt.want)
		}
	}
}

// TestEscapeTarget: what a URI path may hold is kept, the rest encoded,
// and ResolveTarget finds the name again.
func TestEscapeTarget(t *testing.T) {
	tests := []struct{ name, want string }{
		{"media/image1.png", "media/image1.png"},
		{"../customXml/item1.xml", "../customXml/item1.xml"},
		{"media/afr-my image.png", "media/afr-my%20image.png"},
		{"media/100%.png", "media/100%25.png"},
		{"media/a#b?.png", "media/a%23b%3F.png"},
		{"media/résumé.png", "media/r%C3%A9sum%C3%A9.png"},
	}
	for _, tt := range tests {
		got := EscapeTarget(tt.name)
		if got != tt.want {
			t.Errorf("EscapeTarget(%q) = %q, want %q", tt.name, got, tt.want)
		}
		if back := ResolveTarget("word", got); back != path.Join("word", tt.name) && !strings.HasPrefix(tt.name, "..") {
			t.Errorf("ResolveTarget(EscapeTarget(%q)) = %q", tt.name, back)
		}
	}
}

// TestRelsFindEscapedTargets: a relationship whose target is escaped finds
// its part, and so does one whose zip entry kept the escapes in its name.
func TestRelsFindEscapedTargets(t *testing.T) {
	tests := []struct{ entry, target string }{
		{"word/media/my image.png", "media/my%20image.png"},
		{"word/media/my%20image.png", "media/my%20image.png"},
		{"word/media/my image.png", "media/my image.png"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range map[string]string{
			"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
			"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="` + RelImage + `" Target="` + tt.target + `"/></Relationships>`,
			"word/document.xml": `<w:document xmlns:w="w"/>`,
			tt.entry:            "png",
		} {
			w, _ := zw.Create(name)
			w.Write([]byte(data))
		}
		zw.Close()
		p, err := OpenBytes("x.docx", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		rels, err := p.Rels("word/document.xml")
		if err != nil || len(rels) != 1 || !p.Has(rels[0].Part) || rels[0].Part != tt.entry {
			t.Errorf("entry %q, target %q: rels %+v, %v", tt.entry, tt.target, rels, err)
		}
	}
}

// TestTypeIsStrict matches relationship types in their transitional and
// Strict spellings, and the core properties' in LibreOffice's.
func TestTypeIsStrict(t *testing.T) {
	tests := []struct {
		typ, want string
		ok        bool
	}{
		{RelStyles, RelStyles, true},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/styles", RelStyles, true},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties", RelExtendedProps, true},
		{RelComments, RelStyles, false},
		// LibreOffice's spelling of the core properties' type, either case.
		{"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties", RelCoreProps, true},
		{"http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties", RelCoreProps, true},
		{"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties", RelCustomProps, false},
		{"http://schemas.openxmlformats.org/officedocument/2006/relationships/styles", RelStyles, false},
	}
	for _, tt := range tests {
		if got := (Relationship{Type: tt.typ}).TypeIs(tt.want); got != tt.ok {
			t.Errorf("TypeIs(%s, %s) = %v", tt.typ, tt.want, got)
		}
	}
}

func TestCheckXML(t *testing.T) {
	tests := []struct {
		xml  string
		safe bool
	}{
		{`<?xml version="1.0"?><a/>`, true},
		{"\ufeff<?xml version=\"1.0\"?>\n<!-- c --><a/>", true},
		{`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`, false},
		{"<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE a><a/>", false},
		{`<!ENTITY x "y"><a/>`, false},
	}
	for _, tt := range tests {
		err := CheckXML("f.docx", "p.xml", []byte(tt.xml))
		if (err == nil) != tt.safe || (err != nil && !errors.Is(err, ErrUnsafeXML)) {
			t.Errorf("CheckXML(%q) = %v, want safe=%v", tt.xml, err, tt.safe)
		}
	}
}

// TestSniff checks the refusals of what is not a .docx, each with its own
// kind and a remedy.
func TestSniff(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	encrypted := append(append([]byte(nil), ole...), utf16("EncryptedPackage")...)
	tests := []struct {
		name string
		data []byte
		kind error
		says string
	}{
		{"empty", nil, ErrNotZip, "is empty"},
		{"rtf", []byte(`{\rtf1\ansi hello}`), ErrNotZip, "RTF"},
		{"pdf", []byte("%PDF-1.7 ..."), ErrNotZip, "PDF"},
		{"doc", ole, ErrLegacyDoc, "Word 97-2003"},
		{"encrypted", encrypted, ErrEncrypted, "password-protected"},
		{"text", []byte("hello world, this is text"), ErrNotZip, "no zip signature"},
		{"broken zip", []byte("PK\x03\x04 truncated"), ErrCorrupt, "not a readable zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.docx")
			os.WriteFile(path, tt.data, 0o644)
			_, err := Open(path)
			var oe *Error
			if !errors.As(err, &oe) || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.says) || oe.Remedy == "" {
				t.Errorf("Open = %v, want %v saying %q with a remedy", err, tt.kind, tt.says)
			}
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("message %q does not start with the file", err)
			}
		})
	}
}

func TestOwnerFileByName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "~$report.docx")
	os.WriteFile(path, []byte("anything"), 0o644)
	if _, err := Open(path); !errors.Is(err, ErrOwnerFile) {
		t.Errorf("Open(~$…) = %v, want an owner-file refusal", err)
	}
}

func TestZipLimits(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	w, _ = zw.Create("word/big.xml")
	w.Write(bytes.Repeat([]byte("a"), 3<<20))
	w, _ = zw.Create("../evil.xml")
	w.Write([]byte("x"))
	zw.Close()
	_, err := OpenBytes("f.docx", buf.Bytes())
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "expands") {
		t.Errorf("a 3 MiB part compressing 1000 times: %v, want a zip-bomb refusal", err)
	}
	p, err := openReaderAt("f.docx", bytes.NewReader(buf.Bytes()), int64(buf.Len()), Limits{MaxPartSize: 8 << 20, MaxTotalSize: 16 << 20, MaxRatio: 1 << 20, MaxParts: 10})
	if !errors.Is(err, ErrUnsafeName) {
		t.Errorf("an entry climbing out with ..: %v %v, want an unsafe-name refusal", p, err)
	}
}

// readChildren reads the root's children whatever their prefix, skips
// deeper elements and what follows the root, and refuses what is not
// well-formed.
func TestReadChildren(t *testing.T) {
	const root = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	tests := []struct {
		name, xml string
		want      string // "|"-joined Id=Target of the children
		err       error
	}{
		{"plain", root + `<Relationship Id="rId1" Target="a.xml"/><Relationship Id="rId2" Target="b.xml"></Relationship></Relationships>`, "rId1=a.xml|rId2=b.xml", nil},
		{"prefixed, escaped", "\ufeff" + `<?xml version="1.0"?>` + root + `<p:Relationship xmlns:p="urn:x" p:Id='rId1' Target="a&amp;b&#x41;.xml"/></Relationships>`, "rId1=a&bA.xml", nil},
		{"nested elements skipped", root + `<Relationship Id="rId1" Target="a"><Relationship Id="rId9"/></Relationship></Relationships>`, "rId1=a", nil},
		{"what follows the root is not read", root + `<Relationship Id="rId1" Target="a"/></Relationships><x/>`, "rId1=a", nil},
		{"empty root", root[:len(root)-1] + `/>`, "", nil},
		{"unclosed", root + `<Relationship Id="rId1" Target="a"/>`, "", ErrCorrupt},
		{"unknown entity", root + `<Relationship Id="rId1" Target="&nbsp;"/></Relationships>`, "", ErrCorrupt},
		{"empty", ``, "", ErrCorrupt},
		{"DTD", `<!DOCTYPE r>` + root + `</Relationships>`, "", ErrUnsafeXML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := readChildren("f.docx", "_rels/.rels", []byte(tt.xml), func(tok *xmltok.Token) {
				id, _ := tok.LocalAttr("Id")
				target, _ := tok.LocalAttr("Target")
				got = append(got, id+"="+target)
			})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("children %q, want %q", g, tt.want)
			}
		})
	}
}
