package xmltok

import (
	"errors"
	"testing"
)

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"a&amp;b":              "a&b",
		"&lt;&gt;&quot;&apos;": `<>"'`,
		"&#65;&#x42;&#x1F600;": "AB😀",
		"&bogus;":              "&bogus;",
		"&#X41;":               "&#X41;",
		"&amp":                 "&amp",
		"a\r\nb\rc\n":          "a\nb\nc\n",
		"&#13;&#10;":           "\r\n",
		"plain":                "plain",
	} {
		if got := Unescape([]byte(in)); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tt := range []struct{ in, attr, text string }{
		{"a<\"&\tb", "a&lt;&quot;&amp;&#9;b", "a&lt;\"&amp;\tb"},
		{"x>\n\ry'", "x&gt;&#10;&#13;y'", "x&gt;\n\ry'"},
	} {
		if got := EscapeAttr(tt.in); got != tt.attr {
			t.Errorf("EscapeAttr(%q) = %q, want %q", tt.in, got, tt.attr)
		}
		if got := EscapeText(tt.in); got != tt.text {
			t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.text)
		}
		if got := Unescape([]byte(EscapeAttr(tt.in))); got != tt.in {
			t.Errorf("Unescape(EscapeAttr(%q)) = %q", tt.in, got)
		}
	}
}

func TestToUTF8(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{`<?xml version="1.0"?><a>é</a>`, `<?xml version="1.0"?><a>é</a>`, ""},
		{`<?xml version="1.0" encoding="UTF-8"?><a/>`, `<?xml version="1.0" encoding="UTF-8"?><a/>`, ""},
		{"<?xml version=\"1.0\" encoding='ISO-8859-1'?><a>\xe9</a>", "<?xml version=\"1.0\" encoding='UTF-8'?><a>é</a>", ""},
		{`<?xml version="1.0" encoding="UTF-16"?><a/>`, "", `declares the encoding "UTF-16", which is not read`},
		{"\xff\xfe<\x00?\x00x\x00m\x00l\x00 \x00e\x00n\x00c\x00o\x00d\x00i\x00n\x00g\x00=\x00'\x00U\x00T\x00F\x00-\x001\x006\x00'\x00?\x00>\x00<\x00a\x00>\x00\xe9\x00<\x00/\x00a\x00>\x00",
			"<?xml encoding='UTF-8'?><a>é</a>", ""}, // little-endian, marked
		{"\xfe\xff\x00<\x00a\x00>\xd8\x3d\xde\x00\x00<\x00/\x00a\x00>", "<a>😀</a>", ""}, // big-endian, marked, a surrogate pair
		{"<\x00?\x00x\x00m\x00l\x00?\x00>\x00", "<?xml?>", ""},                          // little-endian, unmarked
		{"\x00<\x00?\x00x\x00m\x00l\x00?\x00>", "<?xml?>", ""},                          // big-endian, unmarked
	} {
		got, err := ToUTF8([]byte(tt.in))
		switch {
		case tt.err != "" && (err == nil || err.Error() != "part "+tt.err+" (line 1, byte 30)"):
			t.Errorf("ToUTF8(%q) error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || string(got) != tt.want):
			t.Errorf("ToUTF8(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"\xff\xfe<\x00a", "\xff\xfe<\x00\x00\xdc", "\xff\xfe\x3d\xd8<\x00"} { // odd length, lone surrogates
		if _, err := ToUTF8([]byte(bad)); !errors.Is(err, ErrEncoding) {
			t.Errorf("ToUTF8(%q) error %v, want ErrEncoding", bad, err)
		}
	}
}

func TestRewriteAttrs(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a x="1" y="2"><b x='3'/></a>`, `<a x="one" y="2"><b x='three'/></a>`},
		{`<a y="2"/>`, ""},
		{`<a x="&amp;"/>`, `<a x="&lt;&amp;&gt;"/>`},
	}
	names := map[string]string{"1": "one", "3": "three", "&": "<&>"}
	for _, tc := range tests {
		sc := New([]byte(tc.in), Options{})
		got := RewriteAttrs(sc, func(_ *Token, a Attr) (string, bool) {
			if string(a.Name) != "x" {
				return "", false
			}
			v, ok := names[Unescape(a.Value)]
			return v, ok
		})
		if string(got) != tc.want || sc.Err() != nil {
			t.Errorf("RewriteAttrs(%s) = %s, %v; want %s", tc.in, got, sc.Err(), tc.want)
		}
	}
}
