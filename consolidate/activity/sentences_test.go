package activity

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The Forum took place in St. Petersburg. The Forum was co-organized by RCC.",
			[]string{"The Forum took place in St. Petersburg.", "The Forum was co-organized by RCC."}},
		{"Participants came from Lao P.D.R. and Thailand. Two sessions followed.",
			[]string{"Participants came from Lao P.D.R. and Thailand.", "Two sessions followed."}},
		{`ITU Regional Forum “Future Technologies: AI and Services. Vision 2030” took place in June. It went well.`,
			[]string{`ITU Regional Forum “Future Technologies: AI and Services. Vision 2030” took place in June.`, "It went well."}},
		{"Support for standards (e.g. X.1280) was given. It helped.",
			[]string{"Support for standards (e.g. X.1280) was given.", "It helped."}},
		{"Letters were exchanged on 14 Oct. and 22 Oct. 2024. BICMA is evaluating.",
			[]string{"Letters were exchanged on 14 Oct. and 22 Oct. 2024.", "BICMA is evaluating."}},
		{"It was held in Brussels (Belgium). \"Next\" comes soon!  Is it? yes.",
			[]string{"It was held in Brussels (Belgium).", "\"Next\" comes soon!", "Is it? yes."}},
	}
	for _, tc := range tests {
		var got []string
		for _, s := range splitSentences(tc.text) {
			got = append(got, s.Text)
			if !strings.HasPrefix(tc.text[s.Pos:], s.Text) {
				t.Errorf("sentence %q does not start at its Pos %d", s.Text, s.Pos)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
