package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
)

// randomWords is n words that two calls with other seeds share little of.
func randomWords(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	for range n {
		fmt.Fprintf(&b, "w%d ", r.IntN(100000))
	}
	return b.String()
}

// TestWordsBounded: past maxWordTokens in the changed middle, or past the
// comparison's time, a word diff is the common start, the old middle, the
// new middle and the common end, at once; it still rebuilds both texts.
func TestWordsBounded(t *testing.T) {
	big1, big2 := strings.TrimSpace(randomWords(1, maxWordTokens)), strings.TrimSpace(randomWords(2, maxWordTokens))
	tests := []struct {
		name     string
		w        *wordDiffer
		old, new string
		want     []Op
		coarse   bool
	}{
		{"within the cap", nil, "held in Thimphu, Bhutan", "held in Paro, Bhutan", []Op{Equal, Delete, Insert, Equal}, false},
		{"past the cap", nil, "Intro. " + big1 + " end.", "Intro. " + big2 + " end.", []Op{Equal, Delete, Insert, Equal}, false},
		{"past the cap, all changed", nil, big1, big2, []Op{Delete, Insert}, false},
		{"past the deadline", &wordDiffer{deadline: time.Now().Add(-time.Second)}, "a b c d", "a x c d", []Op{Equal, Delete, Insert, Equal}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			edits := tt.w.words(tt.old, tt.new)
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("took %v", took)
			}
			var ops []Op
			for _, e := range edits {
				ops = append(ops, e.Op)
			}
			if fmt.Sprint(ops) != fmt.Sprint(tt.want) {
				t.Errorf("ops %v, want %v", ops, tt.want)
			}
			if a, b := apply(edits); a != tt.old || b != tt.new {
				t.Errorf("the edits do not rebuild the texts")
			}
			if tt.w != nil && tt.w.coarse != tt.coarse {
				t.Errorf("coarse = %v, want %v", tt.w.coarse, tt.coarse)
			}
		})
	}
}

// TestCompareBounded: documents of many long paragraphs that share
// nothing are compared in bounded time (pairing by position past
// maxPairingWork), every paragraph accounted for.
func TestCompareBounded(t *testing.T) {
	doc := func(seed uint64, n, words int) *ingest.Document {
		d := &ingest.Document{Path: fmt.Sprint(seed)}
		for i := range n {
			d.Paragraphs = append(d.Paragraphs, &ingest.Paragraph{Index: i + 1, Section: -1, Text: randomWords(seed*1000+uint64(i), words)})
		}
		return d
	}
	tests := []struct {
		name     string
		n, words int
	}{
		{"few long paragraphs", 20, 20000},
		{"many mid-length paragraphs", 40, 900},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			r := Compare(doc(1, tt.n, tt.words), doc(2, tt.n, tt.words))
			if took := time.Since(start); took > wordDiffTime+10*time.Second {
				t.Errorf("took %v", took)
			}
			if len(r.Paragraphs) != 2*tt.n {
				t.Errorf("%d paragraph changes, want %d removed and added", len(r.Paragraphs), 2*tt.n)
			}
		})
	}
}
