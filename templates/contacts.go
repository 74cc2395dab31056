package templates

import (
	"fmt"
	"regexp"
	"strings"
)

// uniqueMarkup is what must not be duplicated when a table row is copied:
// paragraph ids and bookmarks, which Word expects to be unique.
var uniqueMarkup = regexp.MustCompile(`\s(?:w14:paraId|w14:textId)="[^"]*"|<w:bookmark(?:Start|End)\b[^>]*/>`)

// repeatContactRow gives each of n contacts its own copy of the cover's
// contact row, as ITU covers do: the row holding {{CONTACT_NAME}} is
// repeated n-1 times and the copies' placeholders renamed for contact 2, 3,
// ... (see contactToken). With one contact, or a template without contact
// placeholders, the document is returned as it is.
func repeatContactRow(doc string, n int) (string, error) {
	first := strings.Index(doc, token(PhContactName))
	if n <= 1 || first < 0 {
		return doc, nil
	}
	start := max(strings.LastIndex(doc[:first], "<w:tr>"), strings.LastIndex(doc[:first], "<w:tr "))
	end := strings.Index(doc[first:], "</w:tr>")
	if start < 0 || end < 0 {
		return "", fmt.Errorf("the cover template's %s is not in a table row, so it cannot list %d contacts; put the contact placeholders in one row of the cover table",
			token(PhContactName), n)
	}
	end += first + len("</w:tr>")
	row := doc[start:end]
	for _, name := range contactPlaceholders {
		if strings.Count(doc, token(name)) != strings.Count(row, token(name)) {
			return "", fmt.Errorf("the cover template has %s outside the row holding %s, so it cannot list %d contacts; keep all contact placeholders in one table row",
				token(name), token(PhContactName), n)
		}
	}
	var b strings.Builder
	b.WriteString(doc[:end])
	copyRow := uniqueMarkup.ReplaceAllString(row, "")
	for k := 2; k <= n; k++ {
		c := copyRow
		for _, name := range contactPlaceholders {
			c = strings.ReplaceAll(c, token(name), contactToken(name, k))
		}
		b.WriteString(c)
	}
	b.WriteString(doc[end:])
	return b.String(), nil
}
