package xmltok

import "testing"

func TestIsQName(t *testing.T) {
	for name, want := range map[string]bool{
		"w:p": true, "p": true, "_x-1.y": true, "é:ñ·": true, "a\u0300": true,
		"": false, "1a": false, "-a": false, ":a": false, "a:": false, "a:b:c": false,
		"a b": false, "a\xff": false, "\u0300a": false,
	} {
		if got := isQName([]byte(name)); got != want {
			t.Errorf("isQName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	var n Names
	a := n.String([]byte("body"))
	b := n.String([]byte("body"))
	if a != "body" || b != "body" {
		t.Fatalf("got %q and %q", a, b)
	}
	if allocs := testing.AllocsPerRun(100, func() { n.String([]byte("body")) }); allocs != 0 {
		t.Errorf("a known name costs %v allocations", allocs)
	}
}
