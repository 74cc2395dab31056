package ingest

import "testing"

func TestParseNumbering(t *testing.T) {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	abs := `<w:abstractNum w:abstractNumId="3"><w:nsid w:val="1A2B3C4D"/><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>`
	num := `<w:num w:numId="7"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride></w:num>`
	tests := []struct {
		name, body      string
		absEnd, numsEnd string // the text that follows each insertion point
		maxAbs, maxNum  int
		abstracts, nums int
		format          string // of list 7, level 0
	}{
		{"both kinds", abs + num, num, "</w:numbering>", 3, 7, 1, 1, "upperRoman"},
		{"a cleanup element ends the lists", abs + num + `<w:numIdMacAtCleanup w:val="2"/>`, num, `<w:numIdMacAtCleanup`, 3, 7, 1, 1, "upperRoman"},
		{"no abstract: before the first num", num, num, "</w:numbering>", -1, 7, 0, 1, "upperRoman"},
		{"empty", "", "</w:numbering>", "</w:numbering>", -1, 0, 0, 0, ""},
	}
	for _, tt := range tests {
		data := []byte(`<w:numbering ` + w + `>` + tt.body + `</w:numbering>`)
		nb, err := ParseNumbering("f", "numbering.xml", data)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		at := func(off int) string { return string(data[off:min(len(data), off+len(tt.numsEnd)+20)]) }
		if got := string(data[nb.AbstractsEnd:]); len(got) < len(tt.absEnd) || got[:len(tt.absEnd)] != tt.absEnd {
			t.Errorf("%s: new abstracts go before %q", tt.name, at(nb.AbstractsEnd))
		}
		if got := string(data[nb.NumsEnd:]); len(got) < len(tt.numsEnd) || got[:len(tt.numsEnd)] != tt.numsEnd {
			t.Errorf("%s: new nums go before %q", tt.name, at(nb.NumsEnd))
		}
		if nb.MaxAbstract != tt.maxAbs || nb.MaxNum != tt.maxNum || len(nb.Abstracts) != tt.abstracts || len(nb.Nums) != tt.nums {
			t.Errorf("%s: max ids %d/%d, %d abstracts, %d nums", tt.name, nb.MaxAbstract, nb.MaxNum, len(nb.Abstracts), len(nb.Nums))
		}
		if tt.abstracts > 0 && (string(nb.Abstracts[0].Raw) != abs || nb.Abstracts[0].ID != "3" || !nb.Nsids["1A2B3C4D"]) {
			t.Errorf("%s: abstract %q %q, nsids %v", tt.name, nb.Abstracts[0].ID, nb.Abstracts[0].Raw, nb.Nsids)
		}
		if tt.nums > 0 && (string(nb.Nums[0].Raw) != num || nb.Nums[0].ID != "7") {
			t.Errorf("%s: num %q %q", tt.name, nb.Nums[0].ID, nb.Nums[0].Raw)
		}
		if got := nb.format("7", 0); got != tt.format {
			t.Errorf("%s: list 7 level 0 is %q, want %q", tt.name, got, tt.format)
		}
	}
}
