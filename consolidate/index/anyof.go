package index

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// anyOf matches a text when any of its patterns does, as their alternation
// "a|b|…" would. Go's regexp can skip ahead in a text only for a pattern
// that starts with a literal, never for an alternation of phrases; tried
// one by one, each phrase is tried only when the text holds the longest
// literal it is made of, which is much cheaper to look for.
type anyOf []guardedRegexp

type guardedRegexp struct {
	literal string // a text every match holds; "" when there is none
	re      *regexp.Regexp
}

// mustAnyOf compiles the patterns; it panics when one does not compile.
func mustAnyOf(patterns ...string) anyOf {
	var a anyOf
	for _, p := range patterns {
		a = append(a, guardedRegexp{literal: longestLiteral(p), re: regexp.MustCompile(p)})
	}
	return a
}

// MatchString reports whether any of the patterns matches s.
func (a anyOf) MatchString(s string) bool {
	for _, g := range a {
		if strings.Contains(s, g.literal) && g.re.MatchString(s) {
			return true
		}
	}
	return false
}

// longestLiteral is the longest literal text among the parts of a
// pattern that every match goes through in turn ("with" in
// `coordinat\w*\s+with`); "" when the pattern has none, or only ones that
// ignore case.
func longestLiteral(pattern string) string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic("index: " + err.Error())
	}
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	best := ""
	for _, p := range parts {
		if p.Op == syntax.OpLiteral && p.Flags&syntax.FoldCase == 0 && len(string(p.Rune)) > len(best) {
			best = string(p.Rune)
		}
	}
	return best
}
