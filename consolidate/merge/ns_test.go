package merge

import (
	"strings"
	"testing"
)

func TestNSUnion(t *testing.T) {
	u := newNSUnion()
	u.add(rootInfo{decls: []nsDecl{{"w", uriW}, {"wpc", "urn:canvas"}, {"mc", uriMC}}, ignorable: []string{"wpc"}})
	for _, tc := range []struct {
		name  string
		root  rootInfo
		want  map[string]string
		added string // a declaration the union must have afterwards
	}{
		{"same bindings", rootInfo{decls: []nsDecl{{"w", uriW}}}, nil, ""},
		{"a new prefix is declared", rootInfo{decls: []nsDecl{{"w14", uriW14}}, ignorable: []string{"w14"}}, nil, `xmlns:w14="` + uriW14 + `"`},
		{"a prefix bound elsewhere is renamed", rootInfo{decls: []nsDecl{{"wpc", "urn:other"}}, ignorable: []string{"wpc"}},
			map[string]string{"wpc": "wpc1"}, `xmlns:wpc1="urn:other"`},
		{"a known URI under another prefix keeps it", rootInfo{decls: []nsDecl{{"ns0", uriW14}}}, nil, `xmlns:ns0="` + uriW14 + `"`},
		{"the default namespace takes the union's prefix", rootInfo{decls: []nsDecl{{"", uriW}}}, map[string]string{"": "w"}, ""},
	} {
		got := u.add(tc.root)
		if len(got) != len(tc.want) {
			t.Errorf("%s: renames %v, want %v", tc.name, got, tc.want)
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("%s: %q renamed %q, want %q", tc.name, k, got[k], v)
			}
		}
		if tag := string(u.rootTag(rootInfo{name: []byte("w:document")})); !strings.Contains(tag, tc.added) {
			t.Errorf("%s: root %s lacks %s", tc.name, tag, tc.added)
		}
	}
	tag := string(u.rootTag(rootInfo{name: []byte("w:document")}))
	if !strings.Contains(tag, `mc:Ignorable="w14 wpc wpc1"`) {
		t.Errorf("root %s: Ignorable is not the union", tag)
	}
}
