package index

import (
	"os"
	"strings"
	"testing"

	"tsagmerge/ingest"
)

// textDocs builds documents from testdata/regions.txt, the paragraph texts
// of the sample contributions, so that extraction can be tested without the
// reader.
func textDocs(t testing.TB) []*ingest.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/regions.txt")
	if err != nil {
		t.Fatal(err)
	}
	return docsFromText(string(data))
}

// docsFromText reads the markup of testdata/regions.txt: "= CODE" starts a
// document, "# " and "## " are headings, "- " list items, "~ " captions.
func docsFromText(text string) []*ingest.Document {
	var docs []*ingest.Document
	var d *ingest.Document
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") && d == nil {
			continue
		}
		if code, ok := strings.CutPrefix(line, "= "); ok {
			d = &ingest.Document{Path: code + "-contribution.docx", Region: ingest.Region{Code: code}}
			docs = append(docs, d)
			continue
		}
		p := &ingest.Paragraph{Index: len(d.Paragraphs) + 1, Style: "Normal", Section: len(d.Sections) - 1}
		switch {
		case strings.HasPrefix(line, "## "), strings.HasPrefix(line, "# "):
			level := 1
			if strings.HasPrefix(line, "## ") {
				level = 2
			}
			p.Text = strings.TrimLeft(line, "# ")
			p.Heading = level
			p.Style = "Heading " + string(rune('0'+level))
			parent := -1
			for i := len(d.Sections) - 1; i >= 0; i-- {
				if d.Sections[i].Level < level {
					parent = i
					break
				}
			}
			d.Sections = append(d.Sections, &ingest.Section{Level: level, Title: p.Text, Parent: parent, Paragraph: p.Index})
			p.Section = len(d.Sections) - 1
		case strings.HasPrefix(line, "- "):
			p.Text = line[2:]
			p.List = &ingest.ListInfo{NumID: "1", Format: "bullet"}
		case strings.HasPrefix(line, "~ "):
			p.Text = line[2:]
			p.Style = "Caption"
		default:
			p.Text = line
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	return docs
}

// lookupCountry finds a country by its ITU name, an alias or its ISO
// alpha-3 code, ignoring case, apostrophe and dash variants.
func lookupCountry(name string) (Country, bool) {
	g := gaz()
	k := strings.TrimPrefix(normalize(name), "the ")
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

// lookupCity finds a city of the gazetteer by its name or an alias,
// ignoring case, apostrophe and dash variants.
func lookupCity(name string) (City, bool) {
	g := gaz()
	if i, ok := g.cityByKey[normalize(name)]; ok {
		return g.cities[i], true
	}
	return City{}, false
}
