package activity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Place is where an activity happened: a city and its country, or a
// country alone.
type Place struct {
	// City is as the text writes it ("Brasília", "St. Petersburg").
	City    string
	Country Country
}

// IsZero reports whether no place is known.
func (p Place) IsZero() bool { return p.City == "" && p.Country.ISO3 == "" }

// placeScan is what one text says about places.
type placeScan struct {
	// event is the first place the text gives for an event, if any.
	event Place
	// named lists each country the text names or a city of it, once, in
	// order.
	named []Country
}

// eventNameEnds are the words that end an event's name; a country leading
// such a name ("Vietnam Digital Week") places the event in that country.
var eventNameEnds = wordSet(`Week Forum Summit Conference Congress Day Days Expo Festival Dialogue Workshop
Symposium Fair Exhibition`)

// officeWords name an ITU office: a place after them is its seat, not an
// event's venue ("the Area Office in Delhi", "the Regional Office for the
// Arab States in Cairo").
var officeWords = wordSet(`Office Offices office offices`)

// longFormWords may stand between a city and its country's short name:
// "Minsk, Republic of Belarus", "La Paz, the Plurinational State of
// Bolivia", "Seoul, the Republic of Korea".
var longFormWords = wordSet(`the Republic Kingdom State Sultanate Principality Plurinational United Islamic Federal
Democratic Arab Bolivarian Federative of`)

// scanPlaces finds the event place and the countries named in a text, given
// as its tokens; masked tokens (a Resolution's "Rev. Bucharest, 2022") are
// not read. venue says the whole text is a venue (a table's Venue cell),
// where a country alone is the place.
func scanPlaces(toks []token, masked func(int) bool, venue bool) placeScan {
	g := gaz()
	var out placeScan
	seen := map[string]bool{}
	name := func(c Country) {
		if !seen[c.ISO3] {
			seen[c.ISO3] = true
			out.named = append(out.named, c)
		}
	}
	cities := g.cityNames.find(toks)
	countries := g.countryNames.find(toks)
	for _, m := range countries {
		if masked == nil || !masked(m.First) {
			name(g.countries[m.Entry])
		}
	}
	for _, m := range cities {
		if masked != nil && masked(m.First) || officeSeat(toks, m.First) {
			continue
		}
		city := g.cities[m.Entry]
		p := Place{City: written(toks, m.First, m.Last), Country: city.Country}
		// "Kuala Lumpur, Malaysia": the country written next to the city
		// wins over the gazetteer's (a city name can exist twice).
		if c, ok := countryAfter(toks, countries, m.Last+1); ok {
			p.Country = g.countries[c.Entry]
		}
		name(p.Country)
		if out.event.IsZero() {
			out.event = p
		}
	}
	if !out.event.IsZero() {
		return out
	}
	for _, m := range countries {
		if masked != nil && masked(m.First) || officeSeat(toks, m.First) {
			continue
		}
		if city, ok := unlistedCity(toks, countries, m, venue); ok {
			out.event = Place{City: city, Country: g.countries[m.Entry]}
			return out
		}
		if venue || locative(toks, m.First) || leadsEventName(toks, m.Last) {
			out.event = Place{Country: g.countries[m.Entry]}
			return out
		}
	}
	return out
}

// written is the text of tokens first to last as written, single-spaced.
func written(toks []token, first, last int) string {
	var b strings.Builder
	for i := first; i <= last; i++ {
		if i > first && toks[i].Gap {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Key)
	}
	return b.String()
}

// countryAfter finds the country named right after a city, past a comma or
// an opening bracket and the words of a long form: "Kigali, Rwanda",
// "Dodoma (United Republic of Tanzania)", "Seoul, the Republic of Korea".
func countryAfter(toks []token, countries []nameMatch, i int) (nameMatch, bool) {
	if i >= len(toks) || toks[i].Key != "," && toks[i].Key != "(" {
		return nameMatch{}, false
	}
	for _, c := range countries {
		if c.First <= i || c.First > i+5 {
			continue
		}
		between := true
		for k := i + 1; k < c.First; k++ {
			between = between && longFormWords[toks[k].Key]
		}
		if between {
			return c, true
		}
	}
	return nameMatch{}, false
}

// unlistedCity reads a city the gazetteer does not know from "in City,
// Country" or "(City, Country": one to three capitalized words after "in",
// "at" or an opening bracket, then a comma and the country match m ("held
// in Victoria, Seychelles"), or at the start of a Venue cell; a part of
// the world or a country is not a city.
func unlistedCity(toks []token, countries []nameMatch, m nameMatch, venue bool) (string, bool) {
	sep := m.First - 1
	for sep >= 0 && longFormWords[toks[sep].Key] {
		sep--
	}
	if sep < 1 || toks[sep].Key != "," {
		return "", false
	}
	if c, ok := countryAfter(toks, countries, sep); !ok || c != m {
		return "", false
	}
	last := sep - 1
	first := last
	for first >= 0 && last-first < 3 && toks[first].Word && startsUpper(toks[first].Key) {
		first--
	}
	if first == last || first < 0 && !venue {
		return "", false
	}
	for _, c := range countries {
		if c.Last > first && c.First <= last {
			return "", false // a country, not a city: "(Somalia, Ghana)"
		}
	}
	if first >= 0 && toks[first].Lower != "in" && toks[first].Lower != "at" && toks[first].Lower != "(" {
		return "", false
	}
	// after "in", "at" or "(", or the start of a Venue cell
	if city := written(toks, first+1, last); !regionNames[city] {
		return city, true
	}
	return "", false
}

// regionNames are parts of the world, never a city.
var regionNames = wordSet(`Africa Americas America Asia Europe Pacific Caribbean Oceania Arab Balkans`)

// locative reports whether the name at token i follows "in", "at" or "in
// the".
func locative(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Lower == "the" {
		j--
	}
	if j < 0 {
		return false
	}
	switch toks[j].Lower {
	case "in", "at", "inside", "within":
		return true
	}
	return false
}

// officeSeat reports whether the name at token i is the seat of an ITU
// office: "Office in Delhi", "Area Offices, in Chile", "the Regional
// Office for the Arab States in Cairo" — an office word among the seven
// words of a name before "in", "for" or "at" — and each name listed after
// it ("its Area Offices in Jakarta and New Delhi").
func officeSeat(toks []token, i int) bool {
	j := listStart(toks, i) - 1
	if j >= 0 && toks[j].Lower == "the" {
		j--
	}
	if j < 0 || !(toks[j].Key == "in" || toks[j].Key == "for" || toks[j].Key == "at") {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-7; k-- {
		if officeWords[toks[k].Key] {
			return !heldAt(toks, k)
		}
		t := toks[k]
		if !(t.Word && (startsUpper(t.Key) || seatWords[t.Lower]) || k == j-1 && t.Key == ",") {
			return false // "the Office also participated in …" names no seat
		}
	}
	return false
}

// heldAt reports whether the office whose word is token k is where
// something was held: "held at the ITU Regional Office in Addis Ababa".
func heldAt(toks []token, k int) bool {
	for k--; k >= 0 && toks[k].Word && (startsUpper(toks[k].Key) || toks[k].Lower == "the"); k-- {
	}
	return k >= 0 && toks[k].Lower == "at"
}

// seatWords may stand in an office's name before its seat: "the Regional
// Office for the Arab States in Cairo", "Office of the CIS in Moscow".
var seatWords = wordSet(`for the and of its`)

// listStart is the first token of the list of names that the name at
// token i ends: "Santiago de Chile, Tegucigalpa and Bridgetown".
func listStart(toks []token, i int) int {
	start := i
	for j := i - 1; j > 0; {
		if k := toks[j].Lower; k != "," && k != "and" && k != "&" {
			break
		}
		k := j - 1
		for k >= 0 && toks[k].Word && (startsUpper(toks[k].Key) || toks[k].Lower == "de" || toks[k].Lower == "of") {
			k--
		}
		if k == j-1 {
			break
		}
		start, j = k+1, k
	}
	return start
}

// leadsEventName reports whether the capitalized words after token i end
// in an event word: "Vietnam Digital Week".
func leadsEventName(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if !toks[k].Word || !startsUpper(toks[k].Key) {
			return false
		}
		if eventNameEnds[toks[k].Key] {
			return true
		}
	}
	return false
}

// onlineWords say an event had no venue; hybridWords that it had one as
// well.
var (
	onlineWords = wordSet(`online virtual virtually webinar webinars remotely remote videoconference`)
	hybridWords = wordSet(`hybrid person site`) // "in person", "on site"
)

// online reports whether a Venue cell says the event was held online
// only: "Online", "Virtual", "Online (Zoom)".
func online(toks []token) bool {
	on, hybrid := false, false
	for _, t := range toks {
		on = on || onlineWords[t.Lower]
		hybrid = hybrid || hybridWords[t.Lower]
	}
	return on && !hybrid
}

// onlineEvent reports whether a sentence says its event was held online
// only: an online word before an event noun ("a virtual meeting", "an
// online training course"), a webinar, or "held online"; not a part of
// the audience ("including 40 online"), and not a hybrid event.
func onlineEvent(toks []token) bool {
	on := false
	for i := range toks {
		t := &toks[i]
		if hybridWords[t.Lower] {
			return false
		}
		if !onlineWords[t.Lower] {
			continue
		}
		if strings.HasPrefix(t.Lower, "webinar") || i > 0 && (toks[i-1].is(roleEventVerb) || toks[i-1].Lower == "place") {
			on = true
		}
		for k := i + 1; k < len(toks) && k <= i+3 && toks[k].Word; k++ {
			if toks[k].is(roleEventNoun) {
				on = true
			}
		}
	}
	return on
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
