package templates

import (
	"bytes"
	"errors"

	"tsagmerge/ingest/xmltok"
)

// InsertionOffset returns the byte offset in a main document part
// (word/document.xml) of the body-level <w:sectPr>, where the consolidate
// engine inserts the regions' content (see InsertionPoint). It fails when
// the body has no final sectPr, or when anything but white space follows it.
func InsertionOffset(documentXML []byte) (int, error) {
	sc := xmltok.New(documentXML, xmltok.Options{Where: mainPart, Strict: true})
	depth, sectPr := 0, -1
	var text []byte
	for sc.Next() {
		t := &sc.Tok
		switch t.Kind {
		case xmltok.StartTag:
			depth++
			// depth 1 is w:document, 2 w:body, 3 the body's children.
			if depth == 3 {
				sectPr = -1
				if _, local := xmltok.SplitName(t.Name); string(local) == "sectPr" {
					sectPr = t.Start
				}
			}
			if !t.SelfClosing {
				continue
			}
		case xmltok.EndTag:
		case xmltok.Text, xmltok.CData:
			if text = sc.AppendText(text[:0]); depth == 2 && len(bytes.TrimSpace(text)) > 0 {
				return 0, errors.New("word/document.xml has text directly in w:body")
			}
			continue
		default:
			continue
		}
		// t ends an element: an end tag, or a start tag that closed itself.
		depth--
		if _, local := xmltok.SplitName(t.Name); depth == 1 && string(local) == "body" {
			if sectPr < 0 {
				return 0, errors.New("word/document.xml has no section properties (w:sectPr) at the end of its body; the TD needs them for its page layout and running header")
			}
			return sectPr, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("word/document.xml ends before its w:body closes")
}
