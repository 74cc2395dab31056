package xmltok

import (
	"strings"
	"testing"
)

// resolveAll scans src, resolving every element and attribute name with a
// Scope of URIs, and returns "{uri}local" strings ("!" for undeclared).
func resolveAll(t *testing.T, src string, declare map[string]string) []string {
	t.Helper()
	sc := New([]byte(src), Options{Strict: true})
	ns := NewScope(func(uri string) string { return uri })
	for p, u := range declare {
		ns.Declare(p, u)
	}
	var got []string
	name := func(uri string, local []byte, ok bool) string {
		if !ok {
			return "!" + string(local)
		}
		return "{" + uri + "}" + string(local)
	}
	for sc.Next() {
		switch sc.Tok.Kind {
		case StartTag:
			ns.Open(sc.Tok.Attrs)
			got = append(got, name(ns.Element(sc.Tok.Name)))
			for _, a := range sc.Tok.Attrs {
				if _, decl := DeclaredPrefix(a.Name); !decl {
					got = append(got, "@"+name(ns.Attr(a.Name)))
				}
			}
			if sc.Tok.SelfClosing {
				ns.Close()
			}
		case EndTag:
			ns.Close()
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestScope(t *testing.T) {
	tests := []struct {
		src     string
		declare map[string]string
		want    string
	}{
		{`<r xmlns="d" xmlns:p="u1"><p:a p:x="1" y="2" xml:space="preserve"/><b/></r>`, nil,
			"{d}r {u1}a @{u1}x @{}y @{" + XMLNamespace + "}space {d}b"},
		{`<p:r xmlns:p="u1"><p:a xmlns:p="u2"><p:b/></p:a><p:c/></p:r>`, nil,
			"{u1}r {u2}a {u2}b {u1}c"},
		{`<r><q:a q:x="1"/></r>`, nil, "{}r !a @!x"},
		{`<r xmlns:p="u1"><a xmlns:q="u2"/><q:b/></r>`, nil, "{}r {}a !b"},
		{`<w:r><w:p xmlns:w="other"/><w:q/></w:r>`, map[string]string{"w": "main"},
			"{main}r {other}p {main}q"},
		{`<r xmlns:a="x&amp;y"><a:b/></r>`, nil, "{}r {x&y}b"},
	}
	for _, tt := range tests {
		if got := strings.Join(resolveAll(t, tt.src, tt.declare), " "); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestScopeShadowed(t *testing.T) {
	ns := NewScope(func(uri string) string { return uri })
	ns.Declare("w", "main")
	ns.Open(nil)
	if ns.Shadowed([]byte("w")) {
		t.Error("a declared prefix counts as shadowed")
	}
	ns.Open([]Attr{{Name: []byte("xmlns:w"), Value: []byte("other")}})
	if !ns.Shadowed([]byte("w")) {
		t.Error("a redeclared prefix is not shadowed")
	}
	if uri, ok := ns.Lookup([]byte("w")); !ok || uri != "other" {
		t.Errorf("w resolves to %q, %v", uri, ok)
	}
	ns.Close()
	if uri, _ := ns.Lookup([]byte("w")); uri != "main" || ns.Shadowed([]byte("w")) {
		t.Errorf("after Close w resolves to %q", uri)
	}
	ns.Close()
	ns.Close() // one too many is harmless
}
