package activity_test

import (
	"path/filepath"
	"testing"

	"tsagmerge/consolidate/activity"
	"tsagmerge/consolidate/activity/gold"
	"tsagmerge/ingest/testkit"
)

// The aims the extraction must reach on every gold set: each field right
// for this share of the gold activities, this share of them found, and
// this share of the rows a gold activity.
const (
	fieldAim     = 0.95
	recallAim    = 0.97
	precisionAim = 0.90
)

// scoreSet extracts the activities of the contributions in dir and scores
// them against the gold file, failing below the aims.
func scoreSet(t *testing.T, dir, goldFile string) {
	t.Helper()
	g, err := gold.Read(goldFile)
	if err != nil {
		t.Fatal(err)
	}
	acts, _ := activity.Extract(testkit.ReadDir(t, dir), activity.Options{})
	res := gold.Score(g, gold.FromActivities(acts))
	t.Logf("%d gold activities, %d rows: %s", len(g), len(acts), res)
	for _, m := range res.Misses {
		t.Log("  " + m)
	}
	for _, b := range res.Below(fieldAim, recallAim, precisionAim) {
		t.Error(b)
	}
}

// TestGoldActivities scores the development period ../shared/activities
// (six regions, every activity in its gold.tsv).
func TestGoldActivities(t *testing.T) {
	dir := testkit.Shared(t, "activities")
	scoreSet(t, dir, filepath.Join(dir, "gold.tsv"))
}

// TestGoldSamples scores the sample contributions against their gold.
func TestGoldSamples(t *testing.T) {
	dir := testkit.Samples(t)
	scoreSet(t, dir, filepath.Join(dir, "activities-gold.tsv"))
}
