package activity

import (
	"strings"
	"testing"
)

// TestDateChoice: the rules that pick an activity's date among those its
// sentences give.
func TestDateChoice(t *testing.T) {
	tests := []struct{ rule, text, start, end string }{
		{"a more precise date within refines", "Later in May (21–22 May 2025), a workshop was held in Accra.", "2025-05-21", "2025-05-22"},
		{"a more precise date within refines, across sentences",
			"In September 2025 a workshop was held in Accra. The workshop ran on 12–13 September 2025.", "2025-09-12", "2025-09-13"},
		{"a date outside does not", "A workshop was held in Accra on 5 May 2025. The workshop followed the forum of 3 March 2025.", "2025-05-05", "2025-05-05"},
		{"a breakdown gives way",
			"During this period the Lab delivered three clinics in Accra (Somalia in August and December 2025, and Ghana in November 2025). " +
				"It reached 70 participants.", "2025-07-01", "2025-12-31"},
		{"a breakdown alone spans its dates",
			"The Lab delivered three clinics (Somalia in August 2025, and Ghana in November 2025), reaching 70 participants.", "2025-08-01", "2025-11-30"},
		{"the legs of an event in two cities join",
			"The training was held in Suva, Fiji (9–11 September 2025) and Apia, Samoa (12–13 September 2025).", "2025-09-09", "2025-09-13"},
		{"days apart do not join",
			"The training was held in Suva (9–11 September 2025) and followed a forum in Apia (20 September 2025).", "2025-09-09", "2025-09-11"},
		{"a limit is no date", "The project, funded until February 2026, held a workshop in Accra on 6 February 2025.", "2025-02-06", "2025-02-06"},
		{"a bracketed date is one", "The TSB Director attended a meeting (Athens, September 2025).", "2025-09-01", "2025-09-30"},
	}
	for _, tc := range tests {
		segs := segsOf(tc.text)
		if len(segs) == 0 {
			t.Errorf("%s: no activity in %q", tc.rule, tc.text)
			continue
		}
		d := segs[0].date(h2025)
		if ymd(d.Start) != tc.start || ymd(d.End) != tc.end {
			t.Errorf("%s: %q gave %s..%s, want %s..%s", tc.rule, tc.text, ymd(d.Start), ymd(d.End), tc.start, tc.end)
		}
	}
}

// TestActivityFields: the place of an online event, a count in a later
// sentence, the countries of every city.
func TestActivityFields(t *testing.T) {
	tests := []struct {
		rule, text, city string
		n                int
		countries        string
	}{
		{"online has no venue", "An online meeting of the group was held on 9 July 2025 with 43 participants.", "", 43, ""},
		{"hybrid keeps its venue", "The forum took place in Riyadh on 30 November 2025 in a hybrid format.", "Riyadh", 0, "SAU"},
		{"a count in the next sentence", "A briefing was held in Brussels on 19 November 2025. Some thirty delegates attended.", "Brussels", 30, "BEL"},
		{"several cities, all countries", "A workshop was held in Suva, Fiji and Apia, Samoa on 9–13 September 2025.", "Suva", 0, "FJI WSM"},
	}
	for _, tc := range tests {
		segs := segsOf(tc.text)
		if len(segs) != 1 {
			t.Errorf("%s: %d activities", tc.rule, len(segs))
			continue
		}
		a := segs[0].activity(h2025)
		var iso []string
		for _, c := range a.Countries {
			iso = append(iso, c.ISO3)
		}
		if a.Place.City != tc.city || a.Participants.N != tc.n || strings.Join(iso, " ") != tc.countries {
			t.Errorf("%s: city %q, %d participants, countries %q; want %q, %d, %q", tc.rule, a.Place.City, a.Participants.N, strings.Join(iso, " "), tc.city, tc.n, tc.countries)
		}
	}
}
