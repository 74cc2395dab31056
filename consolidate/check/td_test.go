package check

import (
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestTDRegionSections reads TDs whose region sections are out of order,
// given twice or missing.
func TestTDRegionSections(t *testing.T) {
	sec := func(heading string) string {
		return testkit.P("Heading1", heading) + testkit.P("BodyText", "The office met the regulators of the region in May 2025.")
	}
	all := sec("Introduction") + sec("Africa") + sec("Americas") + sec("Arab States") + sec("Asia and the Pacific") + sec("CIS") + sec("Europe")
	tests := []struct {
		name string
		body string
		want []string // "kind region" of each finding
	}{
		{"in order", all, nil},
		{"out of order", sec("Africa") + sec("Europe") + sec("Americas") + sec("Arab States") + sec("Asia and the Pacific") + sec("CIS"),
			[]string{"region-order AMS"}},
		{"twice", all + sec("Africa"), []string{"region-order AFR"}},
		{"missing", sec("Africa") + sec("Americas") + sec("Arab States") + sec("Asia and the Pacific") + sec("CIS"), []string{"missing-region EUR"}},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "TD.docx")
		testkit.Write(t, path, testkit.File{Body: tt.body})
		var got []string
		for _, f := range checkTD(testkit.ReadDoc(t, path), Options{}) {
			got = append(got, string(f.Kind)+" "+f.Region)
		}
		if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
			t.Errorf("%s: findings %q, want %q", tt.name, got, tt.want)
		}
	}
}
