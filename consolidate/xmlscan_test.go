package consolidate

import (
	"strings"
	"testing"
)

func TestScannerCopiesBytes(t *testing.T) {
	src := `<?xml version="1.0"?><a:r xmlns:a="u" k='v"1'><!-- c --><a:p a:x="1"/>t&amp;x<![CDATA[<z>]]></a:r>`
	sc := newScanner("test", []byte(src))
	var got strings.Builder
	var kinds []tokKind
	for sc.next() {
		got.Write(sc.tok.raw(sc.src))
		kinds = append(kinds, sc.tok.kind)
	}
	if sc.err != nil {
		t.Fatal(sc.err)
	}
	if got.String() != src {
		t.Errorf("tokens join to %q, want the source", got.String())
	}
	want := []tokKind{tokOther, tokStart, tokOther, tokStart, tokText, tokOther, tokEnd}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("token %d is %d, want %d", i, kinds[i], want[i])
		}
	}
}

func TestScannerRefusesMalformed(t *testing.T) {
	for _, src := range []string{
		`<a><b></a>`,
		`<a x=1/>`,
		`<a x="1/>`,
		`<a>`,
		`</a>`,
		`<!DOCTYPE a><a/>`,
		`<a><!-- open`,
	} {
		sc := newScanner("f.docx: word/document.xml", []byte(src))
		for sc.next() {
		}
		if sc.err == nil {
			t.Errorf("%q was accepted", src)
		} else if !strings.Contains(sc.err.Error(), "f.docx: word/document.xml") {
			t.Errorf("error %q does not name the part", sc.err)
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"a&amp;b":              "a&b",
		"&lt;&gt;&quot;&apos;": `<>"'`,
		"&#65;&#x42;":          "AB",
		"&bogus;":              "&bogus;",
		"plain":                "plain",
	} {
		if got := unescape([]byte(in)); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
	if got := string(appendEscaped(nil, "a<\"&\tb")); got != "a&lt;&quot;&amp;&#9;b" {
		t.Errorf("appendEscaped gave %q", got)
	}
}
