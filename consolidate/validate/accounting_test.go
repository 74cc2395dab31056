package validate

import (
	"slices"
	"strings"
	"testing"

	"tsagmerge/ingest"
)

// TestContentAccounting holds the read-back to the merge report's claims:
// every source paragraph must be in the output unless the report drops it,
// and a reported drop must name a paragraph the source has, as it has it.
func TestContentAccounting(t *testing.T) {
	drops := func(d ...Drop) map[string]RegionClaims {
		return map[string]RegionClaims{"AFR": {Heading: 3, Dropped: d}, "AMS": {Heading: 2, Dropped: []Drop{{1, "Contribution of the ITU Regional Office for the Americas"}}}}
	}
	title := Drop{1, "Contribution of the ITU Regional Office for Africa"}
	author := Drop{2, "ITU Regional Office for Africa"}
	tests := []struct {
		name   string
		claims map[string]RegionClaims
		edit   func(out *ingest.Document)
		want   []string
		phrase string
	}{
		{"both drops reported", drops(title, author), nil, nil, ""},
		{"a drop not reported", drops(title), nil, []string{"AFR text-lost"}, "ITU Regional Office for Africa"},
		{"no drops reported", drops(), nil, []string{"AFR text-lost"}, "2 paragraphs of the source not in the output"},
		{"a reported drop the source does not have", drops(title, author, Drop{9, "Annex"}), nil, []string{"AFR bad-claim"}, "paragraph 9"},
		{"a reported drop with other text", drops(title, Drop{2, "ITU Office for Africa"}),
			nil, []string{"AFR bad-claim", "AFR text-lost"}, `source's says "ITU Regional Office for Africa"`},
		{"a reported drop that the output carries", drops(title, author, Drop{4, "The Office worked with TSB."}),
			nil, []string{"AFR text-added"}, "The Office worked with TSB."},
		{"a paragraph dropped without a word", drops(title, author), func(out *ingest.Document) {
			out.Paragraphs = slices.Delete(out.Paragraphs, 6, 7) // "The Office worked with TSB."
		}, []string{"AFR text-lost"}, "The Office worked with TSB."},
		{"no heading claimed: the source's heading is text to carry", map[string]RegionClaims{"AFR": {Dropped: []Drop{title, author}}, "AMS": drops()["AMS"]},
			nil, []string{"AFR text-lost"}, "Africa – Regional Office for Africa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := merged(KeepRevisions)
			if tt.edit != nil {
				tt.edit(out)
			}
			probs := Content(out, sources(), Expectations{Regions: tt.claims})
			if got := rules(probs); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v:\n%s", got, tt.want, lines(probs))
			}
			if !strings.Contains(lines(probs), tt.phrase) {
				t.Errorf("no problem mentions %q:\n%s", tt.phrase, lines(probs))
			}
		})
	}
}
