package activity

import "testing"

// TestParticipants: head counts in digits, with separators and "+", in
// words, with their qualifiers kept apart.
func TestParticipants(t *testing.T) {
	tests := []struct {
		text string
		n    int
		qual string
	}{
		{"In Kuala Lumpur a total of 73 participants were trained.", 73, "total"},
		{"TSB presented to more than 60 participants from seven Member States.", 60, "more than"},
		{"The clinics reached at least 70 participants from regulators.", 70, "at least"},
		{"These sessions attracted a combined total of 291 participants.", 291, "total"},
		{"The forum gathered some 120 participants.", 120, "about"},
		{"The webinar had over 200 registrants.", 200, "more than"},
		{"The meeting was attended by 45 delegates.", 45, "exact"},
		{"In Thimphu 69 civil servants from Bhutan were trained.", 69, "exact"},
		{"About 35 government officials took part.", 35, "about"},
		{"Seventy participants joined online.", 70, "exact"},
		{"The summit drew 1,200 attendees.", 1200, "exact"},
		{"Up to 25 experts will be trained.", 25, "at most"},
		{"The course trained 40 young engineers in total.", 40, "total"},
		{"73 participants were trained from 9 member states.", 73, "exact"},
		{"Forty-one participants attended.", 41, "exact"},
		{"It trained two hundred and fifty staff of the regulator.", 250, "exact"},
		{"One thousand two hundred people came.", 1200, "exact"},
		{"The forum had 1,500 participants on site.", 1500, "exact"},
		{"It reached 150+ participants.", 150, "at least"},
		{"Some 1,250 registered online.", 1250, "about"},
		{"It drew approx. 300 participants.", 300, "about"},
		{"Nearly 200 cybersecurity professionals took part.", 200, "about"},
		{"It gathered 65 participants, 18 of whom were from Ukraine.", 65, "exact"},
		{"Twelve members of staff attended.", 12, "exact"},
		{"Attendance at the workshop in Kigali reached 150.", 150, "exact"},
		{"The number of participants was 40.", 40, "exact"},
		{"Participants: 95.", 95, "exact"},
		{"It trained eighty-five (85) participants.", 85, "exact"},
		{"A webinar on 9 September 2025 (180 registrations).", 180, "exact"},
		{"It had 120 on-site and 200 remote participants.", 320, "exact"},
		{"Some 40 local and 25 online participants joined.", 65, "about"},
		{"It gathered delegations of 12 countries and 40 speakers.", 40, "exact"},
	}
	for _, tc := range tests {
		got := findParticipants(tc.text)
		if len(got) == 0 {
			t.Errorf("%q: no head count found", tc.text)
			continue
		}
		if got[0].N != tc.n || got[0].Qualifier != tc.qual {
			t.Errorf("%q: got %d %q, want %d %q", tc.text, got[0].N, got[0].Qualifier, tc.n, tc.qual)
		}
	}
}

// TestNotParticipants: numbers that are not head counts — percentages,
// countries and states, sessions, days, Questions, populations, parts of
// a group already counted.
func TestNotParticipants(t *testing.T) {
	for _, s := range []string{
		"Training was given to 9 member states including Malaysia.",
		"TSB presented to representatives of seven ARTAC Member States.",
		"In total, more than 10 African countries were engaged.",
		"Two online sessions were organised for participants.",
		"The workshop ran for 3 days with participants from 12 countries.",
		"The region has a population of some 325 million people.",
		"The three stakeholder groups (governments, private sector and civil society) met.",
		"Of them, 35 per cent were women.",
		"Women were 52% of the participants.",
		"SG5 worked under Question 7/5 with experts.",
		"It delivered 8 weekly sessions to students.",
		"It included representatives of 9 operators.",
		"The delegates came from 28 APT members.",
		"70 of them online.",
		"The workshop gathered participants of 12 countries.",
		"Attendance was of 3 days.",
		"It covered 3 topics and 12 countries.",
	} {
		if got := findParticipants(s); len(got) > 0 {
			t.Errorf("%q: took %q as a head count", s, got[0].Written)
		}
	}
}

// TestDateNumbersAreNotCounts: the day of a date before a people noun is
// no head count.
func TestDateNumbersAreNotCounts(t *testing.T) {
	f := study(sentence{Text: "On 3 October participants joined an online session."}, h2025)
	if len(f.heads) > 0 {
		t.Errorf("took %q as a head count", f.heads[0].Written)
	}
}

// TestCountCell: a table's Participants cell.
func TestCountCell(t *testing.T) {
	tests := map[string]int{"95": 95, "150+": 150, "approx. 300": 300, "1,050": 1050, "about 40 participants": 40}
	for cell, want := range tests {
		if p, ok := countCell(cell); !ok || p.N != want {
			t.Errorf("countCell(%q) = %d, %v; want %d", cell, p.N, ok, want)
		}
	}
	for _, cell := range []string{"–", "", "n/a", "see note 3"} {
		if p, ok := countCell(cell); ok {
			t.Errorf("countCell(%q) = %d, want none", cell, p.N)
		}
	}
}
