package diff

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// sampleEdits are the samples edited here, as a reviewer would edit them;
// each pair's redline must give both versions back.
var sampleEdits = []struct {
	name, sample string
	edit         func(part string, data []byte) []byte
	view         View
}{
	{"AFR word changed, paragraph moved, figure replaced", "AFR-contribution.docx", chain(
		replaceIn("word/document.xml", "training workshop in Benin", "training workshop in Togo"),
		movePara("The ITU Regional Office for Africa has continued"),
		replacePicture("word/media/rId20.png")), ""},
	{"ASP table cell changed, comment resolved, paragraph removed", "ASP-contribution.docx", chain(
		replaceIn("word/document.xml", ">Delhi, India<", ">Mumbai, India<"),
		replaceIn("word/commentsExtended.xml", `w15:done="0"`, `w15:done="1"`),
		dropPara(2)), ""},
	{"AMS with its tracked changes, accepted view", "AMS-contribution.docx", chain(
		replaceIn("word/document.xml", "Regional Office", "Area Office")), Accepted},
	{"AMS with its tracked changes, original view", "AMS-contribution.docx", chain(
		replaceIn("word/document.xml", "Regional Office", "Area Office")), Original},
}

func TestRedlineSamples(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, tc := range sampleEdits {
		oldPath := filepath.Join(testkit.Samples(t), tc.sample)
		newPath := filepath.Join(dir, safeName(tc.name)+".docx")
		testkit.RewriteParts(t, oldPath, newPath, tc.edit)
		old, new := testkit.ReadDoc(t, oldPath), testkit.ReadDoc(t, newPath)
		red, err := MakeRedline(old, new, RedlineOptions{View: tc.view})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		out := filepath.Join(dir, safeName(tc.name)+"-redline.docx")
		if err := os.WriteFile(out, red.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		if red.Insertions == 0 || red.Deletions == 0 {
			t.Errorf("%s: %d insertions, %d deletions recorded", tc.name, red.Insertions, red.Deletions)
		}
		if len(old.Revisions) > 0 && len(red.Settled) == 0 {
			t.Errorf("%s: the versions' own tracked changes were not settled", tc.name)
		}
		checkComments(t, tc.name, testkit.ReadDoc(t, out), new)
		files = append(files, oldPath, newPath, out)
		old.Package.Close()
		new.Package.Close()
	}
	if d := os.Getenv("KEEPDIR"); d != "" {
		for _, f := range files {
			testkit.Copy(t, f, filepath.Join(d, filepath.Base(f)))
		}
	}
	for i, tc := range sampleEdits {
		if tc.view == Original {
			continue // pandoc reads the inputs' own changes accepted
		}
		checkRoundTrip(t, tc.name, files[3*i], files[3*i+1], files[3*i+2])
	}
	files = append(files, libreOfficeEdited(t, dir, files[0], files[1])...)
	checkSchema(t, files)
	var accepted []string // LibreOffice reads the inputs' own changes accepted
	for i := 0; i+2 < len(files); i += 3 {
		if i/3 >= len(sampleEdits) || sampleEdits[i/3].view != Original {
			accepted = append(accepted, files[i:i+3]...)
		}
	}
	checkLibreOffice(t, accepted)
	// LibreOffice opens the redline (without repair: it converts it) and
	// shows the old picture and words beside the new.
	pdf := testkit.ConvertPDF(t, files[2], dir)
	if text := testkit.Run(t, "pdftotext", pdf, "-"); !strings.Contains(text, "Benin Togo") && !strings.Contains(text, "BeninTogo") {
		t.Errorf("the redline's PDF does not show the deleted and inserted word side by side:\n%s", text)
	}
}

// libreOfficeEdited has LibreOffice save an edited sample again, so that
// its XML is LibreOffice's (runs, ids, styles written its way), and
// checks the redline against the sample: the round trip, and the files
// for the schema check.
func libreOfficeEdited(t *testing.T, dir, old, edited string) []string {
	t.Helper()
	testkit.RequireTool(t, "soffice")
	lo := filepath.Join(dir, "lo")
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "lo-profile"))
	testkit.Run(t, "soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", lo, edited)
	newPath := filepath.Join(lo, filepath.Base(edited))
	od, nd := testkit.ReadDoc(t, old), testkit.ReadDoc(t, newPath)
	defer od.Package.Close()
	defer nd.Package.Close()
	red, err := MakeRedline(od, nd, RedlineOptions{})
	if err != nil {
		t.Fatalf("the sample saved by LibreOffice: %v", err)
	}
	if red.Moves != 1 {
		t.Errorf("the sample saved by LibreOffice: %d moves recorded, want 1", red.Moves)
	}
	out := filepath.Join(lo, "redline.docx")
	if err := os.WriteFile(out, red.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, "the sample saved by LibreOffice", old, newPath, out)
	return []string{old, newPath, out}
}

// checkComments: the redline keeps the new version's comments, with their
// threads and resolved state.
func checkComments(t *testing.T, name string, red, new *ingest.Document) {
	t.Helper()
	if len(red.Comments) != len(new.Comments) {
		t.Errorf("%s: %d comments in the redline, %d in the new version", name, len(red.Comments), len(new.Comments))
		return
	}
	for i, c := range new.Comments {
		r := red.Comments[i]
		if r.Text != c.Text || r.Resolved != c.Resolved || r.Parent != c.Parent || r.Anchor != c.Anchor {
			t.Errorf("%s: comment %d is %+v in the redline, %+v in the new version", name, i, *r, *c)
		}
	}
}

// checkRoundTrip: pandoc accepting every change of the redline reads the
// new version's text, rejecting every change the old version's.
func checkRoundTrip(t *testing.T, name, old, new, red string) {
	t.Helper()
	testkit.RequireTool(t, "pandoc")
	text := func(mode, file string) string {
		return pandocPlain(testkit.Run(t, "pandoc", "--track-changes="+mode, "-t", "plain", "--wrap=none", file))
	}
	if got, want := text("accept", red), text("accept", new); got != want {
		t.Errorf("%s: accepting the redline's changes reads\n%s\nnot the new version's\n%s", name, got, want)
	}
	if got, want := text("reject", red), text("accept", old); got != want {
		t.Errorf("%s: rejecting the redline's changes reads\n%s\nnot the old version's\n%s", name, got, want)
	}
}

// commentMarks are a comment's anchor and reference marks.
var commentMarks = regexp.MustCompile(`<w:comment(RangeStart|RangeEnd|Reference)\b[^>]*/>`)

// tableRule is a line of pandoc's plain tables that holds only rules and
// spaces.
var tableRule = regexp.MustCompile(`^[- ]*$`)

// pandocPlain drops the lines pandoc's plain text holds only for table
// layout: pandoc ignores a row's own change mark (w:trPr/w:ins, w:del), so
// a row inserted or deleted as a whole stays as an empty row, and a
// table's rules are as wide as its widest cell ever was.
func pandocPlain(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !tableRule.MatchString(l) {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, "\n")
}

// checkSchema: no redline has a schema error its new version has not.
func checkSchema(t *testing.T, files []string) {
	t.Helper()
	errs := testkit.SchemaErrors(t, files...)
	for i := 0; i+2 < len(files); i += 3 {
		for p := range errs[files[i+2]] {
			if !errs[files[i+1]][p] {
				t.Errorf("%s: schema error the new version has not: %s", filepath.Base(files[i+2]), p)
			}
		}
	}
}

func TestRedlineMadeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, tc := range redlineCases {
		old := filepath.Join(dir, safeName(tc.name)+"-old.docx")
		new := filepath.Join(dir, safeName(tc.name)+"-new.docx")
		testkit.Write(t, old, tc.old)
		testkit.Write(t, new, tc.new)
		od, nd := testkit.ReadDoc(t, old), testkit.ReadDoc(t, new)
		red, err := MakeRedline(od, nd, RedlineOptions{Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
		od.Package.Close()
		nd.Package.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		out := filepath.Join(dir, safeName(tc.name)+"-redline.docx")
		if err := os.WriteFile(out, red.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		checkRoundTrip(t, tc.name, old, new, out)
		files = append(files, old, new, out)
	}
	checkSchema(t, files)
	checkLibreOffice(t, files)
}

// checkLibreOffice: LibreOffice's Accept All on each redline gives the
// text it reads in the new version (its own changes accepted), its Reject
// All the text of the old one. files are old, new, redline triples.
// LibreOffice reads copies without the comments' marks: headless, 7.4
// crashes laying out a document's comments, and they are no text.
func checkLibreOffice(t *testing.T, files []string) {
	t.Helper()
	dir := t.TempDir()
	copies := make([]string, len(files))
	for i, f := range files {
		copies[i] = filepath.Join(dir, fmt.Sprintf("%02d.docx", i))
		testkit.Rewrite(t, f, copies[i], "word/document.xml", func(b []byte) []byte { return commentMarks.ReplaceAll(b, nil) })
	}
	texts := testkit.TrackedTexts(t, copies...)
	for i := 0; i+2 < len(files); i += 3 {
		old, new, red := texts[copies[i]], texts[copies[i+1]], texts[copies[i+2]]
		if red[0] != new[0] {
			t.Errorf("%s: LibreOffice accepting every change reads\n%s\nnot the new version's\n%s", filepath.Base(files[i+2]), red[0], new[0])
		}
		if red[1] != old[0] {
			t.Errorf("%s: LibreOffice rejecting every change reads\n%s\nnot the old version's\n%s", filepath.Base(files[i+2]), red[1], old[0])
		}
	}
}

func safeName(s string) string { return strings.NewReplacer(" ", "-", ",", "").Replace(s) }

// chain applies edits in turn.
func chain(edits ...func(string, []byte) []byte) func(string, []byte) []byte {
	return func(part string, data []byte) []byte {
		for _, e := range edits {
			data = e(part, data)
		}
		return data
	}
}

// replaceIn replaces the first occurrence of old in a part.
func replaceIn(part, old, new string) func(string, []byte) []byte {
	return func(name string, data []byte) []byte {
		if name != part {
			return data
		}
		if !bytes.Contains(data, []byte(old)) {
			panic(part + " has no " + old)
		}
		return bytes.Replace(data, []byte(old), []byte(new), 1)
	}
}

// paraRE finds a body paragraph's element.
var paraRE = regexp.MustCompile(`<w:p>(?:<w:pPr>.*?</w:pPr>)?<w:r>.*?</w:p>`)

// movePara moves the paragraph that starts with start to the body's end.
func movePara(start string) func(string, []byte) []byte {
	return func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		for _, loc := range paraRE.FindAllIndex(data, -1) {
			p := data[loc[0]:loc[1]]
			if bytes.Contains(p, []byte(start)) && !bytes.Contains(p[1:], []byte("<w:p>")) {
				rest := append(append([]byte{}, data[:loc[0]]...), data[loc[1]:]...)
				at := bytes.LastIndex(rest, []byte("<w:sectPr"))
				if at < 0 {
					at = bytes.LastIndex(rest, []byte("</w:body>"))
				}
				return append(append(append([]byte{}, rest[:at]...), p...), rest[at:]...)
			}
		}
		panic("no paragraph starts with " + start)
	}
}

// dropPara removes the n-th body paragraph element that holds text.
func dropPara(n int) func(string, []byte) []byte {
	return func(name string, data []byte) []byte {
		if name != "word/document.xml" {
			return data
		}
		loc := paraRE.FindAllIndex(data, -1)[n]
		return append(append([]byte{}, data[:loc[0]]...), data[loc[1]:]...)
	}
}

// replacePicture puts another picture in an image part.
func replacePicture(part string) func(string, []byte) []byte {
	return func(name string, data []byte) []byte {
		if name != part {
			return data
		}
		img := image.NewRGBA(image.Rect(0, 0, 8, 8))
		for i := range 8 {
			img.Set(i, i, color.RGBA{200, 0, 0, 255})
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		return buf.Bytes()
	}
}

// TestRedlineOddPackages makes redlines whose old pictures must be carried
// into packages a writer may well give: a relationships part written as
// one self-closing tag, and a new version that is itself a redline, with
// carried pictures of its own.
func TestRedlineOddPackages(t *testing.T) {
	dir := t.TempDir()
	afr := filepath.Join(testkit.Samples(t), "AFR-contribution.docx")
	old := testkit.ReadDoc(t, afr)
	defer old.Package.Close()
	redline := func(name string, edit func(string, []byte) []byte) string {
		t.Helper()
		newPath := filepath.Join(dir, name+".docx")
		testkit.RewriteParts(t, afr, newPath, edit)
		new := testkit.ReadDoc(t, newPath)
		defer new.Package.Close()
		red, err := MakeRedline(old, new, RedlineOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out := filepath.Join(dir, name+"-redline.docx")
		if err := os.WriteFile(out, red.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// The picture removed, and the main part's .rels left with nothing but
	// its styles, as <Relationships …/>: the old picture must still come.
	noPicture := chain(
		func(part string, data []byte) []byte {
			if part != "word/document.xml" {
				return data
			}
			return regexp.MustCompile(`(?s)<w:drawing>.*?</w:drawing>`).ReplaceAll(data, nil)
		},
		func(part string, data []byte) []byte {
			if part != "word/_rels/document.xml.rels" {
				return data
			}
			return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
				`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`)
		})
	if red := testkit.ReadDoc(t, redline("self-closed rels", noPicture)); len(red.Figures) == 0 {
		t.Error("the removed picture is not carried into the redline")
	}
	// A redline of a redline: its carried picture's names are taken.
	first := redline("picture replaced", replacePicture("word/media/rId20.png"))
	again := testkit.ReadDoc(t, first)
	defer again.Package.Close()
	if _, err := MakeRedline(old, again, RedlineOptions{}); err != nil {
		t.Errorf("a redline against an earlier redline: %v", err)
	}
}
