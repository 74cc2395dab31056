package index

import "sort"

// mainDate picks the date of the activity that sentence f gives: the first
// date outside brackets that is not a limit ("until February 2026"), else
// one in brackets, else a limit. A date given by reference ("during this
// period") is resolved; a missing year is supplied from the sentence, the
// paragraph, then the reporting period.
func (s *seg) mainDate(f *facts, period Period) (DateSpan, bool) {
	for _, m := range ranked(f.dates) {
		if d, ok := s.resolve(f, m, period); ok {
			return d, true
		}
	}
	return DateSpan{}, false
}

// ranked orders the dates of a sentence as candidates for its main date.
func ranked(ms []dateMention) []dateMention {
	out := append([]dateMention(nil), ms...)
	rank := func(m dateMention) int {
		switch {
		case m.bound:
			return 2
		case m.inParens:
			return 1
		}
		return 0
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// resolve gives the DateSpan of mention m of sentence f.
func (s *seg) resolve(f *facts, m dateMention, period Period) (DateSpan, bool) {
	switch m.ref {
	case "previous":
		if d, ok := s.previousDate(f, period); ok {
			d.Refers, d.Written = d.Written, m.written
			return d, true
		}
		fallthrough
	case "reporting":
		if period.IsZero() {
			return DateSpan{}, false
		}
		return DateSpan{Start: period.Start, End: period.End, Written: m.written, Precision: Month,
			Refers: "reporting period " + period.String()}, true
	}
	if m.hasYear() {
		return m.span(0, ""), true
	}
	if y, ok := nearestYear(f.dates, m.pos); ok {
		return m.span(y, "sentence"), true
	}
	var para []dateMention
	for _, g := range s.all {
		for _, dm := range g.dates {
			dm.pos += g.s.Pos
			para = append(para, dm)
		}
	}
	if y, ok := nearestYear(para, m.pos+f.s.Pos); ok {
		return m.span(y, "paragraph"), true
	}
	if !period.IsZero() {
		return m.span(period.yearNear(m.m1), "reporting period"), true
	}
	return DateSpan{}, false
}

// previousDate is the main date of the nearest sentence before f in the
// paragraph that has one.
func (s *seg) previousDate(f *facts, period Period) (DateSpan, bool) {
	i := len(s.all) - 1
	for i >= 0 && s.all[i] != f {
		i--
	}
	for i--; i >= 0; i-- {
		prev := s.all[i]
		for _, m := range ranked(prev.dates) {
			if m.ref != "" {
				continue
			}
			if d, ok := s.resolve(prev, m, period); ok {
				return d, true
			}
		}
	}
	return DateSpan{}, false
}

// nearestYear is the year of the written-out date nearest to byte offset
// pos among ms.
func nearestYear(ms []dateMention, pos int) (int, bool) {
	best, dist := 0, -1
	for _, m := range ms {
		if !m.hasYear() {
			continue
		}
		d := m.pos - pos
		if d < 0 {
			d = -d
		}
		if dist < 0 || d < dist {
			best, dist = m.y1, d
		}
	}
	return best, dist >= 0
}
