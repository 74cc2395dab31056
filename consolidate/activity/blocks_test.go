package activity

import (
	"strconv"
	"strings"
	"testing"

	"tsagmerge/ingest"
)

// TestHeaderRoles: a header cell names its column's role by any of its
// words.
func TestHeaderRoles(t *testing.T) {
	got := headerRoles([]string{"Event", "Dates", "Venue", "Participants", "Member states", "Name of the activity", "Place (city)", "Number of attendees", "Country", "No."})
	want := []string{roleEvent, roleDate, roleVenue, roleParticipants, "", roleEvent, roleVenue, roleParticipants, roleVenue, roleNumber}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("roles %q, want %q", got, want)
	}
}

// tableDoc is a document of one section holding a caption and a table.
func tableDoc(cells [][]string) *ingest.Document {
	d := &ingest.Document{Region: ingest.Region{Code: "EUR"}, Sections: []*ingest.Section{{Level: 1, Title: "Europe"}}}
	caption := &ingest.Paragraph{Index: 1, Section: 0, Style: "Caption", Text: "Table 1 – Events, July–December 2024"}
	table := &ingest.Table{Rows: len(cells), Cols: len(cells[0]), Cells: cells, Paragraph: 2, Caption: caption.Text}
	d.Paragraphs = []*ingest.Paragraph{caption}
	for i := range len(cells) * len(cells[0]) {
		d.Paragraphs = append(d.Paragraphs, &ingest.Paragraph{Index: 2 + i, Section: 0, InTable: true})
	}
	d.Tables = []*ingest.Table{table}
	d.Blocks = []ingest.Block{{Paragraph: caption}, {Table: table}}
	return d
}

// TestTableRows: a table of activities gives a row each, its fields read
// from the columns its header names; the year a Dates cell lacks comes
// from the caption.
func TestTableRows(t *testing.T) {
	d := tableDoc([][]string{
		{"Event", "Dates", "Venue", "Participants"},
		{"Regional workshop on e-waste", "1–3 October", "Podgorica, Montenegro", "78"},
		{"Webinar on quantum-safe networks", "2024-10-29", "Online", "approx. 300"},
		{"Accessible Europe forum", "5/6 December 2024", "Brussels, Belgium (hybrid)", "1,050"},
		{"", "", "", ""},
	})
	acts, _ := Extract([]*ingest.Document{d}, Options{})
	if len(acts) != 3 {
		t.Fatalf("got %d activities, want 3: %+v", len(acts), acts)
	}
	want := []string{
		"2024-10-01 2024-10-03 Podgorica Montenegro 78 table's caption",
		"2024-10-29 2024-10-29   300 ",
		"2024-12-05 2024-12-06 Brussels Belgium 1050 ",
	}
	for i, a := range acts {
		got := strings.Join([]string{ymd(a.Date.Start), ymd(a.Date.End), a.Place.City, a.Place.Country.Name,
			itoa(a.Participants.N), a.Date.YearFrom}, " ")
		if got != want[i] {
			t.Errorf("row %d: %q, want %q", i+1, got, want[i])
		}
	}
	if acts[0].Paragraph != 6 || acts[0].Section != "Europe" {
		t.Errorf("row 1 at paragraph %d in %q, want 6 in Europe", acts[0].Paragraph, acts[0].Section)
	}
}

// itoa writes a head count, "" for none.
func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// TestCityAndCountryColumns: a City and a Country column make one venue.
func TestCityAndCountryColumns(t *testing.T) {
	d := tableDoc([][]string{{"#", "Activity", "Date", "City", "Country", "No. of participants"}, {"1", "Clinic", "12/05/2025", "Victoria", "Seychelles", "25"}})
	acts, _ := Extract([]*ingest.Document{d}, Options{})
	if len(acts) != 1 || acts[0].Place.City != "Victoria" || acts[0].Place.Country.Name != "Seychelles" || acts[0].Participants.N != 25 ||
		acts[0].Text != "Clinic; 12/05/2025; Victoria; Seychelles; 25" {
		t.Errorf("got %+v", acts)
	}
}

// TestTablesWithoutEvents: a table whose header names no event, or no date
// and no venue, holds no activity.
func TestTablesWithoutEvents(t *testing.T) {
	for _, header := range [][]string{{"Country", "Dates", "Venue"}, {"Event", "Organizer", "Language"}} {
		d := tableDoc([][]string{header, {"Workshop in Accra", "5 May 2025", "Accra, Ghana"}})
		if acts, _ := Extract([]*ingest.Document{d}, Options{}); len(acts) != 0 {
			t.Errorf("header %q gave %d activities", header, len(acts))
		}
	}
}

// TestSummaryTableRestates: a table row with the dates and city of an
// activity already reported is a summary of it, not a new one.
func TestSummaryTableRestates(t *testing.T) {
	d := tableDoc([][]string{{"Workshop", "Dates", "Participants"}, {"Delhi, India", "May 2025", "–"}, {"Accra, Ghana", "June 2025", "40"}})
	text := &ingest.Paragraph{Index: 20, Section: 0, Text: "The first workshop was held in Delhi, India in May 2025."}
	d.Paragraphs = append(d.Paragraphs, text)
	d.Blocks = append([]ingest.Block{{Paragraph: text}}, d.Blocks...)
	acts, _ := Extract([]*ingest.Document{d}, Options{})
	if len(acts) != 2 || !strings.HasPrefix(acts[1].Text, "Accra") {
		t.Errorf("got %d activities (%+v), want the text's and the Accra row", len(acts), acts)
	}
}

// TestListItemsKeepTheirIntroduction: a list item knows the paragraph that
// introduces its list.
func TestListItemsKeepTheirIntroduction(t *testing.T) {
	d := testkitDoc("= AFR\n# Africa\nThe Office delivered the following sessions:\n- a workshop in Accra on 5 May 2025;\n")
	blocks := blocksOf(d)
	if len(blocks) != 2 || blocks[1].Kind != ListItem || blocks[1].Context != "The Office delivered the following sessions:" {
		t.Errorf("blocks %+v", blocks)
	}
}
