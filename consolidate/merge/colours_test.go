package merge

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

const (
	uriC   = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	uriWPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
)

// redShape is a paragraph with a run in the theme's accent1 darkened, a
// run in text1, a shaded run, a wps shape filled with accent1 and a chart.
const redShape = `<w:p><w:r><w:rPr><w:rStyle w:val="RedAccent"/><w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/></w:rPr><w:t>Red text</w:t></w:r>` +
	`<w:r><w:rPr><w:color w:val="000000" w:themeColor="text1"/><w:shd w:val="clear" w:color="auto" w:fill="DEEAF6" w:themeFill="accent1" w:themeFillTint="33"/></w:rPr><w:t>Black on pink</w:t></w:r>` +
	`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="457200"/><wp:docPr id="900" name="Shape 900"/>` +
	`<a:graphic><a:graphicData uri="` + uriWPS + `"><wps:wsp xmlns:wps="` + uriWPS + `"><wps:cNvSpPr/><wps:spPr>` +
	`<a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
	`<a:solidFill><a:schemeClr val="accent1"><a:lumMod val="75000"/></a:schemeClr></a:solidFill></wps:spPr>` +
	`<wps:style><a:lnRef idx="2"><a:schemeClr val="accent1"><a:shade val="50000"/></a:schemeClr></a:lnRef><a:fillRef idx="1"><a:schemeClr val="accent1"/></a:fillRef>` +
	`<a:effectRef idx="0"><a:schemeClr val="accent1"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></wps:style><wps:bodyPr/></wps:wsp>` +
	`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>` +
	`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="457200"/><wp:docPr id="901" name="Chart 901"/>` +
	`<a:graphic><a:graphicData uri="` + uriC + `"><c:chart xmlns:c="` + uriC + `" r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`

const redChart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<c:chartSpace xmlns:c="` + uriC + `" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/>` +
	`<c:spPr><a:solidFill><a:schemeClr val="accent1"><a:lumMod val="60000"/><a:lumOff val="40000"/></a:schemeClr></a:solidFill></c:spPr></c:plotArea></c:chart>` +
	`<c:spPr><a:ln><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:ln></c:spPr></c:chartSpace>`

const redStyle = `<w:style w:type="character" w:customStyle="1" w:styleId="RedAccent"><w:name w:val="Red Accent"/>` +
	`<w:rPr><w:color w:val="4472C4" w:themeColor="accent1"/><w:u w:val="single" w:color="4472C4" w:themeColor="accent1"/></w:rPr></w:style>`

// redRegion dresses the AFR sample as a region whose theme's accent1 is
// FF0000, with redShape, redChart and redStyle in it, and its first
// bullet coloured accent1, lighter.
func redRegion(t *testing.T, dir string) string {
	t.Helper()
	parts := map[string]string{"word/charts/chart1.xml": redChart}
	edits := map[string]func(string) string{
		"word/theme/theme1.xml": func(s string) string {
			return regexp.MustCompile(`<a:accent1><a:srgbClr val="[0-9A-F]{6}" ?/>`).ReplaceAllString(s, `<a:accent1><a:srgbClr val="FF0000"/>`)
		},
		"word/document.xml": func(s string) string { return strings.Replace(s, "<w:sectPr />", redShape+"<w:sectPr />", 1) },
		"word/styles.xml":   func(s string) string { return strings.Replace(s, "</w:styles>", redStyle+"</w:styles>", 1) },
		"word/numbering.xml": func(s string) string {
			return strings.Replace(s, `<w:pPr><w:ind w:left="720" w:hanging="480" /></w:pPr></w:lvl>`,
				`<w:pPr><w:ind w:left="720" w:hanging="480" /></w:pPr><w:rPr><w:color w:val="4472C4" w:themeColor="accent1" w:themeTint="99"/></w:rPr></w:lvl>`, 1)
		},
		"word/_rels/document.xml.rels": func(s string) string {
			return strings.Replace(s, "</Relationships>", `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Id="rIdChart" Target="charts/chart1.xml"/></Relationships>`, 1)
		},
		"[Content_Types].xml": func(s string) string {
			return strings.Replace(s, "</Types>", `<Override PartName="/word/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`, 1)
		},
	}
	testkit.RewriteParts(t, filepath.Join(samplesDir, "AFR-contribution.docx"), filepath.Join(dir, "src.docx"), func(part string, data []byte) []byte {
		s := string(data)
		if edit, ok := edits[part]; ok {
			if s = edit(s); s == string(data) {
				t.Fatalf("the edit of %s changed nothing", part)
			}
			delete(edits, part)
		}
		parts[part] = s
		return data
	})
	if len(edits) > 0 {
		t.Fatalf("the sample lacks parts to edit: %v", edits)
	}
	path := filepath.Join(dir, "AFR-contribution.docx")
	if err := os.WriteFile(path, testkit.Zip(parts), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestThemeColoursRewritten(t *testing.T) {
	dir := t.TempDir()
	red := testkit.ReadDoc(t, redRegion(t, dir))
	if got := red.Theme.Colors["accent1"]; got != "FF0000" {
		t.Fatalf("the dressed region's accent1 is %q", got)
	}
	docs := samplesExcept(t, red)
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	if back.Theme == nil || back.Theme.Colors["accent1"] != "4472C4" {
		t.Fatalf("the output's theme is not the TD's Office theme: %+v", back.Theme)
	}
	doc := part(t, out, "word/document.xml")
	i := strings.Index(doc, "Red text")
	if i < 0 {
		t.Fatal("the red paragraph is not in the output")
	}
	para := doc[strings.LastIndex(doc[:i], "<w:p>"):]
	para = para[:strings.Index(para, "</w:p>")]
	shaded := ingest.TintShade("FF0000", "33", "")
	for _, want := range []string{
		`<w:color w:val="BF0000"/>`,                      // accent1 FF0000 with themeShade BF
		`<w:color w:val="000000" w:themeColor="text1"/>`, // black in both themes: kept
		`w:fill="` + shaded + `"`,                        // themeFill accent1, tint 33
		`<a:srgbClr val="FF0000"><a:lumMod val="75000"/></a:srgbClr>`,
		`<a:lnRef idx="2"><a:srgbClr val="FF0000"><a:shade val="50000"/></a:srgbClr></a:lnRef>`,
		`<a:fillRef idx="1"><a:srgbClr val="FF0000"/></a:fillRef>`,
		`<a:schemeClr val="lt1"/>`, // white in both: kept
	} {
		if !strings.Contains(para, want) {
			t.Errorf("the red paragraph lacks %s:\n%s", want, para)
		}
	}
	if strings.Contains(para, `val="accent1"`) || strings.Contains(para, `themeFill=`) {
		t.Errorf("the red paragraph still names accent1:\n%s", para)
	}
	// The chart, copied as a linked part, is recoloured the same way.
	chart := part(t, out, "word/charts/afr-chart1.xml")
	for _, want := range []string{`<a:srgbClr val="FF0000"><a:lumMod val="60000"/><a:lumOff val="40000"/></a:srgbClr>`, `<a:schemeClr val="tx1"/>`} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart lacks %s:\n%s", want, chart)
		}
	}
	// The region's list definitions: the bullet's colour.
	if numbering, want := part(t, out, "word/numbering.xml"), `<w:color w:val="`+ingest.TintShade("FF0000", "99", "")+`"/>`; !strings.Contains(numbering, want) {
		t.Errorf("the region's list lacks %s", want)
	}
	// The style the region brings, copied into the output's styles.
	styles := part(t, out, "word/styles.xml")
	j := strings.Index(styles, `<w:name w:val="Red Accent"/>`)
	if j < 0 {
		t.Fatal("the region's style is not in the output")
	}
	style := styles[j:]
	style = style[:strings.Index(style, "</w:style>")]
	for _, want := range []string{`<w:color w:val="FF0000"/>`, `<w:u w:val="single" w:color="FF0000"/>`} {
		if !strings.Contains(style, want) {
			t.Errorf("the region's style lacks %s:\n%s", want, style)
		}
	}
}

// TestColourReadBack checks the validator's colour comparison: the merge
// of the red region passes it, and outputs whose region colours were put
// back on the TD's theme, in the body or in the chart, are caught with the
// region and the element named.
func TestColourReadBack(t *testing.T) {
	dir := t.TempDir()
	red := testkit.ReadDoc(t, redRegion(t, dir))
	docs := []*ingest.Document{red}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	for _, p := range validate.Content(back, docs, expectations(Options{}, rep)) {
		t.Errorf("the right output is refused: %s", p.Error())
	}
	good := filepath.Join(dir, "good.docx")
	if err := os.WriteFile(good, out, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, part, from, to, want string
	}{
		{"shape fill", "word/document.xml", `<a:fillRef idx="1"><a:srgbClr val="FF0000"/>`, `<a:fillRef idx="1"><a:schemeClr val="accent1"/>`, "a:schemeClr accent1 at body element"},
		{"run colour", "word/document.xml", `<w:color w:val="BF0000"/>`, `<w:color w:val="BF0000" w:themeColor="accent1" w:themeShade="BF"/>`, "w:color accent1 at body element"},
		{"shading", "word/document.xml", `w:fill="` + ingest.TintShade("FF0000", "33", "") + `"`, `w:fill="FFCCCC" w:themeFill="accent1" w:themeFillTint="33"`, "w:shd fill accent1"},
		{"chart", "word/charts/afr-chart1.xml", `<a:srgbClr val="FF0000"><a:lumMod val="60000"/><a:lumOff val="40000"/></a:srgbClr>`, `<a:schemeClr val="accent1"><a:lumMod val="60000"/><a:lumOff val="40000"/></a:schemeClr>`, "its chart"},
		{"lost shape", "word/document.xml", `<a:lnRef idx="2"><a:srgbClr val="FF0000"><a:shade val="50000"/></a:srgbClr></a:lnRef>`, `<a:lnRef idx="2"></a:lnRef>`, "where the source has"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := filepath.Join(dir, "bad.docx")
			edited := false
			testkit.RewriteParts(t, good, bad, func(part string, data []byte) []byte {
				if part != tc.part {
					return data
				}
				s := strings.Replace(string(data), tc.from, tc.to, 1)
				edited = s != string(data)
				return []byte(s)
			})
			if !edited {
				t.Fatalf("%s has no %s", tc.part, tc.from)
			}
			data, err := os.ReadFile(bad)
			if err != nil {
				t.Fatal(err)
			}
			back, err := validate.ReadBack("bad", data)
			if err != nil {
				t.Fatal(err)
			}
			var found []string
			for _, p := range validate.Content(back, docs, expectations(Options{}, rep)) {
				if p.Rule == validate.RuleColour && p.Part == "AFR" && strings.Contains(p.Detail, tc.want) {
					found = append(found, p.Error())
				} else {
					t.Errorf("unexpected problem: %s", p.Error())
				}
			}
			if len(found) == 0 {
				t.Errorf("the wrong colour was not caught (want a %s problem of AFR naming %q)", validate.RuleColour, tc.want)
			}
			t.Logf("caught: %s", strings.Join(found, "; "))
		})
	}
}
