package templates

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/nguyenthenguyen/docx"

	"tsagmerge/ingest/opc"
)

// replacement is one placeholder token and the text that replaces it.
type replacement struct {
	token string
	value string
}

// replacements pairs every placeholder with its value from m.
func (m Meta) replacements() []replacement {
	rs := []replacement{
		{token(PhTDNumber), m.TDNumber},
		{token(PhPlace), m.Place},
		{token(PhDate), m.Date},
		{token(PhQuestions), m.Questions},
		{token(PhSource), m.Source},
		{token(PhTitle), m.Title},
		{token(PhPurpose), m.Purpose},
		{token(PhKeywords), m.Keywords},
		{token(PhDraft), draftMark(m.Draft)},
	}
	for i, c := range m.Contacts {
		n := i + 1
		rs = append(rs,
			replacement{contactToken(PhContactName, n), c.Name},
			replacement{contactToken(PhContactOrg, n), c.Organization},
			replacement{contactToken(PhContactCountry, n), c.Country},
			replacement{contactToken(PhContactTel, n), c.Tel},
			replacement{contactToken(PhContactEmail, n), c.Email})
	}
	return rs
}

// FillCover returns a copy of the template .docx with its cover filled
// from m: the placeholders in the document body, headers and footers are
// replaced (values XML-escaped, tabs kept), every other part is
// carried over byte for byte, and the result is zipped deterministically.
// It fails if m does not Validate, or if any {{…}} is left afterwards,
// naming it and its part.
func FillCover(template []byte, m Meta) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	rd, err := docx.ReadDocxFromMemory(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		return nil, fmt.Errorf("cover template cannot be read as a .docx: %w", err)
	}
	defer rd.Close()
	d := rd.Editable()
	content, err := repeatContactRow(d.GetContent(), len(m.Contacts))
	if err != nil {
		return nil, err
	}
	d.SetContent(content)
	for _, r := range m.replacements() {
		// The library XML-escapes both strings and turns "\t" into
		// </w:t><w:tab/><w:t>; its "\n" handling (a w:br inside w:t) is
		// invalid, which is why Validate refuses line breaks.
		if err := d.Replace(r.token, r.value, -1); err != nil {
			return nil, fmt.Errorf("cover: filling %s: %w", r.token, err)
		}
		if err := d.ReplaceHeader(r.token, r.value); err != nil {
			return nil, fmt.Errorf("cover: filling %s in a header: %w", r.token, err)
		}
		if err := d.ReplaceFooter(r.token, r.value); err != nil {
			return nil, fmt.Errorf("cover: filling %s in a footer: %w", r.token, err)
		}
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, fmt.Errorf("cover: writing the filled template: %w", err)
	}
	// Re-pack the library's zip as every package the tool writes is
	// packed (opc.WriteZip).
	pkg, entries, err := readPackage("the filled template", buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("cover: reading back the filled template: %w", err)
	}
	if err := checkFilled(entries); err != nil {
		return nil, err
	}
	if entries, err = stampProperties(pkg, entries, m); err != nil {
		return nil, err
	}
	return writeZip(entries)
}

// draftMark is what {{DRAFT}} shows (after the TD number, in the running
// header).
func draftMark(draft bool) string {
	if draft {
		return " DRAFT"
	}
	return ""
}

// checkFilled refuses a filled document in which a placeholder survived.
func checkFilled(entries []opc.Entry) error {
	for _, e := range entries {
		if !isWordXML(e.Name) {
			continue
		}
		fs, err := findPlaceholders(e.Name, e.Data)
		if err != nil {
			return fmt.Errorf("cover: %w", err)
		}
		if len(fs) > 0 {
			return fmt.Errorf("cover template: %s", leftoverProblem(fs[0]))
		}
	}
	return nil
}

// leftoverProblem says why a placeholder was not filled and what to do.
func leftoverProblem(f found) string {
	switch {
	case f.split:
		return fmt.Sprintf("placeholder %s is split across several runs, so it cannot be filled; delete it and type it again in one go", f)
	case isPlaceholder(f.name) && !fillable(f.part):
		return fmt.Sprintf("placeholder %s is in a part tsagmerge does not fill; move it to the body, a header or a footer", f)
	case isPlaceholder(f.name):
		return fmt.Sprintf("placeholder %s was left unfilled", f)
	default:
		return fmt.Sprintf("unknown placeholder %s; the known ones are %s", f, strings.Join(tokens(Placeholders), " "))
	}
}

func tokens(names []string) []string {
	ts := make([]string, len(names))
	for i, n := range names {
		ts[i] = token(n)
	}
	return ts
}

// isWordXML reports whether a part is a WordprocessingML XML part (under
// word/, not a relationships part).
func isWordXML(name string) bool {
	return strings.HasPrefix(name, "word/") && path.Ext(name) == ".xml" && !strings.Contains(name, "/_rels/")
}

// fillable reports whether github.com/nguyenthenguyen/docx replaces text in
// a part: the main document and parts whose name contains "header" or
// "footer" (it goes by name, not by relationship).
func fillable(name string) bool {
	return name == "word/document.xml" || strings.Contains(name, "header") || strings.Contains(name, "footer")
}
