package gold

import (
	"os"
	"path/filepath"
	"testing"
)

// sample is a small gold file: a day, a month-only date, an online
// activity, an alias.
const sample = "region\tkey\tstart\tend\tcity\tcountry\tparticipants\n" +
	"AFR\tworkshop in Accra\t2025-05-05\t2025-05-06\tAccra\tGhana\t40\n" +
	"AFR\tonline course\t2025-09\t2025-09\t\t\t120\n" +
	"EUR\tforum in Chisinau\t2025-10-01\t2025-10-01\tChisinau\tMoldova\t\n"

func readSample(t *testing.T) []Row {
	path := filepath.Join(t.TempDir(), "gold.tsv")
	if err := os.WriteFile(path, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// row is an extracted row.
func row(region, text, start, end, city, country, n string) Row {
	return Row{Region: region, Text: text, Values: map[string]string{"start": start, "end": end, "city": city,
		"country": country, "participants": n}}
}

// TestTheGoldScoresOne: rows that say what the gold says score 1, through
// month-only dates and country aliases.
func TestTheGoldScoresOne(t *testing.T) {
	rows := []Row{
		row("AFR", "A Workshop in Accra was held.", "2025-05-05", "2025-05-06", "Accra", "Ghana", "40"),
		row("AFR", "An online course ran.", "2025-09-01", "2025-09-30", "", "", "120"),
		row("EUR", "A forum in Chisinau.", "2025-10-01", "2025-10-01", "Chisinau", "Republic of Moldova", ""),
	}
	res := Score(readSample(t), rows)
	if b := res.Below(1, 1, 1); len(b) > 0 {
		t.Errorf("the gold itself falls short: %v %v", b, res.Misses)
	}
}

// TestWrongRowsFail: a wrong value on each field, a missing activity and a
// row that is none each cost their score.
func TestWrongRowsFail(t *testing.T) {
	rows := []Row{
		row("AFR", "A workshop in Accra.", "2025-05-04", "2025-05-07", "Kumasi", "Togo", "41"),
		row("AFR", "Standing coordination with TSB.", "", "", "", "", ""),
		row("EUR", "A forum in Chisinau.", "2025-10-01", "2025-10-01", "Chisinau", "Moldova", ""),
	}
	res := Score(readSample(t), rows)
	for _, f := range Fields {
		if res.Field[f] > 2.0/3 {
			t.Errorf("%s scored %.2f with a wrong value and a missing row", f, res.Field[f])
		}
	}
	if res.Recall != 2.0/3 || res.Precision != 2.0/3 {
		t.Errorf("recall %.2f precision %.2f, want 0.67 each", res.Recall, res.Precision)
	}
	if len(res.Below(0.95, 0.97, 0.9)) != len(Fields)+2 {
		t.Errorf("Below = %v", res.Below(0.95, 0.97, 0.9))
	}
	if empty := Score(readSample(t), nil); empty.Recall != 0 || empty.Field["start"] != 0 {
		t.Errorf("no rows scored %s", empty)
	}
}

func TestReadRefusesARaggedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gold.tsv")
	if err := os.WriteFile(path, []byte("region\tkey\tstart\nAFR\tx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(path); err == nil {
		t.Error("a line with too few fields was read")
	}
}
