package activity

import "testing"

// kindOf classifies a sentence in 2025-H2.
func kindOf(text string) sentenceKind {
	return study(sentence{Text: text}, h2025).kind
}

// TestSentenceKinds gives each kind of sentence its cases: what reports an
// activity, and each kind that is not one.
func TestSentenceKinds(t *testing.T) {
	tests := []struct {
		kind sentenceKind
		text string
	}{
		// an event named with a date, a venue or a head count
		{reports, "A workshop was held in Accra on 5 May 2025."},
		{reports, "The Commission met in Minsk on 25 September 2025."},
		{reports, "Between July and December 2025, three webinars were organised."},
		{reports, "A special briefing was held in Brussels."},
		{reports, "The workshop was attended by 112 participants."},
		{reports, "Following the first workshop held in Delhi, India in May 2025, more workshops were organized:"},
		// introductions and pointers
		{framing, "What follows are the main activities of July–December 2025:"},
		{framing, "The main activities carried out with TSB in the reporting period were the following:"},
		{framing, "Table 1 lists the other events that the Office co-organized with TSB during the period."},
		{framing, "This contribution covers the period July–December 2025."},
		{framing, "The project aims to build capacity among officials."},
		{framing, "Related events supported by the Regional Office:"},
		// standing work
		{general, "The Office coordinates closely with TSB on activities carried out in the region."},
		{general, "Periodic coordination calls were held throughout the period."},
		{general, "The Office continues to promote ITU-T activities through its newsletter."},
		{general, "Capacity building continued with the ITU Academy."},
		// plans, intentions, deadlines
		{plan, "A second workshop will be held in Accra in March 2026."},
		{plan, "For the first half of 2026, the Office plans a second edition of the course."},
		{plan, "In 2026 the Office intends to extend the services of the centre."},
		{plan, "The framework is expected to be submitted to SG20 in 2026."},
		{plan, "The Office is currently preparing the next forum, expected in March 2026."},
		{plan, "The workshop is scheduled for 10 March 2026 in Bogotá."},
		{plan, "The deadline for contributions to the workshop is 5 March 2026."},
		// lists of references
		{reference, "Resolution 44 (Rev. New Delhi, 2024) – Bridging the standardization gap"},
		{reference, "Recommendation 7 on the regional workshop of 5 May 2025"},
		// nothing of its own
		{plain, "ITU emphasized that quality is a shared responsibility."},
		{plain, "BICMA is currently evaluating the financials at their end."},
		{plain, "Countries were engaged in the Knowledge Transfer Programme during the July–December 2025 period."},
		{plain, "In the reporting period the project team carried out tests."},
	}
	for _, tc := range tests {
		if got := kindOf(tc.text); got != tc.kind {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.kind)
		}
	}
}

// TestPastEventOverridesAPlan: a plan word beside what took place is no
// plan ("originally planned for October, took place in December").
func TestPastEventOverridesAPlan(t *testing.T) {
	if k := kindOf("The workshop, originally planned for October, took place in Tashkent in December 2025."); k != reports {
		t.Errorf("got %s", k)
	}
	if k := kindOf("The workshop is to be held in Tashkent in December 2025."); k != plan {
		t.Errorf("'to be held' gave %s, want plan", k)
	}
}
