package index

import (
	"strings"
	"testing"
)

func TestEventPlace(t *testing.T) {
	tests := []struct{ text, city, country string }{
		{"In Kuala Lumpur, Malaysia from 9-12 September 73 participants were trained.", "Kuala Lumpur", "Malaysia"},
		{"The workshop held on 17 December 2025 in N’Djamena, Chad, was a success.", "N'Djamena", "Chad"},
		{"A clinic was held in N'Djamena.", "N'Djamena", "Chad"},
		{"The Forum took place in St. Petersburg, Russian Federation from 9 to 11 June 2025.", "Saint Petersburg", "Russian Federation"},
		{"The Forum took place in Saint Petersburg.", "Saint Petersburg", "Russian Federation"},
		{"COP30 in Belém, Brazil, November 2025.", "Belém", "Brazil"},
		{"The TSB Director attended a meeting (Athens, September 2025).", "Athens", "Greece"},
		{"A briefing was held in Brussels.", "Brussels", "Belgium"},
		{"The first workshop was held in Delhi, India in May 2025.", "Delhi", "India"},
		{"A workshop was held in New Delhi.", "New Delhi", "India"},
		{"The meeting was held at ITU headquarters in Geneva.", "Geneva", "Switzerland"},
		{"A course was held in Phnom Penh and Thimphu.", "Phnom Penh", "Cambodia"},
		{"The Dialogue took place in Montevideo, Uruguay.", "Montevideo", "Uruguay"},
		{"TSB delivered a training workshop in Benin on Quality of service.", "", "Benin"},
		{"In September 2025 in Moldova, a special workshop was organized.", "", "Republic of Moldova"},
		{"Initiatives were promoted during Vietnam Digital Week on 28 October.", "", "Viet Nam"},
		{"A forum was held in the Russian Federation.", "", "Russian Federation"},
		{"A clinic was held in Côte d’Ivoire.", "", "Côte d'Ivoire"},
		{"A clinic was held in Turkey.", "", "Türkiye"},
		{"A clinic was held in Lao PDR.", "", "Lao P.D.R."},
		// office seats and organizations are not venues
		{"The discussion was facilitated by the Area Office in Delhi.", "", ""},
		{"The Regional Office and its Area Offices, in Chile (South America), Honduras & Barbados, coordinate.", "", ""},
		{"TSB met the Bhutan InfoComm and Media Authority.", "", ""},
		{"Clinics were held for Ethiopia and Ghana.", "", ""},
		{"Three clinics were delivered in Africa.", "", ""},
	}
	for _, tc := range tests {
		p := scanPlaces(tokenize(tc.text)).event
		if p.City != tc.city || p.Country.Name != tc.country {
			t.Errorf("%q: got %q, %q; want %q, %q", tc.text, p.City, p.Country.Name, tc.city, tc.country)
		}
	}
}

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
	}
	for _, tc := range tests {
		var got []string
		for _, c := range scanPlaces(tokenize(tc.text)).named {
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
		c, ok := lookupCountry(alias)
		if !ok || c.Name != want {
			t.Errorf("lookupCountry(%q) = %q, %v; want %q", alias, c.Name, ok, want)
		}
	}
	if c, ok := lookupCountry("Atlantis"); ok {
		t.Errorf("lookupCountry(Atlantis) = %v", c)
	}
	if c, _ := lookupCountry("Benin"); c.String() != "Benin (BEN)" {
		t.Errorf("String() = %q", c.String())
	}
}

func TestLookupCity(t *testing.T) {
	for alias, want := range map[string]string{"St. Petersburg": "Saint Petersburg", "Ndjamena": "N'Djamena",
		"N’Djamena": "N'Djamena", "Belem": "Belém", "Delhi": "Delhi", "Kiev": "Kyiv"} {
		c, ok := lookupCity(alias)
		if !ok || c.Name != want {
			t.Errorf("lookupCity(%q) = %q, %v; want %q", alias, c.Name, ok, want)
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
		if c, ok := lookupCountry(name); !ok || !c.Member {
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
