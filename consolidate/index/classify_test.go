package index

import (
	"strings"
	"testing"
)

// TestEventWords holds eventWords to looking each word up lower-cased.
func TestEventWords(t *testing.T) {
	texts := append(startTexts(t), "The Workshops were HELD", "Co-Organized by İstanbul", "ÉTUDE project", "Labs", "glass")
	for _, s := range texts {
		var verb, noun bool
		for _, w := range strings.FieldsFunc(s, notInWord) {
			verb = verb || eventVerbs[strings.ToLower(w)]
			noun = noun || eventNouns[nounKey(w)]
		}
		if v, n := eventWords(s, strings.ToLower(s)); v != verb || n != noun {
			t.Errorf("eventWords(%q) = %v, %v; want %v, %v", s, v, n, verb, noun)
		}
	}
}
