package index

import "testing"

func TestParticipants(t *testing.T) {
	tests := []struct {
		text string
		n    int
		qual string
	}{
		{"In Kuala Lumpur a total of 73 participants were trained.", 73, "total"},
		{"TSB presented to more than 60 participants from seven ARTAC Member States.", 60, "more than"},
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

func TestNotParticipants(t *testing.T) {
	for _, s := range []string{
		"Training was given to 9 member states including Malaysia.",
		"TSB presented to representatives of seven ARTAC Member States.",
		"In total, more than 10 African countries were engaged.",
		"Two online sessions were organised for participants.",
		"On 3 October participants joined an online session.",
		"The workshop ran for 3 days with participants from 12 countries.",
		"The region has a population of some 325 million people.",
		"The three stakeholder groups (governments, private sector and civil society) met.",
	} {
		if got := findParticipants(s); len(got) > 0 {
			t.Errorf("%q: took %q as a head count", s, got[0].Written)
		}
	}
}

// TestHasCountBeforeEveryMatch: hasCount is asked before the pattern is
// tried, so it must hold wherever the pattern matches.
func TestHasCountBeforeEveryMatch(t *testing.T) {
	texts := append(startTexts(t), "twenty-five trainees", "one hundred people", "about 40 people", "x9 experts",
		"some nineteen women", "a total of 1,200 attendees")
	for _, s := range texts {
		lower := asciiLower(s)
		if participantsPattern.compiled().re.MatchString(lower) && !hasCount(lower) {
			t.Errorf("hasCount(%q) is false, but the pattern matches", lower)
		}
	}
	for _, s := range []string{"no figures here", "someone attended", "often", "x9 experts"} {
		if hasCount(s) {
			t.Errorf("hasCount(%q) is true", s)
		}
	}
}
