package index

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// startRegexp finds the matches of a regular expression by trying it only
// where a match can start. Go's regexp tries a pattern at every position of
// a text, and the date, head-count and Recommendation patterns open with
// long alternations that cost something at each try, while a match can
// only start at a digit, a month name or a few words. The bytes a match can
// start with are worked out from the pattern, so the matches are those of
// (*regexp.Regexp).FindAllStringSubmatchIndex, found several times faster.
type startRegexp struct {
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
	// character ([0]) and after a word character ([1]).
	first [2]*[256]bool
}

// mustStartRegexp compiles pattern; it panics when the pattern does not
// compile or can match the empty text (where any position is a start).
func mustStartRegexp(pattern string) *startRegexp {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		panic("index: " + err.Error())
	}
	x := &startRegexp{
		re:           regexp.MustCompile(pattern),
		afterNonWord: regexp.MustCompile(`^(?:` + pattern + `)`),
		afterWord:    regexp.MustCompile(`^[0-9A-Za-z_](?:` + pattern + `)`),
	}
	for i, prevWord := range []bool{false, true} {
		set := new([256]bool)
		if firstBytes(re, boundaryFree(prevWord), set) {
			panic("index: pattern can match empty text: " + pattern)
		}
		x.first[i] = set
	}
	return x
}

// findAll returns the matches of the pattern in s, leftmost first and not
// overlapping, as submatch index pairs, like
// (*regexp.Regexp).FindAllStringSubmatchIndex(s, -1).
func (x *startRegexp) findAll(s string) [][]int {
	var out [][]int
	for c := 0; c < len(s); {
		if g := x.matchAt(s, c); g != nil {
			out = append(out, g)
			c = g[1]
			continue
		}
		c += runeLen(s, c)
	}
	return out
}

// matchAt returns the match starting at byte c of s, if any.
func (x *startRegexp) matchAt(s string, c int) []int {
	prevWord := c > 0 && isWordByte(s[c-1])
	if prevWord {
		if !x.first[1][s[c]] {
			return nil
		}
		return shifted(x.afterWord.FindStringSubmatchIndex(s[c-1:]), c-1, c)
	}
	if !x.first[0][s[c]] {
		return nil
	}
	return shifted(x.afterNonWord.FindStringSubmatchIndex(s[c:]), c, c)
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

// boundary says what an assertion met before any character was read
// requires of the next character: nothing, a word character or a
// non-word character.
type boundary int

const (
	anyNext boundary = iota
	wordNext
	nonWordNext
)

// boundaryFree is the requirement \b makes of the next character after a
// previous character of the given kind.
func boundaryFree(prevWord bool) func(syntax.Op) boundary {
	return func(op syntax.Op) boundary {
		switch {
		case op == syntax.OpWordBoundary && prevWord, op == syntax.OpNoWordBoundary && !prevWord:
			return nonWordNext
		case op == syntax.OpWordBoundary, op == syntax.OpNoWordBoundary:
			return wordNext
		}
		return anyNext
	}
}

// firstBytes adds to set the first bytes of the texts re can match and
// reports whether it can match the empty text. need says what a word
// boundary assertion requires of the next character; assertions only ever
// narrow the set, so one that cannot be worked out is taken as no
// requirement.
func firstBytes(re *syntax.Regexp, need func(syntax.Op) boundary, set *[256]bool) (nullable bool) {
	return firstBytesNext(re, need, anyNext, set)
}

func firstBytesNext(re *syntax.Regexp, need func(syntax.Op) boundary, next boundary, set *[256]bool) bool {
	switch re.Op {
	case syntax.OpNoMatch:
		return false
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true
		}
		addRune(set, re.Rune[0], re.Flags&syntax.FoldCase != 0, next)
		return false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 0x80; r++ {
				addRune(set, r, false, next)
			}
			if re.Rune[i+1] >= 0x80 {
				addNonASCII(set, next)
			}
		}
		return false
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		for r := rune(0); r < 0x80; r++ {
			if r != '\n' || re.Op == syntax.OpAnyChar {
				addRune(set, r, false, next)
			}
		}
		addNonASCII(set, next)
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return firstBytesNext(re.Sub[0], need, next, set)
	case syntax.OpStar, syntax.OpQuest:
		firstBytesNext(re.Sub[0], need, next, set)
		return true
	case syntax.OpRepeat:
		return firstBytesNext(re.Sub[0], need, next, set) || re.Min == 0
	case syntax.OpAlternate:
		nullable := false
		for _, sub := range re.Sub {
			if firstBytesNext(sub, need, next, set) {
				nullable = true
			}
		}
		return nullable
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if b := need(sub.Op); b != anyNext {
				if next != anyNext && next != b {
					return false // contradictory assertions: no match
				}
				next = b
				continue
			}
			if !firstBytesNext(sub, need, next, set) {
				return false
			}
		}
		return true
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpEmptyMatch:
		return true
	}
	panic("index: unexpected regexp operator " + re.Op.String())
}

// addRune adds the first byte of r (and of its other cases when fold) to
// set, if it is a character that next allows.
func addRune(set *[256]bool, r rune, fold bool, next boundary) {
	add := func(r rune) {
		if r >= 0x80 {
			addNonASCII(set, next)
			return
		}
		word := isWordByte(byte(r))
		if next == anyNext || (next == wordNext) == word {
			set[r] = true
		}
	}
	add(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
}

// addNonASCII adds every byte that can open a non-ASCII character (or be
// invalid UTF-8): all of them are non-word characters.
func addNonASCII(set *[256]bool, next boundary) {
	if next == wordNext {
		return
	}
	for b := 0x80; b < 0x100; b++ {
		set[b] = true
	}
}
