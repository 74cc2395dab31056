package diff

import (
	"reflect"
	"testing"

	"tsagmerge/ingest"
)

func TestStale(t *testing.T) {
	const (
		kept   = "The Regional Office continued to coordinate with TSB on activities in the region."
		other  = "The Office for the Americas held a forum on numbering and  naming in Lima."
		edited = "The Regional Office continued to coordinate with TSB on more activities in the region."
	)
	td := build("TD.docx", "# Africa – Regional Office for Africa", kept, "Short line kept.", "# Americas", other)
	tests := []struct {
		name   string
		region string
		doc    *ingest.Document
		want   []int
	}{
		{"carried over in its region", "AFR", build("AFR.docx", "# Africa", kept, "Short line kept.", edited), []int{2}},
		{"another region's text is not this one's", "AFR", build("AFR.docx", "# Africa", other), nil},
		{"spacing aside", "AMS", build("AMS.docx", "# Americas", "The Office for the Americas held a forum on numbering and naming in Lima."), []int{2}},
		{"a region the TD lacks is looked for everywhere", "EUR", build("EUR.docx", "# Europe", other), []int{2}},
		{"nothing carried", "AFR", build("AFR.docx", "# Africa", edited), nil},
	}
	for _, tc := range tests {
		var got []int
		for _, s := range Stale(td, tc.doc, tc.region) {
			got = append(got, s.Paragraph)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: paragraphs %v; want %v", tc.name, got, tc.want)
		}
	}
}
