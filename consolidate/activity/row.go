package activity

import (
	"slices"
	"strings"
)

// Stage 4 of the pipeline: an activity's row, from a segment of text or
// from a table row.

// shortActivity is the word count under which an activity's text is given
// whole rather than by its leading sentence.
const shortActivity = 45

// activity builds the row of a segment (without its document fields).
func (s *seg) activity(period Period) Activity {
	a := Activity{
		Text:         s.text(),
		Date:         s.date(period),
		Place:        s.place(),
		Countries:    s.countries(),
		Participants: s.participants(),
	}
	for _, f := range s.sents {
		a.Groups = appendNew(a.Groups, findGroups(f.toks)...)
		a.Recs = appendNew(a.Recs, findRecommendations(f.toks)...)
		a.Partners = appendNew(a.Partners, findPartners(f.toks)...)
	}
	return a
}

// text is the leading sentence, or every sentence of the activity when
// they are short together.
func (s *seg) text() string {
	parts := make([]string, len(s.sents))
	words := 0
	for i, f := range s.sents {
		parts[i] = f.s.Text
		for k := range f.toks {
			if f.toks[k].Word {
				words++
			}
		}
	}
	if words <= shortActivity {
		return strings.Join(parts, " ")
	}
	return parts[0]
}

// tableActivity builds the row of a table row: its date from the Dates
// cell (a missing year from the caption, then the reporting period), its
// place from the Venue cell, its head count from the Participants cell,
// and what the Event cell names. ok is false for a row that gives neither
// a date nor a venue.
func tableActivity(b *Block, period Period) (Activity, bool) {
	event := b.Cells[roleEvent]
	a := Activity{Text: b.Text}
	if d, ok := cellDate(b.Cells[roleDate], b.Context, period); ok {
		a.Date = d
	}
	// without a Venue column, the Event cell may name the place
	// ("Kuala Lumpur, Malaysia")
	venue := tokenize(b.Cells[roleVenue])
	if _, ok := b.Cells[roleVenue]; !ok {
		venue = tokenize(event)
	}
	if !online(venue) && !onlineEvent(tokenize(event)) {
		a.Place = scanPlaces(venue, nil, true).event
	}
	if p, ok := countCell(b.Cells[roleParticipants]); ok {
		a.Participants = p
	} else if h := findParticipants(event); len(h) > 0 {
		a.Participants = h[0]
	}
	a.Countries = scanPlaces(tokenize(event+"; "+b.Cells[roleVenue]), nil, true).named
	eventToks := tokenize(event)
	a.Groups = findGroups(eventToks)
	a.Recs = findRecommendations(eventToks)
	a.Partners = findPartners(eventToks)
	return a, !a.Date.IsZero() || !a.Place.IsZero()
}

// cellDate reads a table's Dates cell; a missing year comes from the
// table's caption ("…, July–December 2024"), then the reporting period.
func cellDate(cell, caption string, period Period) (DateSpan, bool) {
	ms := findDates(cell)
	if len(ms) == 0 {
		return DateSpan{}, false
	}
	m := ms[0]
	if m.hasYear() {
		return m.span(0, ""), true
	}
	for _, c := range findDates(caption) {
		if c.hasYear() {
			return m.span(c.y2, "table's caption"), true
		}
	}
	if period.IsZero() {
		return DateSpan{}, false
	}
	return m.span(period.yearNear(m.m1), "reporting period"), true
}

// appendNew appends the items not yet in list.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
