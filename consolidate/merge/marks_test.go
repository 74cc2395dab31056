package merge

import (
	"strings"
	"testing"
)

func TestRenameFieldTargets(t *testing.T) {
	names := map[string]string{"_Ref1": "_Ref1_2", "intro": "intro_2"}
	for in, want := range map[string]string{
		` REF _Ref1 \h `:         ` REF _Ref1_2 \h `,
		` PAGEREF intro \h`:      ` PAGEREF intro_2 \h`,
		` HYPERLINK \l "intro" `: ` HYPERLINK \l "intro_2" `,
		` REF other \h `:         ` REF other \h `,
		` SEQ Figure \* ARABIC `: ` SEQ Figure \* ARABIC `,
		` NOTEREF _Ref1 \f \h `:  ` NOTEREF _Ref1_2 \f \h `,
	} {
		if got := renameFieldTargets(in, names); got != want {
			t.Errorf("%q became %q, want %q", in, got, want)
		}
	}
}

func TestBookmarkNamer(t *testing.T) {
	bn := &bookmarkNamer{used: map[string]bool{"intro": true}}
	anchors := map[string]string{}
	long := strings.Repeat("x", 40)
	m := bn.mapBookmarks(partBookmarks{
		starts: []bookmarkRef{{"1", "Intro"}, {"2", long}, {"3", "open"}, {"4", long}, {"5", ""}},
		ends:   map[string]bool{"1": true, "2": true, "4": true, "5": true},
	}, anchors)
	if m["1"] != "Intro_2" {
		t.Errorf("a name the template uses (in another case) became %q", m["1"])
	}
	if _, ok := m["3"]; ok {
		t.Error("a bookmark never closed was kept")
	}
	if _, ok := m["5"]; ok {
		t.Error("a nameless bookmark was kept")
	}
	if m["2"] != long || len(m["4"]) > maxBookmarkName || m["4"] == long {
		t.Errorf("40-character names: %q and %q", m["2"], m["4"])
	}
	if anchors["Intro"] != "Intro_2" {
		t.Errorf("anchors %v do not follow the rename", anchors)
	}
}
