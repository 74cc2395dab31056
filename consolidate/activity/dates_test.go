package activity

import (
	"testing"
	"time"
)

var h2025 = halfYear(2025, 2)

// mainDateOf is the date extraction gives the first activity of a
// paragraph in 2025-H2.
func mainDateOf(t *testing.T, text string) DateSpan {
	t.Helper()
	segs := segsOf(text)
	if len(segs) == 0 {
		t.Fatalf("%q: no activity", text)
	}
	return segs[0].date(h2025)
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestDateForms gives every form of date a region writes its own cases:
// the span read and the words kept as written.
func TestDateForms(t *testing.T) {
	tests := []struct {
		form, text string
		start, end string
		written    string
		prec       Precision
	}{
		{"day", "On 5th September 2025, TSB delivered a workshop in Benin.", "2025-09-05", "2025-09-05", "5th September 2025", Day},
		{"day, weekday", "A mission was held on Tuesday, 8 October 2024 in Honduras.", "2024-10-08", "2024-10-08", "Tuesday, 8 October 2024", Day},
		{"day, of", "The Commission met in Minsk on the 25th of September 2024.", "2024-09-25", "2024-09-25", "the 25th of September 2024", Day},
		{"range, dash", "A workshop took place on 15–16 December 2025.", "2025-12-15", "2025-12-16", "15–16 December 2025", Day},
		{"range, to", "The meeting was held in Nairobi from 19 to 21 August 2024.", "2024-08-19", "2024-08-21", "from 19 to 21 August 2024", Day},
		{"range, slash", "A training was held in Kigali, 5/6 September 2024.", "2024-09-05", "2024-09-06", "5/6 September 2024", Day},
		{"range, ordinals", "The meeting was held in Cairo on 2nd–4th September 2024.", "2024-09-02", "2024-09-04", "2nd–4th September 2024", Day},
		{"range across months", "The course ran from 30 November – 2 December 2025.", "2025-11-30", "2025-12-02", "from 30 November – 2 December 2025", Day},
		{"range across years", "A course ran from 25 November 2024 to 17 January 2025.", "2024-11-25", "2025-01-17", "from 25 November 2024 to 17 January 2025", Day},
		{"month first", "The clinic was held on September 5-7, 2025 in Accra.", "2025-09-05", "2025-09-07", "September 5-7, 2025", Day},
		{"ISO", "The clinic was held on 2025-09-05 in Accra.", "2025-09-05", "2025-09-05", "2025-09-05", Day},
		{"numeric", "The clinic was held on 12/05/2025 in Accra.", "2025-05-12", "2025-05-12", "12/05/2025", Day},
		{"numeric range", "The course ran from 12.05.2025 to 14.05.2025 in Accra.", "2025-05-12", "2025-05-14", "from 12.05.2025 to 14.05.2025", Day},
		{"list of days in a month", "A forum was held in Accra on 19, 20 and 21 August 2025.", "2025-08-19", "2025-08-21", "19, 20 and 21 August 2025", Day},
		{"ISO range", "A meeting was held from 2024-08-05 to 2024-08-08.", "2024-08-05", "2024-08-08", "from 2024-08-05 to 2024-08-08", Day},
		{"list of days", "Letters were exchanged on 14 Oct and 22 Oct 2024.", "2024-10-14", "2024-10-22", "14 Oct and 22 Oct 2024", Day},
		{"month", "TSB took part in the Dialogue in October 2025 in Montevideo.", "2025-10-01", "2025-10-31", "October 2025", Month},
		{"month range", "The programme ran December 2025 – January 2026.", "2025-12-01", "2026-01-31", "December 2025 – January 2026", Month},
		{"between months", "Between July and December 2025, three webinars were organised.", "2025-07-01", "2025-12-31", "Between July and December 2025", Month},
		{"part of a month", "A workshop was held in Dodoma in mid-November 2024.", "2024-11-01", "2024-11-30", "mid-November 2024", Month},
		{"early month, no year", "In early August, a training was held in Damascus.", "2025-08-01", "2025-08-31", "early August", Month},
		{"bare month", "A webinar was held in May.", "2025-05-01", "2025-05-31", "May", Month},
		{"quarter, Q", "During Q3 2024, the Office ran an online course.", "2024-07-01", "2024-09-30", "Q3 2024", Quarter},
		{"quarter, words", "A clinic was delivered in Port Louis in the fourth quarter of 2024.", "2024-10-01", "2024-12-31", "the fourth quarter of 2024", Quarter},
		{"half-year, words", "A course ran in Accra in the first half of 2025.", "2025-01-01", "2025-06-30", "the first half of 2025", Month},
		{"half-year, H", "A course ran in Accra in H2 2025.", "2025-07-01", "2025-12-31", "H2 2025", Month},
		{"week of", "A session was held in Brasília, the week of 16 September 2024.", "2024-09-16", "2024-09-22", "the week of 16 September 2024", Week},
		{"week at a month's end", "A meeting was held in Warsaw, the week of 25 November 2024.", "2024-11-25", "2024-11-30", "the week of 25 November 2024", Week},
		{"nth week", "During the second week of August 2025, experts visited Quito.", "2025-08-08", "2025-08-14", "the second week of August 2025", Day},
		{"last week", "In the last week of June, experts visited Quito.", "2025-06-24", "2025-06-30", "the last week of June", Day},
		{"French", "Le « Atelier régional, 9-11 juillet 2024 » was held in Abidjan.", "2024-07-09", "2024-07-11", "9-11 juillet 2024", Day},
		{"French, du … au", "The workshop « Forum, du 12 au 14 mai 2025 » was held in Dakar.", "2025-05-12", "2025-05-14", "du 12 au 14 mai 2025", Day},
		{"Spanish", "The workshop “Taller, 5 al 7 de noviembre de 2024” was held in La Paz.", "2024-11-05", "2024-11-07", "5 al 7 de noviembre de 2024", Day},
		{"Portuguese", "The workshop “Oficina, 3 de março de 2025” was held in Luanda.", "2025-03-03", "2025-03-03", "3 de março de 2025", Day},
	}
	for _, tc := range tests {
		t.Run(tc.form, func(t *testing.T) {
			d := mainDateOf(t, tc.text)
			if got := d.Start.Format("2006-01-02") + ".." + d.End.Format("2006-01-02"); got != tc.start+".."+tc.end {
				t.Errorf("%q: got %s, want %s..%s", tc.text, got, tc.start, tc.end)
			}
			if d.Written != tc.written || d.Precision != tc.prec {
				t.Errorf("%q: got written %q precision %d; want %q %d", tc.text, d.Written, d.Precision, tc.written, tc.prec)
			}
		})
	}
}

// TestMissingYears: a year the text leaves out comes from the sentence,
// then the paragraph, then the reporting period (a month after the period
// in the year after).
func TestMissingYears(t *testing.T) {
	tests := []struct{ text, start, from string }{
		{"The clinic held on 3 October followed the 10 September 2024 meeting.", "2024-10-03", "sentence"},
		{"The lab opened in Accra. A clinic was held on 3 November. It followed the plan of 5 May 2024.", "2024-11-03", "paragraph"},
		{"A webinar was held on 28 October.", "2025-10-28", "reporting period"},
		{"A workshop was held in Suva in February.", "2026-02-01", "reporting period"},
	}
	for _, tc := range tests {
		segs := segsOf(tc.text)
		d := segs[len(segs)-1].date(h2025)
		if d.Start.Format("2006-01-02") != tc.start || d.YearFrom != tc.from {
			t.Errorf("%q: %s from the %q, want %s from the %q", tc.text, d.Start.Format("2006-01-02"), d.YearFrom, tc.start, tc.from)
		}
	}
}

// TestDateReferences: "during this period" takes the date of the sentence
// before; "in the reporting period" the period.
func TestDateReferences(t *testing.T) {
	para := "Between July and December 2025, the DFS Security Lab continued to support Member States. " +
		"During this period, the Lab delivered three clinics in Accra, reaching at least 70 participants."
	d := mainDateOf(t, para)
	if !d.Start.Equal(day("2025-07-01")) || !d.End.Equal(day("2025-12-31")) {
		t.Errorf("'during this period' should take the sentence before's dates, got %s..%s", d.Start, d.End)
	}
	if d.Describe() != "During this period (Between July and December 2025)" {
		t.Errorf("Describe() = %q", d.Describe())
	}
	ms := findDates("In the reporting period the team performed tests.")
	if len(ms) != 1 || ms[0].ref != "reporting" {
		t.Errorf("'in the reporting period' read as %+v", ms)
	}
	if ms := findDates("It was held during the period July–December 2024."); len(ms) != 1 || ms[0].ref != "" || ms[0].m1 != 7 {
		t.Errorf("'during the period July–December 2024' read as %+v, want the months", ms)
	}
}

// TestNotDates: numbers, names and verbs that are not dates.
func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"Egypt Vision 2030 guides the framework.",
		"COP30 is the UN Climate Change Conference 2025.",
		"Zimbabwe advanced to Phase 3 or Phase 4.",
		"See Resolution 123 of PP-22 & 44 of WTSA-24.",
		"Participants may attend in person.",
		"May the work go on.",
		"Sessions ran through July and August.",
		"Study Group 5 worked under Questions 6/5 and 9/5.",
		"Version 1.2.2025 of the text, and 45/13/2025.",
		"The study period 2025–2028 starts.",
		"It was originally planned for October.",
		"Le mai et le mars sont des mots.",
	} {
		if ms := findDates(s); len(ms) > 0 {
			t.Errorf("%q: found a date %q", s, ms[0].written)
		}
	}
}

func TestImpossibleDayFallsBackToMonth(t *testing.T) {
	d := mainDateOf(t, "It was held in Accra on 31 September 2025.")
	if d.Precision != Month || !d.Start.Equal(day("2025-09-01")) || !d.End.Equal(day("2025-09-30")) {
		t.Errorf("31 September 2025 gave %s..%s precision %d, want September 2025 month-only", d.Start, d.End, d.Precision)
	}
}

// TestDescribe: "Date as written" keeps the words and explains a span
// that is not exact and a year supplied.
func TestDescribe(t *testing.T) {
	tests := map[string]string{
		"TSB took part in a meeting in October 2025.":         "October 2025 (month only: 1 Oct to 31 Oct 2025)",
		"The programme ran December 2025 – January 2026.":     "December 2025 – January 2026 (month only: 1 Dec 2025 to 31 Jan 2026)",
		"A webinar was held on 28 October.":                   "28 October (year 2025 from the reporting period)",
		"A workshop was held in Dodoma in mid-November 2024.": "mid-November 2024 (mid month, the whole month: 1 Nov to 30 Nov 2024)",
		"A clinic was held in Accra in Q4 2024.":              "Q4 2024 (quarter: 1 Oct to 31 Dec 2024)",
		"A meeting was held the week of 25 November 2024.":    "the week of 25 November 2024 (week of 25 Nov, within its month: 25 Nov to 30 Nov 2024)",
		"A forum was held on 5 May 2025.":                     "5 May 2025",
	}
	for text, want := range tests {
		if got := mainDateOf(t, text).Describe(); got != want {
			t.Errorf("%q: Describe() = %q, want %q", text, got, want)
		}
	}
}

// TestDateLimitsAndBrackets: a date after "until" is a limit; one in
// brackets is marked so.
func TestDateLimitsAndBrackets(t *testing.T) {
	ms := findDates("It is funded until February 2026 (Athens, September 2025).")
	if len(ms) != 2 || !ms[0].bound || ms[0].inParens || ms[1].bound || !ms[1].inParens {
		t.Fatalf("got %+v, want a limit then a bracketed date", ms)
	}
}
