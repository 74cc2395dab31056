package index

import (
	"regexp/syntax"
)

// anyOf matches a text when any of its patterns does, as their alternation
// "(?:a)|(?:b)|…" would. Go's regexp tries an alternation of phrases at
// every position of a text; one by one, each phrase is tried only when the
// text holds one of the words every match of it holds, and then only where
// a match can start (see startRegexp).
type anyOf []guardedRegexp

type guardedRegexp struct {
	// literals are texts a match holds one of; none when nothing is known.
	literals []string
	re       *startRegexp
}

// mustAnyOf gives the patterns, compiled on first use; it panics when one
// does not parse.
func mustAnyOf(patterns ...string) anyOf {
	var a anyOf
	for _, p := range patterns {
		a = append(a, guardedRegexp{literals: requiredLiterals(p), re: lazyStartRegexp(p)})
	}
	return a
}

// MatchString reports whether any of the patterns matches s.
func (a anyOf) MatchString(s string) bool {
	for _, g := range a {
		if (len(g.literals) == 0 || containsAny(s, g.literals)) && g.re.matchString(s) {
			return true
		}
	}
	return false
}

// requiredLiterals gives texts every match of pattern holds one of: among
// the parts a match goes through in turn, a literal text ("with" in
// `coordinat\w*\s+with`) or a choice of literal texts ("is|are"), the one
// whose shortest text is the longest. Parts that ignore case do not count.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic("index: " + err.Error())
	}
	parts := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		parts = re.Sub
	}
	var best []string
	shortest := 0
	for _, p := range parts {
		lits := literalChoice(p)
		n := 0
		for i, l := range lits {
			if i == 0 || len(l) < n {
				n = len(l)
			}
		}
		if n > shortest {
			best, shortest = lits, n
		}
	}
	return best
}

// literalChoice gives the texts re matches when it is a case-sensitive
// literal or a choice of such literals; nil otherwise.
func literalChoice(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase == 0 {
			return []string{string(re.Rune)}
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			lits := literalChoice(sub)
			if lits == nil {
				return nil
			}
			out = append(out, lits...)
		}
		return out
	}
	return nil
}
