package activity

import (
	"strconv"
	"strings"
	"time"
)

// Precision says how exactly a date was written.
type Precision int

// The precisions of a written date, most precise first.
const (
	Day     Precision = iota + 1 // "5 September 2025", "9-12 September", "5/6 December"
	Week                         // "the week of 16 September": its first day is known
	Month                        // "September 2025", "mid-July", "July–December 2025"
	Quarter                      // "Q4 2024", "the fourth quarter"
)

// DateSpan is a date or a span of dates as a report writes it. A single day
// has Start equal to End; a month-only date spans the whole month.
type DateSpan struct {
	// Start and End are UTC midnights; End is the last day included.
	Start, End time.Time
	// Written is the date's words as in the text ("9-12 September").
	Written   string
	Precision Precision
	// Span explains a span the text does not give exactly: "the whole
	// month", "the quarter", "the week, within its month".
	Span string
	// YearFrom says where a year the text left out came from: "" when the
	// text gives it, else "sentence", "paragraph" or "reporting period".
	YearFrom string
	// Refers is what a date given by reference ("during this period")
	// stands for: the earlier date's words or "reporting period 2025-H2".
	Refers string
}

// IsZero reports whether no date is known.
func (d DateSpan) IsZero() bool { return d.Start.IsZero() }

// Describe is the "Date as written" cell: the words of the text, with a
// note when the span is not exact or its year was supplied.
func (d DateSpan) Describe() string {
	if d.IsZero() {
		return ""
	}
	if d.Refers != "" {
		return d.Written + " (" + d.Refers + ")"
	}
	var notes []string
	if d.Span != "" {
		from := d.Start.Format("2 Jan")
		if d.Start.Year() != d.End.Year() {
			from = d.Start.Format("2 Jan 2006")
		}
		notes = append(notes, d.Span+": "+from+" to "+d.End.Format("2 Jan 2006"))
	}
	if d.YearFrom != "" {
		notes = append(notes, "year "+strconv.Itoa(d.Start.Year())+" from the "+d.YearFrom)
	}
	if len(notes) == 0 {
		return d.Written
	}
	return d.Written + " (" + strings.Join(notes, "; ") + ")"
}

// dateMention is one date found in a sentence, its year possibly missing.
// A field is 0 when the text does not give it.
type dateMention struct {
	d1, m1, y1, d2, m2, y2 int
	prec                   Precision
	// part is "early", "mid", "late" for a part of a month, or "week".
	part string
	// list is set for dates given one by one ("14 Oct and 22 Oct"): they
	// are occasions, spanned from the first to the last.
	list    bool
	written string
	// pos and end are the byte span in the sentence; first and last the
	// tokens.
	pos, end, first, last int
	// bound: the date is a limit ("until February 2026"), not a time.
	bound bool
	// inParens: the date stands in brackets.
	inParens bool
	// ref is "previous" or "reporting" for a date given by reference.
	ref string
}

// hasYear reports whether the text gave the year.
func (m dateMention) hasYear() bool { return m.ref == "" && m.y1 != 0 }

// checked refuses an impossible date (31 September); a day beyond its
// month keeps the month.
func (m dateMention) checked() (dateMention, bool) {
	if m.m1 == 0 || m.m2 == 0 {
		return m, false
	}
	if m.prec == Day || m.prec == Week {
		if m.d1 > daysIn(m.m1, yearOr(m.y1)) || m.d2 > daysIn(m.m2, yearOr(m.y2)) {
			m.prec, m.d1, m.d2, m.part = Month, 0, 0, ""
		}
	}
	return m, true
}

// span builds the DateSpan of a mention once its year is known; a list or
// range runs from its earliest to its latest date.
func (m dateMention) span(year int, yearFrom string) DateSpan {
	y1, y2 := m.y1, m.y2
	if y1 == 0 {
		y1, y2 = year, year
		if m.m1 > m.m2 {
			y2 = year + 1
		}
	}
	var a, b time.Time
	d := DateSpan{Written: m.written, Precision: m.prec, YearFrom: yearFrom}
	switch m.prec {
	case Day:
		a, b = date(y1, m.m1, m.d1), date(y2, m.m2, m.d2)
		if m.part != "" {
			d.Span = m.part + ", counted from the 1st"
		}
	case Week:
		// the week from its first day, within its month (the text does
		// not say where it ends)
		a = date(y1, m.m1, m.d1)
		b = a.AddDate(0, 0, 6)
		if last := date(y1, m.m1, daysIn(m.m1, y1)); b.After(last) {
			b = last
		}
		d.Span = "week of " + a.Format("2 Jan") + ", within its month"
	default:
		a, b = date(y1, m.m1, 1), date(y2, m.m2, daysIn(m.m2, y2))
		d.Span = spanNote(m)
	}
	if b.Before(a) {
		a, b = b, a
	}
	d.Start, d.End = a, b
	return d
}

// spanNote says which span a month-, part-of-month- or quarter-only date
// was given.
func spanNote(m dateMention) string {
	switch {
	case m.prec == Quarter:
		return "quarter"
	case m.part != "":
		return m.part + " month, the whole month"
	}
	return "month only"
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// englishMonths and foreignMonths are month names by number; English
// abbreviations are the first three letters (and "Sept").
var (
	englishMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	foreignMonths = map[string]int{
		// French
		"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
		"août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
		// Spanish
		"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
		"septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
		// Portuguese
		"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
		"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
	}
)

// monthNumber maps a month name to 1–12, 0 if none; foreign tells a name
// in another language than English.
func monthNumber(w, lower string) (n int, foreign bool) {
	if len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' {
		for i, name := range englishMonths {
			if w == name || len(w) == 3 && w == name[:3] && w != "May" || w == "Sept" && i == 8 {
				return i + 1, false
			}
		}
	}
	if n := foreignMonths[lower]; n > 0 {
		return n, true
	}
	return 0, false
}

func daysIn(month, year int) int {
	if month < 1 || month > 12 {
		return 0
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// yearOr gives a leap year for an unknown year, so "29 February" passes
// until its year is known.
func yearOr(y int) int {
	if y == 0 {
		return 2000
	}
	return y
}
