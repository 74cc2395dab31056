package templates

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"
)

// Meta is what the cover of the TD says. Its YAML keys are the ones LoadMeta
// reads and Validate names in its messages.
type Meta struct {
	TDNumber  string    `yaml:"td_number"` // e.g. TSAG-TD123, or TSAG-TD123R1
	Place     string    `yaml:"place"`     // e.g. Geneva
	Date      string    `yaml:"date"`      // e.g. 20-23 January 2026
	Title     string    `yaml:"title"`
	Source    string    `yaml:"source"`
	Purpose   string    `yaml:"purpose"` // one of Purposes
	Questions string    `yaml:"questions"`
	Contacts  []Contact `yaml:"contacts"` // at least one; one cover row each
	Keywords  string    `yaml:"keywords"`
	// Draft marks the TD as a draft: "DRAFT" in its headers (the
	// {{DRAFT}} placeholder) and the status "Draft" in its properties.
	Draft bool `yaml:"-"`
}

// Contact is one person to contact about the TD.
type Contact struct {
	Name         string `yaml:"name"`
	Organization string `yaml:"organization"`
	Country      string `yaml:"country"`
	Tel          string `yaml:"tel"`
	Email        string `yaml:"email"`
}

// Purposes are the values the Purpose line of an ITU-T TD takes.
var Purposes = []string{"Information", "Discussion", "Decision", "Agreement", "Approval", "Admin"}

// DefaultMeta returns the fields that are the same every half year; the
// TD number, place, date and contacts are left for the meeting to fill.
func DefaultMeta() Meta {
	return Meta{
		Title:     "Contribution of the ITU Regional Offices to the implementation of the ITU-T four-year rolling operational plan",
		Source:    "Director, TSB",
		Purpose:   "Information",
		Questions: "N/A",
		Keywords:  "ITU regional presence; Resolution 25; ITU-T operational plan",
	}
}

// tdNumberPattern is loose on purpose: groups and revision marks vary
// (TSAG-TD123, TSAG-TD123R1, TSAG-TD123 (Rev.1)), the "TD<digits>" does not.
var tdNumberPattern = regexp.MustCompile(`TD\d+`)

// MetaError lists every problem Validate found.
type MetaError struct {
	Problems []MetaProblem
}

// MetaProblem is one problem of a cover: the YAML key of the value
// concerned ("contacts[1].email") and what is wrong, in words that name
// the key, and, once known, where the value came from ("meta.yaml:7",
// "--contact 1").
type MetaProblem struct {
	Key, Text, Where string
}

func (e *MetaError) Error() string {
	texts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		texts[i] = p.Text
		if p.Where != "" {
			texts[i] = p.Where + ": " + p.Text
		}
	}
	return strings.Join(texts, "; ")
}

// Locate says where each problem's value came from, as where tells from
// its key ("" to leave a problem as it is).
func (e *MetaError) Locate(where func(key string) string) {
	for i := range e.Problems {
		if w := where(e.Problems[i].Key); w != "" {
			e.Problems[i].Where = w
		}
	}
}

// Validate reports every missing or malformed field in one *MetaError, or
// nil when the cover can be filled.
func (m Meta) Validate() error {
	var v validator
	v.required("td_number", m.TDNumber, "set it to the TD's number, e.g. TSAG-TD123")
	if strings.TrimSpace(m.TDNumber) != "" && !tdNumberPattern.MatchString(m.TDNumber) {
		v.addf("td_number", "td_number %q does not look like a TD number (e.g. TSAG-TD123)", m.TDNumber)
	}
	v.required("place", m.Place, "e.g. Geneva")
	v.required("date", m.Date, "e.g. 20-23 January 2026")
	v.required("title", m.Title, "")
	v.required("source", m.Source, "e.g. Director, TSB")
	v.required("purpose", m.Purpose, "one of "+strings.Join(Purposes, ", "))
	if strings.TrimSpace(m.Purpose) != "" && !isPurpose(m.Purpose) {
		v.addf("purpose", "purpose %q is not one of %s", m.Purpose, strings.Join(Purposes, ", "))
	}
	v.required("questions", m.Questions, "use N/A when the TD is for no Question")
	v.required("keywords", m.Keywords, "")
	if len(m.Contacts) == 0 {
		v.addf("contacts", "contacts is empty; give at least one contact with name and email")
	}
	for i, c := range m.Contacts {
		c.validate(&v, fmt.Sprintf("contacts[%d].", i+1))
	}
	for _, f := range m.textFields() {
		v.clean(f.key, f.value)
	}
	return v.err()
}

func (c Contact) validate(v *validator, prefix string) {
	v.required(prefix+"name", c.Name, "")
	v.required(prefix+"email", c.Email, "")
	if e := strings.TrimSpace(c.Email); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			v.addf(prefix+"email", "%semail %q is not an e-mail address", prefix, c.Email)
		}
	}
}

func isPurpose(s string) bool {
	for _, p := range Purposes {
		if strings.EqualFold(strings.TrimSpace(s), p) {
			return true
		}
	}
	return false
}

// textField is one string of Meta with its YAML key.
type textField struct {
	key   string
	value string
}

func (m Meta) textFields() []textField {
	fs := []textField{
		{"td_number", m.TDNumber},
		{"place", m.Place},
		{"date", m.Date},
		{"title", m.Title},
		{"source", m.Source},
		{"purpose", m.Purpose},
		{"questions", m.Questions},
		{"keywords", m.Keywords},
	}
	for i, c := range m.Contacts {
		p := fmt.Sprintf("contacts[%d].", i+1)
		fs = append(fs,
			textField{p + "name", c.Name},
			textField{p + "organization", c.Organization},
			textField{p + "country", c.Country},
			textField{p + "tel", c.Tel},
			textField{p + "email", c.Email})
	}
	return fs
}

// normalize trims the white space YAML block scalars leave around values.
func (m *Meta) normalize() {
	for _, s := range []*string{&m.TDNumber, &m.Place, &m.Date, &m.Title, &m.Source, &m.Purpose, &m.Questions, &m.Keywords} {
		*s = strings.TrimSpace(*s)
	}
	for i := range m.Contacts {
		c := &m.Contacts[i]
		for _, s := range []*string{&c.Name, &c.Organization, &c.Country, &c.Tel, &c.Email} {
			*s = strings.TrimSpace(*s)
		}
	}
}

// validator collects problems.
type validator struct{ problems []MetaProblem }

func (v *validator) addf(key, format string, args ...any) {
	v.problems = append(v.problems, MetaProblem{Key: key, Text: fmt.Sprintf(format, args...)})
}

func (v *validator) required(key, value, hint string) {
	if strings.TrimSpace(value) != "" {
		return
	}
	if hint != "" {
		v.addf(key, "%s is empty (%s)", key, hint)
		return
	}
	v.addf(key, "%s is empty", key)
}

// clean refuses what would corrupt the cover: line breaks (the cover
// filler, github.com/nguyenthenguyen/docx, writes them as a w:br inside
// w:t, which Word rejects; the cover has a line for each field anyway),
// control characters (not allowed in XML), and "{{", which would read as a
// placeholder left unfilled. Tabs are fine.
func (v *validator) clean(key, value string) {
	for _, r := range value {
		switch {
		case r == '\n' || r == '\r':
			v.addf(key, "%s has a line break; keep it on one line (in YAML, use > rather than | for long text)", key)
			return
		case r < 0x20 && r != '\t', r == 0x7f:
			v.addf(key, "%s has the control character %U", key, r)
			return
		}
	}
	if strings.Contains(value, "{{") {
		v.addf(key, "%s contains \"{{\", which the cover reserves for placeholders", key)
	}
}

func (v *validator) err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return &MetaError{Problems: v.problems}
}

// Missing names the cover fields that change with every TD and are not
// filled, with the flag that fills each.
func (m Meta) Missing() []string {
	var out []string
	for _, f := range []struct{ name, v string }{{"td_number (--td)", m.TDNumber}, {"place (--place)", m.Place}, {"date (--date)", m.Date}} {
		if strings.TrimSpace(f.v) == "" {
			out = append(out, f.name)
		}
	}
	if len(m.Contacts) == 0 {
		out = append(out, "a contact (--contact)")
	}
	return out
}

// FillDraftMarkers puts visible markers where a draft's cover lacks the
// values Missing names.
func (m *Meta) FillDraftMarkers() {
	if m.TDNumber == "" {
		m.TDNumber = "TSAG-TD000"
	}
	if m.Place == "" {
		m.Place = "[place]"
	}
	if m.Date == "" {
		m.Date = "[dates]"
	}
	if len(m.Contacts) == 0 {
		m.Contacts = []Contact{{Name: "[contact]", Organization: "TSB", Country: "Switzerland", Email: "tsbtsag@itu.int"}}
	}
}

// ContactForm is how a contact is given on the command line: each field
// named, so that none can be taken for another.
const ContactForm = "name=Jane Doe; org=ITU; country=Switzerland; tel=+41 22 730 0000; email=jane.doe@itu.int"

// contactKeys are the keys of ContactForm, and the field each fills.
var contactKeys = map[string]func(*Contact) *string{
	"name":         func(c *Contact) *string { return &c.Name },
	"org":          func(c *Contact) *string { return &c.Organization },
	"organization": func(c *Contact) *string { return &c.Organization },
	"country":      func(c *Contact) *string { return &c.Country },
	"tel":          func(c *Contact) *string { return &c.Tel },
	"email":        func(c *Contact) *string { return &c.Email },
}

// ParseContact reads a contact written as ContactForm: "key=value" fields
// separated by semicolons. An unknown or repeated key, a field without
// "=", and a contact without a name or an e-mail address are refused.
func ParseContact(s string) (Contact, error) {
	var c Contact
	seen := map[string]bool{}
	for _, field := range strings.Split(s, ";") {
		if strings.TrimSpace(field) == "" {
			continue
		}
		k, v, ok := strings.Cut(field, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		to, known := contactKeys[k]
		switch {
		case !ok:
			return c, fmt.Errorf("%q is not key=value; write the contact as %q", strings.TrimSpace(field), ContactForm)
		case !known:
			return c, fmt.Errorf("unknown key %q (the keys are name, org, country, tel, email)", k)
		case seen[k]:
			return c, fmt.Errorf("%s is given twice", k)
		}
		seen[k] = true
		*to(&c) = strings.TrimSpace(v)
	}
	var missing []string
	for _, k := range []string{"name", "email"} {
		if *contactKeys[k](&c) == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("it lacks %s; write it as %q", strings.Join(missing, " and "), ContactForm)
	}
	var v validator
	c.validate(&v, "")
	if err := v.err(); err != nil {
		return c, err
	}
	return c, nil
}
