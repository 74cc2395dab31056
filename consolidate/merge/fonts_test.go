package merge

import (
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// themedArabic is an Arabic paragraph whose first run names the theme's
// fonts and whose second names a typeface outright.
const themedArabic = `<w:p><w:pPr><w:bidi/></w:pPr>` +
	`<w:r><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:rtl/></w:rPr><w:t>تقرير المكتب الإقليمي</w:t></w:r>` +
	`<w:r><w:rPr><w:rFonts w:cs="Tahoma"/><w:rtl/></w:rPr><w:t> للدول العربية</w:t></w:r></w:p>`

// TestMergeKeepsThemeFonts merges an Arabic contribution whose theme
// gives Arabic body text Arial (its minor font's a:font script="Arab"),
// where the TD's theme names none: the run that names the theme's
// complex-script font must name Arial outright in the TD, the Latin theme
// font that both themes resolve alike stays a theme font, and the
// read-back, comparing typefaces, fails when the theme reference is put
// back.
func TestMergeKeepsThemeFonts(t *testing.T) {
	docs := rtlInbox(t)
	for i, d := range docs {
		if d.Region.Code != "ARB" {
			continue
		}
		if d.Theme == nil || d.Theme.Minor.Scripts["Arab"] != "Arial" || d.Script != "Arab" {
			t.Fatalf("the Arabic source has no Arab minor font Arial (%+v) or no Arabic text (%q)", d.Theme, d.Script)
		}
		path := rezip(t, d.Path, "ARB-contribution.docx", func(part string, data []byte) []byte {
			if part != "word/document.xml" {
				return data
			}
			s := string(data)
			i := strings.LastIndex(s, "<w:sectPr")
			return []byte(s[:i] + themedArabic + s[i:])
		})
		docs[i] = testkit.ReadDoc(t, path)
	}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	doc := part(t, out, "word/document.xml")
	run := `<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cs="Arial"/>`
	if !strings.Contains(doc, run) {
		t.Fatalf("the themed Arabic run is not %s in the TD:\n%s", run, around(doc, "تقرير المكتب"))
	}
	if !strings.Contains(doc, `<w:rFonts w:cs="Tahoma"/>`) {
		t.Errorf("a typeface named outright changed")
	}

	undone := strings.Replace(doc, run, `<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>`, 1)
	if !readBackFinds(t, out, "word/document.xml", undone, docs, rep, "fontComplex=Arial") {
		t.Error("the read-back does not see the Arabic run's typeface change with the theme reference put back")
	}
}

// around is the text of s about the first place it holds sub.
func around(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return "(" + sub + " not found)"
	}
	return s[max(0, i-400):min(len(s), i+200)]
}
