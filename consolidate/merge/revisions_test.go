package merge

import "testing"

func TestRestoreProps(t *testing.T) {
	for _, tc := range []struct{ local, in, want string }{
		{"rPr", `<w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>`, `<w:rPr><w:i/></w:rPr>`},
		{"pPr", `<w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr><w:pPrChange w:id="2"><w:pPr><w:ind w:left="5"/></w:pPr></w:pPrChange></w:pPr>`,
			`<w:pPr><w:ind w:left="5"/><w:rPr><w:b/></w:rPr></w:pPr>`},
		{"rPr", `<w:rPr><w:ins w:id="3"/><w:b/><w:rPrChange w:id="4"><w:rPr/></w:rPrChange></w:rPr>`, `<w:rPr><w:ins w:id="3"/></w:rPr>`},
		{"tblGrid", `<w:tblGrid><w:gridCol w:w="1"/><w:tblGridChange w:id="5"><w:tblGrid><w:gridCol w:w="2"/></w:tblGrid></w:tblGridChange></w:tblGrid>`,
			`<w:tblGrid><w:gridCol w:w="2"/></w:tblGrid>`},
	} {
		got, changed := restoreProps([]byte(tc.in), tc.local)
		if !changed || string(got) != tc.want {
			t.Errorf("%s\nbecame %s (changed %v)\nwant   %s", tc.in, got, changed, tc.want)
		}
	}
	same := `<w:rPr><w:b/></w:rPr>`
	if got, changed := restoreProps([]byte(same), "rPr"); changed || string(got) != same {
		t.Errorf("properties without a change became %s", got)
	}
}
