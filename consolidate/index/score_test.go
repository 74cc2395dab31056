package index

// The workbook carries every scored field faithfully: its Activities sheet,
// read back with excelize (dates from the cells' serial numbers, so a date
// written as text does not count), scores exactly as the extracted
// activities do, on every gold set (package activity's tests hold the
// scores to their aims).

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/activity"
	"tsagmerge/consolidate/activity/gold"
	"tsagmerge/ingest/testkit"
)

// sheetRows reads the Activities sheet of a written workbook as gold rows.
func sheetRows(t *testing.T, path string) []gold.Row {
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
	var out []gold.Row
	for _, r := range rows[1:] {
		cell := map[string]string{}
		for i, h := range rows[0] {
			if i < len(r) {
				cell[h] = r[i]
			}
		}
		out = append(out, gold.Row{Region: cell["Region"], Text: cell["Activity"], Values: map[string]string{
			"start": sheetDate(cell["Start"]), "end": sheetDate(cell["End"]),
			"city": cell["City"], "country": cell["Country"], "participants": cell["Participants"],
		}})
	}
	return out
}

// sheetDate reads a date cell's serial number as YYYY-MM-DD.
func sheetDate(v string) string {
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
}

func TestWorkbookScoresAsTheActivities(t *testing.T) {
	sets := map[string][2]string{
		"samples":    {testkit.Samples(t), "activities-gold.tsv"},
		"activities": {testkit.Shared(t, "activities"), "gold.tsv"},
	}
	for name, set := range sets {
		t.Run(name, func(t *testing.T) {
			g, err := gold.Read(filepath.Join(set[0], set[1]))
			if err != nil {
				t.Fatal(err)
			}
			x := Build(testkit.ReadDir(t, set[0]), activity.Options{})
			out := filepath.Join(t.TempDir(), "activities.xlsx")
			if err := x.WriteFile(out); err != nil {
				t.Fatal(err)
			}
			fromSheet := gold.Score(g, sheetRows(t, out))
			direct := gold.Score(g, gold.FromActivities(x.Activities))
			t.Logf("sheet: %s", fromSheet)
			if !reflect.DeepEqual(fromSheet, direct) {
				t.Errorf("the sheet scores %s\nthe activities %s\n%s", fromSheet, direct,
					strings.Join(fromSheet.Misses, "\n"))
			}
		})
	}
}
