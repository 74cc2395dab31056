package templates

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// InsertionOffset returns the byte offset in a main document part
// (word/document.xml) of the body-level <w:sectPr>, where the consolidate
// engine inserts the regions' content (see InsertionPoint). It fails when
// the body has no final sectPr, or when anything but white space follows it.
func InsertionOffset(documentXML []byte) (int, error) {
	dec := xml.NewDecoder(bytes.NewReader(documentXML))
	depth, sectPr := 0, -1
	for {
		off := int(dec.InputOffset())
		tok, err := dec.Token() // Token, not RawToken: it checks that tags match
		if errors.Is(err, io.EOF) {
			return 0, errors.New("word/document.xml ends before its w:body closes")
		}
		if err != nil {
			return 0, fmt.Errorf("word/document.xml is not well-formed XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			// depth 1 is w:document, 2 w:body, 3 the body's children.
			if depth == 3 {
				sectPr = -1
				if t.Name.Local == "sectPr" {
					sectPr = off
				}
			}
		case xml.EndElement:
			depth--
			if depth == 1 && t.Name.Local == "body" {
				if sectPr < 0 {
					return 0, errors.New("word/document.xml has no section properties (w:sectPr) at the end of its body; the TD needs them for its page layout and running header")
				}
				return sectPr, nil
			}
		case xml.CharData:
			if depth == 2 && len(bytes.TrimSpace(t)) > 0 {
				return 0, errors.New("word/document.xml has text directly in w:body")
			}
		}
	}
}
