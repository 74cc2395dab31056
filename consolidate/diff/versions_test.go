package diff

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest/testkit"
)

// A version with tracked changes against the same text with them
// accepted: alike in the accepted view, different in the original one.
func TestVersionsView(t *testing.T) {
	ams := filepath.Join(testkit.Samples(t), "AMS-contribution.docx")
	accepted := filepath.Join(t.TempDir(), "AMS-accepted.docx")
	testkit.Rewrite(t, ams, accepted, "word/document.xml", func(b []byte) []byte {
		out, err := settle(b, true)
		if err != nil {
			t.Fatal(err)
		}
		return out
	})
	tests := []struct {
		view       View
		paragraphs int
	}{
		{Accepted, 0},
		{Original, 1},
	}
	for _, tc := range tests {
		v, err := OpenVersions(ams, accepted, tc.view)
		if err != nil {
			t.Fatal(err)
		}
		r := v.Compare()
		if len(r.Paragraphs) != tc.paragraphs || r.View != tc.view || !reflect.DeepEqual(r.Settled, []string{ams}) {
			t.Errorf("%s view: %d paragraphs changed, view %q, settled %v; want %d, %q, [%s]",
				tc.view, len(r.Paragraphs), r.View, r.Settled, tc.paragraphs, tc.view, ams)
		}
		if len(r.Revisions) == 0 {
			t.Errorf("%s view: the tracked changes accepted are not reported gone", tc.view)
		}
		red, err := v.Redline(time.Time{})
		if err != nil {
			t.Fatalf("%s view: %v", tc.view, err)
		}
		if (red.Insertions+red.Deletions > 0) != (tc.paragraphs > 0) {
			t.Errorf("%s view: redline records %d insertions, %d deletions", tc.view, red.Insertions, red.Deletions)
		}
		v.Close()
	}
	if _, err := OpenVersions(ams, accepted, "final"); err == nil {
		t.Error("the view final was taken")
	}
}

// Two regions' contributions compared are warned about, naming both
// regions; two versions of one region's, or a region unknown, are not.
func TestVersionsRegionWarning(t *testing.T) {
	samples := testkit.Samples(t)
	afr := filepath.Join(samples, "AFR-contribution.docx")
	cis := filepath.Join(samples, "CIS-contribution.docx")
	eur := filepath.Join(samples, "EUR-contribution.docx")
	for _, tt := range []struct {
		old, new string
		want     []string // "" for no warning
	}{
		{afr, eur, []string{afr + " is the contribution of Africa (AFR) and " + eur + " that of Europe (EUR): two regions' contributions"}},
		{eur, cis, []string{"is the contribution of Europe (EUR)", "that of CIS:"}},
		{afr, afr, nil},
	} {
		v, err := OpenVersions(tt.old, tt.new, Accepted)
		if err != nil {
			t.Fatal(err)
		}
		got := v.RegionWarning()
		v.Close()
		if (got == "") != (tt.want == nil) {
			t.Errorf("%s against %s: warning %q, want one: %v", tt.old, tt.new, got, tt.want != nil)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s against %s: warning %q lacks %q", tt.old, tt.new, got, w)
			}
		}
	}
}
