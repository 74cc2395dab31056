package templates

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// sampleMeta is a complete cover, with characters that must be escaped.
func sampleMeta() Meta {
	m := DefaultMeta()
	m.TDNumber = "TSAG-TD123"
	m.Place = "Geneva"
	m.Date = "20-23 January 2026"
	m.Contacts = []Contact{{
		Name:         "Jane Doe",
		Organization: "TSB & BDT <joint>",
		Country:      "Switzerland",
		Tel:          "+41 22 730 5866",
		Email:        "tsbtsag@itu.int",
	}}
	return m
}

// parts unzips a package into a map, failing the test on error.
func parts(t *testing.T, docx []byte) map[string][]byte {
	t.Helper()
	_, entries, err := readPackage("test", docx)
	if err != nil {
		t.Fatalf("unzip: %v", err)
	}
	m := make(map[string][]byte, len(entries))
	for _, e := range entries {
		m[e.Name] = e.Data
	}
	return m
}

// withPart returns docx with one part rewritten by edit.
func withPart(t *testing.T, docx []byte, name string, edit func(string) string) []byte {
	t.Helper()
	_, entries, err := readPackage("test", docx)
	if err != nil {
		t.Fatalf("unzip: %v", err)
	}
	done := false
	for i := range entries {
		if entries[i].Name == name {
			entries[i].Data = []byte(edit(string(entries[i].Data)))
			done = true
		}
	}
	if !done {
		t.Fatalf("no part %s", name)
	}
	out, err := writeZip(entries)
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	return out
}

// wellFormed reads a part to its end with encoding/xml.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// visibleText joins the w:t text of a part, paragraphs on their own lines.
func visibleText(t *testing.T, data []byte) string {
	t.Helper()
	var b strings.Builder
	in, run := false, false // in w:t, in w:r (w:tab elsewhere is a tab stop)
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatalf("xml: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "r":
				run = true
			case "t":
				in = true
			case "tab":
				if run {
					b.WriteString("\t")
				}
			case "br":
				b.WriteString("\n")
			}
		case xml.EndElement:
			switch tk.Name.Local {
			case "r":
				run = false
			case "t":
				in = false
			case "p":
				b.WriteString("\n")
			}
		case xml.CharData:
			if in {
				b.Write(tk)
			}
		}
	}
}

// textOnly checks that every w:t holds text only: Word rejects a document
// with an element (a w:br, a w:tab) inside w:t.
func textOnly(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	in := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if in {
				return errors.New("w:" + tk.Name.Local + " inside w:t")
			}
			in = tk.Name.Local == "t"
		case xml.EndElement:
			in = false
		}
	}
}
