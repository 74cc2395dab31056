package activity

// Stage 2 of the pipeline: a block's sentences cut into activities. A
// sentence that reports an event (classify) starts an activity unless it
// goes on about the current one; the sentences after it belong to it until
// the next start. What is not an activity (classify's kinds) starts none.

// facts is what one sentence says, read once (its tokens, dates, places,
// head counts, event words) for every later stage.
type facts struct {
	s      sentence
	toks   []token
	dates  []dateMention
	places placeScan
	heads  []Participants
	// nouns are the event nouns it uses (nounKey), in order.
	nouns []string
	verb  bool
	kind  sentenceKind
	// own are the dates that may be an event's: not limits ("until
	// February 2026").
	own []dateMention
}

// read reads what a sentence says that does not depend on the reporting
// period: its tokens and dates.
func read(s sentence) *facts {
	toks := tokenize(s.Text)
	masked := resolutionNames(toks)
	f := &facts{s: s, toks: toks}
	for _, m := range scanDates(s.Text, toks) {
		if !masked(m.first) {
			f.dates = append(f.dates, m)
			if !m.bound {
				f.own = append(f.own, m)
			}
		}
	}
	return f
}

// judge reads the rest of a sentence's facts, which the reporting period
// bears on: its places, head counts, event words and kind.
func (f *facts) judge(period Period) {
	f.places = scanPlaces(f.toks, resolutionNames(f.toks), false)
	f.heads = scanHeads(f.s.Text, f.toks, f.inDate)
	for i := range f.toks {
		t := &f.toks[i]
		if t.is(roleEventNoun) {
			f.nouns = append(f.nouns, nounKey(t.Lower))
		}
		if t.is(roleEventVerb) && !(i > 0 && f.toks[i-1].Lower == "co") {
			f.verb = true
		}
	}
	f.kind = classify(f, f.specific(period), f.signal(period))
}

// study reads every fact of a sentence.
func study(s sentence, period Period) *facts {
	f := read(s)
	f.judge(period)
	return f
}

// inDate reports whether token i is part of one of the sentence's dates.
func (f *facts) inDate(i int) bool {
	for _, m := range f.dates {
		if i >= m.first && i <= m.last {
			return true
		}
	}
	return false
}

// resolutionNames masks the tokens of a Resolution's or Recommendation's
// revision in brackets, "(Rev. Bucharest, 2022)": the place there is where
// the text was revised, never a venue.
func resolutionNames(toks []token) func(int) bool {
	var spans [][2]int
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Key == "(" && toks[i+1].Key == "Rev" {
			j := i + 1
			for j < len(toks) && toks[j].Key != ")" {
				j++
			}
			spans = append(spans, [2]int{i, j})
			i = j
		}
	}
	return func(i int) bool {
		for _, s := range spans {
			if i >= s[0] && i <= s[1] {
				return true
			}
		}
		return false
	}
}

// event reports whether the sentence names an event: an event noun or
// verb.
func (f *facts) event() bool { return f.verb || len(f.nouns) > 0 }

// signal reports whether the sentence names a date (not a limit), a venue
// or a head count. "In the reporting period" is no date: it says only
// that something went on, not when. A date spanning the whole period
// ("Between July and December 2025, three webinars were organised") is
// one only with an event verb: without one, the sentence describes a
// state ("countries were engaged in the programme during the period").
func (f *facts) signal(period Period) bool {
	if !f.places.event.IsZero() || len(f.heads) > 0 {
		return true
	}
	for _, m := range f.ownDates() {
		switch {
		case m.ref == "reporting":
		case m.hasYear() && period.covers(m.span(0, "")):
			if f.verb {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// specific reports whether the sentence names something particular: a
// date other than the whole reporting period, a venue, a head count.
func (f *facts) specific(period Period) bool {
	if !f.places.event.IsZero() || len(f.heads) > 0 {
		return true
	}
	for _, m := range f.ownDates() {
		if m.ref == "" && !(m.hasYear() && period.covers(m.span(0, ""))) {
			return true
		}
	}
	return false
}

// ownDates are the dates that may be an event's: not limits ("until
// February 2026").
func (f *facts) ownDates() []dateMention { return f.own }

// seg is one activity: the sentences of its block from its leading one on,
// with every sentence of the block for the years and references they hold.
type seg struct {
	block *Block
	sents []*facts
	all   []*facts
}

// lead is the activity's leading sentence.
func (s *seg) lead() *facts { return s.sents[0] }

// nouns are the event nouns the activity's sentences use.
func (s *seg) nouns() map[string]bool {
	out := map[string]bool{}
	for _, f := range s.sents {
		for _, n := range f.nouns {
			out[n] = true
		}
	}
	return out
}

// segmentBlock cuts a block's sentences into activities. prior holds the
// event nouns of the activities already found in the block's section: a
// block that opens by taking one of them up ("The workshop in Podgorica
// agreed …") without a date of its own tells an outcome, not a new
// activity.
func segmentBlock(b *Block, all []*facts, prior map[string]bool, period Period) []*seg {
	var out []*seg
	var cur *seg
	for _, f := range all {
		if cur == nil {
			if f.kind == reports && !(refersBack(f, prior) && len(f.ownDates()) == 0) {
				cur = &seg{block: b, sents: []*facts{f}, all: all}
			}
			continue
		}
		switch {
		case f.kind == reports && !continues(f, cur, period):
			out = append(out, cur)
			cur = &seg{block: b, sents: []*facts{f}, all: all}
		case f.kind == reports || f.kind == plain:
			cur.sents = append(cur.sents, f)
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// continues reports whether sentence f goes on about activity cur rather
// than starting one of its own. A sentence that takes the activity up
// ("The workshop was attended by …", "It was …") continues it unless it
// gives a date outside the activity's, or introduces an event with a date
// of its own ("It was followed by an online meeting on 24 September"); any
// other continues it unless it gives another date or venue, adds an item
// ("It also took part in …"), or introduces an event ("TSB organized a
// webinar …"). A sentence about sessions only tells the activity's parts.
func continues(f *facts, cur *seg, period Period) bool {
	if partsOnly(f) {
		return true
	}
	own, hasOwn := f.mainDate(cur, period)
	curDate := cur.date(period)
	if refersBack(f, cur.nouns()) && !addsItem(f) {
		// taken up, a date within the activity's refines it ("The
		// workshop ran on 12–13 September")
		if introducesEvent(f) && hasOwn && !sameSpan(own, curDate) {
			return false
		}
		return !hasOwn || within(own, curDate)
	}
	switch {
	case hasOwn && !sameSpan(own, curDate), addsItem(f), introducesEvent(f):
		return false
	case !f.places.event.IsZero():
		p := cur.place()
		return p.IsZero() || sameCity(p, f.places.event)
	}
	return true
}

// within reports whether date a lies within date b (a known date).
func within(a, b DateSpan) bool {
	return !b.IsZero() && !a.Start.Before(b.Start) && !a.End.After(b.End)
}

// partNouns name the parts of an event: its sessions, segments, modules.
var partNouns = wordSet(`session segment module part batch`)

// partsOnly reports whether the event a sentence speaks of first is a
// part of an event: "Two online sessions were organised preceding the
// workshop" tells the parts of the activity at hand, not a new one.
func partsOnly(f *facts) bool { return len(f.nouns) > 0 && partNouns[f.nouns[0]] }

// mainDate is the date sentence f gives on its own, with its year and
// references resolved within activity s's block.
func (f *facts) mainDate(s *seg, period Period) (DateSpan, bool) {
	var best DateSpan
	for _, c := range s.candidates(f, period) {
		if !c.breakdown {
			best = better(best, c.DateSpan)
		}
	}
	return best, !best.IsZero()
}

func sameSpan(a, b DateSpan) bool { return a.Start.Equal(b.Start) && a.End.Equal(b.End) }

func sameCity(a, b Place) bool {
	return Normalize(a.City) == Normalize(b.City) && a.Country == b.Country
}

// pronouns that open a sentence take up what the one before spoke of.
var pronouns = wordSet(`it its they their this these that those such both each`)

// determiners take up something named before when an event noun follows.
var determiners = wordSet(`the this these that those said same`)

// refersBack reports whether a sentence opens by taking up an activity
// whose event nouns are given: with a pronoun ("It was …", "These sessions
// …"), or within its first words a determiner and one of the nouns ("The
// Forum was …", "As a follow-up to the workshop in La Paz …").
func refersBack(f *facts, nouns map[string]bool) bool {
	toks := f.toks
	if len(toks) > 0 && pronouns[toks[0].Lower] {
		return true
	}
	for i := 0; i < len(toks) && i < 8; i++ {
		if !determiners[toks[i].Lower] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].is(roleEventNoun) {
				if nouns[nounKey(toks[k].Lower)] {
					return true
				}
				break
			}
		}
	}
	return false
}

// addsItem reports whether a sentence adds another item to what the
// office did: "also" among its first words ("It also took part in …", "The
// Office also arranged …"), or "In addition", "Additionally", "Moreover".
func addsItem(f *facts) bool {
	for i, t := range f.toks {
		if i >= 8 {
			break
		}
		switch t.Lower {
		case "also", "additionally", "moreover", "furthermore":
			return true
		case "addition":
			return i > 0 && f.toks[i-1].Lower == "in"
		}
	}
	return false
}

// introducers before an event noun introduce a new event: "an online
// meeting", "two online sessions", "another workshop", "a series of".
var introducers = wordSet(`a an another two three four five several second third additional`)

// introducesEvent reports whether a sentence introduces an event: an
// introducer followed within four words by an event noun.
func introducesEvent(f *facts) bool {
	toks := f.toks
	for i, t := range toks {
		if !introducers[t.Lower] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if !toks[k].Word {
				break
			}
			if toks[k].is(roleEventNoun) {
				return true
			}
		}
	}
	return false
}
