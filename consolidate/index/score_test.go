package index

// The scorer: it reads the Activities sheet of a written workbook back with
// excelize and compares it with testdata/samples/activities-gold.tsv. A gold
// row is matched by its region and by its key appearing in the Activity
// text (case, apostrophes and dashes aside); a gold row no sheet row
// matches counts as wrong on every field.

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tsagmerge/ingest"
)

const samplesDir = "../../testdata/samples"

// scoredFields are the gold file's columns that are scored.
var scoredFields = []string{"start", "end", "city", "country", "participants"}

// goldThreshold is the accuracy every field must reach on the samples.
const goldThreshold = 0.95

type goldRow map[string]string // column name -> value

func readGold(t *testing.T) []goldRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samplesDir, "activities-gold.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	var rows []goldRow
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		row := goldRow{}
		for i, h := range header {
			if i < len(f) {
				row[h] = strings.TrimSpace(f[i])
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// sheetRow is one row of the Activities sheet: header -> raw cell value.
type sheetRow map[string]string

func readActivities(t *testing.T, path string) []sheetRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Activities", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []sheetRow
	for _, r := range rows[1:] {
		row := sheetRow{}
		for i, h := range rows[0] {
			if i < len(r) {
				row[h] = r[i]
			}
		}
		out = append(out, row)
	}
	return out
}

// score gives the share of gold rows right on each field, and what was
// wrong.
func score(gold []goldRow, rows []sheetRow) (map[string]float64, []string) {
	right := map[string]int{}
	var wrong []string
	for _, g := range gold {
		row := matchRow(g, rows)
		for _, field := range scoredFields {
			got := ""
			if row != nil {
				got = sheetValue(row, field)
			}
			if sameValue(field, g[field], got) && row != nil {
				right[field]++
			} else {
				wrong = append(wrong, g["region"]+" "+g["key"]+": "+field+" "+strconv.Quote(got)+", gold "+strconv.Quote(g[field]))
			}
		}
	}
	acc := map[string]float64{}
	for _, field := range scoredFields {
		acc[field] = float64(right[field]) / float64(len(gold))
	}
	return acc, wrong
}

// matchRow finds the first sheet row of the gold row's region whose
// Activity holds its key.
func matchRow(g goldRow, rows []sheetRow) sheetRow {
	key := normalize(g["key"])
	for _, r := range rows {
		if r["Region"] == g["region"] && strings.Contains(normalize(r["Activity"]), key) {
			return r
		}
	}
	return nil
}

// sheetValue reads a scored field from a row: dates as YYYY-MM-DD from the
// cell's serial number (a date written as text does not count).
func sheetValue(r sheetRow, field string) string {
	switch field {
	case "start", "end":
		v := r[strings.ToUpper(field[:1])+field[1:]]
		if v == "" {
			return ""
		}
		serial, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return "not a date: " + v
		}
		d, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			return "not a date: " + v
		}
		return d.Format("2006-01-02")
	case "city":
		return r["City"]
	case "country":
		return r["Country"]
	default:
		return r["Participants"]
	}
}

// sameValue compares a gold value with a sheet value: a month-only gold
// date (YYYY-MM) matches any date in that month; places compare through
// the gazetteer's aliases ("Moldova" is "Republic of Moldova").
func sameValue(field, gold, got string) bool {
	switch field {
	case "start", "end":
		if len(gold) == len("2006-01") {
			return strings.HasPrefix(got, gold+"-")
		}
		return got == gold
	case "city":
		return canonical(gold, cityKey) == canonical(got, cityKey)
	case "country":
		return canonical(gold, countryKey) == canonical(got, countryKey)
	default:
		return strings.TrimSpace(gold) == strings.TrimSpace(got)
	}
}

func canonical(s string, key func(string) (string, bool)) string {
	if k, ok := key(s); ok {
		return k
	}
	return normalize(s)
}

func cityKey(s string) (string, bool) {
	c, ok := lookupCity(s)
	return c.Name, ok
}

func countryKey(s string) (string, bool) {
	c, ok := lookupCountry(s)
	return c.ISO3, ok
}

// readSamples reads the six sample contributions with the ingest reader.
func readSamples(t *testing.T) []*ingest.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(samplesDir, "*.docx"))
	if err != nil || len(files) != 6 {
		t.Fatalf("want the 6 samples in %s, found %d (%v)", samplesDir, len(files), err)
	}
	var docs []*ingest.Document
	for _, f := range files {
		d, err := ingest.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { d.Package.Close() })
		docs = append(docs, d)
	}
	return docs
}

// scoreIndex writes x and scores its Activities sheet.
func scoreIndex(t *testing.T, x *Index) (map[string]float64, []string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "activities.xlsx")
	if err := x.WriteFile(out); err != nil {
		t.Fatal(err)
	}
	return score(readGold(t), readActivities(t, out))
}

// TestGoldSamples is the evidence: the index of the samples against the
// gold file, field by field.
func TestGoldSamples(t *testing.T) {
	acc, wrong := scoreIndex(t, Build(readSamples(t), Options{}))
	for _, field := range scoredFields {
		t.Logf("%-12s %.3f", field, acc[field])
	}
	for _, w := range wrong {
		t.Log("wrong: " + w)
	}
	for _, field := range scoredFields {
		if acc[field] < goldThreshold {
			t.Errorf("%s: accuracy %.3f below %.2f", field, acc[field], goldThreshold)
		}
	}
}

// TestScorerFailsAWrongSheet keeps the scorer honest: a sheet with every
// date a month off, every activity in Geneva and every head count wrong
// must score below the threshold on every field.
func TestScorerFailsAWrongSheet(t *testing.T) {
	x := Build(readSamples(t), Options{})
	geneva, _ := lookupCity("Geneva")
	for i := range x.Activities {
		a := &x.Activities[i]
		if a.Date.IsZero() {
			a.Date = DateSpan{Start: day("2025-01-15"), End: day("2025-01-15"), Written: "15 January 2025", Precision: Day}
		} else {
			a.Date.Start, a.Date.End = a.Date.Start.AddDate(0, 1, 1), a.Date.End.AddDate(0, 1, 1)
		}
		a.Place = Place{City: geneva.Name, Country: geneva.Country}
		a.Participants = Participants{N: a.Participants.N + 7, Qualifier: "exact"}
	}
	acc, _ := scoreIndex(t, x)
	for _, field := range scoredFields {
		t.Logf("wrong sheet: %-12s %.3f", field, acc[field])
		if acc[field] >= goldThreshold {
			t.Errorf("the scorer passed a wrong %s column (%.3f)", field, acc[field])
		}
	}
	acc, _ = scoreIndex(t, &Index{Docs: x.Docs})
	for _, field := range scoredFields {
		if acc[field] != 0 {
			t.Errorf("an empty sheet scored %.3f on %s", acc[field], field)
		}
	}
}

// TestScorerPassesTheGold: a sheet made from the gold file itself scores
// 1 on every field, through dates, month-only dates and aliases.
func TestScorerPassesTheGold(t *testing.T) {
	var acts []Activity
	for _, g := range readGold(t) {
		a := Activity{Region: g["region"], Text: "About: " + strings.ToUpper(g["key"]) + "."}
		a.Date = goldSpan(t, g["start"], g["end"])
		if c, ok := lookupCity(g["city"]); ok {
			a.Place.City = c.Name
		}
		if c, ok := lookupCountry(g["country"]); ok {
			a.Place.Country = c
		}
		a.Participants.N, _ = strconv.Atoi(g["participants"])
		acts = append(acts, a)
	}
	acc, wrong := scoreIndex(t, &Index{Activities: acts})
	for _, field := range scoredFields {
		if acc[field] != 1 {
			t.Errorf("the gold itself scored %.3f on %s: %v", acc[field], field, wrong)
		}
	}
}

// goldSpan turns gold dates (YYYY-MM-DD or month-only YYYY-MM) into a span.
func goldSpan(t *testing.T, start, end string) DateSpan {
	if start == "" {
		return DateSpan{}
	}
	parse := func(s string, last bool) time.Time {
		if len(s) == len("2006-01") {
			m, err := time.Parse("2006-01", s)
			if err != nil {
				t.Fatal(err)
			}
			if last {
				return m.AddDate(0, 1, -1)
			}
			return m
		}
		return day(s)
	}
	return DateSpan{Start: parse(start, false), End: parse(end, true), Written: start, Precision: Day}
}
