package ingest

import "testing"

// The region heading rule, read off whole documents: which paragraph heads
// the region, whether it is a line naming the region, and its number and
// title.
func TestRegionHeadingRule(t *testing.T) {
	bold := func(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }
	const afr = "Africa – Regional Office for Africa"
	tests := []struct {
		name    string
		body    string
		para    string // the heading's text, "" for none
		line    bool
		section int
		number  string
		title   string
	}{
		{"a level-1 heading", para("Heading1", run(afr)) + para("", run("x")), afr, false, 0, "", afr},
		{"a typed number", para("Heading1", run("3\t"+afr)), "3\t" + afr, false, 0, "3", afr},
		{"a number typed twice", para("Heading1", run("3. 3 Africa")), "3. 3 Africa", false, 0, "3", "Africa"},
		{"the first level-1 heading, after a level-2 one", para("Heading2", run("Foreword")) + para("Heading1", run("Africa")) +
			para("Heading1", run("Annex")), "Africa", false, 0, "", "Africa"},
		{"a bold line naming the region", para("", bold("Africa")) + para("Heading2", run("Workshops")),
			"Africa", true, -1, "", "Africa"},
		{"a level-2 heading naming the region", para("Heading2", run("2 Africa")) + para("", run("x")) + para("Heading2", run("Workshops")),
			"2 Africa", true, 0, "2", "Africa"},
		{"none: the region's own heading", para("", run("Some text.")) + para("Heading2", run("Workshops")), "", false, -1, "", afr},
		{"no heading at all", para("", run("Some text.")), "", false, -1, "", afr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := testDoc{body: tt.body, name: "AFR.docx", parts: map[string]string{"styles.xml": stylesXML}}.read(t)
			rh := doc.RegionHeading()
			text := ""
			if rh.Paragraph != nil {
				text = rh.Paragraph.Text
			}
			if text != tt.para || rh.Line != tt.line || rh.Section != tt.section || rh.Number != tt.number || rh.Title != tt.title {
				t.Errorf("RegionHeading = {%q line=%v section=%d number=%q title=%q}, want {%q line=%v section=%d number=%q title=%q}",
					text, rh.Line, rh.Section, rh.Number, rh.Title, tt.para, tt.line, tt.section, tt.number, tt.title)
			}
		})
	}
}

func TestHeadingKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"3\tAfrica – Regional Office for Africa", "Africa - regional office for africa", true},
		{"8. Europe — ITU Office for Europe", "Europe - ITU  Office for Europe", true},
		{"3.1 Workshops", "Workshops", true},
		{"Africa‑Pacific", "africa-pacific", true},
		{"2010 Word features", "Word features", false}, // a year is no typed number
		{"Africa", "Americas", false},
	}
	for _, tt := range tests {
		if got := HeadingKey(tt.a) == HeadingKey(tt.b); got != tt.same {
			t.Errorf("HeadingKey(%q) = %q, HeadingKey(%q) = %q: same %v, want %v", tt.a, HeadingKey(tt.a), tt.b, HeadingKey(tt.b), got, tt.same)
		}
	}
	if got := HeadingTitle(" 3.1.\tA  title "); got != "A title" {
		t.Errorf("HeadingTitle = %q", got)
	}
}
