package index

import (
	"regexp"
	"strings"
	"testing"

	"tsagmerge/ingest"
)

// find returns the activity whose text holds key.
func find(t *testing.T, acts []Activity, region, key string) Activity {
	t.Helper()
	for _, a := range acts {
		if a.Region == region && strings.Contains(a.Text, key) {
			return a
		}
	}
	t.Fatalf("no %s activity holds %q", region, key)
	return Activity{}
}

func TestExtractLeavesOutIntroductionsHeadingsCaptionsAndTables(t *testing.T) {
	docs := textDocs(t)
	docs[3].Paragraphs = append(docs[3].Paragraphs, &ingest.Paragraph{Index: 99, Section: 1, InTable: true,
		Text: "Kuala Lumpur workshop held on 9-12 September 2025 with 73 participants"})
	acts := Extract(docs, Options{})
	headings := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sections {
			headings[s.Title] = true
		}
	}
	notActivities := regexp.MustCompile(`coordinates closely|continued close coordination|has continued to coordinate|What follows|` +
		`on the following activities|Consultations are held|coordination calls|continues to promote|is promoting TSB|aims to|` +
		`participants by month|capacity-building workshops under|Facilitate the integration|Kuala Lumpur workshop held`)
	for _, a := range acts {
		if headings[a.Text] {
			t.Errorf("%s: a heading became an activity: %q", a.ID, a.Text)
		}
		if notActivities.MatchString(a.Text) {
			t.Errorf("%s: not an activity: %q", a.ID, a.Text)
		}
	}
}

func TestExtractActivities(t *testing.T) {
	acts := Extract(textDocs(t), Options{})
	tests := []struct {
		region, key      string
		start, end       string
		city, country    string
		n                int
		qual             string
		countries        string
		groups, recs, pa string
	}{
		{"AFR", "training workshop in Benin", "2025-09-05", "2025-09-05", "", "Benin", 0, "", "BEN", "", "", "BDT GSMA"},
		{"AFR", "delivered three DFS Security Clinics", "2025-07-01", "2025-12-31", "", "", 70, "at least", "SOM SLE", "", "", ""},
		{"AFR", "African Telecommunications Regulators Assembly", "2025-12-17", "2025-12-17", "N'Djamena", "Chad", 60, "more than",
			"TCD CMR COG COD CAF GAB GNQ", "", "", "ARTAC BEAC"},
		{"AFR", "three DFS Security webinars", "2025-07-01", "2025-12-31", "", "", 291, "total", "", "", "", ""},
		{"AMS", "Regional Economic Dialogue", "2025-10-01", "2025-10-31", "Montevideo", "Uruguay", 0, "", "URY", "SG3 FG-CD", "", ""},
		{"AMS", "SG3RG-LAC", "2025-10-01", "2025-10-31", "Montevideo", "Uruguay", 0, "", "URY", "SG3 SG3RG-LAC SG2 SG2RG-AMR", "", ""},
		{"ASP", "In Thimphu, Bhutan", "2025-09-22", "2025-09-26", "Thimphu", "Bhutan", 69, "exact", "BTN", "", "", ""},
		{"ASP", "DFS Security Lab on 10 October 2024", "2024-10-10", "2024-10-10", "", "", 0, "", "BTN", "", "", "BICMA"},
		{"ASP", "interregional training course", "2026-02-11", "2026-02-13", "Bangkok", "Thailand", 0, "", "THA KOR", "",
			"X.1220/X.nspam X.1280", "TTA Passwordless Alliance"},
		{"CIS", "took place in St.", "2025-06-09", "2025-06-11", "Saint Petersburg", "Russian Federation", 0, "", "RUS",
			"SG11 SG13 SG20 SG11RG-EECAT SG13RG-EECAT SG20RG-EECAT", "", "RCC"},
		{"CIS", "Implementation of a regional project", "2025-07-01", "2025-12-31", "", "", 0, "", "", "", "", "Rostelecom"},
		{"EUR", "CEPT Com-ITU meetings (Athens", "2025-09-01", "2025-09-30", "Athens", "Greece", 0, "", "", "", "", "CEPT EU"},
		{"EUR", "special briefing", "", "", "Brussels", "Belgium", 0, "", "", "", "", "EU"},
		{"EUR", "Resilience to Natural Hazards", "2025-12-01", "2025-12-31", "Brussels", "Belgium", 0, "", "", "", "", "European Commission"},
	}
	for _, tc := range tests {
		a := find(t, acts, tc.region, tc.key)
		got := []string{date(a.Date.Start), date(a.Date.End), a.Place.City, a.Place.Country.Name}
		want := []string{tc.start, tc.end, tc.city, tc.country}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s %q: date and place %q, want %q", a.ID, tc.key, got, want)
		}
		if a.Participants.N != tc.n || a.Participants.Qualifier != tc.qual {
			t.Errorf("%s %q: participants %d %q, want %d %q", a.ID, tc.key, a.Participants.N, a.Participants.Qualifier, tc.n, tc.qual)
		}
		var iso []string
		for _, c := range a.Countries {
			iso = append(iso, c.ISO3)
		}
		if strings.Join(iso, " ") != tc.countries || strings.Join(a.Groups, " ") != tc.groups ||
			strings.Join(a.Recs, " ") != tc.recs || strings.Join(a.Partners, " ") != tc.pa {
			t.Errorf("%s %q: countries %v groups %v recs %v partners %v; want %q %q %q %q",
				a.ID, tc.key, iso, a.Groups, a.Recs, a.Partners, tc.countries, tc.groups, tc.recs, tc.pa)
		}
	}
}

func date(d interface{ Format(string) string }) string {
	s := d.Format("2006-01-02")
	if s == "0001-01-01" {
		return ""
	}
	return s
}

// TestActivityText: the leading sentence of a long item, all of a short
// one, and a paragraph that reports two events gives two activities.
func TestActivityText(t *testing.T) {
	acts := Extract(textDocs(t), Options{})
	webinars := find(t, acts, "AFR", "three DFS Security webinars")
	if strings.Contains(webinars.Text, "These sessions") {
		t.Errorf("a long item should be cut to its leading sentence: %q", webinars.Text)
	}
	appointment := find(t, acts, "ARB", "G-staff member has been appointed")
	if !strings.Contains(appointment.Text, "This on-site presence") {
		t.Errorf("a short item should be given whole: %q", appointment.Text)
	}
	athens := find(t, acts, "EUR", "(Athens, September 2025)")
	briefing := find(t, acts, "EUR", "special briefing")
	if athens.ID == briefing.ID || athens.Paragraph != briefing.Paragraph {
		t.Errorf("one paragraph, two events: got %s and %s", athens.ID, briefing.ID)
	}
	forum := find(t, acts, "CIS", "took place in St.")
	for _, a := range acts {
		if a.ID != forum.ID && a.Paragraph == forum.Paragraph && a.Region == "CIS" {
			t.Errorf("'The Forum was …' goes on about the forum, not a new activity: %q", a.Text)
		}
	}
}

func TestPlaceAloneIsNotAnActivity(t *testing.T) {
	docs := docsFromText("= EUR\n# Europe\nDirector, Norwegian Post and Telecom Authority; Oslo\n" +
		"A briefing was held in Oslo.\n")
	acts := Extract(docs, Options{})
	if len(acts) != 1 || !strings.HasPrefix(acts[0].Text, "A briefing") {
		t.Errorf("got %d activities (%v), want only the briefing", len(acts), acts)
	}
}

func TestFrontMatterAndFilesWithoutHeadings(t *testing.T) {
	body := &ingest.Paragraph{Index: 2, Section: -1, Text: "A clinic was held in Accra on 3 October 2025."}
	title := &ingest.Paragraph{Index: 1, Section: -1, Style: "Title", Text: "Workshop held in Accra on 3 October 2025"}
	noHeadings := &ingest.Document{Region: ingest.Region{Code: "AFR"}, Paragraphs: []*ingest.Paragraph{title, body},
		FrontMatter: []*ingest.Paragraph{title}}
	acts := Extract([]*ingest.Document{noHeadings}, Options{})
	if len(acts) != 1 || acts[0].Paragraph != 2 {
		t.Errorf("a file without headings: got %v, want its body paragraph only", acts)
	}
	withHeadings := docsFromText("= AFR\n# Africa\nA clinic was held in Accra on 3 October 2025.\n")[0]
	withHeadings.Paragraphs = append([]*ingest.Paragraph{title}, withHeadings.Paragraphs...)
	withHeadings.FrontMatter = nil // front matter known only by standing before the first heading
	for _, a := range Extract([]*ingest.Document{withHeadings}, Options{}) {
		if a.Paragraph == 1 {
			t.Error("a paragraph before the first heading became an activity")
		}
	}
}

func TestIDs(t *testing.T) {
	acts := Extract(textDocs(t), Options{})
	seen := map[string]bool{}
	id := regexp.MustCompile(`^(AFR|AMS|ARB|ASP|CIS|EUR)-\d{3}$`)
	for i, a := range acts {
		if !id.MatchString(a.ID) || seen[a.ID] {
			t.Errorf("activity %d: ID %q malformed or repeated", i, a.ID)
		}
		seen[a.ID] = true
		if !strings.HasPrefix(a.ID, a.Region) {
			t.Errorf("%s is in region %s", a.ID, a.Region)
		}
	}
	if acts[0].Region != "AFR" || acts[len(acts)-1].Region != "EUR" {
		t.Errorf("activities not in report order: first %s, last %s", acts[0].ID, acts[len(acts)-1].ID)
	}
}

func TestPeriodOption(t *testing.T) {
	acts := Extract(textDocs(t), Options{Period: halfYear(2024, 2)})
	if a := find(t, acts, "ASP", "In Thimphu"); a.Date.Start.Year() != 2024 {
		t.Errorf("with period 2024-H2, 22-26 September is in %d", a.Date.Start.Year())
	}
}

func TestOpenComments(t *testing.T) {
	docs := docsFromText("= EUR\n# Europe\n" +
		"The participation of the TSB Director in one of the CEPT meetings (Athens, September 2025) was facilitated. " +
		"A special briefing to the EU Council Working Party was held in Brussels.\n")
	d := docs[0]
	d.Comments = []*ingest.Comment{
		{ID: "1", Paragraph: 2, Anchor: "was held in Brussels"},
		{ID: "2", Paragraph: 2, Anchor: "was held in Brussels", Parent: "1"},
		{ID: "3", Paragraph: 2, Anchor: "Athens", Resolved: true},
		{ID: "4", Paragraph: 2, Anchor: "text no longer there"},
	}
	acts := Extract(docs, Options{})
	if len(acts) != 2 {
		t.Fatalf("got %d activities, want 2", len(acts))
	}
	if acts[0].OpenComments != 1 || acts[1].OpenComments != 2 {
		t.Errorf("open comments %d and %d, want 1 (unplaced anchor: first activity) and 2 (the thread on Brussels)",
			acts[0].OpenComments, acts[1].OpenComments)
	}
}
