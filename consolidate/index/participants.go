package index

import (
	"strconv"
	"strings"
)

// Participants is a head count a report gives, with how exactly it gives
// it.
type Participants struct {
	N int
	// Qualifier is "exact", "more than", "at least", "about", "at most" or
	// "total".
	Qualifier string
	// Written is the phrase as in the text ("more than 60 participants").
	Written string
}

// qualifiers maps the words before a number to the index's qualifier.
var qualifiers = map[string]string{
	"more than": "more than", "over": "more than", "above": "more than", "in excess of": "more than",
	"at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
	"about": "about", "around": "about", "approximately": "about", "some": "about", "nearly": "about",
	"almost": "about", "close to": "about", "roughly": "about", "an estimated": "about", "approx.": "about",
	"up to": "at most", "a maximum of": "at most",
	"a total of": "total", "a combined total of": "total", "total of": "total", "in total": "total", "a combined": "total",
}

// peopleNouns are the words that make a number a head count. "member
// states", "countries" and "sessions" are not among them.
const peopleNouns = `participants?|attendees?|delegates?|registrants?|experts?|officials?|civil\s+servants?|people|persons?|trainees?|representatives?|stakeholders?|students?|engineers?|professionals?|specialists?|women|girls|youth|young\s+people|speakers?|panellists?|panelists?|learners?|officers?|staff|members\s+of\s+staff|individuals?|policymakers?|policy[\s-]+makers?|regulators`

// collectiveNouns after a people noun make it a describing word: "three
// stakeholder groups" counts groups, not people.
var collectiveNouns = wordSet(`group groups organizations organisations agencies bodies entities constituencies
communities associations states countries institutions categories types networks`)

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

// participantsPattern is matched against the text lower-cased (ASCII
// only, so that byte offsets stay those of the text).
var participantsPattern = lazyStartRegexp(`\b` +
	`(?:(more than|over|above|in excess of|at least|no fewer than|no less than|a minimum of|about|around|approximately|approx\.|some|nearly|almost|close to|roughly|an estimated|up to|a maximum of|a combined total of|a total of|total of|a combined)\s+)?` +
	`(\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred)` +
	// up to three describing words ("civil", "government", "female"), but
	// never a word that starts another phrase
	`\s+((?:(?:[a-z][a-z-]*)\s+){0,3}?)` +
	`(` + peopleNouns + `)\b` +
	`(\s+in\s+total)?`)

// notDescribing are words that cannot stand between a number and the
// people it counts: "9 member states and participants" counts states.
var notDescribing = map[string]bool{"and": true, "or": true, "of": true, "from": true, "in": true, "member": true,
	"states": true, "countries": true, "sessions": true, "days": true, "workshops": true, "events": true, "the": true,
	// "325 million people" is a population, not an audience
	"thousand": true, "million": true, "billion": true, "percent": true, "per": true}

// peopleStems are the beginnings of peopleNouns: a text without any of
// them holds no head count, and the pattern need not be tried.
var peopleStems = []string{"particip", "attend", "delegat", "registr", "expert", "official", "servant", "people",
	"person", "trainee", "representative", "stakeholder", "student", "engineer", "professional", "specialist",
	"women", "girls", "youth", "speaker", "panel", "learner", "officer", "staff", "individual", "policy", "regulator"}

// findParticipants returns the head counts of a text in order.
func findParticipants(s string) []Participants {
	var out []Participants
	lower := asciiLower(s)
	if !hasCount(lower) || !containsAny(lower, peopleStems) {
		return nil
	}
	for _, g := range participantsPattern.findAll(lower) {
		if g[6] >= 0 && describesOther(s[g[6]:g[7]]) || collectiveNouns[firstWord(lower[g[1]:])] {
			continue
		}
		n, ok := parseCount(s[g[4]:g[5]])
		if !ok {
			continue
		}
		q := "exact"
		if g[2] >= 0 {
			q = qualifiers[strings.ToLower(s[g[2]:g[3]])]
		} else if before := strings.ToLower(s[:g[0]]); strings.HasSuffix(strings.TrimSpace(before), "total of") {
			q = "total"
		}
		if g[10] >= 0 {
			q = "total"
		}
		out = append(out, Participants{N: n, Qualifier: q, Written: strings.TrimSpace(s[g[0]:g[1]])})
	}
	return out
}

// hasCount reports whether a lower-cased text has a number the pattern can
// read as a count: a digit or a number word ("seventy", "twenty-five")
// starting a word. Most sentences have none, and the pattern, which cannot
// match without one, need not be tried on them.
func hasCount(lower string) bool {
	for i := 0; i < len(lower); i++ {
		if i > 0 && isWordByte(lower[i-1]) {
			continue // not the start of a word
		}
		if isDigit(lower[i]) {
			return true
		}
		j := i
		for j < len(lower) && lower[j] >= 'a' && lower[j] <= 'z' {
			j++
		}
		if numberWords[lower[i:j]] > 0 {
			return true
		}
	}
	return false
}

func describesOther(words string) bool {
	for _, w := range strings.Fields(strings.ToLower(words)) {
		if notDescribing[w] || monthNumber(w) != 0 && len(w) >= 3 {
			return true
		}
	}
	return false
}

// parseCount reads "291", "1,200", "seventy", "twenty-five", "two hundred".
func parseCount(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil {
		return n, n > 0
	}
	if a, b, ok := strings.Cut(s, "-"); ok {
		return numberWords[a] + numberWords[b], numberWords[a] > 0 && numberWords[b] > 0
	}
	if a, ok := strings.CutSuffix(s, " hundred"); ok {
		return 100 * numberWords[strings.TrimSpace(a)], numberWords[strings.TrimSpace(a)] > 0
	}
	n := numberWords[s]
	return n, n > 0
}

// asciiLower lower-cases the ASCII letters of s only, keeping its length.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Bound is how a head count bounds the number of participants.
type Bound int

// The bounds of a head count.
const (
	Exact   Bound = iota // the number, or a total
	AtLeast              // more than, at least
	About                // about, at most
)

// Bound says how the count bounds the number of participants.
func (p Participants) Bound() Bound {
	switch p.Qualifier {
	case "more than", "at least":
		return AtLeast
	case "about", "at most":
		return About
	}
	return Exact
}
