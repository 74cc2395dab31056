package activity

import "strings"

// The lexicon: what each word can be for the stages that read tokens, so
// that a token is looked up once (when it is made) rather than once per
// word list.

// wordRole is a set of the roles a word can play.
type wordRole uint16

// The roles of words.
const (
	roleEventNoun   wordRole = 1 << iota // workshop, forum, sessions
	roleEventVerb                        // held, organized, took
	roleNumberWord                       // one … ninety, hundred, thousand
	rolePeople                           // participants, delegates, staff
	roleDateStarter                      // from, in, the, early, weekdays
	rolePhraseStart                      // the first word of a framing, general or plan phrase
	roleMonth                            // an English month name or abbreviation, lower-cased
)

// lexicon maps a lower-case word to its roles; it is built from the word
// lists of the stages, which stay the reference.
var lexicon = func() map[string]wordRole {
	lex := map[string]wordRole{}
	add := func(r wordRole, words map[string]bool) {
		for w := range words {
			lex[w] |= r
		}
	}
	add(roleEventVerb, eventVerbs)
	add(rolePeople, peopleNouns)
	for n := range eventNouns {
		lex[n] |= roleEventNoun
		lex[n+"s"] |= roleEventNoun
	}
	for w := range numberWords {
		lex[w] |= roleNumberWord
	}
	lex["hundred"] |= roleNumberWord
	lex["thousand"] |= roleNumberWord
	for w := range starters {
		lex[w] |= roleDateStarter
	}
	for w := range phraseIndex {
		lex[w] |= rolePhraseStart
	}
	for _, m := range englishMonths {
		lex[strings.ToLower(m)] |= roleMonth
		lex[strings.ToLower(m[:3])] |= roleMonth
	}
	lex["sept"] |= roleMonth
	return lex
}()

// is reports whether the token can play role r.
func (t *token) is(r wordRole) bool { return t.role&r != 0 }
