package inbox

import (
	"testing"
	"time"
)

func TestParseMarker(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		date    time.Time
		final   int
		version int
	}{
		{"AFR-contribution.docx", time.Time{}, 0, 0},
		{"AFR-contribution-v2.docx", time.Time{}, 0, 2},
		{"AFR_V3_final.docx", time.Time{}, 1, 3},
		{"AFR rev1.docx", time.Time{}, 0, 1},
		{"AFR-R2.docx", time.Time{}, 0, 2},
		{"AFR version 4.docx", time.Time{}, 0, 4},
		{"AFR final2.docx", time.Time{}, 2, 0},
		{"AFR 2025-12-01.docx", day(2025, 12, 1), 0, 0},
		{"AFR_20251201_v2.docx", day(2025, 12, 1), 0, 2},
		{"AFR 01.12.2025.docx", day(2025, 12, 1), 0, 0},
		{"AFR 2025-02-31.docx", time.Time{}, 0, 0}, // not a date
		{"AFR 2025H2.docx", time.Time{}, 0, 0},     // a period, not a date
		{"ASP-SG20RG.docx", time.Time{}, 0, 0},     // RG is not a revision
		{"AFR-v2x.docx", time.Time{}, 0, 0},
	}
	for _, tc := range tests {
		m := parseMarker(tc.name)
		if !m.date.Equal(tc.date) || m.final != tc.final || m.version != tc.version {
			t.Errorf("parseMarker(%q) = date %v final %d version %d; want %v %d %d",
				tc.name, m.date, m.final, m.version, tc.date, tc.final, tc.version)
		}
	}
}

func TestNewer(t *testing.T) {
	t0 := time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC)
	cand := func(name string, modified, mtime time.Time) candidate {
		return candidate{entry: &FileEntry{Path: name}, mark: parseMarker(name), modified: modified, mtime: mtime}
	}
	tests := []struct {
		a, b candidate
		want string // the later one's path
	}{
		{cand("AFR-v1.docx", t0, t0), cand("AFR-v2.docx", t0, t0), "AFR-v2.docx"},
		{cand("AFR-v10.docx", t0, t0), cand("AFR-v9.docx", t0, t0), "AFR-v10.docx"},
		{cand("AFR.docx", t0, t0), cand("AFR rev1.docx", t0, t0), "AFR rev1.docx"},
		{cand("AFR-v3.docx", t0, t0), cand("AFR-final.docx", t0, t0), "AFR-final.docx"},
		// A date in the name outranks the other marks.
		{cand("AFR-v3 2025-11-20.docx", t0, t0), cand("AFR-v1 2025-12-01.docx", t0, t0), "AFR-v1 2025-12-01.docx"},
		{cand("AFR 20251120.docx", t0, t0), cand("AFR 2025-12-01.docx", t0, t0), "AFR 2025-12-01.docx"},
		// No marks: Word's saved date, then the file's time.
		{cand("AFR a.docx", t0.Add(time.Hour), t0), cand("AFR b.docx", t0, t0.Add(time.Hour)), "AFR a.docx"},
		{cand("AFR a.docx", time.Time{}, t0), cand("AFR b.docx", t0, t0.Add(time.Hour)), "AFR b.docx"},
		{cand("AFR a.docx", t0, t0), cand("AFR b.docx", t0, t0), "AFR b.docx"},
	}
	for _, tc := range tests {
		for _, order := range [][2]candidate{{tc.a, tc.b}, {tc.b, tc.a}} {
			n, why := newer(order[0], order[1])
			got := order[1].entry.Path
			if n > 0 {
				got = order[0].entry.Path
			}
			if got != tc.want || why == "" {
				t.Errorf("newer(%s, %s) chose %s (%s); want %s", order[0].entry.Path, order[1].entry.Path, got, why, tc.want)
			}
		}
	}
}
