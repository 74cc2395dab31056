// Package gold scores extracted activities against a gold file: a TSV
// listing every activity of a set of contributions (region, key, start,
// end, city, country, participants), as ../shared/activities/gold.tsv and
// the samples' activities-gold.tsv do. A gold row is found by its region
// and its key appearing in a row's Activity text (case, apostrophes and
// dashes aside); a gold row no row holds counts as wrong on every field.
package gold

import (
	"fmt"
	"os"
	"strings"

	"tsagmerge/consolidate/activity"
)

// Fields are the scored columns, in the gold file's order.
var Fields = []string{"start", "end", "city", "country", "participants"}

// Row is one activity, as the gold file or an index gives it: Text is the
// gold row's key, or the activity's text.
type Row struct {
	Region, Text string
	// Values maps each of Fields to its value: dates YYYY-MM-DD (a gold
	// date may be month-only, YYYY-MM), places as written, participants
	// as an integer; "" for none.
	Values map[string]string
}

// Read reads a gold file: a header line naming the columns, then one
// activity a line.
func Read(path string) ([]Row, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	var rows []Row
	for n, line := range lines[1:] {
		f := strings.Split(line, "\t")
		if len(f) != len(header) {
			return nil, fmt.Errorf("%s line %d: %d fields for %d columns", path, n+2, len(f), len(header))
		}
		r := Row{Values: map[string]string{}}
		for i, h := range header {
			switch v := strings.TrimSpace(f[i]); h {
			case "region":
				r.Region = v
			case "key":
				r.Text = v
			default:
				r.Values[h] = v
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// Result is a score: the share of gold rows right on each field, recall
// (gold rows found) and precision (rows that hold a gold key of their
// region), and a line for each miss.
type Result struct {
	Field     map[string]float64
	Recall    float64
	Precision float64
	Misses    []string
}

// Score compares rows with the gold.
func Score(gold, rows []Row) Result {
	res := Result{Field: map[string]float64{}}
	right := map[string]int{}
	found := 0
	for _, g := range gold {
		r, ok := match(g, rows)
		if !ok {
			res.Misses = append(res.Misses, fmt.Sprintf("%s %q: not found", g.Region, g.Text))
			continue
		}
		found++
		for _, f := range Fields {
			if Same(f, g.Values[f], r.Values[f]) {
				right[f]++
			} else {
				res.Misses = append(res.Misses, fmt.Sprintf("%s %q: %s %q, gold %q", g.Region, g.Text, f, r.Values[f], g.Values[f]))
			}
		}
	}
	for _, f := range Fields {
		res.Field[f] = ratio(right[f], len(gold))
	}
	res.Recall = ratio(found, len(gold))
	activities := 0
	for _, r := range rows {
		if holdsKey(r, gold) {
			activities++
		} else {
			res.Misses = append(res.Misses, fmt.Sprintf("%s not an activity: %q", r.Region, r.Text))
		}
	}
	res.Precision = ratio(activities, len(rows))
	return res
}

// Below lists what falls short of the aims: each field at least field,
// recall at least recall, precision at least precision.
func (r Result) Below(field, recall, precision float64) []string {
	var out []string
	for _, f := range Fields {
		if r.Field[f] < field {
			out = append(out, fmt.Sprintf("%s %.3f < %.2f", f, r.Field[f], field))
		}
	}
	if r.Recall < recall {
		out = append(out, fmt.Sprintf("recall %.3f < %.2f", r.Recall, recall))
	}
	if r.Precision < precision {
		out = append(out, fmt.Sprintf("precision %.3f < %.2f", r.Precision, precision))
	}
	return out
}

// String gives the scores on one line.
func (r Result) String() string {
	var b strings.Builder
	for _, f := range Fields {
		fmt.Fprintf(&b, "%s %.3f  ", f, r.Field[f])
	}
	fmt.Fprintf(&b, "recall %.3f  precision %.3f", r.Recall, r.Precision)
	return b.String()
}

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// match finds the first row of the gold row's region whose text holds its
// key.
func match(g Row, rows []Row) (Row, bool) {
	key := fold(g.Text)
	for _, r := range rows {
		if r.Region == g.Region && strings.Contains(fold(r.Text), key) {
			return r, true
		}
	}
	return Row{}, false
}

// holdsKey reports whether row r holds the key of a gold row of its region.
func holdsKey(r Row, gold []Row) bool {
	text := fold(r.Text)
	for _, g := range gold {
		if g.Region == r.Region && strings.Contains(text, fold(g.Text)) {
			return true
		}
	}
	return false
}

// Same compares a gold value with a row's: a month-only gold date
// (YYYY-MM) matches any day of that month; places compare through the
// gazetteer's names and aliases ("Moldova" is "Republic of Moldova").
func Same(field, gold, got string) bool {
	switch field {
	case "start", "end":
		if len(gold) == len("2006-01") {
			return strings.HasPrefix(got, gold+"-")
		}
		return got == gold
	case "city":
		if c, ok := activity.LookupCity(gold); ok {
			if d, ok := activity.LookupCity(got); ok {
				return c.Name == d.Name
			}
		}
	case "country":
		if c, ok := activity.LookupCountry(gold); ok {
			if d, ok := activity.LookupCountry(got); ok {
				return c.ISO3 == d.ISO3
			}
		}
	}
	return fold(gold) == fold(got)
}

// fold is s as compared loosely: lower case, apostrophes and dashes
// unified, white space collapsed.
func fold(s string) string { return activity.Normalize(s) }

// FromActivities gives the rows of extracted activities.
func FromActivities(acts []activity.Activity) []Row {
	rows := make([]Row, len(acts))
	for i, a := range acts {
		v := map[string]string{"city": a.Place.City, "country": a.Place.Country.Name}
		if !a.Date.IsZero() {
			v["start"], v["end"] = a.Date.Start.Format("2006-01-02"), a.Date.End.Format("2006-01-02")
		}
		if a.Participants.N > 0 {
			v["participants"] = fmt.Sprint(a.Participants.N)
		}
		rows[i] = Row{Region: a.Region, Text: a.Text, Values: v}
	}
	return rows
}
