package index

import (
	"strings"
	"testing"
	"time"
)

var h2025 = halfYear(2025, 2)

// mainDateOf is the date extraction gives the one activity of text.
func mainDateOf(t *testing.T, text string, p Period) DateSpan {
	t.Helper()
	segs := segment(text, p)
	if len(segs) == 0 {
		return DateSpan{}
	}
	return segs[0].activity(p).Date
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDates(t *testing.T) {
	tests := []struct {
		text       string
		start, end string
		written    string
		prec       Precision
		yearFrom   string
	}{
		{"On 5th September 2025, TSB delivered a training workshop in Benin.", "2025-09-05", "2025-09-05", "5th September 2025", Day, ""},
		{"In Kuala Lumpur, Malaysia from 9-12 September where 73 participants were trained.", "2025-09-09", "2025-09-12", "from 9-12 September", Day, "reporting period"},
		{"A regional workshop took place on 15–16 December 2025.", "2025-12-15", "2025-12-16", "15–16 December 2025", Day, ""},
		{"The Forum took place in St. Petersburg from 9 to 11 June 2025.", "2025-06-09", "2025-06-11", "from 9 to 11 June 2025", Day, ""},
		{"The Forum was held from 2 to 3 December 2025 in Brussels.", "2025-12-02", "2025-12-03", "from 2 to 3 December 2025", Day, ""},
		{"The workshop was held 2 to 3 December 2025 in Brussels.", "2025-12-02", "2025-12-03", "2 to 3 December 2025", Day, ""},
		{"TSB took part in the Dialogue in October 2025 in Montevideo.", "2025-10-01", "2025-10-31", "October 2025", Month, ""},
		{"Knowledge transfer went on during the July–December 2025 period.", "2025-07-01", "2025-12-31", "July–December 2025", Month, ""},
		{"Between July and December 2025, three webinars were organised.", "2025-07-01", "2025-12-31", "Between July and December 2025", Month, ""},
		{"Letters were exchanged between TSB and BICMA, on 14 Oct and 22 Oct 2024.", "2024-10-14", "2024-10-22", "14 Oct and 22 Oct 2024", Day, ""},
		{"Two online sessions were organised on 19 Aug & 16 Aug.", "2025-08-16", "2025-08-19", "19 Aug & 16 Aug", Day, "reporting period"},
		{"ITU is organizing a training course on 11-13 February 2026 in Bangkok.", "2026-02-11", "2026-02-13", "11-13 February 2026", Day, ""},
		{"The TSB Director took part in one of the meetings (Athens, September 2025).", "2025-09-01", "2025-09-30", "September 2025", Month, ""},
		{"COP30 was held in Belém, Brazil, November 2025.", "2025-11-01", "2025-11-30", "November 2025", Month, ""},
		{"The clinic was held on 2025-09-05 in Accra.", "2025-09-05", "2025-09-05", "2025-09-05", Day, ""},
		{"The clinic was held on September 5, 2025 in Accra.", "2025-09-05", "2025-09-05", "September 5, 2025", Day, ""},
		{"The course ran from 30 November – 2 December 2025.", "2025-11-30", "2025-12-02", "from 30 November – 2 December 2025", Day, ""},
		{"The programme ran December 2025 – January 2026.", "2025-12-01", "2026-01-31", "December 2025 – January 2026", Month, ""},
		{"A webinar was held on 28 October.", "2025-10-28", "2025-10-28", "28 October", Day, "reporting period"},
		{"A webinar was held in May.", "2025-05-01", "2025-05-31", "May", Month, "reporting period"},
		{"A workshop will be held in February.", "2026-02-01", "2026-02-28", "February", Month, "reporting period"},
		// the year written elsewhere in the sentence, then in the paragraph
		{"The clinic held on 3 October followed the 10 September 2024 meeting.", "2024-10-03", "2024-10-03", "3 October", Day, "sentence"},
		{"The lab opened on 10 October 2024. A clinic was held on 3 November.", "2024-10-10", "2024-10-10", "10 October 2024", Day, ""},
		// a date in brackets or a limit gives way to the event's date
		{"The workshop (postponed from June 2025) was held on 4 July 2025.", "2025-07-04", "2025-07-04", "4 July 2025", Day, ""},
		{"The project, funded until February 2026, held a workshop on 6 February 2025.", "2025-02-06", "2025-02-06", "6 February 2025", Day, ""},
	}
	for _, tc := range tests {
		t.Run(tc.written, func(t *testing.T) {
			d := mainDateOf(t, tc.text, h2025)
			if got := d.Start.Format("2006-01-02") + ".." + d.End.Format("2006-01-02"); got != tc.start+".."+tc.end {
				t.Errorf("%q: got %s, want %s..%s", tc.text, got, tc.start, tc.end)
			}
			if d.Written != tc.written || d.Precision != tc.prec || d.YearFrom != tc.yearFrom {
				t.Errorf("%q: got written %q precision %d year from %q; want %q %d %q",
					tc.text, d.Written, d.Precision, d.YearFrom, tc.written, tc.prec, tc.yearFrom)
			}
		})
	}
}

func TestDateReferences(t *testing.T) {
	para := "Between July and December 2025, the DFS Security Lab continued to support Member States. " +
		"During this period, the Lab delivered three clinics (Somalia in August and December 2025), reaching at least 70 participants."
	d := mainDateOf(t, para, h2025)
	if !d.Start.Equal(day("2025-07-01")) || !d.End.Equal(day("2025-12-31")) {
		t.Errorf("'during this period' should take the sentence before's dates, got %s..%s", d.Start, d.End)
	}
	if d.Describe() != "During this period (Between July and December 2025)" {
		t.Errorf("Describe() = %q", d.Describe())
	}
	d = mainDateOf(t, "In the reporting period the project team performed a series of tests.", h2025)
	if !d.Start.Equal(h2025.Start) || !d.End.Equal(h2025.End) || d.Refers != "reporting period 2025-H2" {
		t.Errorf("'in the reporting period' = %s..%s (%q), want the period", d.Start, d.End, d.Refers)
	}
}

func TestNotDates(t *testing.T) {
	for _, s := range []string{
		"Egypt Vision 2030 guides the framework.",
		"COP30 is the UN Climate Change Conference 2025.",
		"Zimbabwe advanced to Phase 3 or Phase 4.",
		"See Resolution 123 of PP-22 & 44 of WTSA-24.",
		"Participants may attend in person.",
		"May the work go on.",
		"Sessions ran through July and August.",
	} {
		if ms := findDates(s); len(ms) > 0 {
			t.Errorf("%q: found a date %q", s, ms[0].written)
		}
	}
}

func TestImpossibleDayFallsBackToMonth(t *testing.T) {
	d := mainDateOf(t, "It was held on 31 September 2025.", h2025)
	if d.Precision != Month || !d.Start.Equal(day("2025-09-01")) || !d.End.Equal(day("2025-09-30")) {
		t.Errorf("31 September 2025 gave %s..%s precision %d, want September 2025 month-only", d.Start, d.End, d.Precision)
	}
}

func TestDescribe(t *testing.T) {
	d := mainDateOf(t, "TSB took part in October 2025.", h2025)
	if got, want := d.Describe(), "October 2025 (month only: 1 Oct to 31 Oct 2025)"; got != want {
		t.Errorf("month-only Describe() = %q, want %q", got, want)
	}
	d = mainDateOf(t, "The programme ran December 2025 – January 2026.", h2025)
	if got, want := d.Describe(), "December 2025 – January 2026 (month only: 1 Dec 2025 to 31 Jan 2026)"; got != want {
		t.Errorf("two-year Describe() = %q, want %q", got, want)
	}
	d = mainDateOf(t, "A webinar was held on 28 October.", h2025)
	if got, want := d.Describe(), "28 October (year 2025 from the reporting period)"; got != want {
		t.Errorf("inferred-year Describe() = %q, want %q", got, want)
	}
}

func TestDateLimitsAndBrackets(t *testing.T) {
	ms := findDates("It is funded until February 2026 (Athens, September 2025).")
	if len(ms) != 2 || !ms[0].bound || ms[0].inParens || ms[1].bound || !ms[1].inParens {
		t.Fatalf("got %+v, want a limit then a bracketed date", ms)
	}
}

// TestFirstAndLastWord holds the words to what strings.Fields makes of
// the texts.
func TestFirstAndLastWord(t *testing.T) {
	texts := append(startTexts(t), " \t", "a", " (b) ", "x\u00a0y", "c\u2003", "d\xff e", "p;", "é ")
	for _, s := range texts {
		f := strings.Fields(s)
		first, last := "", ""
		if len(f) > 0 {
			first, last = f[0], strings.Trim(f[len(f)-1], ",;:()")
		}
		if got := firstWord(s); got != first {
			t.Errorf("firstWord(%q) = %q, want %q", s, got, first)
		}
		if got := lastWord(s); got != last {
			t.Errorf("lastWord(%q) = %q, want %q", s, got, last)
		}
		for i := 0; i < len(s) && i < 300; i++ {
			if f := strings.Fields(s[:i]); len(f) > 0 && lastWord(s[:i]) != strings.Trim(f[len(f)-1], ",;:()") {
				t.Errorf("lastWord(%q) = %q", s[:i], lastWord(s[:i]))
			}
		}
	}
}
