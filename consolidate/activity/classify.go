package activity

import "strings"

// What a sentence is, for segmentation (stage 2): whether it can report an
// activity, and if not, why. Each rule below names the general pattern it
// serves; classify_test.go gives each its cases.

// sentenceKind says what a sentence does.
type sentenceKind int

const (
	// reports: it names an event and something particular about it (a
	// date, a venue, a head count).
	reports sentenceKind = iota
	// plain: it says nothing that makes it an activity of its own, but
	// can go on about one (an outcome, a head count, who took part).
	plain
	// framing: it introduces or points elsewhere ("What follows are …",
	// "Table 1 lists …", "… the following:", "The project aims to …").
	framing
	// general: it describes how the office works in general (standing
	// coordination with TSB, regular consultations, ongoing promotion),
	// naming nothing particular.
	general
	// plan: it says what will or should happen (plans, intentions,
	// deadlines), not what took place.
	plan
	// reference: it is an item of a list of Resolutions, Recommendations
	// or Questions ("Resolution 44 (Rev. New Delhi, 2024) – …").
	reference
)

// String names the kind, for tests and messages.
func (k sentenceKind) String() string {
	return [...]string{"reports", "plain", "framing", "general", "plan", "reference"}[k]
}

// eventVerbs are the verbs of reported activities.
var eventVerbs = wordSet(`held organized organised organizing organising delivered hosted conducted launched
convened exchanged signed trained attended presented performed co-organized co-organised co-hosted
participated completed visited briefed celebrated inaugurated gathered brought joined led chaired moderated
showcased demonstrated met ran arranged took facilitated supported`)

// eventNouns are the things activities are: meetings, trainings, missions.
var eventNouns = wordSet(`workshop forum meeting training course clinic webinar conference dialogue session
summit week briefing debriefing seminar event symposium hackathon mission visit discussion exchange
consultation lab bootcamp masterclass roundtable panel exhibition expo drill assembly congress festival fair
celebration campaign competition challenge ceremony edition programme program project test tests study`)

// nounKey is a word as eventNouns lists it: lower case, singular.
func nounKey(lower string) string {
	if len(lower) > 3 && strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") {
		return strings.TrimSuffix(lower, "s")
	}
	return lower
}

// phrase is a run of lower-case words matched against a sentence's tokens.
type phrase []string

// phrases splits a "|"-separated list of space-separated words.
func phrases(list string) []phrase {
	var out []phrase
	for _, p := range strings.Split(list, "|") {
		out = append(out, strings.Fields(p))
	}
	return out
}

// framingPhrases introduce, describe or point elsewhere.
var framingPhrases = phrases(`what follows|the following|as follows|following activities|please refer|refer to|
see table|see annex|this contribution|this report|this document|aims to|aim to|seeks to|
seek to|main objective|objective is|objectives are|is available on|are available on|is available at`)

// generalPhrases describe standing work: coordination with TSB,
// consultations, promotion on a regular basis, ongoing support.
var generalPhrases = phrases(`coordinate with tsb|coordinates with tsb|coordinated with tsb|coordinates closely|
coordination with tsb|close coordination|activities carried out in|coordination calls|consultations are held|
consultations were held|at the operational level|wherever relevant|been providing support|facilitated coordination|
coordination between tsb|continue to|continues to|continued to|on a regular basis|on regular basis|periodic|
periodically|is promoting|are promoting|is supporting|is facilitating|as per tsb request|worked closely|
continued close|capacity building continued`)

// planPhrases say what is to come: plans, intentions, expectations,
// deadlines.
var planPhrases = phrases(`will|shall|plans|plan to|planned|planning|intends|intend|intention|is expected|
are expected|looking ahead|upcoming|forthcoming|to be held|to be discussed|to be submitted|deadline|
no later than|due by|subject to|scheduled|foreseen|envisaged|next year|expected|is preparing|are preparing|
preparations for|are ongoing`)

// referenceStarts open an item of a list of references.
var referenceStarts = wordSet(`resolution resolutions recommendation recommendations question questions decision`)

// phraseIndex finds the phrases of every kind by their first word, so
// that a sentence is read once for all of them.
var phraseIndex = func() map[string][]kindPhrase {
	idx := map[string][]kindPhrase{}
	for kind, list := range map[sentenceKind][]phrase{framing: framingPhrases, general: generalPhrases, plan: planPhrases} {
		for _, p := range list {
			idx[p[0]] = append(idx[p[0]], kindPhrase{p, kind})
		}
	}
	return idx
}()

// kindPhrase is a phrase and the kind of sentence it marks.
type kindPhrase struct {
	words phrase
	kind  sentenceKind
}

// phraseKinds says which kinds of phrase the tokens hold.
func phraseKinds(toks []token) (found [reference + 1]bool) {
	for i := range toks {
		if !toks[i].is(rolePhraseStart) {
			continue
		}
		for _, kp := range phraseIndex[toks[i].Lower] {
			if found[kp.kind] || i+len(kp.words) > len(toks) {
				continue
			}
			k := 1
			for k < len(kp.words) && toks[i+k].Lower == kp.words[k] {
				k++
			}
			found[kp.kind] = k == len(kp.words)
		}
	}
	return found
}

// pastEvent reports whether a sentence says an event took place: an event
// verb not after "be", "to" or "will" ("took place", "was held", not "to be
// held").
func pastEvent(toks []token) bool {
	for i := range toks {
		if !toks[i].is(roleEventVerb) {
			continue
		}
		if i > 0 {
			switch toks[i-1].Lower {
			case "be", "to", "will", "shall":
				continue
			}
		}
		return true
	}
	return false
}

// classify says what sentence f is. specific tells it names something
// particular (a date other than the whole period, a venue, a head count),
// signal that it names enough of a date, venue or count to report.
func classify(f *facts, specific, signal bool) sentenceKind {
	toks := f.toks
	marks := phraseKinds(toks)
	switch {
	case len(toks) > 1 && referenceStarts[toks[0].Lower] && isDigits(toks[1].Key):
		return reference
	case !specific && (strings.HasSuffix(strings.TrimSpace(f.s.Text), ":") || marks[framing] || namesTable(toks)):
		return framing
	case marks[plan] && !pastEvent(toks):
		return plan
	case marks[general] && !specific:
		return general
	case f.event() && signal:
		return reports
	}
	return plain
}

// namesTable reports whether a sentence points to a table or an annex by
// its number ("Table 1 lists …", "as shown in Table 2").
func namesTable(toks []token) bool {
	for i := 0; i+1 < len(toks); i++ {
		if (toks[i].Lower == "table" || toks[i].Lower == "annex") && (isDigits(toks[i+1].Key) || len(toks[i+1].Key) == 1) {
			return true
		}
	}
	return false
}
