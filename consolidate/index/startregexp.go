package index

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// startRegexp finds the matches of a regular expression by trying it only
// where a match can start. Go's regexp tries a pattern at every position of
// a text, and the date, head-count and Recommendation patterns open with
// long alternations that cost something at each try, while a match can
// only start at a digit, a month name or a few words. The bytes a match can
// start with are worked out from the pattern, so the matches are those of
// (*regexp.Regexp).FindAllStringSubmatchIndex, found several times faster.
//
// Working them out takes milliseconds for the long patterns, so a
// startRegexp is compiled when it is first used, not when the program
// starts: every command would pay for the index's patterns otherwise.
type startRegexp struct {
	pattern  string
	compiled func() *startMatcher
}

// startMatcher is a compiled startRegexp.
type startMatcher struct {
	// re is the pattern itself.
	re *regexp.Regexp
	// afterNonWord is the pattern anchored, tried on the text from a
	// candidate start: the start of a text is not a word character, so \b
	// sees there what it sees in the whole text when the byte before is
	// not one either.
	afterNonWord *regexp.Regexp
	// afterWord is the pattern anchored after one ASCII word character,
	// tried from the byte before the start, so that \b sees it.
	afterWord *regexp.Regexp
	// first holds the bytes a match can start with after a non-word
	// character ([0]) and after a word character ([1]); prefixes the
	// bytes it can start with together (nil when there are too many).
	first    [2]byteSet
	prefixes *prefixSet
	// starts is first[0] and first[1] together: an ASCII byte outside it
	// is passed over without looking at its context.
	starts byteSet
}

// lazyStartRegexp gives the startRegexp of pattern, compiled on first use
// (by compileStart, which panics on a bad pattern; the package's tests use
// every one).
func lazyStartRegexp(pattern string) *startRegexp {
	return &startRegexp{pattern: pattern, compiled: sync.OnceValue(func() *startMatcher { return compileStart(pattern) })}
}

// compileStart compiles pattern; it panics when the pattern does not
// compile or can match the empty text (where any position is a start).
func compileStart(pattern string) *startMatcher {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic("index: " + err.Error())
	}
	x := &startMatcher{
		re:           regexp.MustCompile(pattern),
		afterNonWord: regexp.MustCompile(`^(?:` + pattern + `)`),
		afterWord:    regexp.MustCompile(`^[0-9A-Za-z_](?:` + pattern + `)`),
	}
	for i, prevWord := range []bool{false, true} {
		if firstBytes(re, boundaryAfter(prevWord), &x.first[i]) {
			panic("index: pattern can match empty text: " + pattern)
		}
	}
	x.prefixes = matchPrefixes(re)
	x.starts = x.first[0]
	x.starts.addAll(&x.first[1])
	return x
}

// findAll returns the matches of the pattern in s, leftmost first and not
// overlapping, as submatch index pairs, like
// (*regexp.Regexp).FindAllStringSubmatchIndex(s, -1).
func (x *startRegexp) findAll(s string) [][]int {
	m := x.compiled()
	var out [][]int
	for g := m.find(s, 0); g != nil; g = m.find(s, g[1]) {
		out = append(out, g)
	}
	return out
}

// matchString reports whether the pattern matches somewhere in s.
func (x *startRegexp) matchString(s string) bool { return x.compiled().find(s, 0) != nil }

// find returns the leftmost match in s that starts at byte from or later.
func (x *startMatcher) find(s string, from int) []int {
	for c := from; c < len(s); {
		if s[c] < utf8.RuneSelf && !x.starts.has(s[c]) {
			c++
			continue
		}
		if g := x.matchAt(s, c); g != nil {
			return g
		}
		c += runeLen(s, c)
	}
	return nil
}

// matchAt returns the match starting at byte c of s, if any.
func (x *startMatcher) matchAt(s string, c int) []int {
	prevWord := c > 0 && isWordByte(s[c-1])
	if !x.mayStart(s, c, prevWord) {
		return nil
	}
	if prevWord {
		return shifted(x.afterWord.FindStringSubmatchIndex(s[c-1:]), c-1, c)
	}
	return shifted(x.afterNonWord.FindStringSubmatchIndex(s[c:]), c, c)
}

// mayStart reports whether a match can start at byte c of s by the byte
// before and the first bytes.
func (x *startMatcher) mayStart(s string, c int, prevWord bool) bool {
	ctx := 0
	if prevWord {
		ctx = 1
	}
	return x.first[ctx].has(s[c]) && (x.prefixes == nil || x.prefixes.allows(s[c:]))
}

// shifted moves the offsets of a match found in a text starting at byte
// base back to the whole text, the match itself starting at start.
func shifted(g []int, base, start int) []int {
	if g == nil {
		return nil
	}
	for i := range g {
		if g[i] >= 0 {
			g[i] += base
		}
	}
	g[0] = start
	return g
}

// runeLen is the width of the rune at byte c of s, as the regexp package
// steps over it (1 for a byte that is not valid UTF-8).
func runeLen(s string, c int) int {
	if s[c] < utf8.RuneSelf {
		return 1
	}
	_, n := utf8.DecodeRuneInString(s[c:])
	return n
}

// isWordByte reports whether c is a word character as \b sees it. A byte
// of a multi-byte character is not: \b takes all of those as non-word.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
