package index

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// generalMarkers find the sentences that describe how an office works in
// general (coordination with TSB, consultations, promotion "on a regular
// basis", ongoing support) rather than a particular activity. Such a
// sentence still reports an activity when it names something specific: a
// date other than the whole reporting period, a venue, a head count or an
// ITU-T group. The markers are matched against the lower-cased sentence.
var generalMarkers = mustAnyOf(
	`coordinat\w*\s+(?:closely\s+)?with\s+(?:the\s+)?tsb`,
	`close\s+coordination\s+with\s+(?:the\s+)?tsb`,
	`coordinates\s+closely`,
	`activities\s+carried\s+out\s+in\s+the`,
	`coordination\s+calls`,
	`consultations\s+(?:are|were|have\s+been)\s+held`,
	`at\s+the\s+operational\s+level`,
	`wherever\s+relevant`,
	`(?:has|have)\s+(?:also\s+)?been\s+providing\s+support`,
	`facilitated\s+coordination`,
	`coordination\s+between\s+tsb\s+and`,
	`\bcontinu(?:e|es|ed)\s+to\b`,
	`\bon\s+(?:a\s+)?regular\s+basis`,
	`\bperiodic(?:al)?(?:ly)?\b`,
	`\b(?:is|are)\s+(?:closely\s+)?(?:supporting|facilitating|promoting)\s+(?:tsb|itu|the\s+organization)`,
	`as\s+per\s+tsb\s+request`,
)

// framingMarkers find sentences that introduce or describe rather than
// report, whatever they name: "What follows are …", "The project aims to
// …", "Please refer to …".
var framingMarkers = mustAnyOf(
	`what\s+follows`,
	`the\s+following\s+activities`,
	`please\s+refer\s+to`,
	`\baims?\s+to\b`,
	`\bseeks?\s+to\b`,
	`main\s+objective`,
	`\bobjectives?\s+(?:is|are|was|were)\b`,
)

// generalHints and framingHints are words every match of the markers
// holds: a sentence without them need not be matched.
var (
	generalHints = []string{"coordinat", "carried out", "consultations", "operational level", "wherever relevant",
		"providing support", "continu", "regular basis", "periodic", "supporting", "facilitating", "promoting", "as per tsb"}
	framingHints = []string{"follow", "refer to", "aim", "seek", "objective"}
)

// eventVerbs are the verbs of reported activities.
var eventVerbs = wordSet(`held organized organised organizing organising delivered hosted conducted launched
convened exchanged signed appointed trained attended presented performed co-organized co-organised co-hosted
co-funded funded sponsored promoted facilitated participated engaged completed started visited
briefed celebrated adopted approved established took takes kicked opened inaugurated welcomed gathered
brought joined led co-led chaired moderated showcased demonstrated`)

// eventNouns are the things activities are: meetings, trainings, projects.
var eventNouns = wordSet(`workshop forum meeting training course clinic webinar conference dialogue session
summit week briefing seminar event symposium hackathon mission visit discussion exchange agreement
memorandum mou project programme program challenge competition campaign test assessment study survey
participation track edition ceremony consultation lab bootcamp masterclass roundtable panel exhibition expo`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// notInWord tells the characters between the words event verbs and nouns
// are looked up by: all but letters, digits, apostrophes and hyphens.
func notInWord(r rune) bool { return !(r == '-' || isWordRune(r)) }

// nounKey is a word as eventNouns lists it: lower case, singular.
func nounKey(w string) string {
	w = strings.ToLower(w)
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = strings.TrimSuffix(w, "s")
	}
	return w
}

// facts is what one sentence says that bears on whether it reports an
// activity.
type facts struct {
	s        sentence
	toks     []token // the sentence's tokens, for names
	dates    []dateMention
	places   placeScan
	heads    []Participants
	groups   []string
	recs     []string
	verb     bool
	noun     bool
	general  bool // a general statement about how the office works
	framing  bool // an introduction or a description
	specific bool // names a date (not the whole period), venue, head count or group
}

// signals counts the kinds of evidence that a sentence reports an
// activity: an event verb, an event noun, a date, a venue, a head count,
// an ITU-T group or Recommendation.
func (f *facts) signals() int {
	n := 0
	for _, b := range []bool{f.verb, f.noun, len(f.dates) > 0, !f.places.event.IsZero(), len(f.heads) > 0, len(f.groups)+len(f.recs) > 0} {
		if b {
			n++
		}
	}
	return n
}

// reports tells whether the sentence can lead an activity: it is not an
// introduction or a general statement, and it has a signal other than a
// place (a line that only names a city, as in a list of addresses, is not
// an activity).
func (f *facts) reports() bool {
	if f.framing || (f.general && !f.specific) {
		return false
	}
	placeOnly := f.signals() == 1 && !f.places.event.IsZero()
	return f.signals() > 0 && !placeOnly
}

// study gathers the facts of a sentence.
func study(s sentence, period Period) *facts {
	toks := tokenize(s.Text)
	f := &facts{
		s:      s,
		toks:   toks,
		dates:  findDates(s.Text),
		places: scanPlaces(toks),
		heads:  findParticipants(s.Text),
		groups: findGroups(s.Text),
		recs:   findRecommendations(s.Text),
	}
	lower := strings.ToLower(s.Text)
	f.verb, f.noun = eventWords(s.Text, lower)
	f.general = containsAny(lower, generalHints) && generalMarkers.MatchString(lower)
	f.framing = containsAny(lower, framingHints) && framingMarkers.MatchString(lower)
	f.specific = !f.places.event.IsZero() || len(f.heads) > 0 || len(f.groups)+len(f.recs) > 0
	for _, d := range f.dates {
		if d.ref == "" && !(d.hasYear() && period.covers(d.span(0, ""))) {
			f.specific = true
		}
	}
	return f
}

// eventWords reports whether a sentence has an event verb and an event
// noun; lower is the sentence lower-cased. An ASCII sentence lower-cased
// whole splits into its words lower-cased, which spares lower-casing each;
// others are lower-cased word by word, as lower-casing may change the
// length of a text.
func eventWords(text, lower string) (verb, noun bool) {
	src, each := lower, !isASCII(text)
	if each {
		src = text
	}
	for w := range strings.FieldsFuncSeq(src, notInWord) {
		if each {
			w = strings.ToLower(w)
		}
		verb = verb || eventVerbs[w]
		noun = noun || eventNouns[nounKey(w)]
	}
	return verb, noun
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// continuation markers: a sentence that starts with one of these goes on
// about the activity before it ("The Forum was co-organized by …", "These
// sessions attracted …").
var continuationStarts = regexp.MustCompile(`(?i)^(?:this|these|that|those|it|its|they|their|such|both|each|following\s+these|post\s+these|after\s+these|during\s+(?:this|that|the\s+same)|at\s+the\s+same\s+time|in\s+addition\s+to\s+this|the\s+same)\b`)

// continues reports whether sentence f goes on about the activity whose
// sentences so far are in seg: it starts with a pronoun or "These …", or
// within its first words takes up an event noun of the activity with "the"
// or "this" ("The Forum was …", "The programme of this regional forum").
func continues(f *facts, seg []*facts) bool {
	if continuationStarts.MatchString(f.s.Text) {
		return true
	}
	words := strings.Fields(f.s.Text)
	for i := 0; i < len(words) && i < 8; i++ {
		if !backReference[strings.ToLower(words[i])] {
			continue
		}
		for k := i + 1; k < len(words) && k <= i+4; k++ {
			w := nounKey(strings.Trim(words[k], `,;:.()"“”`))
			if eventNouns[w] {
				if mentions(seg, w) {
					return true
				}
				break
			}
		}
	}
	return false
}

// backReference are the determiners that take up something named before.
var backReference = map[string]bool{"the": true, "this": true, "these": true, "that": true, "those": true, "said": true}

// mentions reports whether any sentence of seg has the event noun w.
func mentions(seg []*facts, w string) bool {
	for _, f := range seg {
		for x := range strings.FieldsFuncSeq(f.s.Text, notInWord) {
			if nounKey(x) == w {
				return true
			}
		}
	}
	return false
}
