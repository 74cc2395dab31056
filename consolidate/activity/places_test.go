package activity

import (
	"strings"
	"testing"
)

// TestEventPlace: the forms a venue is written in, and what is no venue.
func TestEventPlace(t *testing.T) {
	tests := []struct{ pattern, text, city, country string }{
		{"City, Country", "In Kuala Lumpur, Malaysia from 9-12 September 73 participants were trained.", "Kuala Lumpur", "Malaysia"},
		{"City, Country", "The workshop held on 17 December 2025 in N’Djamena, Chad, was a success.", "N'Djamena", "Chad"},
		{"city alone", "A clinic was held in N'Djamena.", "N'Djamena", "Chad"},
		{"city as written", "The Forum took place in St. Petersburg, Russian Federation in June 2025.", "St. Petersburg", "Russian Federation"},
		{"city as written", "A session was held in Brasília.", "Brasília", "Brazil"},
		{"City (Country)", "A workshop was held in Dodoma (United Republic of Tanzania).", "Dodoma", "Tanzania"},
		{"City, the long form", "A training was hosted in Seoul, the Republic of Korea.", "Seoul", "Korea (Rep. of)"},
		{"City, the long form", "The Commission met in Minsk, Republic of Belarus.", "Minsk", "Belarus"},
		{"(City, date)", "The TSB Director attended a meeting (Athens, September 2025).", "Athens", "Greece"},
		{"hosted by X in City", "A forum was hosted by the NTRA in Cairo.", "Cairo", "Egypt"},
		{"at a place in a city", "The meeting was held at ITU headquarters in Geneva.", "Geneva", "Switzerland"},
		{"several cities: the first", "A course was held in Phnom Penh and Thimphu.", "Phnom Penh", "Cambodia"},
		{"several cities: the first", "It was held in Almaty (Kazakhstan) and Bishkek (Kyrgyzstan).", "Almaty", "Kazakhstan"},
		{"a city the gazetteer lacks", "A workshop was held in Victoria, Seychelles.", "Victoria", "Seychelles"},
		{"a city the gazetteer lacks", "A clinic was held in Port Moresby, Papua New Guinea.", "Port Moresby", "Papua New Guinea"},
		{"island state alone", "A clinic was held in Fiji.", "", "Fiji"},
		{"country alone", "TSB delivered a training workshop in Benin on Quality of service.", "", "Benin"},
		{"country alone", "In September 2025 in Moldova, a special workshop was organized.", "", "Republic of Moldova"},
		{"country naming an event", "Initiatives were promoted during Vietnam Digital Week on 28 October.", "", "Viet Nam"},
		{"country with the", "A forum was held in the Russian Federation.", "", "Russian Federation"},
		{"office seat", "The discussion was facilitated by the Area Office in Delhi.", "", ""},
		{"office seats", "The Regional Office and its Area Offices, in Chile (South America), Honduras & Barbados, coordinate.", "", ""},
		{"office seats, a list", "The Office and its Area Offices in Santiago de Chile, Tegucigalpa and Bridgetown coordinate.", "", ""},
		{"office seat, long name", "The ITU Regional Office for the Arab States in Cairo coordinates.", "", ""},
		{"an event held at an office", "The meeting was held at the ITU Regional Office in Addis Ababa.", "Addis Ababa", "Ethiopia"},
		{"the office as actor names no seat", "The Office also participated in the Moscow Telecom Forum.", "Moscow", "Russian Federation"},
		{"an organization", "TSB met the Bhutan InfoComm and Media Authority.", "", ""},
		{"for a country", "Clinics were held for Ethiopia and Ghana.", "", ""},
		{"a part of the world", "Three clinics were delivered in Africa (Somalia, Ghana).", "", ""},
	}
	for _, tc := range tests {
		toks := tokenize(tc.text)
		p := scanPlaces(toks, resolutionNames(toks), false).event
		if p.City != tc.city || p.Country.Name != tc.country {
			t.Errorf("%s: %q: got %q, %q; want %q, %q", tc.pattern, tc.text, p.City, p.Country.Name, tc.city, tc.country)
		}
	}
}

// TestResolutionPlaceIsNoVenue: the place in a Resolution's revision is
// where it was revised.
func TestResolutionPlaceIsNoVenue(t *testing.T) {
	toks := tokenize("Resolution 25 (Rev. Bucharest, 2022) – Strengthening the regional presence.")
	if p := scanPlaces(toks, resolutionNames(toks), false); !p.event.IsZero() || len(p.named) > 0 {
		t.Errorf("got %+v", p)
	}
}

// TestOnline: online, virtual and webinars have no venue; hybrid and "in
// person" events keep theirs, and so does one with part of its audience
// online.
func TestOnline(t *testing.T) {
	for text, want := range map[string]bool{
		"a virtual meeting of the working group":                         true,
		"Webinar on quantum-safe networks":                               true,
		"an online training course for regulators":                       true,
		"the meeting was held online":                                    true,
		"a forum held in Riyadh in a hybrid format, also online":         false,
		"320 participants attended in person and online":                 false,
		"a workshop in Vienna; 160 people attended, including 40 online": false,
		"a workshop in Accra":                                            false,
	} {
		if got := onlineEvent(tokenize(text)); got != want {
			t.Errorf("onlineEvent(%q) = %v, want %v", text, got, want)
		}
	}
	for cell, want := range map[string]bool{"Online": true, "Virtual (Zoom)": true, "Brussels, Belgium (hybrid)": false, "Accra": false} {
		if got := online(tokenize(cell)); got != want {
			t.Errorf("online(%q) = %v, want %v", cell, got, want)
		}
	}
}

// TestCountriesNamed: every country named once, in order; a longer name
// wins over the one it holds.
func TestCountriesNamed(t *testing.T) {
	tests := []struct{ text, want string }{
		{"ARTAC Member States (Chad, Cameroon, Congo, the Democratic Republic of Congo, the Central African Republic, Gabon, and Equatorial Guinea), and the Central Bank of Central African States",
			"TCD CMR COG COD CAF GAB GNQ"},
		{"Clinics for Ethiopia, Eswatini, The Gambia, South Sudan, Ghana, Ethiopia, Eswatini and Gabon.", "ETH SWZ GMB SSD GHA GAB"},
		{"Malaysia, Indonesia, Brunei, Timor Leste, Thailand, Cambodia, Mongolia, Lao PDR & Pakistan", "MYS IDN BRN TLS THA KHM MNG LAO PAK"},
		{"Niger and Nigeria; Sudan and South Sudan", "NER NGA SDN SSD"},
		{"Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", "GIN GNB GNQ PNG"},
		{"Dominica and the Dominican Republic", "DMA DOM"},
		{"the Republic of Korea and the Democratic People's Republic of Korea", "KOR PRK"},
		{"Telecommunication Technology Association (TTA) of the Republic of Korea", "KOR"},
		{"the Ministry of Internal Affairs and Communications (MIC) of Japan", "JPN"},
		{"in the Africa and Asia-Pacific regions", ""},
		{"held in Sarajevo and Banja Luka, Bosnia and Herzegovina", "BIH"},
	}
	for _, tc := range tests {
		var got []string
		for _, c := range scanPlaces(tokenize(tc.text), nil, false).named {
			got = append(got, c.ISO3)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: named %v, want %s", tc.text, got, tc.want)
		}
	}
}

func TestLookupCountry(t *testing.T) {
	tests := map[string]string{
		"Vietnam": "Viet Nam", "Viet Nam": "Viet Nam", "Moldova": "Republic of Moldova", "Russia": "Russian Federation",
		"Turkey": "Türkiye", "Turkiye": "Türkiye", "Lao PDR": "Lao P.D.R.", "Laos": "Lao P.D.R.",
		"Cote d'Ivoire": "Côte d'Ivoire", "Côte d’Ivoire": "Côte d'Ivoire", "Ivory Coast": "Côte d'Ivoire",
		"the Gambia": "Gambia", "BEN": "Benin", "swaziland": "Eswatini", "Timor Leste": "Timor-Leste",
		"Czechia": "Czech Republic", "DRC": "Democratic Republic of the Congo", "Korea": "Korea (Rep. of)",
	}
	for alias, want := range tests {
		c, ok := LookupCountry(alias)
		if !ok || c.Name != want {
			t.Errorf("LookupCountry(%q) = %q, %v; want %q", alias, c.Name, ok, want)
		}
	}
	if c, ok := LookupCountry("Atlantis"); ok {
		t.Errorf("LookupCountry(Atlantis) = %v", c)
	}
	if c, _ := LookupCountry("Benin"); c.String() != "Benin (BEN)" {
		t.Errorf("String() = %q", c.String())
	}
}

func TestLookupCity(t *testing.T) {
	for alias, want := range map[string]string{"St. Petersburg": "Saint Petersburg", "Ndjamena": "N'Djamena",
		"N’Djamena": "N'Djamena", "Belem": "Belém", "Delhi": "Delhi", "Kiev": "Kyiv"} {
		c, ok := LookupCity(alias)
		if !ok || c.Name != want {
			t.Errorf("LookupCity(%q) = %q, %v; want %q", alias, c.Name, ok, want)
		}
	}
}

// TestCountryList checks the embedded list: every ITU Member State (194),
// each with its own alpha-3 code.
func TestCountryList(t *testing.T) {
	members := 0
	for _, c := range gaz().countries {
		if c.Member {
			members++
		}
	}
	if members != 194 {
		t.Errorf("%d Member States in countries.tsv, want 194", members)
	}
	for _, name := range []string{"Viet Nam", "Russian Federation", "Republic of Moldova", "Türkiye", "Lao P.D.R.",
		"Côte d'Ivoire", "Vatican", "Palau", "South Sudan"} {
		if c, ok := LookupCountry(name); !ok || !c.Member {
			t.Errorf("%s missing from the Member States", name)
		}
	}
}

// TestDataErrors checks that broken data files are refused, not loaded.
func TestDataErrors(t *testing.T) {
	const country = "Benin\tBEN\tmember\t\n"
	tests := map[string][3]string{
		"bad code":        {"Benin\tBE\tmember\t\n", "", ""},
		"code twice":      {country + "Bhutan\tBEN\tmember\t\n", "", ""},
		"alias twice":     {country + "Bhutan\tBTN\tmember\tBenin\n", "", ""},
		"too few fields":  {"Benin\n", "", ""},
		"unknown country": {country, "Cotonou\tXYZ\t\n", ""},
	}
	for name, files := range tests {
		if _, err := loadGazetteer(files[0], files[1], files[2]); err == nil {
			t.Errorf("%s: loaded without error", name)
		}
	}
	if _, err := loadGazetteer(country, "# a comment\n\nCotonou\tBEN\t\n", "GSMA\tGSM Association\n"); err != nil {
		t.Errorf("good data refused: %v", err)
	}
}
