package templates

import (
	"bytes"
	"strconv"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// Placeholder names, written {{NAME}} in the template.
const (
	PhTDNumber       = "TD_NUMBER"
	PhPlace          = "PLACE"
	PhDate           = "DATE"
	PhQuestions      = "QUESTIONS"
	PhSource         = "SOURCE"
	PhTitle          = "TITLE"
	PhPurpose        = "PURPOSE"
	PhKeywords       = "KEYWORDS"
	PhContactName    = "CONTACT_NAME"
	PhContactOrg     = "CONTACT_ORG"
	PhContactCountry = "CONTACT_COUNTRY"
	PhContactTel     = "CONTACT_TEL"
	PhContactEmail   = "CONTACT_EMAIL"
	PhDraft          = "DRAFT" // "DRAFT" in a draft, empty in a publication
)

// Placeholders lists every name FillCover fills, in cover order.
var Placeholders = []string{
	PhTDNumber, PhQuestions, PhPlace, PhDate, PhSource, PhTitle, PhPurpose,
	PhContactName, PhContactOrg, PhContactCountry, PhContactTel, PhContactEmail,
	PhKeywords, PhDraft,
}

// contactPlaceholders are the names repeated once per contact.
var contactPlaceholders = []string{PhContactName, PhContactOrg, PhContactCountry, PhContactTel, PhContactEmail}

// RequiredPlaceholders must appear in any cover template: they change with
// every TD, so a template without them would publish stale values.
var RequiredPlaceholders = []string{PhTDNumber, PhDate}

// token writes a placeholder name as it stands in the document.
func token(name string) string { return "{{" + name + "}}" }

// contactToken is the placeholder of contact n (1-based) after the contact
// row has been repeated: the first keeps the plain name, the others get a
// suffix ("{{CONTACT_NAME_2}}") so each copy is filled on its own.
func contactToken(name string, n int) string {
	if n == 1 {
		return token(name)
	}
	return token(name + "_" + strconv.Itoa(n))
}

func isPlaceholder(name string) bool {
	for _, p := range Placeholders {
		if p == name {
			return true
		}
	}
	return false
}

// found is one {{…}} seen in the text of a part.
type found struct {
	part string
	text string // as read in the paragraph, e.g. "{{TITLE}}", or "{{TIT" when unclosed
	name string // between the braces
	// split is true when the placeholder reads whole in the paragraph's
	// text but is cut across runs in the XML, so no text replacement can
	// reach it.
	split bool
}

func (f found) String() string { return f.text + " in " + f.part }

// isW reports whether a namespace is WordprocessingML's main namespace, in
// either spelling.
func isW(uri string) bool { return opc.Transitional(uri) == opc.NSWordprocessingML }

// findPlaceholders returns every "{{" in the visible text of a part's
// paragraphs (w:t runs joined per paragraph), which is where Word users
// see them, whether or not they sit in one run.
func findPlaceholders(part string, data []byte) ([]found, error) {
	var out []found
	var paras []*strings.Builder // open paragraphs, innermost last
	inText := false
	sc := xmltok.New(data, xmltok.Options{Where: "part " + part, Strict: true})
	ns := xmltok.NewScope(isW)
	var text []byte
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			ns.Open(t.Attrs)
			if w, local, _ := ns.Element(t.Name); w {
				switch string(local) {
				case "p":
					paras = append(paras, &strings.Builder{})
				case "t":
					inText = true
				}
			}
			if !t.SelfClosing {
				continue
			}
		case xmltok.EndTag:
		case xmltok.Text, xmltok.CData:
			if inText && len(paras) > 0 {
				text = sc.AppendText(text[:0])
				paras[len(paras)-1].Write(text)
			}
			continue
		default:
			continue
		}
		// t ends an element: an end tag, or a start tag that closed itself.
		if w, local, _ := ns.Element(t.Name); w {
			switch string(local) {
			case "p":
				if n := len(paras); n > 0 {
					out = append(out, scanText(part, paras[n-1].String(), data)...)
					paras = paras[:n-1]
				}
			case "t":
				inText = false
			}
		}
		ns.Close()
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// scanText finds the placeholders in one paragraph's text.
func scanText(part, text string, raw []byte) []found {
	var out []found
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			return out
		}
		text = text[i:]
		n := strings.Index(text, "}}")
		if n < 0 || n > 60 {
			// Unclosed: show a little of what follows.
			n = min(len(text), 20)
			out = append(out, found{part: part, text: text[:n], name: text[2:n]})
			text = text[2:]
			continue
		}
		tok := text[:n+2]
		out = append(out, found{
			part:  part,
			text:  tok,
			name:  tok[2:n],
			split: !bytes.Contains(raw, []byte(tok)),
		})
		text = text[n+2:]
	}
}
