package activity

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"tsagmerge/ingest"
)

// Period is the reporting period of a set of contributions, normally one
// half-year (2025-H2 is July–December 2025).
type Period struct {
	Start, End time.Time // UTC midnights, End inclusive
}

// IsZero reports whether the period is unknown.
func (p Period) IsZero() bool { return p.Start.IsZero() }

// String names the period: "2025-H2" for a calendar half-year, else its
// first and last day.
func (p Period) String() string {
	if p.IsZero() {
		return "unknown"
	}
	if p.Start.Day() == 1 && p.End.Year() == p.Start.Year() && p.End.Day() == daysIn(int(p.End.Month()), p.End.Year()) {
		switch {
		case p.Start.Month() == time.January && p.End.Month() == time.June:
			return fmt.Sprintf("%d-H1", p.Start.Year())
		case p.Start.Month() == time.July && p.End.Month() == time.December:
			return fmt.Sprintf("%d-H2", p.Start.Year())
		}
	}
	return p.Start.Format("2006-01-02") + ".." + p.End.Format("2006-01-02")
}

// halfYear returns the half-year period: h is 1 or 2.
func halfYear(year, h int) Period {
	m := time.January
	if h == 2 {
		m = time.July
	}
	start := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	return Period{Start: start, End: start.AddDate(0, 6, -1)}
}

var periodPattern = regexp.MustCompile(`^(\d{4})-?H([12])$`)

// ParsePeriod reads a period written "2025-H2" (or "2025H2") or as two ISO
// dates "2025-07-01..2025-12-31".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if m := periodPattern.FindStringSubmatch(strings.ToUpper(s)); m != nil {
		y, _ := strconv.Atoi(m[1])
		h, _ := strconv.Atoi(m[2])
		return halfYear(y, h), nil
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		start, err1 := time.Parse("2006-01-02", strings.TrimSpace(a))
		end, err2 := time.Parse("2006-01-02", strings.TrimSpace(b))
		if err1 == nil && err2 == nil && !end.Before(start) {
			return Period{Start: start, End: end}, nil
		}
	}
	return Period{}, fmt.Errorf("period %q: write it as 2025-H2 or 2025-07-01..2025-12-31", s)
}

// DerivePeriod finds the reporting period the documents state: the
// half-year most often written out as a span ("July–December 2025",
// "Between July and December 2025"). Failing that, the half-year holding
// most of the fully written dates. ok is false when the documents give no
// dates at all.
func DerivePeriod(docs []*ingest.Document) (p Period, ok bool) {
	var work []*docText
	for _, d := range docs {
		work = append(work, readDoc(d))
	}
	return derivePeriod(work)
}

// derivePeriod derives the period from the dates of documents read: those
// of their blocks' sentences, and of the paragraphs outside any block (the
// title, headings, captions, table cells), which often state it.
func derivePeriod(work []*docText) (p Period, ok bool) {
	var found [][]dateMention
	for _, w := range work {
		for _, sents := range w.sents {
			for _, f := range sents {
				found = append(found, f.dates)
			}
		}
		inBlock := map[int]bool{}
		for i, b := range w.blocks {
			if w.sents[i] != nil {
				inBlock[b.Paragraph] = true
			}
		}
		for _, para := range w.d.Paragraphs {
			if !inBlock[para.Index] && mayHoldYear(para.Text) {
				found = append(found, findDates(para.Text))
			}
		}
	}
	stated := map[Period]int{}
	dated := map[Period]int{}
	for _, ms := range found {
		for _, m := range ms {
			if !m.hasYear() {
				continue
			}
			s := m.span(0, "")
			if h, isHalf := asHalfYear(s); isHalf {
				stated[h]++
			}
			if m.prec == Day {
				dated[halfYear(s.Start.Year(), 1+int(s.Start.Month()-1)/6)]++
			}
		}
	}
	if p, ok := mostFrequent(stated); ok {
		return p, true
	}
	return mostFrequent(dated)
}

// mayHoldYear reports whether s has four digits that can be a year (19xx,
// 20xx): only dates with a year count here, and most paragraphs have none.
func mayHoldYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// asHalfYear reports whether a span is exactly a calendar half-year.
func asHalfYear(s DateSpan) (Period, bool) {
	for h := 1; h <= 2; h++ {
		p := halfYear(s.Start.Year(), h)
		if p.Start.Equal(s.Start) && p.End.Equal(s.End) {
			return p, true
		}
	}
	return Period{}, false
}

// mostFrequent picks the period counted most often, the later on a tie.
func mostFrequent(counts map[Period]int) (best Period, ok bool) {
	n := 0
	for p, c := range counts {
		if c > n || (c == n && p.Start.After(best.Start)) {
			best, n = p, c
		}
	}
	return best, n > 0
}

// yearNear picks the year for a month written without one: the year that
// puts the month inside the period, else nearest to it.
func (p Period) yearNear(month int) int {
	best, bestDist := 0, time.Duration(1<<62)
	for y := p.Start.Year() - 1; y <= p.End.Year()+1; y++ {
		a := time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		b := a.AddDate(0, 1, -1)
		var dist time.Duration
		switch {
		case b.Before(p.Start):
			dist = p.Start.Sub(b)
		case a.After(p.End):
			dist = a.Sub(p.End)
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// covers reports whether a span is the whole reporting period, which says
// nothing about when a particular activity happened.
func (p Period) covers(s DateSpan) bool {
	return !p.IsZero() && !s.IsZero() && !s.Start.After(p.Start) && !s.End.Before(p.End)
}

// Holds reports whether an activity of these dates took place, at least in
// part, in the period: a course begun in December and ended in January is
// the period's to report. It is true for an unknown period or an undated
// activity, which cannot be said to lie outside.
func (p Period) Holds(d DateSpan) bool {
	if p.IsZero() || d.IsZero() {
		return true
	}
	return !d.End.Before(p.Start) && !d.Start.After(p.End)
}
