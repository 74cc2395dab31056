package check

import (
	"reflect"
	"testing"

	"tsagmerge/ingest"
)

func TestEnumerationDuplicates(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"In collaboration with BDT, a series of Digital Financial Services (DFS) Security Clinics were held by TSB team for Ethiopia, Eswatini, The Gambia, South Sudan, Ghana, Zimbabwe, Malawi, Lesotho, Ethiopia, Eswatini, Sierra Leone, Burkina Faso and Gabon. The DFS clinics are attended by ICT and Financial regulators.",
			[]string{"Ethiopia and Eswatini named twice in one list"}},
		{"Workshops in Ghana, Kenya, Ghana and Benin.", []string{"Ghana named twice in one list"}},
		{"Visits to Chad, Gabon, Niger, and Gabon.", []string{"Gabon named twice in one list"}},
		{"Members: Trinidad and Tobago, Jamaica, Trinidad and Tobago, Barbados.", []string{"Trinidad and Tobago named twice in one list"}},
		// Not duplicates.
		{"73 participants were trained from 9 member states including Malaysia, Indonesia, Brunei, Timor Leste, Thailand, Cambodia, Mongolia, Lao PDR & Pakistan.", nil},
		{"More than 60 participants from seven ARTAC Member States (Chad, Cameroon, Congo, the Democratic Republic of Congo, the Central African Republic, Gabon, and Equatorial Guinea), as well as the Central Bank of Central African States (BEAC).", nil},
		{"With support from the Office, Zimbabwe, Lesotho, South Sudan, and The Gambia advanced to Phase 3. At the same time, Somalia, Ethiopia, Sierra Leone, Burkina Faso, and Gabon progressed.", nil},
		{"Ghana hosted it, and Ghana, Kenya and Benin attended.", nil}, // Ghana twice, but not in one list
		{"On 5th September 2025, TSB in collaboration with BDT and GSMA delivered a training workshop in Benin.", nil},
		{"Escribo, escribo tan solo para ti", nil},                                                 // two items: a figure of speech
		{"Microsoft, MSDN, Windows, and Windows Vista are trademarks of Microsoft.", nil},          // a longer name after the list
		{"Mac OS, Mac OS X(PowerPC, Intel processor)", nil},                                        // likewise
		{"Staudenmayer, J., He, S., Hickey, A., Sasaki, J., & Freedson, P. (2015). Methods.", nil}, // initials
		{"Set sh = S.Shapes.AddShape(msoShapeRectangle, 200, 200, 200, 50)", nil},                  // numbers
		{"It was, as always, and as it must be, all, all of it, gone.", nil},                       // little words
		{"Criminal Jurisdictions, Oxford, Oxford University Press, 2011.", nil},                    // a place and a publisher
	}
	for _, tc := range tests {
		var got []string
		for _, d := range enumerationDuplicates(tc.text) {
			got = append(got, d.text)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("enumerationDuplicates(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

func TestListDuplicates(t *testing.T) {
	item := func(i int, num string, level int, text string) *ingest.Paragraph {
		return &ingest.Paragraph{Index: i, Text: text, Section: -1, List: &ingest.ListInfo{NumID: num, Level: level}}
	}
	d := &ingest.Document{Paragraphs: []*ingest.Paragraph{
		item(1, "1", 0, "Ghana"),
		item(2, "1", 1, "Details"),
		item(3, "1", 0, "Kenya"),
		item(4, "1", 1, "Details"), // under another parent: not a repeat
		item(5, "1", 0, "ghana."),  // repeats item 1
		item(6, "2", 0, "Kenya"),   // another list
		{Index: 7, Text: "A paragraph between lists.", Section: -1},
		item(8, "1", 0, "Kenya"), // the list starts again
	}}
	var got []int
	for _, f := range duplicates(d, Options{}) {
		got = append(got, f.Paragraph)
	}
	if !reflect.DeepEqual(got, []int{5}) {
		t.Errorf("repeated list items at paragraphs %v; want [5]", got)
	}
}
