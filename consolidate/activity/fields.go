package activity

// Stage 3 of the pipeline: an activity's fields from its sentences — its
// date, place, head count, countries, groups, Recommendations and
// partners.

// date is the activity's date: the first date its sentences give, made
// more precise by a later one that lies within it ("Later in May (21–22
// May)", "In September 2025 … on 12–13 September"). A date of a breakdown
// (several dates in one bracket, "(Somalia in August and December 2025,
// and Sierra Leone in November 2025)") is taken only when there is no
// other; a limit ("until February 2026") never.
func (s *seg) date(period Period) DateSpan {
	var best, breakdown DateSpan
	for _, f := range s.sents {
		for _, c := range s.candidates(f, period) {
			if c.breakdown {
				breakdown = spanBoth(breakdown, c.DateSpan)
				continue
			}
			best = better(best, c.DateSpan)
		}
	}
	if best.IsZero() {
		return breakdown
	}
	return best
}

// spanBoth is the span from the first to the last of two dates of a
// breakdown.
func spanBoth(a, b DateSpan) DateSpan {
	if a.IsZero() {
		return b
	}
	if b.Start.Before(a.Start) {
		a.Start = b.Start
	}
	if b.End.After(a.End) {
		a.End = b.End
	}
	a.Written += ", " + b.Written
	a.Precision = max(a.Precision, b.Precision)
	a.Span, a.Refers = "the dates it lists, first to last", ""
	return a
}

// candidate is a date a sentence gives, resolved.
type candidate struct {
	DateSpan
	breakdown bool
}

// candidates are the dates sentence f of the activity's block may give the
// activity, in text order, with their years and references resolved.
func (s *seg) candidates(f *facts, period Period) []candidate {
	own := f.ownDates()
	var out []candidate
	for _, m := range own {
		d, ok := s.resolve(f, m, period)
		if !ok {
			continue
		}
		out = append(out, candidate{DateSpan: d, breakdown: m.inParens && inSameBracket(f, m, own) > 1})
	}
	return out
}

// inSameBracket counts the dates of f in the bracket that holds m.
func inSameBracket(f *facts, m dateMention, ms []dateMention) int {
	open, close := bracketAround(f.toks, m.first)
	n := 0
	for _, o := range ms {
		if o.first > open && o.last < close {
			n++
		}
	}
	return n
}

// bracketAround finds the brackets around token i.
func bracketAround(toks []token, i int) (open, close int) {
	open, close = -1, len(toks)
	depth := 0
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Key {
		case ")", "]":
			depth++
		case "(", "[":
			if depth == 0 {
				open = k
				k = -1
			} else {
				depth--
			}
		}
	}
	depth = 0
	for k := i + 1; k < len(toks); k++ {
		switch toks[k].Key {
		case "(", "[":
			depth++
		case ")", "]":
			if depth == 0 {
				return open, k
			}
			depth--
		}
	}
	return open, close
}

// better gives the more precise of the date so far and a candidate: the
// candidate wins when there is none yet, or when it is more precise and
// lies within it. Days that go on from the date so far (the next day, as
// the legs of an event held in two cities, "Suva (9–11 September) and Apia
// (12–13 September)") extend it.
func better(best, c DateSpan) DateSpan {
	if best.IsZero() {
		return c
	}
	if best.Precision == Day && c.Precision == Day && c.Start.Equal(best.End.AddDate(0, 0, 1)) {
		best.End = c.End
		best.Written += ", " + c.Written
		return best
	}
	if vagueness(c) < vagueness(best) && !c.Start.Before(best.Start) && !c.End.After(best.End) {
		return c
	}
	return best
}

// vagueness orders dates from the most precise: days, a week's start, a
// month, a quarter, several months, the reporting period.
func vagueness(d DateSpan) int {
	switch {
	case d.Refers != "" && d.Precision == Month:
		return 9
	case d.Precision == Day:
		return 0
	case d.Precision == Week:
		return 1
	}
	months := (d.End.Year()-d.Start.Year())*12 + int(d.End.Month()-d.Start.Month()) + 1
	return 1 + months
}

// resolve gives the DateSpan of mention m of sentence f: a reference
// ("during this period") takes the date of the sentence before, or the
// reporting period; a missing year comes from the sentence, the block,
// then the reporting period.
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
	var block []dateMention
	for _, g := range s.all {
		for _, dm := range g.dates {
			dm.pos += g.s.Pos
			block = append(block, dm)
		}
	}
	if y, ok := nearestYear(block, m.pos+f.s.Pos); ok {
		return m.span(y, "paragraph"), true
	}
	if !period.IsZero() {
		return m.span(period.yearNear(m.m1), "reporting period"), true
	}
	return DateSpan{}, false
}

// previousDate is the first date of the nearest sentence before f in the
// block that has one.
func (s *seg) previousDate(f *facts, period Period) (DateSpan, bool) {
	i := len(s.all) - 1
	for i >= 0 && s.all[i] != f {
		i--
	}
	for i--; i >= 0; i-- {
		prev := s.all[i]
		for _, m := range prev.ownDates() {
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

// place is the activity's venue: the first its sentences give, none for
// an event its leading sentence says was held online (not hybrid).
func (s *seg) place() Place {
	if onlineEvent(s.lead().toks) {
		return Place{}
	}
	for _, f := range s.sents {
		if !f.places.event.IsZero() {
			return f.places.event
		}
	}
	return Place{}
}

// participants is the first head count the activity's sentences give.
func (s *seg) participants() Participants {
	for _, f := range s.sents {
		if len(f.heads) > 0 {
			return f.heads[0]
		}
	}
	return Participants{}
}

// countries lists each country the activity's sentences name (a city's
// among them), once, in order.
func (s *seg) countries() []Country {
	var out []Country
	seen := map[string]bool{}
	for _, f := range s.sents {
		for _, c := range f.places.named {
			if !seen[c.ISO3] {
				seen[c.ISO3] = true
				out = append(out, c)
			}
		}
	}
	return out
}
