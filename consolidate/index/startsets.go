package index

import (
	"regexp/syntax"
	"unicode"
)

// The analysis behind startRegexp: which bytes a pattern's matches can
// start with, given the character before them. It is worked out
// generously (the set may hold a byte no match starts with, never miss
// one), so that trying the pattern only where it allows finds every match.
// (startprefixes.go looks further, at the first bytes together.)

// byteSet is a set of bytes.
type byteSet [4]uint64

func (s *byteSet) add(b byte)      { s[b>>6] |= 1 << (b & 63) }
func (s *byteSet) has(b byte) bool { return s[b>>6]&(1<<(b&63)) != 0 }

func (s *byteSet) addAll(o *byteSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// noBoundary takes no assertion as a requirement.
func noBoundary(syntax.Op) boundary { return anyNext }

// boundary says what an assertion met before any character was read
// requires of the next character: nothing, a word character or a
// non-word character.
type boundary int

const (
	anyNext boundary = iota
	wordNext
	nonWordNext
)

// boundaryAfter is the requirement \b makes of the next character after a
// previous character of the given kind.
func boundaryAfter(prevWord bool) func(syntax.Op) boundary {
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
func firstBytes(re *syntax.Regexp, need func(syntax.Op) boundary, set *byteSet) (nullable bool) {
	return firstBytesNext(re, need, anyNext, set)
}

func firstBytesNext(re *syntax.Regexp, need func(syntax.Op) boundary, next boundary, set *byteSet) bool {
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
func addRune(set *byteSet, r rune, fold bool, next boundary) {
	add := func(r rune) {
		if r >= 0x80 {
			addNonASCII(set, next)
			return
		}
		word := isWordByte(byte(r))
		if next == anyNext || (next == wordNext) == word {
			set.add(byte(r))
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
func addNonASCII(set *byteSet, next boundary) {
	if next == wordNext {
		return
	}
	for b := 0x80; b < 0x100; b++ {
		set.add(byte(b))
	}
}
