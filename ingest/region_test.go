package ingest

import "testing"

func TestDetectRegion(t *testing.T) {
	tests := []struct {
		heading, file, title string
		code, evidence       string
	}{
		{"Africa – Regional Office for Africa", "x.docx", "", "AFR", "heading: Africa – Regional Office for Africa"},
		{"Commonwealth of Independent States (CIS) – Regional Office", "EUR.docx", "", "CIS", "heading: Commonwealth of Independent States (CIS) – Regional Office"},
		{"Introduction", "/in/AMS-contribution.docx", "", "AMS", "file name: AMS-contribution.docx"},
		{"", "Contribution Région Afrique v2.docx", "", "AFR", "file name: Contribution Région Afrique v2.docx"},
		{"", "ro_asp2025.docx", "", "ASP", "file name: ro_asp2025.docx"},
		{"", "BUREAU DU CAIRE.docx", "", "ARB", "file name: BUREAU DU CAIRE.docx"},
		{"", "Moscow office.docx", "", "CIS", "file name: Moscow office.docx"},
		{"", "report-Genève.docx", "", "EUR", "file name: report-Genève.docx"},
		{"", "Bangkok.docx", "", "ASP", "file name: Bangkok.docx"},
		{"", "decision.docx", "Contribution of the ITU Office for Europe", "EUR", "title: Contribution of the ITU Office for Europe"},
		{"Decisions", "precise-draft.docx", "", "", ""},
		{"Arab States and Africa", "", "", "ARB", "heading: Arab States and Africa"},
		{"Asia and the Pacific", "", "", "ASP", "heading: Asia and the Pacific"},
		{"", "Brasilia notes.docx", "", "AMS", "file name: Brasilia notes.docx"},
		{"", "addis-ababa.docx", "", "AFR", "file name: addis-ababa.docx"},
		{"Work of the ams and asp groups", "notes.docx", "", "", ""},
		{"Report of the EUR office", "notes.docx", "", "EUR", "heading: Report of the EUR office"},
		{"Contribution (AFR)", "notes.docx", "", "AFR", "heading: Contribution (AFR)"},
	}
	for _, tt := range tests {
		got := DetectRegion(tt.heading, tt.file, tt.title)
		if got.Code != tt.code || got.Evidence != tt.evidence {
			t.Errorf("DetectRegion(%q, %q, %q) = %+v, want %s (%s)", tt.heading, tt.file, tt.title, got, tt.code, tt.evidence)
		}
	}
}

func TestSplitHeadingNumber(t *testing.T) {
	tests := []struct{ in, number, title string }{
		{"8\tEurope – ITU Office for Europe", "8", "Europe – ITU Office for Europe"},
		{"3 Africa", "3", "Africa"},
		{"3.1 Foo bar", "3.1", "Foo bar"},
		{"3.1. Foo", "3.1", "Foo"},
		{"2025 was a year", "", "2025 was a year"},
		{"2010 Word Complex Document", "", "2010 Word Complex Document"},
		{"18.33.010 Purpose.", "18.33.010", "Purpose."},
		{"X.1220 and beyond", "", "X.1220 and beyond"},
		{"  Spaced   title ", "", "Spaced title"},
		{"5G deployment", "", "5G deployment"},
	}
	for _, tt := range tests {
		n, title := SplitHeadingNumber(tt.in)
		if n != tt.number || title != tt.title {
			t.Errorf("SplitHeadingNumber(%q) = %q, %q; want %q, %q", tt.in, n, title, tt.number, tt.title)
		}
	}
}
