package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFillCover(t *testing.T) {
	tpl := Default()
	m := sampleMeta()
	m.Title = `Regional "offices" & 'plans'`
	m.Contacts[0].Tel = "+41 22\t730 5866"
	out, err := FillCover(tpl, m)
	if err != nil {
		t.Fatal(err)
	}
	ps, orig := parts(t, out), parts(t, tpl)
	for name, data := range ps {
		if err := wellFormed(data); err != nil {
			t.Errorf("%s is not well-formed after filling: %v", name, err)
		}
		if err := textOnly(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if bytes.Contains(data, []byte("{{")) {
			t.Errorf("%s still has a placeholder", name)
		}
	}
	text := visibleText(t, ps["word/document.xml"])
	for _, want := range []string{
		"\nTSAG-TD123\n", "\nN/A\n", "\nGeneva, 20-23 January 2026\n", "\nDirector, TSB\n",
		"\nRegional \"offices\" & 'plans'\n", "\nInformation\n", "\nJane Doe\nTSB & BDT <joint>\nSwitzerland\n",
		"Tel:\t+41 22\t730 5866\nE-mail:\ttsbtsag@itu.int\n", "\n" + m.Keywords + "\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("filled cover lacks %q", want)
		}
	}
	if !strings.Contains(string(ps["word/document.xml"]), "TSB &amp; BDT &lt;joint&gt;") {
		t.Error("organization not XML-escaped")
	}
	if h := visibleText(t, ps["word/header1.xml"]); !strings.Contains(h, "\nTSAG-TD123\n") {
		t.Errorf("running header not filled: %q", h)
	}
	// Everything but the filled parts and the properties is carried byte
	// for byte; the custom properties part is added.
	stamped := map[string]bool{"word/document.xml": true, "word/header1.xml": true, "word/header2.xml": true,
		"docProps/core.xml": true, "[Content_Types].xml": true, "_rels/.rels": true}
	for name, data := range orig {
		if !stamped[name] && !bytes.Equal(ps[name], data) {
			t.Errorf("%s changed", name)
		}
	}
	if len(ps) != len(orig)+1 || ps["docProps/custom.xml"] == nil {
		t.Errorf("%d parts after filling, %d before, custom properties %q", len(ps), len(orig), ps["docProps/custom.xml"])
	}
	again, err := FillCover(tpl, m)
	if err != nil || !bytes.Equal(out, again) {
		t.Errorf("filling twice gives different bytes (err %v)", err)
	}
	_, entries, _ := readPackage("test", out)
	if entries[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry %s", entries[0].Name)
	}
}

func TestFillCoverContacts(t *testing.T) {
	m := sampleMeta()
	m.Contacts = append(m.Contacts,
		Contact{Name: "John Roe", Organization: "BDT", Country: "Kenya", Tel: "+254 1", Email: "john.roe@itu.int"},
		Contact{Name: "Ann Poe", Email: "ann.poe@itu.int"})
	out, err := FillCover(Default(), m)
	if err != nil {
		t.Fatal(err)
	}
	doc := parts(t, out)["word/document.xml"]
	text := visibleText(t, doc)
	if n := strings.Count(text, "Contact:"); n != 3 {
		t.Errorf("%d contact rows, want 3", n)
	}
	i, j, k := strings.Index(text, "Jane Doe"), strings.Index(text, "John Roe\nBDT\nKenya\n"), strings.Index(text, "Ann Poe")
	if i < 0 || j < i || k < j {
		t.Errorf("contacts missing or out of order: %d %d %d", i, j, k)
	}
	if !strings.Contains(text, "E-mail:\tjohn.roe@itu.int") || strings.Index(text, "Keywords:") < k {
		t.Error("second contact's e-mail missing, or rows not before Keywords")
	}
}

func TestFillCoverRefuses(t *testing.T) {
	replaceIn := func(part, old, new string) func(*testing.T) []byte {
		return func(t *testing.T) []byte {
			return withPart(t, Default(), part, func(s string) string {
				if !strings.Contains(s, old) {
					t.Fatalf("%s has no %q", part, old)
				}
				return strings.Replace(s, old, new, 1)
			})
		}
	}
	tests := []struct {
		name string
		tpl  func(*testing.T) []byte
		meta func(*Meta)
		want string
	}{
		{"unknown placeholder", replaceIn("word/document.xml", "{{SOURCE}}", "{{SOURCE}} {{AUTHOR}}"), nil,
			"unknown placeholder {{AUTHOR}} in word/document.xml; the known ones are {{TD_NUMBER}}"},
		{"unknown in header", replaceIn("word/header1.xml", "{{TD_NUMBER}}", "{{TD_NUMBER}} {{REV}}"), nil,
			"unknown placeholder {{REV}} in word/header1.xml"},
		{"split across runs", replaceIn("word/document.xml", "<w:t>{{TITLE}}</w:t>", "<w:t>{{TI</w:t></w:r><w:r><w:t>TLE}}</w:t>"), nil,
			"placeholder {{TITLE}} in word/document.xml is split across several runs"},
		{"in a part not filled", replaceIn("word/footnotes.xml", "<w:separator/></w:r>", "<w:separator/></w:r><w:r><w:t>{{DATE}}</w:t></w:r>"), nil,
			"placeholder {{DATE}} in word/footnotes.xml is in a part tsagmerge does not fill"},
		{"contacts outside a row", replaceIn("word/document.xml", "<w:t>{{KEYWORDS}}</w:t>", "<w:t>{{KEYWORDS}} {{CONTACT_EMAIL}}</w:t>"),
			func(m *Meta) { m.Contacts = append(m.Contacts, Contact{Name: "B", Email: "b@itu.int"}) },
			"has {{CONTACT_EMAIL}} outside the row holding {{CONTACT_NAME}}"},
		{"invalid meta", func(*testing.T) []byte { return Default() }, func(m *Meta) { m.TDNumber = "" },
			"cover: td_number is empty"},
		{"not a docx", func(*testing.T) []byte { return []byte("plain text") }, nil,
			"cover template cannot be read as a .docx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMeta()
			if tt.meta != nil {
				tt.meta(&m)
			}
			_, err := FillCover(tt.tpl(t), m)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v\nwant %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	data, err := Load(write("default.docx", Default()))
	if err != nil {
		t.Fatalf("the default template does not Load: %v", err)
	}
	if !bytes.Equal(data, Default()) {
		t.Error("Load changed the bytes")
	}

	edit := func(part, old, new string) []byte {
		return withPart(t, Default(), part, func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("%s has no %q", part, old)
			}
			return strings.ReplaceAll(s, old, new)
		})
	}
	noPlaceholders := withPart(t, edit("word/header1.xml", "{{", "x"), "word/document.xml",
		func(s string) string { return strings.ReplaceAll(s, "{{", "x") })
	tests := []struct {
		name string
		data []byte
		want string // "" when the template is fine
	}{
		{"TD number only on the cover", edit("word/header1.xml", "{{TD_NUMBER}}", "TSAG-TD1"), ""},
		{"no placeholders", noPlaceholders, "it lacks {{TD_NUMBER}} and {{DATE}}"},
		{"no date", edit("word/document.xml", "{{DATE}}", "1 May 2026"), "is not a cover template: it lacks {{DATE}}"},
		{"unknown placeholder", edit("word/document.xml", "{{PURPOSE}}", "{{GOAL}}"), "unknown placeholder {{GOAL}} in word/document.xml"},
		{"split", edit("word/document.xml", "{{PLACE}}, {{DATE}}", "{{PLACE}}, {{</w:t></w:r><w:r><w:t>DATE}}"), "{{DATE}} in word/document.xml is split across several runs"},
		{"no body sectPr", edit("word/document.xml", "</w:sectPr>", "</w:sectPr><w:p/>"), "no section properties (w:sectPr) at the end of its body"},
		{"no contact name", edit("word/document.xml", "{{CONTACT_NAME}}", "Jane"), "has contact placeholders but no {{CONTACT_NAME}}"},
		{"not a zip", []byte("hello, world"), "not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(strings.ReplaceAll(tt.name, " ", "-")+".docx", tt.data)
			_, err := Load(p)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want == "":
			case err == nil:
				t.Fatal("no error")
			case !strings.HasPrefix(err.Error(), p+": ") || !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %q\nwant %s: …%s…", err, p, tt.want)
			}
		})
	}
}
