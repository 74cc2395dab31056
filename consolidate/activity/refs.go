package activity

import (
	"regexp"
	"strings"
)

// ITU-T groups as the reports write them: "SG20", "Study Group 3",
// regional groups "SG3RG-LAC", "TSAG", focus groups "FG-CD" or "Focus Group
// on …", joint coordination activities "JCA-…". (Their leading \b keeps
// Go's regexp from skipping to their first letters; startRegexp does.)
var (
	sgPattern    = regexp.MustCompile(`\bSG ?([1-9][0-9]?)(RG-[A-Z]{2,8})?\b`)
	studyGroup   = regexp.MustCompile(`\bStudy Group ([1-9][0-9]?)\b`)
	fgAcronym    = regexp.MustCompile(`\b(?:FG|JCA)-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b`)
	fgLong       = regexp.MustCompile(`\bFocus Group on ((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|of|and|for|the|in|on))*)`)
	tsagPattern  = regexp.MustCompile(`\bTSAG\b`)
	otherSectors = regexp.MustCompile(`ITU-[DR]\s*$`)
)

// groupHints are in every text that names a group; one without them need
// not be searched.
var groupHints = []string{"SG", "Study Group", "FG-", "JCA-", "Focus Group", "TSAG"}

// findGroups lists the ITU-T groups a text names, once each, in order.
func findGroups(s string) []string {
	if !containsAny(s, groupHints) {
		return nil
	}
	type hit struct {
		pos  int
		name string
	}
	var hits []hit
	add := func(pos int, name string) { hits = append(hits, hit{pos, name}) }
	for _, g := range sgPattern.FindAllStringSubmatchIndex(s, -1) {
		if otherSector(s, g[0]) {
			continue
		}
		add(g[0], "SG"+s[g[2]:g[3]])
		if g[4] >= 0 {
			add(g[0]+1, "SG"+s[g[2]:g[3]]+s[g[4]:g[5]])
		}
	}
	for _, g := range studyGroup.FindAllStringSubmatchIndex(s, -1) {
		if !otherSector(s, g[0]) {
			add(g[0], "SG"+s[g[2]:g[3]])
		}
	}
	for _, g := range fgAcronym.FindAllStringSubmatchIndex(s, -1) {
		add(g[0], s[g[0]:g[1]])
	}
	for _, g := range fgLong.FindAllStringSubmatchIndex(s, -1) {
		// "Focus Group on Cost of Data (FG-CD)" is named by its acronym.
		if !strings.HasPrefix(strings.TrimSpace(s[g[1]:]), "(FG-") {
			add(g[0], "Focus Group on "+strings.TrimSpace(s[g[2]:g[3]]))
		}
	}
	for _, g := range tsagPattern.FindAllStringSubmatchIndex(s, -1) {
		add(g[0], "TSAG")
	}
	// order by position (stable for the SG before its regional group)
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].pos < hits[j-1].pos; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.name] {
			seen[h.name] = true
			out = append(out, h.name)
		}
	}
	return out
}

// otherSector reports whether the group at pos belongs to ITU-D or ITU-R
// ("ITU-D Study Group 1").
func otherSector(s string, pos int) bool {
	start := max(0, pos-12)
	return otherSectors.MatchString(strings.TrimSuffix(s[start:pos], " "))
}

// recPattern finds ITU-T Recommendations: "X.1280", "Y.3172",
// "X.1220/X.nspam", "Recommendation ITU-T X.1280", and a draft's name alone
// after "ITU-T" ("ITU-T X.nspam").
var recPattern = regexp.MustCompile(`(?:\b(?:ITU-T\s+)?\b([A-Z])\.([0-9]{1,4}(?:\.[0-9]{1,4})*)(/[A-Z]\.(?:[a-z][\w-]*|[0-9]{1,4}))?\b)|(?:\bITU-T\s+([A-Z]\.[a-z][a-z0-9-]+)\b)`)

// notRecBefore are words after which "A.1" is a part of a document.
var notRecBefore = map[string]bool{"annex": true, "appendix": true, "table": true, "figure": true, "section": true,
	"clause": true, "chapter": true, "paragraph": true, "item": true, "no": true}

// findRecommendations lists the Recommendations a text names, once each.
func findRecommendations(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range recPattern.FindAllStringSubmatchIndex(s, -1) {
		if notRecBefore[strings.ToLower(lastWord(s[:g[0]]))] {
			continue
		}
		var name string
		if g[2] >= 0 {
			name = s[g[2]:g[3]] + "." + s[g[4]:g[5]]
			if g[6] >= 0 {
				name += s[g[6]:g[7]]
			}
		} else {
			name = s[g[8]:g[9]]
		}
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// findPartners lists the partner organizations of partners.tsv a text
// (given as its tokens) names, by their short names, once each, in order.
func findPartners(toks []token) []string {
	g := gaz()
	var out []string
	seen := map[int]bool{}
	for _, m := range g.partnerNames.find(toks) {
		if !seen[m.Entry] {
			seen[m.Entry] = true
			out = append(out, g.partners[m.Entry])
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
