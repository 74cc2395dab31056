package opc

import (
	"strings"
	"testing"
)

// Every Strict spelling in the table maps to its transitional twin and
// back, and neither column names a URI twice.
func TestStrictTableRoundTrips(t *testing.T) {
	tables := []struct {
		name  string
		table []spelling
	}{
		{"namespaces", strictNamespaces},
		{"relationship types", strictRelTypes},
	}
	strictSeen, transSeen := map[string]bool{}, map[string]bool{}
	for _, tb := range tables {
		for _, s := range tb.table {
			t.Run(tb.name+"/"+s.strict, func(t *testing.T) {
				if !strings.HasPrefix(s.strict, "http://purl.oclc.org/ooxml/") {
					t.Errorf("Strict spelling %s is not a purl.oclc.org URI", s.strict)
				}
				if !strings.HasPrefix(s.transitional, "http://schemas.openxmlformats.org/") {
					t.Errorf("transitional spelling %s is not a schemas.openxmlformats.org URI", s.transitional)
				}
				if got := Transitional(s.strict); got != s.transitional {
					t.Errorf("Transitional(%s) = %s, want %s", s.strict, got, s.transitional)
				}
				if got := Strict(s.transitional); got != s.strict {
					t.Errorf("Strict(%s) = %s, want %s", s.transitional, got, s.strict)
				}
				if strictSeen[s.strict] || transSeen[s.transitional] {
					t.Errorf("%s / %s is in the table twice", s.strict, s.transitional)
				}
				strictSeen[s.strict], transSeen[s.transitional] = true, true
			})
		}
	}
}

// Relationship types outside the table follow the namespace: the
// relationships namespace's Strict spelling, a slash and the same name.
func TestStrictRelationshipTypes(t *testing.T) {
	tests := []struct{ strict, transitional string }{
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", RelOfficeDocument},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/styles", RelStyles},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/image", RelImage},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/diagramData", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData"},
		{"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties", RelExtendedProps},
	}
	for _, tt := range tests {
		if got := Transitional(tt.strict); got != tt.transitional {
			t.Errorf("Transitional(%s) = %s, want %s", tt.strict, got, tt.transitional)
		}
		if got := Strict(tt.transitional); got != tt.strict {
			t.Errorf("Strict(%s) = %s, want %s", tt.transitional, got, tt.strict)
		}
	}
	for _, rel := range []string{RelOfficeDocument, RelExtendedProps, RelStyles, RelNumbering, RelComments,
		RelFootnotes, RelEndnotes, RelImage, RelHyperlink, RelHeader, RelFooter, RelSettings, RelTheme} {
		if s := Strict(rel); !strings.HasPrefix(s, strictRelPrefix) || Transitional(s) != rel {
			t.Errorf("Strict(%s) = %s, which does not map back", rel, s)
		}
	}
}

// What Strict spells as transitional does is left as it is, both ways.
func TestStrictSameInBoth(t *testing.T) {
	for _, uri := range []string{
		"",
		"http://schemas.openxmlformats.org/markup-compatibility/2006",
		"http://schemas.microsoft.com/office/word/2010/wordml",
		"urn:schemas-microsoft-com:vml",
		"http://www.w3.org/XML/1998/namespace",
		"http://schemas.openxmlformats.org/package/2006/relationships",
		RelCoreProps,
		RelCommentsExt,
		RelPeople,
		"http://purl.oclc.org/ooxml/no-such-vocabulary/main",
	} {
		if got := Transitional(uri); got != uri {
			t.Errorf("Transitional(%s) = %s, want it unchanged", uri, got)
		}
		if got := Strict(uri); got != uri {
			t.Errorf("Strict(%s) = %s, want it unchanged", uri, got)
		}
	}
}
