package templates

import (
	"fmt"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

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
	start, end, unique, err := rowAround([]byte(doc), first)
	if err != nil {
		return "", err
	}
	if start < 0 {
		return "", fmt.Errorf("the cover template's %s is not in a table row, so it cannot list %d contacts; put the contact placeholders in one row of the cover table",
			token(PhContactName), n)
	}
	row := doc[start:end]
	for _, name := range contactPlaceholders {
		if strings.Count(doc, token(name)) != strings.Count(row, token(name)) {
			return "", fmt.Errorf("the cover template has %s outside the row holding %s, so it cannot list %d contacts; keep all contact placeholders in one table row",
				token(name), token(PhContactName), n)
		}
	}
	var b strings.Builder
	b.WriteString(doc[:end])
	var cb strings.Builder // the row without what must stay unique
	last := start
	for _, u := range unique {
		cb.WriteString(doc[last:u[0]])
		last = u[1]
	}
	cb.WriteString(doc[last:end])
	copyRow := cb.String()
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

// w14 is Word 2010's namespace, that of the paragraph ids.
const w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

// rowAround finds the innermost table row (w:tr) around offset at of a
// main document (start -1 when there is none), and the byte ranges in it,
// in order, that a copy of the row leaves out: paragraph ids (w14:paraId
// and w14:textId, with the space before them) and bookmarks, which Word
// expects to be unique.
func rowAround(doc []byte, at int) (start, end int, unique [][2]int, err error) {
	sc := xmltok.New(doc, xmltok.Options{Where: mainPart})
	ns := xmltok.NewScope(opc.Transitional)
	var rows []int // start offsets of the open rows, innermost last
	start = -1
	mark := -1 // start of an open bookmark element written with an end tag
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.Text:
			if start < 0 && len(rows) > 0 && t.Start <= at && at < t.End {
				start = rows[len(rows)-1]
			}
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			uri, local, _ := ns.Element(t.Name)
			isW := uri == opc.NSWordprocessingML
			switch {
			case isW && isBookmark(local) && t.SelfClosing:
				unique = append(unique, [2]int{t.Start, t.End})
			case isW && isBookmark(local):
				mark = t.Start
			default:
				unique = appendParaIDs(unique, doc, t, ns)
			}
			if isW && string(local) == "tr" && !t.SelfClosing {
				rows = append(rows, t.Start)
			}
			if t.SelfClosing {
				ns.Close()
			}
		case xmltok.EndTag:
			uri, local, _ := ns.Element(t.Name)
			ns.Close()
			switch {
			case uri != opc.NSWordprocessingML:
			case isBookmark(local) && mark >= 0:
				unique, mark = append(unique, [2]int{mark, t.End}), -1
			case string(local) == "tr":
				row := rows[len(rows)-1]
				rows = rows[:len(rows)-1]
				if row == start {
					return start, t.End, within(unique, start, t.End), nil
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, nil, err
	}
	return -1, -1, nil, nil
}

func isBookmark(local []byte) bool {
	return string(local) == "bookmarkStart" || string(local) == "bookmarkEnd"
}

// appendParaIDs appends the ranges of a start tag's w14:paraId and
// w14:textId attributes, from the white space before each to its closing
// quote.
func appendParaIDs(unique [][2]int, doc []byte, t *xmltok.Token, ns *xmltok.Scope[string]) [][2]int {
	for _, a := range t.Attrs {
		uri, local, _ := ns.Attr(a.Name)
		if uri != w14 || string(local) != "paraId" && string(local) != "textId" {
			continue
		}
		// a.Name and a.Value are slices of doc: their offsets.
		from, value := cap(doc)-cap(a.Name), cap(doc)-cap(a.Value)
		unique = append(unique, [2]int{from - 1, value + len(a.Value) + 1})
	}
	return unique
}

// within keeps the ranges that lie between from and to.
func within(ranges [][2]int, from, to int) [][2]int {
	var out [][2]int
	for _, r := range ranges {
		if r[0] >= from && r[1] <= to {
			out = append(out, r)
		}
	}
	return out
}
