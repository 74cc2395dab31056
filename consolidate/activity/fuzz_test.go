package activity

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// FuzzExtract: any text, as paragraphs, list items, headings and a table's
// rows, gives activities without a panic, and what it gives stays bounded
// by the text: no more activities than sentences and rows, each activity's
// text taken from the input, dates in order.
func FuzzExtract(f *testing.F) {
	if data, err := os.ReadFile("testdata/regions.txt"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			f.Add(line)
		}
	}
	for _, s := range []string{
		"Event | Dates | Venue | Participants\nForum | 5/6 December 2024 | Brussels, Belgium (hybrid) | 1,050",
		"the week of 31 February 2025", "Q4", "du 12 au", "from 2024-13-45 to 2024-02-30", "two hundred and",
		"In Victoria, Seychelles, from 30 November – 2 December, 150+ participants.", "(Rev. Bucharest, 2022) (((",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		d := fuzzDoc(text)
		acts, _ := Extract([]*ingest.Document{d}, Options{Period: h2025})
		limit := strings.Count(text, ".") + strings.Count(text, "!") + strings.Count(text, "?") + strings.Count(text, "\n") + 2
		if len(acts) > limit {
			t.Fatalf("%d activities from %d bytes (at most %d sentences and rows)", len(acts), len(text), limit)
		}
		for _, a := range acts {
			if !a.Date.IsZero() && a.Date.End.Before(a.Date.Start) {
				t.Fatalf("%q: date ends before it starts: %+v", a.Text, a.Date)
			}
			if y := a.Date.Start.Year(); !a.Date.IsZero() && (y < 1899 || y > 2101) {
				t.Fatalf("%q: year %d", a.Text, y)
			}
			if a.Participants.N < 0 || len(a.Text) > len(text)+3*strings.Count(text, "|") || !utf8.ValidString(a.Text) && utf8.ValidString(text) {
				t.Fatalf("activity out of bounds: %+v", a)
			}
		}
	})
}

// fuzzDoc makes a document of a text: its lines as the markup of
// testkit.TextDocs under one heading, and the lines holding "|" also as
// the rows of a table.
func fuzzDoc(text string) *ingest.Document {
	d := testkit.TextDocs("= AFR\n# Africa\n" + text)[0]
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "|") {
			rows = append(rows, strings.Split(line, "|"))
		}
	}
	if len(rows) > 0 {
		table := &ingest.Table{Rows: len(rows), Cells: rows, Paragraph: len(d.Paragraphs) + 1}
		d.Tables = append(d.Tables, table)
		d.Blocks = append(d.Blocks, ingest.Block{Table: table})
	}
	return d
}
