package activity

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

// qualifiers maps the words before a number to the index's qualifier,
// longest phrases first where one ends another ("a combined total of").
var qualifiers = []struct{ words, qualifier string }{
	{"a combined total of", "total"}, {"a total of", "total"}, {"total of", "total"}, {"a combined", "total"},
	{"in excess of", "more than"}, {"more than", "more than"}, {"over", "more than"}, {"above", "more than"},
	{"no fewer than", "at least"}, {"no less than", "at least"}, {"a minimum of", "at least"}, {"at least", "at least"},
	{"close to", "about"}, {"an estimated", "about"}, {"approximately", "about"}, {"approx .", "about"},
	{"about", "about"}, {"around", "about"}, {"some", "about"}, {"nearly", "about"}, {"almost", "about"},
	{"roughly", "about"}, {"a maximum of", "at most"}, {"up to", "at most"},
}

// peopleNouns are the words that make a number a head count. Member
// States, countries, sessions and operators are not among them.
var peopleNouns = wordSet(`participant participants attendee attendees delegate delegates registrant registrants
registration registrations expert experts official officials servants people person persons trainee trainees representative representatives
stakeholder stakeholders student students engineer engineers professional professionals specialist specialists
women girls youth speaker speakers panellist panellists panelist panelists learner learners officer officers staff
individual individuals policymakers regulators journalists researchers managers technicians members`)

// joinVerbs right after a number make it a head count without a noun:
// "1,250 registered online", "forty attended".
var joinVerbs = wordSet(`registered attended participated joined enrolled`)

// collectiveNouns after a people noun make it a describing word: "three
// stakeholder groups" counts groups, not people.
var collectiveNouns = wordSet(`group groups organizations organisations agencies bodies entities constituencies
communities associations states countries institutions categories types networks`)

// notDescribing are words that cannot stand between a number and the
// people it counts: "9 member states and participants" counts states,
// "325 million people" is a population, not an audience.
var notDescribing = wordSet(`and or of from in the member states countries sessions days weeks workshops events
thousand million billion percent per cent operators organizations institutions`)

// numberWords are the number words read in counts.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// findParticipants returns the head counts of a text in order.
func findParticipants(s string) []Participants { return scanHeads(s, tokenize(s), nil) }

// scanHeads returns the head counts of text s, given as its tokens, in
// order; tokens that dates cover (skip, by token index) are not numbers.
func scanHeads(s string, toks []token, skip func(int) bool) []Participants {
	var out []Participants
	for i := 0; i < len(toks); i++ {
		if skip != nil && skip(i) {
			continue
		}
		n, next, ok := readNumber(toks, i)
		if !ok {
			continue
		}
		end, ok := countsPeople(toks, next)
		if !ok && countedBefore(toks, i, next) {
			end, ok = next, true
		}
		if !ok {
			if m, e, shared := sharedNoun(toks, next); shared {
				n, end, ok = n+m, e, true
			}
		}
		if !ok {
			i = next - 1
			continue
		}
		first, q := qualifierBefore(toks, i)
		if toks[next-1].Key == "+" && q == "exact" {
			q = "at least" // "150+"
		}
		if afterTotal(toks, end) {
			q = "total"
		}
		out = append(out, Participants{N: n, Qualifier: q, Written: s[toks[first].Pos:toks[end-1].End]})
		i = end - 1
	}
	return out
}

// readNumber reads a count at token i: digits with thousands separators
// ("1,124", "12 500" is two numbers), a trailing "+" ("150+"), or number
// words ("forty-one", "two hundred and fifty"). next is the token after it.
func readNumber(toks []token, i int) (n, next int, ok bool) {
	t := toks[i]
	if isDigits(t.Key) {
		if len(t.Key) > 7 || i+1 < len(toks) && toks[i+1].Key == "/" || i > 0 && toks[i-1].Key == "/" && !t.Gap {
			return 0, i, false // a code or a Question number (7/5)
		}
		n, _ = strconv.Atoi(t.Key)
		j := i + 1
		for len(t.Key) <= 3 && j+1 < len(toks) && toks[j].Key == "," && !toks[j].Gap && !toks[j+1].Gap &&
			len(toks[j+1].Key) == 3 && isDigits(toks[j+1].Key) {
			v, _ := strconv.Atoi(toks[j+1].Key)
			n, j = n*1000+v, j+2
		}
		if j < len(toks) && toks[j].Key == "+" && !toks[j].Gap {
			j++
		}
		return n, j, n > 0
	}
	if !t.is(roleNumberWord) {
		return 0, i, false
	}
	n, next, ok = readNumberWords(toks, i)
	// "eighty-five (85) participants": the figures restate the words
	if ok && next+2 < len(toks) && toks[next].Key == "(" && isDigits(toks[next+1].Key) && toks[next+2].Key == ")" {
		next += 3
	}
	return n, next, ok
}

// readNumberWords reads "sixty", "forty-three", "two hundred and fifty",
// "one thousand two hundred".
func readNumberWords(toks []token, i int) (n, next int, ok bool) {
	total, cur, j := 0, 0, i
	read := false
	for j < len(toks) {
		w := toks[j].Lower
		switch v, isNum := numberWords[w]; {
		case isNum:
			cur += v
			j++
			// "forty-one"
			if v >= 20 && j+1 < len(toks) && toks[j].Key == "-" && numberWords[toks[j+1].Lower] < 10 && numberWords[toks[j+1].Lower] > 0 {
				cur += numberWords[toks[j+1].Lower]
				j += 2
			}
			read = true
			continue
		case w == "hundred" && read:
			cur *= 100
		case w == "thousand" && read:
			total, cur = total+cur*1000, 0
		case w == "and" && read && j+1 < len(toks) && numberWords[toks[j+1].Lower] > 0 && j > i && (toks[j-1].Lower == "hundred" || toks[j-1].Lower == "thousand"):
		default:
			return total + cur, j, read && total+cur > 0
		}
		j++
	}
	return total + cur, j, read && total+cur > 0
}

// countsPeople reports whether the tokens from i say the number before
// them counts people: up to three describing words, then a people noun
// ("civil servants", "registered participants"), or a joining verb
// ("1,250 registered online"). end is the token after the phrase.
func countsPeople(toks []token, i int) (end int, ok bool) {
	if i < len(toks) && (toks[i].Key == "%" || toks[i].Lower == "of") {
		return i, false
	}
	if i < len(toks) && joinVerbs[toks[i].Lower] && !(i+1 < len(toks) && toks[i+1].is(rolePeople)) {
		return i + 1, true
	}
	for k := i; k < len(toks) && k <= i+3; k++ {
		t := toks[k]
		if !t.Word || notDescribing[t.Lower] || isDigits(t.Key) {
			return i, false
		}
		if n, _ := monthNumber(t.Key, t.Lower); n != 0 {
			return i, false
		}
		if t.is(rolePeople) {
			if k+1 < len(toks) && collectiveNouns[toks[k+1].Lower] {
				return i, false
			}
			if t.Lower == "members" && !(k+1 < len(toks) && toks[k+1].Lower == "of") {
				return i, false // "28 APT members" are states; "members of staff" are people
			}
			if t.Lower == "members" {
				return k + 3, k+2 < len(toks) && toks[k+2].Lower == "staff"
			}
			return k + 1, true
		}
	}
	return i, false
}

// attendanceNouns, before a number, say it counts people: "attendance
// at the workshop reached 150", "participants: 95", "the number of
// delegates was 40".
var attendanceNouns = wordSet(`attendance participation turnout participants attendees delegates registrations`)

// countLinks join such a noun to its number.
var countLinks = wordSet(`reached was were totalled totaled numbered stood : of at`)

// countedBefore reports whether the number at tokens i to next is counted
// by a people word before it: a link word right before the number, an
// attendance noun among the seven words before that, and after the number
// nothing that counts something else ("participants of 12 countries").
func countedBefore(toks []token, i, next int) bool {
	if i == 0 || !countLinks[toks[i-1].Lower] {
		return false
	}
	if next < len(toks) && toks[next].Word && !toks[next].is(rolePeople) {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		if attendanceNouns[toks[k].Lower] {
			return true
		}
	}
	return false
}

// sharedNoun reads the second of two counts that share their people noun,
// from token i after the first: "120 on-site and 200 remote participants"
// counts 320; the words between the first count and "and" describe, as
// a people noun's do. m is the second count, end the token after its noun.
func sharedNoun(toks []token, i int) (m, end int, ok bool) {
	for k := i; k < len(toks) && k <= i+3; k++ {
		t := &toks[k]
		if t.Word && t.Lower != "and" && (notDescribing[t.Lower] || collectiveNouns[t.Lower]) || !t.Word && t.Key != "-" {
			return 0, i, false // "12 countries and 40 delegates" counts two things
		}
		if t.Lower != "and" || k+1 >= len(toks) {
			continue
		}
		n, next, isNum := readNumber(toks, k+1)
		if !isNum {
			return 0, i, false
		}
		if e, counts := countsPeople(toks, next); counts {
			return n, e, true
		}
		return 0, i, false
	}
	return 0, i, false
}

// qualifierBefore gives the qualifier written before the number at token i
// and the token where it starts.
func qualifierBefore(toks []token, i int) (first int, qualifier string) {
	for _, q := range qualifiers {
		words := strings.Fields(q.words)
		if i < len(words) {
			continue
		}
		match := true
		for k, w := range words {
			if toks[i-len(words)+k].Lower != w {
				match = false
				break
			}
		}
		if match {
			return i - len(words), q.qualifier
		}
	}
	return i, "exact"
}

// afterTotal reports whether "in total" follows the count.
func afterTotal(toks []token, end int) bool {
	return end+1 < len(toks) && toks[end].Lower == "in" && toks[end+1].Lower == "total"
}

// countCell reads a table cell that holds a head count: "95", "150+",
// "approx. 300", "1,050", "about 40 participants"; "–" holds none, nor
// does a cell with other words before its number.
func countCell(s string) (Participants, bool) {
	toks := tokenize(s)
	for i := range toks {
		n, next, ok := readNumber(toks, i)
		if !ok {
			continue
		}
		first, q := qualifierBefore(toks, i)
		if first != 0 {
			return Participants{}, false
		}
		if toks[next-1].Key == "+" && q == "exact" {
			q = "at least"
		}
		return Participants{N: n, Qualifier: q, Written: strings.TrimSpace(s)}, true
	}
	return Participants{}, false
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
