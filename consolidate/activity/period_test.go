package activity

import (
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{"2025-H2": "2025-H2", "2025h1": "2025-H1",
		"2025-07-01..2025-12-31": "2025-H2", "2025-03-01..2025-08-31": "2025-03-01..2025-08-31"} {
		p, err := ParsePeriod(in)
		if err != nil || p.String() != want {
			t.Errorf("ParsePeriod(%q) = %s, %v; want %s", in, p, err, want)
		}
	}
	for _, bad := range []string{"", "2025-H3", "H2", "2025-12-31..2025-07-01", "last half"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
}

func TestDerivePeriod(t *testing.T) {
	if p, ok := DerivePeriod(textDocs(t)); !ok || p.String() != "2025-H2" {
		t.Errorf("samples: period %s, %v; want 2025-H2 (they state July–December 2025)", p, ok)
	}
	// no half-year stated: the half-year holding most full dates
	dated := testkit.TextDocs("= EUR\n# Europe\nA forum was held on 3 March 2026.\nA clinic was held on 5 May 2026 and 9 July 2025.\n")
	if p, ok := DerivePeriod(dated); !ok || p.String() != "2026-H1" {
		t.Errorf("dated: period %s, %v; want 2026-H1", p, ok)
	}
	if p, ok := DerivePeriod([]*ingest.Document{{}}); ok {
		t.Errorf("no dates: period %s, want none", p)
	}
}

func TestYearNear(t *testing.T) {
	for month, want := range map[int]int{9: 2025, 5: 2025, 2: 2026, 12: 2025, 1: 2026} {
		if got := h2025.yearNear(month); got != want {
			t.Errorf("month %d in 2025-H2: year %d, want %d", month, got, want)
		}
	}
}

// TestMayHoldYear: derivePeriod reads the paragraphs outside the blocks
// only where a year may stand.
func TestMayHoldYear(t *testing.T) {
	for _, s := range []string{"2025-09-05", "May 1999", "in 2019", "July–December 2025"} {
		if !mayHoldYear(s) {
			t.Errorf("mayHoldYear(%q) is false", s)
		}
	}
	for _, s := range []string{"5 September", "in 1899", "2 0 2 5", "210"} {
		if mayHoldYear(s) {
			t.Errorf("mayHoldYear(%q) is true", s)
		}
	}
}

// TestPeriodHolds takes an activity held at least in part in the period as
// the period's, and one wholly before or after it as outside.
func TestPeriodHolds(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	p := Period{Start: day("2025-07-01"), End: day("2025-12-31")}
	for _, c := range []struct {
		start, end string
		want       bool
	}{
		{"2025-09-05", "2025-09-05", true},
		{"2025-12-15", "2026-01-20", true}, // begun in the period
		{"2025-06-28", "2025-07-02", true}, // ended in it
		{"2025-06-01", "2025-06-30", false},
		{"2026-01-05", "2026-01-09", false},
	} {
		if got := p.Holds(DateSpan{Start: day(c.start), End: day(c.end)}); got != c.want {
			t.Errorf("%s..%s: Holds = %v, want %v", c.start, c.end, got, c.want)
		}
	}
}
