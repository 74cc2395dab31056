package activity

import (
	"strconv"
	"strings"
)

// The date scanner: the dates of a sentence read from its tokens, each
// form of date a reader of its own (dayFirst, monthFirst, quarter,
// weekOf, iso, numeric, reference, monthAlone), tried where a date may
// start.
// dateScan reads the dates of one sentence from its tokens.
type dateScan struct {
	text string
	toks []token
}

// findDates returns the dates of a sentence in text order.
func findDates(s string) []dateMention { return scanDates(s, tokenize(s)) }

// scanDates returns the dates of sentence s, given as its tokens, in text
// order. Each date is the longest reading at its first token.
func scanDates(s string, toks []token) []dateMention {
	sc := dateScan{text: s, toks: toks}
	var out []dateMention
	depth := 0
	for i := 0; i < len(toks); i++ {
		switch toks[i].Key {
		case "(", "[":
			depth++
		case ")", "]":
			depth = max(0, depth-1)
		}
		m, ok := sc.at(i)
		if !ok {
			continue
		}
		m.inParens = depth > 0
		m.bound = m.first > 0 && boundWords[toks[m.first-1].Lower]
		m.written = strings.TrimRight(s[toks[m.first].Pos:toks[m.last].End], " ,.")
		m.pos, m.end = int(toks[m.first].Pos), int(toks[m.last].End)
		out = append(out, m)
		i = m.last
	}
	return out
}

// boundWords before a date make it a limit, not the time of an event.
var boundWords = map[string]bool{"until": true, "till": true, "by": true, "before": true, "since": true,
	"after": true, "through": true, "deadline": true}

// at reads a date starting at token i, trying each form in turn; a token
// no date can start with is passed at once.
func (sc dateScan) at(i int) (dateMention, bool) {
	if !sc.mayStart(i) {
		return dateMention{}, false
	}
	if m, ok := sc.reference(i); ok {
		return m, true
	}
	if m, ok := sc.weekOf(i); ok {
		return m, true
	}
	if m, ok := sc.iso(i); ok {
		return m, true
	}
	if m, ok := sc.numeric(i); ok {
		return m, true
	}
	if m, ok := sc.dayFirst(i); ok {
		return m, true
	}
	if m, ok := sc.monthFirst(i); ok {
		return m, true
	}
	if m, ok := sc.quarter(i); ok {
		return m, true
	}
	return sc.monthAlone(i)
}

// starters are the words other than numbers and month names a date can
// start with, and what must follow each: a lead word ("from 9 to 11 June"),
// a preposition of a reference or a bare month ("during this period", "in
// October", "in mid-July"), a part of a month, "the" ("the week of", "the
// fourth quarter", "the 25th of"), "week of", a weekday.
var starters = map[string]func(next *token) bool{
	"from": dayOrMonth, "between": dayOrMonth, "du": dayOrMonth, "del": dayOrMonth,
	"in": monthOrReference, "during": monthOrReference, "over": monthOrReference, "for": monthOrReference,
	"throughout": monthOrReference, "within": monthOrReference, "since": monthOrReference, "until": monthOrReference,
	"by":    monthOrReference,
	"early": anyToken, "mid": anyToken, "late": anyToken, "end": anyToken, "beginning": anyToken, "start": anyToken,
	"the":    func(t *token) bool { return t.Lower == "week" || ordinals[t.Lower] > 0 || dayOrMonth(t) },
	"week":   func(t *token) bool { return t.Lower == "of" },
	"monday": anyToken, "tuesday": anyToken, "wednesday": anyToken, "thursday": anyToken, "friday": anyToken,
	"saturday": anyToken, "sunday": anyToken,
}

func anyToken(*token) bool { return true }

// dayOrMonth reports whether a token may be a day or a month name.
func dayOrMonth(t *token) bool {
	if t.Key == "" {
		return false
	}
	n, _ := monthNumber(t.Key, t.Lower)
	return isDigit(t.Key[0]) || n > 0 || weekdays[t.Lower]
}

// monthOrReference reports whether a token may go on a reference or a
// bare month.
func monthOrReference(t *token) bool {
	switch t.Lower {
	case "this", "that", "the", "early", "mid", "late", "end", "beginning":
		return true
	}
	return dayOrMonth(t)
}

// mayStart reports whether a date can start at token i: a number, an
// English month name, a quarter ("Q4"), or one of the starters followed by
// what it needs.
func (sc dateScan) mayStart(i int) bool {
	t := &sc.toks[i]
	if !t.Word {
		return false
	}
	switch c := t.Key[0]; {
	case c >= '0' && c <= '9':
		return true
	case (c == 'Q' || c == 'H') && len(t.Key) == 2:
		return true
	case c >= 'A' && c <= 'Z' && t.is(roleMonth):
		if n, _ := monthNumber(t.Key, t.Lower); n > 0 {
			return true
		}
	}
	if t.is(roleDateStarter) {
		return starters[t.Lower](sc.tok(i + 1))
	}
	return false // a month in another language is a date only after a day
}

// noToken stands for the tokens before and past the ends.
var noToken token

// tok is token i, or an empty token past the ends.
func (sc dateScan) tok(i int) *token {
	if i < 0 || i >= len(sc.toks) {
		return &noToken
	}
	return &sc.toks[i]
}

// words reports whether the tokens from i spell ws (lower case), and where
// they end.
func (sc dateScan) words(i int, ws ...string) (int, bool) {
	for _, w := range ws {
		if sc.tok(i).Lower != w {
			return i, false
		}
		i++
	}
	return i, true
}

// Lead words open a range ("from 9 to 11 June", "between July and
// December", "du 12 au 14 mai", "del 5 al 7 de noviembre") and belong to
// what is written.
var leadWords = map[string]bool{"from": true, "between": true, "du": true, "del": true}

// skipLead passes a lead word at i.
func (sc dateScan) skipLead(i int) int {
	if leadWords[sc.tok(i).Lower] {
		return i + 1
	}
	return i
}

// rangeWords join the two ends of a range; listWords join dates given one
// by one.
var (
	rangeWords = map[string]bool{"-": true, "to": true, "until": true, "till": true, "through": true, "thru": true,
		"/": true, "au": true, "al": true, "a": true}
	listWords = map[string]bool{"&": true, ",": true, "and": true}
)

// joiner reads a word joining two dates at i: whether it is one, whether it
// lists, and where the next date starts.
func (sc dateScan) joiner(i int) (next int, list, ok bool) {
	k := sc.tok(i).Lower
	switch {
	case rangeWords[k]:
		// "a" joins only in Spanish and Portuguese ranges, between numbers
		if k == "a" && !isDigits(sc.tok(i+1).Key) {
			return i, false, false
		}
		return i + 1, false, true
	case listWords[k]:
		if sc.tok(i+1).Lower == "and" {
			return i + 2, true, true
		}
		return i + 1, true, true
	}
	return i, false, false
}

// day reads a day of the month at i: "5", "05", "5th", "21st", "1er".
func (sc dateScan) day(i int) (int, bool) {
	t := sc.tok(i)
	if !t.Word {
		return 0, false
	}
	k := t.Lower
	for _, suffix := range []string{"st", "nd", "rd", "th", "er"} {
		if s, ok := strings.CutSuffix(k, suffix); ok && len(s) > 0 {
			k = s
			break
		}
	}
	if !isDigits(k) || len(k) > 2 {
		return 0, false
	}
	n, _ := strconv.Atoi(k)
	return n, n >= 1 && n <= 31
}

// year reads a year at i: four digits from 1900 to 2099.
func (sc dateScan) year(i int) (int, bool) {
	k := sc.tok(i).Key
	if len(k) != 4 || !isDigits(k) || !(k[:2] == "19" || k[:2] == "20") {
		return 0, false
	}
	n, _ := strconv.Atoi(k)
	return n, true
}

// month reads a month name at i and where it ends (past an abbreviation's
// period). English names must be capitalized ("may" is a verb); names in
// the other languages the regions write in (French, Spanish, Portuguese)
// are read in either case, but only next to a day or a year.
func (sc dateScan) month(i int, withDay bool) (int, int, bool) {
	t := sc.tok(i)
	if !t.Word {
		return 0, i, false
	}
	n, foreign := monthNumber(t.Key, t.Lower)
	if n == 0 || foreign && !withDay {
		return 0, i, false
	}
	end := i + 1
	if len(t.Key) <= 4 && sc.tok(end).Key == "." && !sc.tok(end).Gap {
		end++
	}
	return n, end, true
}

// weekdays are skipped before a day: "Tuesday, 8 October 2024".
var weekdays = wordSet(`monday tuesday wednesday thursday friday saturday sunday`)

// skipWeekday passes a weekday name and its comma at i.
func (sc dateScan) skipWeekday(i int) int {
	if weekdays[sc.tok(i).Lower] {
		i++
		if sc.tok(i).Key == "," {
			i++
		}
	}
	return i
}

// yearAfter reads an optional year after a month at i: "June 2025", "June,
// 2025", "noviembre de 2024".
func (sc dateScan) yearAfter(i int) (y, next int) {
	j := i
	if k := sc.tok(j).Lower; k == "," || k == "de" {
		j++
	}
	if y, ok := sc.year(j); ok {
		return y, j + 1
	}
	return 0, i
}

// dayMonth reads "D [–D] [of|de] Month [Year]" at i: one date or a range
// of days in one month, with the token after it.
func (sc dateScan) dayMonth(i int) (d1, d2, m, y, next int, ok bool) {
	i = sc.skipWeekday(i)
	if sc.tok(i).Lower == "the" {
		i++
	}
	d1, ok = sc.day(i)
	if !ok {
		return
	}
	j := i + 1
	// the other days of the month: "9-12", "5/6", "19, 20 and 21"
	for k := 0; k < 31; k++ {
		n, _, isJoin := sc.joiner(j)
		if !isJoin {
			break
		}
		n = sc.skipWeekday(n)
		d, isDay := sc.day(n)
		if !isDay || !sc.monthAhead(n+1) && !sc.dayListGoesOn(n+1) {
			break
		}
		d2, j = d, n+1
	}
	if k := sc.tok(j).Lower; k == "of" || k == "de" {
		j++
	}
	m, j, ok = sc.month(j, true)
	if !ok {
		return
	}
	y, next = sc.yearAfter(j)
	return d1, d2, m, y, next, true
}

// dayListGoesOn reports whether a list of days goes on at i: a joiner
// and another day.
func (sc dateScan) dayListGoesOn(i int) bool {
	n, _, isJoin := sc.joiner(i)
	if !isJoin {
		return false
	}
	_, isDay := sc.day(n)
	return isDay
}

// monthAhead reports whether a month name stands at i, or after "of"/"de".
func (sc dateScan) monthAhead(i int) bool {
	if k := sc.tok(i).Lower; k == "of" || k == "de" {
		i++
	}
	_, _, ok := sc.month(i, true)
	return ok
}

// dayFirst reads the dates that start with a day: "5th September 2025",
// "9-12 September", "from 9 to 11 June 2025", "5/6 December", "the 25th of
// September 2024", "30 November – 2 December 2025", "14 Oct and 22 Oct
// 2024", "25 November 2024 to 17 January 2025", "12 au 14 mai 2025".
func (sc dateScan) dayFirst(i int) (dateMention, bool) {
	start := sc.skipLead(i)
	d1, d2, m1, y1, j, ok := sc.dayMonth(start)
	if !ok {
		return dateMention{}, false
	}
	m := dateMention{d1: d1, m1: m1, y1: y1, d2: d2, m2: m1, y2: y1, prec: Day, first: i, last: j - 1}
	if m.d2 == 0 {
		m.d2 = d1
	}
	if n, l, isJoin := sc.joiner(j); isJoin {
		if e1, e2, m2, y2, k, ok := sc.dayMonth(n); ok {
			m.d2, m.m2, m.y2, m.last = max(e1, e2), m2, y2, k-1
			m.list = l && sc.tok(i).Lower != "between"
			if m.y1 == 0 {
				m.y1 = m.y2
				if m.m1 > m.m2 && m.y2 != 0 {
					m.y1 = m.y2 - 1
				}
			}
		}
	}
	if m.y2 == 0 {
		m.y2 = m.y1
	}
	return m.checked()
}

// monthFirst reads the dates that start with a month: "September 5, 2025",
// "September 5-7, 2025", "September 2025", "July–December 2025", "between
// July and December 2025", "December 2025 – January 2026", and a part of
// a month: "early December", "mid-November 2024", "late July".
func (sc dateScan) monthFirst(i int) (dateMention, bool) {
	start := sc.skipLead(i)
	part, j := sc.monthPart(start)
	m1, j, ok := sc.month(j, false)
	if !ok {
		return dateMention{}, false
	}
	m := dateMention{m1: m1, m2: m1, first: i, prec: Month, part: part}
	if d, isDay := sc.day(j); isDay && part == "" && !sc.monthAhead(j+1) {
		m.d1, m.d2, m.prec = d, d, Day
		j++
		if n, _, isJoin := sc.joiner(j); isJoin && sc.tok(j).Key != "," {
			if d2, ok := sc.day(n); ok {
				m.d2, j = d2, n+1
			}
		}
	}
	m.y1, j = sc.yearAfter(j)
	m.y2, m.last = m.y1, j-1
	if m.prec == Month && part == "" {
		if n, l, isJoin := sc.joiner(j); isJoin {
			if m2, k, ok := sc.month(n, false); ok {
				m.m2, m.list = m2, l && sc.tok(i).Lower != "between"
				m.y2, k = sc.yearAfter(k)
				m.last = k - 1
				if m.y1 == 0 && m.y2 != 0 {
					m.y1 = m.y2
					if m.m1 > m.m2 {
						m.y1--
					}
				}
			}
		}
	}
	if m.y1 == 0 && !(m.m2 != m.m1 && start > i) {
		// a bare month is a date only after a preposition (monthAlone)
		return dateMention{}, false
	}
	if m.y2 == 0 {
		m.y2 = m.y1
	}
	return m.checked()
}

// monthPart reads "early", "mid", "late", "mid-", "the end of", "the
// beginning of" before a month at i.
func (sc dateScan) monthPart(i int) (string, int) {
	switch k := sc.tok(i).Lower; k {
	case "early", "mid", "late":
		i++
		if sc.tok(i).Key == "-" {
			i++
		}
		return k, i
	case "end", "beginning", "start":
		if sc.tok(i+1).Lower == "of" {
			return k, i + 2
		}
	}
	return "", i
}

// monthPrepositions before a bare month make it a date: "in October",
// "during May", "by June".
var monthPrepositions = wordSet(`in during since until by early mid late end beginning`)

// monthAlone reads a month without a year after a preposition: "in
// October", "mid-July", "Later in May".
func (sc dateScan) monthAlone(i int) (dateMention, bool) {
	if !monthPrepositions[sc.tok(i).Lower] {
		return dateMention{}, false
	}
	part, j := sc.monthPart(i)
	if part == "" {
		j = i + 1
	}
	m1, end, ok := sc.month(j, false)
	if !ok {
		return dateMention{}, false
	}
	if _, longer := sc.monthFirst(j); longer && part == "" {
		return dateMention{}, false // "in August 2025": read from the month on
	}
	first := i
	if part == "" {
		first = j // "in" is not part of the date
	}
	return dateMention{m1: m1, m2: m1, prec: Month, part: part, first: first, last: end - 1}, true
}

// ordinals name quarters and halves: "the fourth quarter", "the first half".
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// quarter reads a quarter or a half-year: "Q4 2024", "the fourth quarter
// of 2024", "in the third quarter", "the first half of 2025", "H2 2025".
func (sc dateScan) quarter(i int) (dateMention, bool) {
	k := sc.tok(i).Key
	var q, h, j int
	switch {
	case len(k) == 2 && (k[0] == 'Q' || k[0] == 'H') && k[1] >= '1' && k[1] <= '4':
		if k[0] == 'Q' {
			q = int(k[1] - '0')
		} else if k[1] <= '2' {
			h = int(k[1] - '0')
		}
		j = i + 1
	case sc.tok(i).Lower == "the" && ordinals[sc.tok(i+1).Lower] > 0:
		n := ordinals[sc.tok(i+1).Lower]
		switch sc.tok(i + 2).Lower {
		case "quarter":
			q = n
		case "half":
			if n <= 2 {
				h = n
			}
		}
		j = i + 3
	}
	if q == 0 && h == 0 {
		return dateMention{}, false
	}
	if k := sc.tok(j).Lower; k == "of" {
		j++
	}
	y, _ := sc.year(j)
	last := j - 1
	if y != 0 {
		last = j
	} else if sc.tok(j-1).Lower == "of" {
		last = j - 2
	}
	m := dateMention{y1: y, y2: y, prec: Quarter, first: i, last: last}
	if q > 0 {
		m.m1, m.m2 = 3*q-2, 3*q
	} else {
		m.m1, m.m2, m.prec = 6*h-5, 6*h, Month
	}
	return m, true
}

// weekOf reads "the week of 16 September 2024" (its first day, the rest
// of the week unstated) and "the second week of August" (days 8 to 14,
// weeks counted from the 1st; the last week, the month's last seven days).
func (sc dateScan) weekOf(i int) (dateMention, bool) {
	if j, ok := sc.words(i, "the"); ok && ordinals[sc.tok(j).Lower] > 0 {
		return sc.nthWeek(i, j)
	}
	j, ok := sc.words(i, "the", "week", "of")
	if !ok {
		if j, ok = sc.words(i, "week", "of"); !ok {
			return dateMention{}, false
		}
	}
	d, _, m, y, next, ok := sc.dayMonth(j)
	if !ok {
		return dateMention{}, false
	}
	return dateMention{d1: d, d2: d, m1: m, m2: m, y1: y, y2: y, prec: Week, part: "week", first: i, last: next - 1}.checked()
}

// nthWeek reads "the second week of August [2025]" from token i, its
// ordinal at j.
func (sc dateScan) nthWeek(i, j int) (dateMention, bool) {
	n := ordinals[sc.tok(j).Lower]
	k, ok := sc.words(j+1, "week", "of")
	if !ok {
		return dateMention{}, false
	}
	m, end, ok := sc.month(k, false)
	if !ok {
		return dateMention{}, false
	}
	y, next := sc.yearAfter(end)
	d1 := 7*(n-1) + 1
	if sc.tok(j).Lower == "last" {
		d1 = daysIn(m, yearOr(y)) - 6
	}
	return dateMention{d1: d1, d2: d1 + 6, m1: m, m2: m, y1: y, y2: y, prec: Day, part: sc.tok(j).Lower + " week",
		first: i, last: next - 1}.checked()
}

// iso reads "2024-08-05", optionally "to 2024-08-08" or "– 2024-08-08".
func (sc dateScan) iso(i int) (dateMention, bool) { return sc.numberRange(i, sc.isoAt) }

// numberRange reads a date written in numbers at i (after a lead word),
// and a second one after a joiner, each read by at.
func (sc dateScan) numberRange(i int, at func(int) (y, m, d, next int, ok bool)) (dateMention, bool) {
	y1, m1, d1, j, ok := at(sc.skipLead(i))
	if !ok {
		return dateMention{}, false
	}
	m := dateMention{y1: y1, m1: m1, d1: d1, y2: y1, m2: m1, d2: d1, prec: Day, first: i, last: j - 1}
	if n, _, isJoin := sc.joiner(j); isJoin {
		if y2, m2, d2, k, ok := at(n); ok {
			m.y2, m.m2, m.d2, m.last = y2, m2, d2, k-1
		}
	}
	return m.checked()
}

// isoAt reads yyyy-mm-dd written without spaces at i.
func (sc dateScan) isoAt(i int) (y, m, d, next int, ok bool) {
	if y, ok = sc.year(i); !ok {
		return
	}
	parts := [2]int{}
	for k := range 2 {
		dash, num := sc.tok(i+1+2*k), sc.tok(i+2+2*k)
		if dash.Key != "-" || dash.Gap || num.Gap || len(num.Key) != 2 || !isDigits(num.Key) {
			return 0, 0, 0, i, false
		}
		parts[k], _ = strconv.Atoi(num.Key)
	}
	return y, parts[0], parts[1], i + 5, parts[0] >= 1 && parts[0] <= 12
}

// referencePrepositions open a date given by reference: "during this
// period" (the date of the sentence before) or "in the reporting period",
// "throughout the period".
var referencePrepositions = wordSet(`during in over for throughout within`)

// reference reads a date given by reference at i.
func (sc dateScan) reference(i int) (dateMention, bool) {
	if !referencePrepositions[sc.tok(i).Lower] {
		return dateMention{}, false
	}
	j := i + 1
	ref := ""
	switch sc.tok(j).Lower {
	case "this", "that":
		ref = "previous"
	case "the":
		ref = "reporting"
		if sc.tok(j+1).Lower == "same" {
			ref, j = "previous", j+1
		}
	default:
		return dateMention{}, false
	}
	j++
	if k := sc.tok(j).Lower; k == "reporting" || k == "review" {
		ref = "reporting"
		j++
	}
	if sc.tok(j).Lower != "period" {
		return dateMention{}, false
	}
	// "during the period July–December 2024" gives the dates themselves
	if _, ok := sc.monthFirst(j + 1); ok {
		return dateMention{}, false
	}
	return dateMention{ref: ref, prec: Month, first: i, last: j}, true
}

// numeric reads a date written in numbers, day first as ITU writes them:
// "12/05/2025", "12.05.2025", optionally "– 14/05/2025".
func (sc dateScan) numeric(i int) (dateMention, bool) { return sc.numberRange(i, sc.numericAt) }

// numericAt reads dd/mm/yyyy or dd.mm.yyyy written without spaces at i.
func (sc dateScan) numericAt(i int) (y, m, d, next int, ok bool) {
	sep := sc.tok(i + 1).Key
	if sep != "/" && sep != "." {
		return
	}
	for k := 1; k <= 4; k++ {
		if sc.tok(i + k).Gap {
			return
		}
	}
	if sc.tok(i+3).Key != sep {
		return
	}
	d, okD := sc.day(i)
	mon, errM := strconv.Atoi(sc.tok(i + 2).Key)
	y, okY := sc.year(i + 4)
	// the month in two digits: "1.2.2025" is as likely a version
	if !okD || errM != nil || mon < 1 || mon > 12 || len(sc.tok(i+2).Key) != 2 || !okY || !isDigits(sc.tok(i).Key) {
		return 0, 0, 0, i, false
	}
	return y, mon, d, i + 5, true
}
