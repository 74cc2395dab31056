package xmltok

import "testing"

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
	} {
		got, err := ToUTF8([]byte(tt.in))
		switch {
		case tt.err != "" && (err == nil || err.Error() != "part "+tt.err+" (line 1, byte 30)"):
			t.Errorf("ToUTF8(%q) error %v, want %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || string(got) != tt.want):
			t.Errorf("ToUTF8(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}
