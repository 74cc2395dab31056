package templates

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Meta)
		want []string // substrings of the error; none for a valid cover
	}{
		{"complete", func(*Meta) {}, nil},
		{"revision number", func(m *Meta) { m.TDNumber = "TSAG-TD123R1" }, nil},
		{"purpose any case", func(m *Meta) { m.Purpose = "discussion" }, nil},
		{"tel optional", func(m *Meta) { m.Contacts[0].Tel = "" }, nil},
		{"empty", func(m *Meta) { *m = Meta{} }, []string{
			"td_number is empty", "place is empty", "date is empty", "title is empty",
			"source is empty", "purpose is empty", "questions is empty", "keywords is empty", "contacts is empty"}},
		{"not a TD number", func(m *Meta) { m.TDNumber = "123" }, []string{`td_number "123" does not look like a TD number`}},
		{"bad purpose", func(m *Meta) { m.Purpose = "Fun" }, []string{`purpose "Fun" is not one of Information`}},
		{"contact without email", func(m *Meta) { m.Contacts[0].Email = "" }, []string{"contacts[1].email is empty"}},
		{"bad email", func(m *Meta) { m.Contacts[0].Email = "Jane <jane@itu.int>" }, []string{"contacts[1].email", "is not an e-mail address"}},
		{"second contact nameless", func(m *Meta) { m.Contacts = append(m.Contacts, Contact{Email: "a@b.org"}) }, []string{"contacts[2].name is empty"}},
		{"line break in TD number", func(m *Meta) { m.TDNumber = "TSAG-TD1\n23" }, []string{"td_number has a line break"}},
		{"line break in organization", func(m *Meta) { m.Contacts[0].Organization = "TSB\r\nITU" }, []string{"contacts[1].organization has a line break"}},
		{"tab allowed", func(m *Meta) { m.Contacts[0].Tel = "+41\t22" }, nil},
		{"control character", func(m *Meta) { m.Title = "A\x01B" }, []string{"title has the control character U+0001"}},
		{"placeholder in value", func(m *Meta) { m.Keywords = "{{TITLE}}" }, []string{`keywords contains "{{"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMeta()
			tt.edit(&m)
			err := m.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var me *MetaError
			if !errors.As(err, &me) {
				t.Fatalf("err = %v, want a *MetaError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadMeta(t *testing.T) {
	m, err := LoadMeta(filepath.Join("testdata", "meta.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	d := DefaultMeta()
	if m.TDNumber != "TSAG-TD456" || m.Place != "Geneva" || m.Date != "20-23 January 2026" || m.Purpose != "Information" {
		t.Errorf("fields wrong: %+v", m)
	}
	if m.Title != d.Title || m.Source != d.Source || m.Questions != d.Questions {
		t.Errorf("defaults not kept: %+v", m)
	}
	if m.Keywords != "ITU regional presence; Resolution 25; ITU-T operational plan" {
		t.Errorf("keywords %q: folded scalar not trimmed", m.Keywords)
	}
	if len(m.Contacts) != 2 || m.Contacts[0].Tel != "+41 22 730 5866" || m.Contacts[1].Email != "john.roe@itu.int" || m.Contacts[1].Tel != "" {
		t.Errorf("contacts: %+v", m.Contacts)
	}
}

func TestLoadMetaErrors(t *testing.T) {
	tests := []struct {
		name, content string
		want          []string
	}{
		{"empty", "", []string{"is empty; it must set"}},
		{"unknown field", "td_number: TSAG-TD1\ntdnumber: 2\n", []string{`line 2: unknown field "tdnumber" (known: td_number, place,`}},
		{"unknown contact field", "contacts:\n  - name: A\n    phone: 1\n", []string{`line 3: unknown field "phone" in a contact (known: name, organization, country, tel, email)`}},
		{"syntax", "td_number: [unclosed\n", []string{"line", "did not find expected"}},
		{"wrong type", "contacts: Jane\n", []string{"line 1: cannot unmarshal"}},
		{"invalid", "td_number: TSAG-TD1\nplace: Geneva\ndate: 1 May 2026\n", []string{"contacts is empty"}},
		{"literal block", "title: |\n  two\n  lines\n", []string{"title has a line break"}},
		{"too large", "# " + strings.Repeat("x", maxMetaSize) + "\n", []string{"is larger than 1024 KiB"}},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".yaml")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadMeta(path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("error %q does not start with the file name", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(dir, "nope.yaml")
		_, err := LoadMeta(path)
		if err == nil || err.Error() != path+": no such file or folder; check the path" {
			t.Errorf("err = %v", err)
		}
	})
}

// A telephone number YAML reads as an integer must keep its "+" and zeros.
func TestLoadMetaKeepsNumbersAsWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meta.yaml")
	yml := "td_number: TSAG-TD7\nplace: Geneva\ndate: 1 May 2026\ncontacts:\n  - name: A\n    tel: +0041227305866\n    email: a@itu.int\n"
	if err := os.WriteFile(path, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := LoadMeta(path)
	if err != nil {
		t.Fatal(err)
	}
	if m.Contacts[0].Tel != "+0041227305866" {
		t.Errorf("tel = %q", m.Contacts[0].Tel)
	}
}

// TestMetaSkeleton: the skeleton loads once its four blanks are filled,
// and until then is refused naming each blank and its line.
func TestMetaSkeleton(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.yaml")
	os.WriteFile(blank, []byte(MetaSkeleton), 0o644)
	_, err := LoadMeta(blank)
	for _, want := range []string{"blank.yaml:6: td_number is empty", "blank.yaml:8: place is empty", "blank.yaml:16: contacts[1].email is empty"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the blank skeleton: error %v lacks %q", err, want)
		}
	}
	filled := strings.NewReplacer(`td_number: ""`, `td_number: TSAG-TD9`, `place: ""`, `place: Geneva`, `date: ""`, `date: 1-2 June 2026`,
		`name: ""`, `name: Jane Doe`, `email: ""`, `email: jane.doe@itu.int`).Replace(MetaSkeleton)
	path := filepath.Join(dir, "meta.yaml")
	os.WriteFile(path, []byte(filled), 0o644)
	m, err := LoadMeta(path)
	if err != nil {
		t.Fatalf("the filled skeleton: %v", err)
	}
	if d := DefaultMeta(); m.Title != d.Title || m.Source != d.Source || m.Keywords != d.Keywords || m.Contacts[0].Organization != "TSB" {
		t.Errorf("the skeleton's usual values differ from the defaults: %+v", m)
	}
}

func TestParseContact(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"name=Doe, Jane; org=ITU; country=Switzerland; tel=+41 22 730 0000; email=j@itu.int", "Doe, Jane|ITU|Switzerland|+41 22 730 0000|j@itu.int", ""},
		{"email=j@itu.int; name=Jane Doe", "Jane Doe|||+|j@itu.int", ""},
		{"Doe, Jane, ITU, Switzerland, +41 22 730 0000, j@itu.int", "", "is not key=value"},
		{"name=Jane; mail=j@itu.int", "", `unknown key "mail"`},
		{"name=Jane Doe", "", "lacks email"},
		{"name=Jane; email=not-an-address", "", "is not an e-mail address"},
		{"name=A; name=B; email=j@itu.int", "", "name is given twice"},
	}
	for _, tt := range tests {
		c, err := ParseContact(tt.in)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case strings.Join([]string{c.Name, c.Organization, c.Country, c.Tel, c.Email}, "|") != strings.Replace(tt.want, "|+|", "||", 1):
			t.Errorf("%q: %+v", tt.in, c)
		}
	}
}
