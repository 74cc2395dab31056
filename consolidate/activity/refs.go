package activity

import (
	"strings"
)

// The ITU-T groups, Recommendations and partners an activity names, read
// from its tokens.

// findGroups lists the ITU-T groups a text (given as its tokens) names,
// once each, in order: "SG20", "SG 3", "Study Group 3", "Study Groups 3 and
// 20", regional groups "SG3RG-LAC", focus groups "FG-CD" or "Focus Group
// on …", joint coordination activities "JCA-…", "TSAG". A group of ITU-D
// or ITU-R ("ITU-D Study Group 1") is not ITU-T's.
func findGroups(toks []token) []string {
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if n != "" && !containsString(out, n) {
				out = append(out, n)
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Word || otherSector(toks, i) {
			continue
		}
		switch {
		case t.Key == "TSAG":
			add("TSAG")
		case strings.HasPrefix(t.Key, "SG"):
			add(sgGroup(toks, i)...)
		case t.Key == "Study" && i+2 < len(toks) && (toks[i+1].Key == "Group" || toks[i+1].Key == "Groups"):
			add(studyGroups(toks, i+2)...)
		case (t.Key == "FG" || t.Key == "JCA") && i+2 < len(toks) && toks[i+1].Key == "-" && !toks[i+1].Gap:
			add(t.Key + "-" + hyphenated(toks, i+2))
		case t.Key == "Focus" && i+3 < len(toks) && toks[i+1].Key == "Group" && toks[i+2].Lower == "on":
			add(focusGroup(toks, i+3))
		}
	}
	return out
}

// sgGroup reads "SG20", "SG 3" and "SG3RG-LAC" (the study group, then its
// regional group) at token i.
func sgGroup(toks []token, i int) []string {
	rest := strings.TrimPrefix(toks[i].Key, "SG")
	if rest == "" && i+1 < len(toks) && isDigits(toks[i+1].Key) {
		rest = toks[i+1].Key
	}
	n := 0
	for n < len(rest) && n < 2 && isDigits(rest[n:n+1]) {
		n++
	}
	if n == 0 || rest[0] == '0' {
		return nil
	}
	sg := "SG" + rest[:n]
	switch suffix := rest[n:]; {
	case suffix == "":
		return []string{sg}
	case suffix == "RG" && i+2 < len(toks) && toks[i+1].Key == "-" && !toks[i+1].Gap && toks[i+2].Word:
		return []string{sg, sg + "RG-" + toks[i+2].Key}
	}
	return nil
}

// studyGroups reads the numbers after "Study Group(s)" at token i: "3",
// "3 and 20", "11, 13 and 20".
func studyGroups(toks []token, i int) []string {
	var out []string
	for i < len(toks) && isDigits(toks[i].Key) && len(toks[i].Key) <= 2 && toks[i].Key[0] != '0' {
		out = append(out, "SG"+toks[i].Key)
		if i+1 < len(toks) && (toks[i+1].Key == "," || toks[i+1].Lower == "and") {
			i += 2
			continue
		}
		break
	}
	return out
}

// hyphenated joins the words at i that hyphens join without spaces:
// "CD", "AI-4-Health".
func hyphenated(toks []token, i int) string {
	var b strings.Builder
	for i < len(toks) && toks[i].Word && (b.Len() == 0 || !toks[i].Gap) {
		b.WriteString(toks[i].Key)
		if i+2 < len(toks) && toks[i+1].Key == "-" && !toks[i+1].Gap && !toks[i+2].Gap && toks[i+2].Word {
			b.WriteByte('-')
			i += 2
			continue
		}
		break
	}
	return b.String()
}

// focusGroup names "Focus Group on Cost of Data" by its capitalized words
// (and the small words between them) from token i; "" when its acronym
// follows in brackets ("(FG-CD)"), which names it.
func focusGroup(toks []token, i int) string {
	var words []string
	for i < len(toks) && toks[i].Word && (startsUpper(toks[i].Key) || len(words) > 0 && smallWords[toks[i].Key]) {
		words = append(words, toks[i].Key)
		i++
	}
	for len(words) > 0 && smallWords[words[len(words)-1]] {
		words, i = words[:len(words)-1], i-1
	}
	if len(words) == 0 || i+1 < len(toks) && toks[i].Key == "(" && toks[i+1].Key == "FG" {
		return ""
	}
	return "Focus Group on " + strings.Join(words, " ")
}

// smallWords may stand inside a group's name.
var smallWords = wordSet(`of and for the in on`)

// otherSector reports whether the group at token i belongs to ITU-D or
// ITU-R ("ITU-D Study Group 1", "ITU-R SG5").
func otherSector(toks []token, i int) bool {
	return i >= 3 && toks[i-3].Key == "ITU" && toks[i-2].Key == "-" && (toks[i-1].Key == "D" || toks[i-1].Key == "R")
}

// notRecBefore are words after which "A.1" is a part of a document.
var notRecBefore = wordSet(`annex appendix table figure section clause chapter paragraph item no`)

// findRecommendations lists the ITU-T Recommendations a text (given as
// its tokens) names, once each: "X.1280", "Y.3172", "E.164",
// "X.1220/X.nspam", and a draft's name after "ITU-T" ("ITU-T X.nspam"). A
// letter, a period and a number written together after "Annex" or "Table"
// is a part of a document.
func findRecommendations(toks []token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		name, next := recAt(toks, i, afterITUT(toks, i))
		if name == "" || i > 0 && notRecBefore[toks[i-1].Lower] {
			continue
		}
		if next+1 < len(toks) && toks[next].Key == "/" && !toks[next].Gap {
			if other, end := recAt(toks, next+1, true); other != "" {
				name, next = name+"/"+other, end
			}
		}
		if !containsString(out, name) {
			out = append(out, name)
		}
		i = next - 1
	}
	return out
}

// recAt reads one Recommendation's name at token i — a capital letter, a
// period and a number ("X.1205", "Q.3062.1"), or, when draft is set, a
// draft's lower-case name ("X.nspam") — and the token after it.
func recAt(toks []token, i int, draft bool) (string, int) {
	if i+2 >= len(toks) {
		return "", i
	}
	letter, dot, num := toks[i], toks[i+1], toks[i+2]
	if len(letter.Key) != 1 || letter.Key[0] < 'A' || letter.Key[0] > 'Z' || dot.Key != "." || dot.Gap || num.Gap {
		return "", i
	}
	switch {
	case isDigits(num.Key) && len(num.Key) <= 4:
		name, j := letter.Key+"."+num.Key, i+3
		for j+1 < len(toks) && toks[j].Key == "." && !toks[j].Gap && !toks[j+1].Gap && isDigits(toks[j+1].Key) && len(toks[j+1].Key) <= 4 {
			name, j = name+"."+toks[j+1].Key, j+2
		}
		return name, j
	case draft && num.Key[0] >= 'a' && num.Key[0] <= 'z':
		return letter.Key + "." + num.Key, i + 3
	}
	return "", i
}

// afterITUT reports whether "ITU-T" stands right before token i.
func afterITUT(toks []token, i int) bool {
	return i >= 3 && toks[i-3].Key == "ITU" && toks[i-2].Key == "-" && toks[i-1].Key == "T"
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
