package activity

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed countries.tsv
var countriesTSV string

//go:embed cities.tsv
var citiesTSV string

//go:embed partners.tsv
var partnersTSV string

// Country is an ITU Member State (or an observer the reports name) as ITU
// names it.
type Country struct {
	Name string
	// ISO3 is the ISO 3166-1 alpha-3 code.
	ISO3 string
	// Member is false for a non-member (an observer).
	Member bool
}

// String gives the country as the index shows it: "Benin (BEN)".
func (c Country) String() string { return c.Name + " (" + c.ISO3 + ")" }

// City is a gazetteer entry.
type City struct {
	Name    string
	Country Country
}

// gazetteer holds the embedded name lists and their matchers.
type gazetteer struct {
	countries    []Country
	countryNames nameTable
	countryByKey map[string]int // normalized name or alias -> index
	cities       []City
	cityNames    nameTable
	cityByKey    map[string]int
	partners     []string
	partnerNames nameTable
}

// gaz gives the gazetteer, loaded from the embedded data on first use; a
// broken data file is a programming error that the package's tests catch.
var gaz = sync.OnceValue(mustLoadGazetteer)

func mustLoadGazetteer() *gazetteer {
	g, err := loadGazetteer(countriesTSV, citiesTSV, partnersTSV)
	if err != nil {
		panic("index: embedded data: " + err.Error())
	}
	return g
}

func loadGazetteer(countries, cities, partners string) (*gazetteer, error) {
	g := &gazetteer{countryByKey: map[string]int{}, cityByKey: map[string]int{}}
	iso := map[string]int{}
	err := eachRow("countries.tsv", countries, 3, func(f []string) error {
		c := Country{Name: f[0], ISO3: f[1], Member: f[2] == "member"}
		if len(c.ISO3) != 3 || strings.ToUpper(c.ISO3) != c.ISO3 {
			return fmt.Errorf("%s: bad ISO alpha-3 code %q", c.Name, c.ISO3)
		}
		if _, dup := iso[c.ISO3]; dup {
			return fmt.Errorf("%s: code %s used twice", c.Name, c.ISO3)
		}
		i := len(g.countries)
		iso[c.ISO3] = i
		g.countries = append(g.countries, c)
		for _, name := range names(f) {
			if err := g.addKey(g.countryByKey, name, i); err != nil {
				return err
			}
			g.countryNames.add(name, i)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("cities.tsv", cities, 2, func(f []string) error {
		ci, ok := iso[f[1]]
		if !ok {
			return fmt.Errorf("%s: unknown country code %q", f[0], f[1])
		}
		i := len(g.cities)
		g.cities = append(g.cities, City{Name: f[0], Country: g.countries[ci]})
		all := append([]string{f[0]}, aliases(f, 2)...)
		for _, name := range all {
			if err := g.addKey(g.cityByKey, name, i); err != nil {
				return err
			}
			g.cityNames.add(name, i)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow("partners.tsv", partners, 1, func(f []string) error {
		i := len(g.partners)
		g.partners = append(g.partners, f[0])
		for _, name := range append([]string{f[0]}, aliases(f, 1)...) {
			g.partnerNames.add(name, i)
		}
		return nil
	})
	return g, err
}

// names gives a country row's name and aliases (column 4).
func names(f []string) []string { return append([]string{f[0]}, aliases(f, 3)...) }

// aliases splits column col of a row on "|".
func aliases(f []string, col int) []string {
	if len(f) <= col || strings.TrimSpace(f[col]) == "" {
		return nil
	}
	var out []string
	for _, a := range strings.Split(f[col], "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func (g *gazetteer) addKey(m map[string]int, name string, i int) error {
	k := Normalize(name)
	if j, dup := m[k]; dup && j != i {
		return fmt.Errorf("name %q given to two entries", name)
	}
	m[k] = i
	return nil
}

// eachRow calls fn with the tab-separated fields of every data line of a
// TSV file (blank lines and # comments skipped), checking that each has at
// least min fields.
func eachRow(file, data string, min int, fn func([]string) error) error {
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min || strings.TrimSpace(f[0]) == "" {
			return fmt.Errorf("%s line %d: want at least %d tab-separated fields", file, n+1, min)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s line %d: %w", file, n+1, err)
		}
	}
	return nil
}

// LookupCountry finds a country by its ITU name, an alias or its ISO
// alpha-3 code, ignoring case, apostrophe and dash variants.
func LookupCountry(name string) (Country, bool) {
	g := gaz()
	k := strings.TrimPrefix(Normalize(name), "the ")
	if i, ok := g.countryByKey[k]; ok {
		return g.countries[i], true
	}
	for _, c := range g.countries {
		if strings.EqualFold(c.ISO3, strings.TrimSpace(name)) {
			return c, true
		}
	}
	return Country{}, false
}

// LookupCity finds a city of the gazetteer by its name or an alias,
// ignoring case, apostrophe and dash variants.
func LookupCity(name string) (City, bool) {
	g := gaz()
	if i, ok := g.cityByKey[Normalize(name)]; ok {
		return g.cities[i], true
	}
	return City{}, false
}
