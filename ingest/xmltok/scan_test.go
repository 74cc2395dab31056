package xmltok

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// scanAll runs a scanner to the end and returns its tokens' kinds.
func scanAll(src string, opts Options) ([]Kind, string, error) {
	s := New([]byte(src), opts)
	var kinds []Kind
	var joined strings.Builder
	for s.Next() {
		kinds = append(kinds, s.Tok.Kind)
		joined.Write(s.Raw())
	}
	return kinds, joined.String(), s.Err()
}

func TestScannerCopiesBytes(t *testing.T) {
	src := "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<a:r xmlns:a=\"u\" k='v\"1'><!-- c --><a:p a:x=\"1\"/>t&amp;x<![CDATA[<z>]]></a:r>\n"
	for _, strict := range []bool{false, true} {
		kinds, joined, err := scanAll(src, Options{Strict: strict})
		if err != nil {
			t.Fatalf("strict=%v: %v", strict, err)
		}
		if joined != src {
			t.Errorf("strict=%v: tokens join to %q, want the source", strict, joined)
		}
		want := []Kind{Text, ProcInst, Text, StartTag, Comment, StartTag, Text, CData, EndTag, Text}
		if len(kinds) != len(want) {
			t.Fatalf("strict=%v: kinds %v, want %v", strict, kinds, want)
		}
		for i := range want {
			if kinds[i] != want[i] {
				t.Errorf("strict=%v: token %d is %d, want %d", strict, i, kinds[i], want[i])
			}
		}
	}
}

func TestScannerToken(t *testing.T) {
	s := New([]byte(`<w:p w:a="1" b = '&lt;2'/>`), Options{Strict: true})
	if !s.Next() {
		t.Fatal(s.Err())
	}
	tok := s.Tok
	if tok.Kind != StartTag || !tok.SelfClosing || string(tok.Name) != "w:p" || len(tok.Attrs) != 2 {
		t.Fatalf("token %+v", tok)
	}
	if a := tok.Attrs[1]; string(a.Name) != "b" || string(a.Value) != "&lt;2" || a.Quote != '\'' {
		t.Errorf("second attribute %q=%q (%c)", a.Name, a.Value, a.Quote)
	}
	if v, ok := tok.LocalAttr("b"); !ok || v != "<2" {
		t.Errorf("LocalAttr(b) = %q, %v", v, ok)
	}
	if s.Depth() != 0 {
		t.Errorf("depth %d after a self-closing root", s.Depth())
	}
}

func TestScannerRefuses(t *testing.T) {
	tests := []struct {
		src    string
		strict bool // refused only in strict mode
		class  error
		msg    string
	}{
		{`<a><b></a>`, false, ErrMalformed, "has </a> where </b> is due"},
		{`<a x=1/>`, false, ErrMalformed, "unquoted"},
		{`<a x="1/>`, false, ErrMalformed, "unterminated"},
		{`<a x/>`, false, ErrMalformed, "without a value"},
		{`<a>`, false, ErrMalformed, "still open"},
		{`</a>`, false, ErrMalformed, "closes nothing open"},
		{`<a></a `, false, ErrMalformed, "malformed end tag"},
		{`<a/ >`, false, ErrMalformed, "stray '/'"},
		{`<!DOCTYPE a><a/>`, false, ErrDTD, "document type declaration"},
		{`<a><!ENTITY x "y"></a>`, false, ErrDTD, "document type declaration"},
		{`<a><!-- open`, false, ErrMalformed, "unterminated"},
		{`<a><![CDATA[x</a>`, false, ErrMalformed, "unterminated"},
		{`<a>< b/></a>`, false, ErrMalformed, "starts no tag"},
		{`<a/><b/>`, true, ErrMalformed, "second root"},
		{`x<a/>`, true, ErrMalformed, "outside the root"},
		{`<a/>x`, true, ErrMalformed, "outside the root"},
		{`<a/><![CDATA[x]]>`, true, ErrMalformed, "outside the root"},
		{``, true, ErrMalformed, "no root element"},
		{`<!-- c -->`, true, ErrMalformed, "no root element"},
		{`<a x="1" x="2"/>`, true, ErrMalformed, "twice"},
		{`<a x="1"y="2"/>`, true, ErrMalformed, "no space"},
		{`<a x="<"/>`, true, ErrMalformed, "'<' in the value"},
		{`<a x="&bogus;"/>`, true, ErrMalformed, "no predefined entity"},
		{`<a>&bogus;</a>`, true, ErrMalformed, "no predefined entity"},
		{`<a>&amp</a>`, true, ErrMalformed, "no predefined entity"},
		{`<a>&#0;</a>`, true, ErrMalformed, "no predefined entity"},
		{`<a>&#xD800;</a>`, true, ErrMalformed, "no predefined entity"},
		{`<a>&#X41;</a>`, true, ErrMalformed, "no predefined entity"},
		{`<a>]]></a>`, true, ErrMalformed, "]]>"},
		{"<a>\x01</a>", true, ErrMalformed, "control character"},
		{"<a>\xff</a>", true, ErrMalformed, "not UTF-8"},
		{"<a>\uffff</a>", true, ErrMalformed, "U+FFFF"},
		{`<1a/>`, true, ErrMalformed, "invalid element name"},
		{`<a:b:c/>`, true, ErrMalformed, "invalid element name"},
		{`<a: />`, true, ErrMalformed, "invalid element name"},
		{`<a :x="1"/>`, true, ErrMalformed, "invalid attribute name"},
		{`<a><!-- a -- b --></a>`, true, ErrMalformed, "comment"},
		{` <?xml version="1.0"?><a/>`, true, ErrMalformed, "does not open the part"},
		{`<?xml version="1.1"?><a/>`, true, ErrMalformed, "version"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, true, ErrEncoding, "encoding"},
		{`<a><? x?></a>`, true, ErrMalformed, "target"},
	}
	for _, tt := range tests {
		for _, strict := range []bool{false, true} {
			_, _, err := scanAll(tt.src, Options{Where: "f.docx: word/document.xml", Strict: strict})
			if tt.strict && !strict {
				if err != nil {
					t.Errorf("%q refused without Strict: %v", tt.src, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%q accepted (strict=%v)", tt.src, strict)
				continue
			}
			if !errors.Is(err, tt.class) || !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), "f.docx: word/document.xml") {
				t.Errorf("%q (strict=%v): error %q, want class %v and %q", tt.src, strict, err, tt.class, tt.msg)
			}
		}
	}
}

func TestScannerAccepts(t *testing.T) {
	for _, src := range []string{
		`<a/>`,
		"\ufeff<a/>",
		" \r\n\t<a/> \n",
		`<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>`,
		`<?mso-application progid="Word.Document"?><a/>`,
		`<a x='"' y="'" z="&#10;&#x1F600;&quot;"/>`,
		`<a>&lt;&gt;&amp;&apos;&quot;&#9;&#x10FFFF;</a>`,
		`<a><![CDATA[<]]]]></a>`,
		`<é:ñ xmlns:é="u" é:x·y="1"/>`,
		`<a></a >`,
		`<!-- before --><a/><!-- after --><?pi after?>`,
	} {
		if _, _, err := scanAll(src, Options{Strict: true}); err != nil {
			t.Errorf("%q refused: %v", src, err)
		}
	}
}

func TestScannerErrorPlace(t *testing.T) {
	_, _, err := scanAll("<a>\n<b/>\n</c></a>", Options{Where: "x.docx: word/styles.xml"})
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is no SyntaxError", err)
	}
	if se.Line != 3 || se.Offset != 9 {
		t.Errorf("line %d byte %d, want line 3 byte 9", se.Line, se.Offset)
	}
	want := "x.docx: word/styles.xml is not well-formed XML: has </c> where </a> is due (line 3, byte 9)"
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestMaxDepth(t *testing.T) {
	deep := strings.Repeat("<a>", 5) + "<b/>" + strings.Repeat("</a>", 5)
	if _, _, err := scanAll(deep, Options{MaxDepth: 6}); err != nil {
		t.Errorf("six levels refused at 6: %v", err)
	}
	_, _, err := scanAll(deep, Options{MaxDepth: 5})
	if !errors.Is(err, ErrTooDeep) || !strings.Contains(err.Error(), "more than 5 levels") {
		t.Errorf("six levels at 5: %v", err)
	}
}

func TestDepthAndSkip(t *testing.T) {
	s := New([]byte(`<r><a><b/><c>t</c></a><d/></r>`), Options{})
	var got []string
	for s.Next() {
		if s.Tok.Kind == StartTag && string(s.Tok.Name) == "a" {
			end := s.SkipElement()
			got = append(got, string(s.Src()[:end]))
			continue
		}
		if s.Tok.Kind == StartTag {
			got = append(got, string(s.Tok.Name)+":"+string(rune('0'+s.Depth())))
		}
	}
	want := []string{"r:1", "<r><a><b/><c>t</c></a>", "d:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestText(t *testing.T) {
	s := New([]byte("<a>x&amp;y\r\nz<![CDATA[&amp;\r]]>plain</a>"), Options{Strict: true})
	var got []string
	var buf []byte
	for s.Next() {
		if s.Tok.Kind == Text || s.Tok.Kind == CData {
			buf = s.AppendText(buf[:0])
			got = append(got, string(buf))
		}
	}
	want := []string{"x&y\nz", "&amp;\n", "plain"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDuplicateInLargeTag(t *testing.T) {
	var b strings.Builder
	b.WriteString("<a")
	for i := range 40 {
		b.WriteString(" a" + strconv.Itoa(i) + `=""`)
	}
	distinct := b.String()
	if _, _, err := scanAll(distinct+"/>", Options{Strict: true}); err != nil {
		t.Errorf("40 distinct attributes refused: %v", err)
	}
	if _, _, err := scanAll(distinct+` a17=""/>`, Options{Strict: true}); err == nil || !strings.Contains(err.Error(), "a17 twice") {
		t.Errorf("a duplicate 41st attribute: %v", err)
	}
}

// BenchmarkScan scans an XML file, as every pass over a part does;
// TSM_XML names it (skipped without it), e.g. a merged TD's
// word/document.xml.
func BenchmarkScan(b *testing.B) {
	name := os.Getenv("TSM_XML")
	if name == "" {
		b.Skip("TSM_XML names an XML file to scan")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s := New(data, Options{MaxDepth: ReadersMaxDepth})
		for s.Next() {
		}
		if s.Err() != nil {
			b.Fatal(s.Err())
		}
	}
}
