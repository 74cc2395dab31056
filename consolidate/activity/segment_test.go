package activity

import (
	"strings"
	"testing"
)

// segmentsOf cuts a paragraph into activities and gives each one's text;
// prior are event nouns of the section's activities before it.
func segmentsOf(text string, prior ...string) []string {
	var out []string
	for _, s := range segsOf(text, prior...) {
		var parts []string
		for _, f := range s.sents {
			parts = append(parts, f.s.Text)
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

// TestSegmentation gives each rule of what starts an activity and what
// continues one its cases.
func TestSegmentation(t *testing.T) {
	tests := []struct {
		rule, text string
		prior      []string
		want       []string
	}{
		{"a head count in the next sentence continues",
			"A clinic was held in Port Louis in Q4 2025. Forty-one participants attended.", nil,
			[]string{"A clinic was held in Port Louis in Q4 2025. Forty-one participants attended."}},
		{"taking the event up continues",
			"A workshop was held in Abidjan on 9 July 2025. The workshop was attended by 112 participants.", nil,
			[]string{"A workshop was held in Abidjan on 9 July 2025. The workshop was attended by 112 participants."}},
		{"a pronoun with a date of its own starts",
			"A meeting took place in Nairobi on 19 August 2025. It was followed by an online meeting on 24 September, attended by 58 participants.", nil,
			[]string{"A meeting took place in Nairobi on 19 August 2025.", "It was followed by an online meeting on 24 September, attended by 58 participants."}},
		{"another date starts",
			"A workshop was held in Manama on 15 July 2025. In early August, a training was held in Damascus.", nil,
			[]string{"A workshop was held in Manama on 15 July 2025.", "In early August, a training was held in Damascus."}},
		{"an added item starts",
			"The Office supported a forum held in Accra on 5 May 2025. It also took part in the Geneva summit.", nil,
			[]string{"The Office supported a forum held in Accra on 5 May 2025.", "It also took part in the Geneva summit."}},
		{"another event within the activity's span starts",
			"In Q4 2025, a series of three webinars gathered 600 participants. The Regional Forum took place in Moscow on 27 November 2025.", nil,
			[]string{"In Q4 2025, a series of three webinars gathered 600 participants.", "The Regional Forum took place in Moscow on 27 November 2025."}},
		{"another venue starts",
			"A workshop was held in Accra in May 2025. A forum took place in Lomé.", nil,
			[]string{"A workshop was held in Accra in May 2025.", "A forum took place in Lomé."}},
		{"an introduced event starts",
			"A workshop was held in Accra in May 2025. TSB organized a webinar for 50 participants.", nil,
			[]string{"A workshop was held in Accra in May 2025.", "TSB organized a webinar for 50 participants."}},
		{"sessions are the activity's parts",
			"In Kuala Lumpur a workshop ran on 9-12 September. Two online sessions were organised preceding the workshop on 19 Aug & 16 Aug.", nil,
			[]string{"In Kuala Lumpur a workshop ran on 9-12 September. Two online sessions were organised preceding the workshop on 19 Aug & 16 Aug."}},
		{"an outcome continues",
			"A seminar was held in Yerevan on 21/22 November 2025. The seminar resulted in a draft roadmap on number misuse.", nil,
			[]string{"A seminar was held in Yerevan on 21/22 November 2025. The seminar resulted in a draft roadmap on number misuse."}},
		{"a plan after an activity is not part of it",
			"A seminar was held in Yerevan on 21/22 November 2025. A second seminar will be held in 2026.", nil,
			[]string{"A seminar was held in Yerevan on 21/22 November 2025."}},
		{"an introduction starts nothing",
			"The Office coordinates closely with TSB. A workshop was held in Accra on 5 May 2025.", nil,
			[]string{"A workshop was held in Accra on 5 May 2025."}},
		{"a block taking up an earlier activity is its outcome",
			"The workshop in Podgorica agreed on a common template.", []string{"workshop"}, nil},
		{"a block taking up an earlier activity with a date of its own starts",
			"Post these discussions, letters were exchanged on 14 Oct and 22 Oct 2025.", []string{"discussion"},
			[]string{"Post these discussions, letters were exchanged on 14 Oct and 22 Oct 2025."}},
	}
	for _, tc := range tests {
		got := segmentsOf(tc.text, tc.prior...)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tc.rule, got, tc.want)
		}
	}
}
