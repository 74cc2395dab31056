package activity

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
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

func ymd(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// TestExtractActivities: every field of a few activities of the samples'
// text, end to end.
func TestExtractActivities(t *testing.T) {
	acts, period := Extract(textDocs(t), Options{})
	if period.String() != "2025-H2" {
		t.Errorf("period %s, want 2025-H2", period)
	}
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
		{"CIS", "took place in St.", "2025-06-09", "2025-06-11", "St. Petersburg", "Russian Federation", 0, "", "RUS",
			"SG11 SG13 SG20 SG11RG-EECAT SG13RG-EECAT SG20RG-EECAT", "", "RCC"},
		{"EUR", "CEPT Com-ITU meetings (Athens", "2025-09-01", "2025-09-30", "Athens", "Greece", 0, "", "GRC", "", "", "CEPT"},
		{"EUR", "special briefing", "", "", "Brussels", "Belgium", 0, "", "BEL", "", "", "EU"},
		{"EUR", "Resilience to Natural Hazards", "2025-12-01", "2025-12-31", "Brussels", "Belgium", 0, "", "BEL", "", "", "European Commission"},
	}
	for _, tc := range tests {
		a := find(t, acts, tc.region, tc.key)
		got := []string{ymd(a.Date.Start), ymd(a.Date.End), a.Place.City, a.Place.Country.Name}
		want := []string{tc.start, tc.end, tc.city, tc.country}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s %q: date and place %v, want %v", tc.region, tc.key, got, want)
		}
		if a.Participants.N != tc.n || a.Participants.Qualifier != tc.qual {
			t.Errorf("%s %q: participants %d %q, want %d %q", tc.region, tc.key, a.Participants.N, a.Participants.Qualifier, tc.n, tc.qual)
		}
		var countries []string
		for _, c := range a.Countries {
			countries = append(countries, c.ISO3)
		}
		if got := strings.Join(countries, " "); got != tc.countries {
			t.Errorf("%s %q: countries %q, want %q", tc.region, tc.key, got, tc.countries)
		}
		if g, r, p := strings.Join(a.Groups, " "), strings.Join(a.Recs, " "), strings.Join(a.Partners, " "); g != tc.groups || r != tc.recs || p != tc.pa {
			t.Errorf("%s %q: groups %q recs %q partners %q, want %q %q %q", tc.region, tc.key, g, r, p, tc.groups, tc.recs, tc.pa)
		}
	}
}

// TestActivityText: the leading sentence of a long activity, all of a
// short one.
func TestActivityText(t *testing.T) {
	acts, _ := Extract(textDocs(t), Options{})
	webinars := find(t, acts, "AFR", "three DFS Security webinars")
	if strings.Contains(webinars.Text, "These sessions") {
		t.Errorf("a long activity should be cut to its leading sentence: %q", webinars.Text)
	}
	forum := find(t, acts, "EUR", "ICT4ALL Forum was successfully held")
	if !strings.Contains(forum.Text, "The programme of this regional forum") {
		t.Errorf("a short activity should be given whole: %q", forum.Text)
	}
	athens := find(t, acts, "EUR", "(Athens, September 2025)")
	briefing := find(t, acts, "EUR", "special briefing")
	if athens.ID == briefing.ID || athens.Paragraph != briefing.Paragraph {
		t.Errorf("one paragraph, two events: got %s and %s", athens.ID, briefing.ID)
	}
}

func TestPlaceAloneIsNotAnActivity(t *testing.T) {
	docs := testkit.TextDocs("= EUR\n# Europe\nDirector, Norwegian Post and Telecom Authority; Oslo\n" +
		"A briefing was held in Oslo.\n")
	acts, _ := Extract(docs, Options{})
	if len(acts) != 1 || !strings.HasPrefix(acts[0].Text, "A briefing") {
		t.Errorf("got %d activities (%v), want only the briefing", len(acts), acts)
	}
}

func TestFrontMatterAndFilesWithoutHeadings(t *testing.T) {
	body := &ingest.Paragraph{Index: 2, Section: -1, Text: "A clinic was held in Accra on 3 October 2025."}
	title := &ingest.Paragraph{Index: 1, Section: -1, Style: "Title", Text: "Workshop held in Accra on 3 October 2025"}
	noHeadings := &ingest.Document{Region: ingest.Region{Code: "AFR"}, Paragraphs: []*ingest.Paragraph{title, body},
		Blocks: []ingest.Block{{Paragraph: title}, {Paragraph: body}}, FrontMatter: []*ingest.Paragraph{title}}
	acts, _ := Extract([]*ingest.Document{noHeadings}, Options{})
	if len(acts) != 1 || acts[0].Paragraph != 2 {
		t.Errorf("a file without headings: got %v, want its body paragraph only", acts)
	}
	withHeadings := testkit.TextDocs("= AFR\n# Africa\nA clinic was held in Accra on 3 October 2025.\n")[0]
	withHeadings.Paragraphs = append([]*ingest.Paragraph{title}, withHeadings.Paragraphs...)
	withHeadings.Blocks = append([]ingest.Block{{Paragraph: title}}, withHeadings.Blocks...)
	withHeadings.FrontMatter = nil // front matter known only by standing before the first heading
	acts, _ = Extract([]*ingest.Document{withHeadings}, Options{})
	for _, a := range acts {
		if a.Paragraph == 1 {
			t.Error("a paragraph before the first heading became an activity")
		}
	}
}

func TestIDs(t *testing.T) {
	acts, _ := Extract(textDocs(t), Options{})
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
	acts, _ := Extract(textDocs(t), Options{Period: halfYear(2024, 2)})
	if a := find(t, acts, "ASP", "In Thimphu"); a.Date.Start.Year() != 2024 {
		t.Errorf("with period 2024-H2, 22-26 September is in %d", a.Date.Start.Year())
	}
}

func TestOpenComments(t *testing.T) {
	docs := testkit.TextDocs("= EUR\n# Europe\n" +
		"The participation of the TSB Director in one of the CEPT meetings (Athens, September 2025) was facilitated. " +
		"A special briefing to the EU Council Working Party was held in Brussels.\n")
	d := docs[0]
	d.Comments = []*ingest.Comment{
		{ID: "1", Paragraph: 2, Anchor: "was held in Brussels"},
		{ID: "2", Paragraph: 2, Anchor: "was held in Brussels", Parent: "1"},
		{ID: "3", Paragraph: 2, Anchor: "Athens", Resolved: true},
		{ID: "4", Paragraph: 2, Anchor: "text no longer there"},
	}
	acts, _ := Extract(docs, Options{})
	if len(acts) != 2 {
		t.Fatalf("got %d activities, want 2", len(acts))
	}
	if acts[0].OpenComments != 1 || acts[1].OpenComments != 2 {
		t.Errorf("open comments %d and %d, want 1 (unplaced anchor: first activity) and 2 (the thread on Brussels)",
			acts[0].OpenComments, acts[1].OpenComments)
	}
}
