package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Place is where an activity happened: a city and its country, or a
// country alone.
type Place struct {
	City    string
	Country Country
}

// IsZero reports whether no place is known.
func (p Place) IsZero() bool { return p.City == "" && p.Country.ISO3 == "" }

// placeScan is what one text says about places.
type placeScan struct {
	// event is the first place the text gives for an event, if any.
	event Place
	// named lists each country the text names, once, in order.
	named []Country
}

// eventNameEnds are the words that end an event's name; a country leading
// such a name ("Vietnam Digital Week") places the event in that country.
var eventNameEnds = map[string]bool{"Week": true, "Forum": true, "Summit": true, "Conference": true,
	"Congress": true, "Day": true, "Days": true, "Expo": true, "Festival": true, "Dialogue": true,
	"Workshop": true, "Symposium": true, "Fair": true, "Exhibition": true}

// officeWords before "in" make a place an office's seat, not an event's
// venue ("the Area Office in Delhi").
var officeWords = map[string]bool{"Office": true, "Offices": true, "office": true, "offices": true}

// scanPlaces finds the event place and the countries named in a text, given
// as its tokens.
func scanPlaces(toks []token) placeScan {
	g := gaz()
	var out placeScan
	cities := g.cityNames.find(toks)
	countries := g.countryNames.find(toks)
	seen := map[string]bool{}
	for _, m := range countries {
		c := g.countries[m.Entry]
		if !seen[c.ISO3] {
			seen[c.ISO3] = true
			out.named = append(out.named, c)
		}
	}
	for _, m := range cities {
		if officeSeat(toks, m.First) {
			continue
		}
		city := g.cities[m.Entry]
		out.event = Place{City: city.Name, Country: city.Country}
		// "Kuala Lumpur, Malaysia": the country written next to the city
		// wins over the gazetteer's (a city name can exist twice).
		for _, cm := range countries {
			if cm.First == m.Last+2 && toks[m.Last+1].Key == "," {
				out.event.Country = g.countries[cm.Entry]
			}
		}
		return out
	}
	for _, m := range countries {
		if officeSeat(toks, m.First) {
			continue
		}
		if locative(toks, m.First) || leadsEventName(toks, m.Last) {
			out.event = Place{Country: g.countries[m.Entry]}
			return out
		}
	}
	return out
}

// locative reports whether the name at token i follows "in", "at" or "in
// the".
func locative(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && strings.EqualFold(toks[j].Key, "the") {
		j--
	}
	if j < 0 {
		return false
	}
	switch strings.ToLower(toks[j].Key) {
	case "in", "at", "inside", "within":
		return true
	}
	return false
}

// officeSeat reports whether the name at token i is the seat of an ITU
// office: "Office in Delhi", "Area Offices, in Chile".
func officeSeat(toks []token, i int) bool {
	j := i - 1
	if j >= 0 && strings.EqualFold(toks[j].Key, "the") {
		j--
	}
	if j < 0 || !(toks[j].Key == "in" || toks[j].Key == "for" || toks[j].Key == "at") {
		return false
	}
	j--
	for j >= 0 && !toks[j].Word {
		j--
	}
	return j >= 0 && officeWords[toks[j].Key]
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

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
