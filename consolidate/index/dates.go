package index

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Precision says how exactly a date was written.
type Precision int

// The precisions of a written date.
const (
	Day   Precision = iota + 1 // "5 September 2025", "9-12 September"
	Month                      // "September 2025", "July–December 2025"
)

// DateSpan is a date or a span of dates as a report writes it. A single day
// has Start equal to End; a month-only date spans the whole month.
type DateSpan struct {
	// Start and End are UTC midnights; End is the last day included.
	Start, End time.Time
	// Written is the date's words as in the text ("9-12 September").
	Written   string
	Precision Precision
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
// note when the date is month-only or its year was supplied.
func (d DateSpan) Describe() string {
	if d.IsZero() {
		return ""
	}
	if d.Refers != "" {
		return d.Written + " (" + d.Refers + ")"
	}
	var notes []string
	if d.Precision == Month {
		from := d.Start.Format("2 Jan")
		if d.Start.Year() != d.End.Year() {
			from = d.Start.Format("2 Jan 2006")
		}
		notes = append(notes, "month only: "+from+" to "+d.End.Format("2 Jan 2006"))
	}
	if d.YearFrom != "" {
		notes = append(notes, "year "+strconv.Itoa(d.Start.Year())+" from the "+d.YearFrom)
	}
	if len(notes) == 0 {
		return d.Written
	}
	return d.Written + " (" + strings.Join(notes, "; ") + ")"
}

// Building blocks of the date patterns. Month names must be capitalized
// ("may" is a verb); dashes of every kind separate ranges.
const (
	reMonth   = `((?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))`
	reMonthFl = `(January|February|March|April|May|June|July|August|September|October|November|December)\b`
	reDay     = `\b([12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b`
	reYear    = `((?:19|20)[0-9]{2})\b`
	reTo      = `(?:\s*[-‐‑‒–—―]\s*|\s+(?:to|until|till|through)\s+)`
	reAnd     = `(?:\s*,\s*|\s+and\s+|\s*&\s*)`
	reLead    = `(?:(?i:from|between)\s+)?`
)

// dateForm is one way of writing a date: a pattern and which of its
// groups hold the day, month and year of the first and last date.
type dateForm struct {
	re *startRegexp
	// group numbers; 0 when the form has no such part
	d1, m1, y1, d2, m2, y2 int
	// numeric month groups (ISO dates)
	iso bool
	// written starts at this group (a preposition before it is not part
	// of the date); 0 = whole match
	from int
}

var dateForms = []dateForm{
	// 2025-09-05, optionally "to 2025-09-07"
	{re: lazyStartRegexp(`\b((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b(?:` + reTo + `((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\b)?`),
		y1: 1, m1: 2, d1: 3, y2: 4, m2: 5, d2: 6, iso: true},
	// 30 November – 2 December 2025; 14 Oct and 22 Oct 2024; 19 Aug & 16 Aug
	{re: lazyStartRegexp(reLead + reDay + `\s+` + reMonth + `(?:,?\s+` + reYear + `)?(?:` + reTo + `|` + reAnd + `)` + reDay + `\s+` + reMonth + `(?:,?\s+` + reYear + `)?`),
		d1: 1, m1: 2, y1: 3, d2: 4, m2: 5, y2: 6},
	// 9-12 September; 15–16 December 2025; from 9 to 11 June 2025; 5 and 6 May
	{re: lazyStartRegexp(reLead + reDay + `(?:` + reTo + `|` + reAnd + `)` + reDay + `\s+(?:of\s+)?` + reMonth + `(?:,?\s+` + reYear + `)?`),
		d1: 1, d2: 2, m1: 3, m2: 3, y1: 4, y2: 4},
	// 5th September 2025; 28 October; 5th of September
	{re: lazyStartRegexp(reDay + `\s+(?:of\s+)?` + reMonth + `(?:,?\s+` + reYear + `)?`),
		d1: 1, m1: 2, y1: 3},
	// September 5, 2025; September 5-7, 2025
	{re: lazyStartRegexp(`\b` + reMonth + `\s+` + reDay + `(?:` + reTo + reDay + `)?(?:,?\s+` + reYear + `)?`),
		m1: 1, d1: 2, d2: 3, y1: 4, m2: 1, y2: 4},
	// July–December 2025; Between July and December 2025; August and
	// December 2025; December 2025 – January 2026
	{re: lazyStartRegexp(reLead + `\b` + reMonth + `(?:,?\s+` + reYear + `)?(?:` + reTo + `|` + reAnd + `)` + reMonth + `(?:,?\s+` + reYear + `)?`),
		m1: 1, y1: 2, m2: 3, y2: 4},
	// September 2025
	{re: lazyStartRegexp(`\b` + reMonth + `,?\s+` + reYear), m1: 1, y1: 2},
	// in October, during May: a bare month only after a preposition
	{re: lazyStartRegexp(`\b(?i:in|during|since|until|by|early|mid|late|end of|beginning of)[\s-]+` + reMonthFl),
		m1: 1, from: 1},
}

// refPattern finds a date given by reference: "during this period" (the
// date of the sentence before) or "in the reporting period".
var refPattern = lazyStartRegexp(`(?i)\b(?:during|in|over|for|throughout|within)\s+(this|that|the same|the reporting|this reporting|the review)\s+period\b`)

// boundWords before a date make it a limit, not the time of an event.
var boundWords = map[string]bool{"until": true, "till": true, "by": true, "before": true, "since": true, "after": true, "through": true}

// dateMention is one date found in a sentence, its year possibly missing.
type dateMention struct {
	d1, m1, y1, d2, m2, y2 int
	prec                   Precision
	written                string
	pos, end               int // byte span in the sentence
	inParens, bound        bool
	// ref is "previous" or "reporting" for a date given by reference.
	ref string
}

// hasYear reports whether the text gave the year.
func (m dateMention) hasYear() bool { return m.ref == "" && m.y1 != 0 }

// findDates returns the dates of a sentence in text order.
func findDates(s string) []dateMention {
	var cands []dateMention
	for _, w := range dateWindows(s) {
		for _, f := range dateForms {
			for _, g := range f.re.findAll(s[w[0]:w[1]]) {
				for i := range g {
					if g[i] >= 0 {
						g[i] += w[0]
					}
				}
				if m, ok := f.mention(s, g); ok {
					cands = append(cands, m)
				}
			}
		}
	}
	if !strings.Contains(s, "period") && !strings.Contains(s, "Period") {
		return keepLongest(s, cands)
	}
	for _, g := range refPattern.findAll(s) {
		ref := "previous"
		if w := strings.ToLower(s[g[2]:g[3]]); strings.Contains(w, "reporting") || strings.Contains(w, "review") {
			ref = "reporting"
		}
		cands = append(cands, dateMention{written: s[g[0]:g[1]], pos: g[0], end: g[1], ref: ref})
	}
	return keepLongest(s, cands)
}

// keepLongest keeps the longest of overlapping candidates, earliest first,
// and notes for each whether it stands in brackets or after "until".
func keepLongest(s string, cands []dateMention) []dateMention {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].pos != cands[j].pos {
			return cands[i].pos < cands[j].pos
		}
		return cands[i].end > cands[j].end
	})
	var out []dateMention
	last := -1
	for _, c := range cands {
		if c.pos < last {
			continue
		}
		c.inParens = insideParens(s, c.pos)
		c.bound = boundWords[strings.ToLower(lastWord(s[:c.pos]))]
		out = append(out, c)
		last = c.end
	}
	return out
}

// Every date holds a month name or an ISO date; the patterns need only be
// tried on the text around them, which makes scanning long reports several
// times faster. windowLeft and windowRight are how far a date can reach
// from its first month name ("between 30th and 31st December 2025"), from
// its last ("September 5-7, 2025").
const (
	windowLeft  = 32
	windowRight = 40
)

var monthPrefixes = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// dateWindows returns the byte spans of s to scan for dates: around each
// word that starts like a month and each ISO date, widened to white space
// and merged where they overlap.
func dateWindows(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if i > 0 && isASCIILetter(s[i-1]) {
			continue
		}
		var end int
		switch {
		case s[i] >= 'A' && s[i] <= 'Z' && i+3 <= len(s) && isMonthPrefix(s[i:i+3]):
			end = i + 3
			for end < len(s) && isASCIILetter(s[end]) {
				end++
			}
		case isISODate(s[i:]):
			end = i + 10
		default:
			continue
		}
		a, b := widen(s, i-windowLeft, end+windowRight)
		if n := len(out); n > 0 && a <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], b)
		} else {
			out = append(out, [2]int{a, b})
		}
		i = end - 1
	}
	return out
}

// widen moves a and b outwards to white space (or the ends of s).
func widen(s string, a, b int) (int, int) {
	a, b = max(0, a), min(len(s), b)
	for a > 0 && s[a-1] != ' ' {
		a--
	}
	for b < len(s) && s[b] != ' ' {
		b++
	}
	return a, b
}

func isMonthPrefix(p string) bool {
	for _, m := range monthPrefixes {
		if p == m {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isISODate reports whether s starts with dddd-dd-dd.
func isISODate(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		digit := s[i] >= '0' && s[i] <= '9'
		if (i == 4 || i == 7) != !digit || (i == 4 || i == 7) && s[i] != '-' {
			return false
		}
	}
	return true
}

// mention turns one regexp match into a dateMention; ok is false for an
// impossible date (31 September) or a month range with neither a year nor
// "from/between" before it ("July and August" alone is too weak).
func (f dateForm) mention(s string, g []int) (dateMention, bool) {
	part := func(n int) string {
		if n == 0 || g[2*n] < 0 {
			return ""
		}
		return s[g[2*n]:g[2*n+1]]
	}
	num := func(n int) int {
		if n == 0 || g[2*n] < 0 {
			return 0 // (strconv.Atoi of "" would allocate its error)
		}
		v, _ := strconv.Atoi(part(n))
		return v
	}
	mon := func(n int) int {
		if f.iso {
			return num(n)
		}
		return monthNumber(part(n))
	}
	m := dateMention{
		d1: num(f.d1), m1: mon(f.m1), y1: num(f.y1),
		d2: num(f.d2), m2: mon(f.m2), y2: num(f.y2),
		pos: g[0], end: g[1], prec: Day,
	}
	if f.from != 0 {
		m.pos = g[2*f.from]
	}
	// an abbreviation's period ("16 Aug.") is not part of what is shown
	m.written = strings.TrimRight(s[m.pos:m.end], " ,.")
	if m.m2 == 0 {
		m.d2, m.m2, m.y2 = m.d1, m.m1, m.y1
	}
	if m.d2 == 0 {
		m.d2 = m.d1
	}
	if m.y1 == 0 && m.y2 != 0 {
		m.y1 = m.y2
		if m.m1 > m.m2 {
			m.y1 = m.y2 - 1
		}
	}
	if m.y2 == 0 {
		m.y2 = m.y1
	}
	if m.d1 == 0 {
		m.prec = Month
		if f.m2 != 0 && f.m2 != f.m1 && m.y1 == 0 && !strings.EqualFold(firstWord(m.written), "from") && !strings.EqualFold(firstWord(m.written), "between") {
			return m, false
		}
	}
	if m.prec == Day && (m.d1 > daysIn(m.m1, yearOr(m.y1)) || m.d2 > daysIn(m.m2, yearOr(m.y2))) {
		return m, false
	}
	return m, m.m1 != 0
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
	if m.prec == Month {
		a = time.Date(y1, time.Month(m.m1), 1, 0, 0, 0, 0, time.UTC)
		b = time.Date(y2, time.Month(m.m2), daysIn(m.m2, y2), 0, 0, 0, 0, time.UTC)
	} else {
		a = time.Date(y1, time.Month(m.m1), m.d1, 0, 0, 0, 0, time.UTC)
		b = time.Date(y2, time.Month(m.m2), m.d2, 0, 0, 0, 0, time.UTC)
	}
	if b.Before(a) {
		a, b = b, a
	}
	return DateSpan{Start: a, End: b, Written: m.written, Precision: m.prec, YearFrom: yearFrom}
}

// monthNumber maps a month name or abbreviation to 1–12, 0 if none.
func monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", s[:3])
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3 + 1
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

// insideParens reports whether byte offset pos of s is inside an unclosed
// parenthesis or bracket.
func insideParens(s string, pos int) bool {
	depth := 0
	for _, r := range s[:pos] {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// lastWord is the last word of s (as strings.Fields splits it), without
// the punctuation ",;:()" around it. It is asked of the text before every
// date and every period, so it looks only at the end of s.
func lastWord(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	return strings.Trim(s, ",;:()")
}

// firstWord is the first word of s, as strings.Fields splits it.
func firstWord(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	return s
}
