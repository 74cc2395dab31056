package activity

import (
	"strings"
	"testing"
)

func TestGroups(t *testing.T) {
	tests := []struct{ text, want string }{
		{"the Meeting of Study Group 3 Regional Group for Latin America and the Caribbean (SG3RG-LAC) and of ITU-T Study Group 2 Regional Group for the Americas (SG2RG-AMR)",
			"SG3 SG3RG-LAC SG2 SG2RG-AMR"},
		{"work of ITU-T Study Group 3 and Focus Group on Cost of Data (FG-CD)", "SG3 FG-CD"},
		{"the SG20 management team and TSAG", "SG20 TSAG"},
		{"(SG11RG-EECAT, SG13RG-EECAT and SG20RG-EECAT)", "SG11 SG11RG-EECAT SG13 SG13RG-EECAT SG20 SG20RG-EECAT"},
		{"the Focus Group on Artificial Intelligence for Health met", "Focus Group on Artificial Intelligence for Health"},
		{"ITU-D Study Group 1 and ITU-R SG5 met", ""},
		{"no group here", ""},
		{"the outcomes of Study Groups 3 and 20 on tariffs", "SG3 SG20"},
		{"ITU-T SG 17 and SG05", "SG17"},
		{"the ITU-T JCA-IMT2020 and FG-AI4H", "JCA-IMT2020 FG-AI4H"},
	}
	for _, tc := range tests {
		if got := strings.Join(findGroups(tokenize(tc.text)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestRecommendations(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Data Protection (X.1220/X.nspam) and Passwordless Authentication (X.1280)", "X.1220/X.nspam X.1280"},
		{"Recommendation ITU-T Y.3172 and ITU-T Y.3172 again", "Y.3172"},
		{"the draft ITU-T X.nspam", "X.nspam"},
		{"see Annex A.1 and Table B.2", ""},
		{"CITEL, mainly in PCC.I, and Lao P.D.R.", ""},
		{"Recommendation ITU-T E.164 and Q.3062.1", "E.164 Q.3062.1"},
		{"a visit by J. Smith and St. Petersburg", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(findRecommendations(tokenize(tc.text)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPartners(t *testing.T) {
	tests := []struct{ text, want string }{
		{"TSB in collaboration with BDT and GSMA delivered", "BDT GSMA"},
		{"support to the TSB with League of Arab States (LAS) and with CITEL", "LAS CITEL"},
		{"The ITU–EC Accessible Europe Forum, with the European Commission", "European Commission"},
		{"co-organized by the ITU and the Regional Commonwealth in the Field of Communications (RCC)", "RCC"},
		{"regional organizations (CEPT and the European Union)", "CEPT EU"},
		{"the ITU team and TSB", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(findPartners(tokenize(tc.text)), " "); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
