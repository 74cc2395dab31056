package templates

import (
	"strings"
	"testing"
)

// A copied contact row leaves out the ids and bookmarks that must stay
// unique, and the row is the one holding the placeholder even when a
// nested table stands before it in its cell.
func TestRepeatContactRow(t *testing.T) {
	const head = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body><w:tbl>`
	const tail = `</w:tbl><w:sectPr/></w:body></w:document>`
	const all = `{{CONTACT_NAME}}{{CONTACT_ORG}}{{CONTACT_COUNTRY}}{{CONTACT_TEL}}{{CONTACT_EMAIL}}`
	const all2 = `{{CONTACT_NAME_2}}{{CONTACT_ORG_2}}{{CONTACT_COUNTRY_2}}{{CONTACT_TEL_2}}{{CONTACT_EMAIL_2}}`
	nested := `<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`
	tests := []struct{ name, row, copied string }{
		{"ids and bookmarks",
			`<w:tr w14:paraId="00000002"><w:tc><w:p w14:paraId="1A2B3C4D" w14:textId="77777777"><w:bookmarkStart w:id="0" w:name="c"/><w:r><w:t>` + all + `</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p></w:tc></w:tr>`,
			`<w:tr><w:tc><w:p><w:r><w:t>` + all2 + `</w:t></w:r></w:p></w:tc></w:tr>`},
		{"a nested table before the placeholder",
			`<w:tr><w:tc>` + nested + `<w:p><w:r><w:t>` + all + `</w:t></w:r></w:p></w:tc></w:tr>`,
			`<w:tr><w:tc>` + nested + `<w:p><w:r><w:t>` + all2 + `</w:t></w:r></w:p></w:tc></w:tr>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := repeatContactRow(head+tt.row+tail, 2)
			if err != nil {
				t.Fatal(err)
			}
			if want := head + tt.row + tt.copied + tail; got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
	if _, err := repeatContactRow(head+`</w:tbl><w:p><w:r><w:t>`+all+`</w:t></w:r></w:p><w:tbl>`+tail, 2); err == nil || !strings.Contains(err.Error(), "not in a table row") {
		t.Errorf("a placeholder outside a row: err = %v", err)
	}
}
