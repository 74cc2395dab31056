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
	list := &ingest.ListInfo{NumID: "1", Format: "bullet"}
	d := &ingest.Document{Paragraphs: []*ingest.Paragraph{
		{Index: 1, Text: "Ghana", List: list, Section: -1},
		{Index: 2, Text: "Kenya", List: list, Section: -1},
		{Index: 3, Text: "ghana.", List: list, Section: -1},
		{Index: 4, Text: "A paragraph between lists.", Section: -1},
		{Index: 5, Text: "Kenya", List: list, Section: -1}, // a new list
	}}
	got := duplicates(d, Options{})
	if len(got) != 1 || got[0].Paragraph != 3 || got[0].Kind != DuplicateInList {
		t.Errorf("duplicates = %+v; want one finding at paragraph 3", got)
	}
}
