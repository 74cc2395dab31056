package validate

import (
	"fmt"
	"strings"
	"testing"

	"tsagmerge/ingest"
)

// TestColourViews checks how the colour comparison reads a source for
// each way the merge treats tracked changes, and how it resolves theme
// colours.
func TestColourViews(t *testing.T) {
	const doc = `<w:document xmlns:w="` + nsW + `" xmlns:a="` + nsA + `"><w:body>` +
		`<w:p><w:pPr><w:pBdr><w:top w:val="single" w:color="111111"/></w:pBdr></w:pPr><w:r><w:t>Heading</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="222222"/><w:rPr><w:color w:val="333333"/></w:rPr>` +
		`<w:pPrChange w:id="1"><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="444444"/></w:pPr></w:pPrChange></w:pPr>` +
		`<w:r><w:rPr><w:color w:val="FF0000" w:themeColor="accent1" w:themeShade="BF"/><w:rPrChange w:id="2"><w:rPr><w:color w:val="00FF00"/></w:rPr></w:rPrChange></w:rPr><w:t>a</w:t></w:r>` +
		`<w:ins w:id="3"><w:r><w:rPr><w:color w:val="0000FF"/></w:rPr><w:t>b</w:t></w:r></w:ins>` +
		`<w:del w:id="4"><w:r><w:rPr><w:color w:val="ABCDEF"/></w:rPr><w:delText>c</w:delText></w:r></w:del>` +
		`<w:r><w:drawing><a:solidFill><a:schemeClr val="tx2"><a:lumMod val="50000"/></a:schemeClr></a:solidFill><a:srgbClr val="abcabc"/></w:drawing></w:r></w:p>` +
		`<w:tbl><w:tr><w:trPr><w:ins w:id="5"/></w:trPr><w:tc><w:p><w:r><w:rPr><w:color w:val="555555"/></w:rPr></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:sectPr><w:pgBorders><w:top w:val="single" w:color="666666"/></w:pgBorders></w:sectPr></w:body></w:document>`
	th := ingest.OfficeTheme()
	th.Colors["accent1"] = "FF0000"
	cs := colourScope{theme: th, cmap: ingest.DefaultColorMap()}
	red := ingest.TintShade("FF0000", "", "BF")
	for _, tc := range []struct {
		name string
		mode RevisionMode
		head int // the heading's body element, -1 for none
		want string
	}{
		{"draft", KeepRevisions, 0, "AUTO 222222 333333 AUTO 444444 " + red + " 00FF00 0000FF ABCDEF 44546A ABCABC 555555"},
		{"draft with the heading's borders", KeepRevisions, -1, "111111 AUTO 222222 333333 AUTO 444444 " + red + " 00FF00 0000FF ABCDEF 44546A ABCABC 555555"},
		{"accepted", AcceptRevisions, 0, "AUTO 222222 333333 " + red + " 0000FF 44546A ABCABC 555555"},
		// rejected: the old paragraph shading (w:shd's colour, then its fill) before the kept mark's
		// colour, the old run colour, no insertion, no inserted row.
		{"rejected", RejectRevisions, 0, "AUTO 444444 333333 00FF00 ABCDEF 44546A ABCABC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range cutColours(cs.collect([]byte(doc), tc.mode), colourRange{0, -1, tc.head}) {
				got = append(got, c.rgb)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("colours\n %s\nwant\n %s", strings.Join(got, " "), tc.want)
			}
		})
	}
}

func TestCompareColours(t *testing.T) {
	a := []colour{{what: "w:color", el: 1, rgb: "FF0000"}, {what: "a:schemeClr accent1", el: 2, rgb: "FF0000"}}
	for _, tc := range []struct {
		name     string
		dst      []colour
		problems int
		want     string
	}{
		{"same", a, 0, ""},
		{"one wrong", []colour{a[0], {what: "a:schemeClr accent1", el: 2, rgb: "4472C4"}}, 1, "a:schemeClr accent1 at body element 2 shows 4472C4 in the output but FF0000"},
		{"one lost", a[1:], 1, "the output has 1 colours where the source has 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rep report
			compareColours(&rep, "AFR", a, tc.dst)
			probs := rep.result()
			if len(probs) != tc.problems {
				t.Fatalf("%d problems, want %d: %v", len(probs), tc.problems, probs)
			}
			if tc.problems > 0 && (probs[0].Part != "AFR" || probs[0].Rule != RuleColour || !strings.Contains(probs[0].Detail, tc.want)) {
				t.Errorf("problem %q, want AFR, %s and %q", probs[0].Error(), RuleColour, tc.want)
			}
		})
	}
}

// TestColourRanges cuts ranges from the colours of a whole body: each
// keeps its own elements' colours, numbered from its first element, less
// those of its head's paragraph properties.
func TestColourRanges(t *testing.T) {
	para := func(rgb string) string {
		return `<w:p><w:pPr><w:shd w:val="clear" w:fill="` + rgb + `"/></w:pPr><w:r><w:rPr><w:color w:val="` + rgb + `"/></w:rPr></w:r></w:p>`
	}
	doc := `<w:document xmlns:w="` + nsW + `"><w:body>` + para("000001") + para("000002") + para("000003") +
		para("000004") + para("000005") + `</w:body></w:document>`
	cs := colourScope{theme: ingest.OfficeTheme(), cmap: ingest.DefaultColorMap()}
	whole := cs.collect([]byte(doc), KeepRevisions)
	for _, tc := range []struct {
		r    colourRange
		want string
	}{
		{colourRange{1, 3, 1}, "[{w:color 1 false 000002 false} {w:shd fill 2 false 000003 true} {w:color 2 false 000003 false}]"},
		{colourRange{3, -1, -1}, "[{w:shd fill 1 false 000004 true} {w:color 1 false 000004 false} {w:shd fill 2 false 000005 true} {w:color 2 false 000005 false}]"},
		{colourRange{4, -1, 4}, "[{w:color 1 false 000005 false}]"},
		{colourRange{0, 1, -1}, "[{w:shd fill 1 false 000001 true} {w:color 1 false 000001 false}]"},
	} {
		if got := fmt.Sprint(cutColours(whole, tc.r)); got != tc.want {
			t.Errorf("range %+v: %s, want %s", tc.r, got, tc.want)
		}
	}
}
