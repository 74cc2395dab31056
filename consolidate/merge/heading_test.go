package merge

import "testing"

func TestNumberStrip(t *testing.T) {
	for _, tc := range []struct {
		number string
		pieces []string // the heading's text pieces, tabs as "\t" pieces
		want   string
	}{
		{"8", []string{"8", "\t", "Europe"}, "Europe"},
		{"3", []string{"3 Africa"}, "Africa"},
		{"3.1", []string{"3.1. Foo"}, "Foo"},
		{"3", []string{"3", "1 Results"}, "1 Results"},
		{"", []string{"2025 highlights"}, "2025 highlights"},
		{"7", []string{"Chapter 7"}, "Chapter 7"},
	} {
		ns := &numberStrip{pending: tc.number, done: tc.number == ""}
		got := ""
		for _, p := range tc.pieces {
			if p == "\t" {
				if !ns.tab() {
					got += p
				}
				continue
			}
			got += ns.text(p)
		}
		if got != tc.want {
			t.Errorf("number %q in %q: kept %q, want %q", tc.number, tc.pieces, got, tc.want)
		}
		if !ns.wrote {
			t.Errorf("number %q in %q: no text noted", tc.number, tc.pieces)
		}
	}
}
