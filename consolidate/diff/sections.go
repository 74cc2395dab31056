package diff

import (
	"strconv"

	"tsagmerge/ingest"
)

// compareSections lines up the headings by level and title; a heading
// removed and another of the same level added at the same place is a
// rename, the most alike titles paired first where there are several.
func compareSections(old, new []*ingest.Section, wd *wordDiffer) []SectionChange {
	var out []SectionChange
	removed := func(i int) {
		out = append(out, SectionChange{Change: Removed, Level: old[i].Level, Old: old[i].Title})
	}
	added := func(j int) {
		out = append(out, SectionChange{Change: Added, Level: new[j].Level, New: new[j].Title})
	}
	renamed := func(p pair) {
		out = append(out, SectionChange{Change: Renamed, Level: new[p.new].Level, Old: old[p.old].Title, New: new[p.new].Title})
	}
	sameLevel := func(i, j int) float64 {
		if old[i].Level == new[j].Level {
			return 1 + wd.similarity(old[i].Title, new[j].Title)
		}
		return 0
	}
	for _, h := range align(sectionKeys(old), sectionKeys(new)) {
		if h.equal {
			continue
		}
		walkHunk(h, pairUp(h.old, h.new, sameLevel, 1), removed, added, renamed)
	}
	return out
}

func sectionKeys(ss []*ingest.Section) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Itoa(s.Level) + "\x00" + s.Title
	}
	return out
}
