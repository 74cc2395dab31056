package index

import (
	"maps"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// prefixLen is how many bytes of the start of a match a prefixSet holds:
// three tell "the" from "three", and "2025" from a day of the month.
const prefixLen = 3

// maxPrefixes bounds the prefixes worked out for a pattern: one whose
// matches can start in more ways (`\w\w\w`) is tried on its first byte.
const maxPrefixes = 8192

// prefixSet holds the starts of the matches of a pattern: their first
// prefixLen bytes, or all of a shorter match. A start ends early, before a
// non-ASCII character, too. The text after a start is not known, so a
// text that begins with any of them may hold a match there.
type prefixSet struct {
	byLen [prefixLen + 1]map[string]bool // the starts by their length
	// second[b] holds the bytes that can follow b, for a quicker first
	// look than the maps
	second [256]byteSet
}

// allows reports whether a match can begin the text s.
func (p *prefixSet) allows(s string) bool {
	if len(s) >= 2 && !p.second[s[0]].has(s[1]) {
		return false
	}
	for n := prefixLen; n >= 0; n-- {
		if p.byLen[n] != nil && n <= len(s) && p.byLen[n][s[:n]] {
			return true
		}
	}
	return false
}

// matchPrefixes works out the prefixSet of re; nil when there are more
// than maxPrefixes.
func matchPrefixes(re *syntax.Regexp) *prefixSet {
	w := prefixWork{}
	starts := w.of(re, prefixLen)
	if w.tooMany {
		return nil
	}
	out := &prefixSet{}
	for p := range starts {
		// a shorter start allows whatever follows it
		if out.byLen[len(p)] == nil {
			out.byLen[len(p)] = map[string]bool{}
		}
		out.byLen[len(p)][p] = true
		switch len(p) {
		case 0:
			for b := range out.second {
				out.second[b] = allBytes
			}
		case 1:
			out.second[p[0]] = allBytes
		default:
			out.second[p[0]].add(p[1])
		}
	}
	return out
}

// starts maps a start of the texts of a part of a pattern to whether it
// is finished: as long as asked for or cut short before a non-ASCII
// character. An unfinished one is a whole text of the part, which the
// parts after it go on.
type starts map[string]bool

// allBytes holds every byte.
var allBytes = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// prefixWork works the starts out, part by part.
type prefixWork struct {
	tooMany bool
}

// emptyText gives the starts of the empty text.
func emptyText() starts { return starts{"": false} }

// of gives the starts of the texts of re, at most n bytes long.
func (w *prefixWork) of(re *syntax.Regexp, n int) starts {
	if w.tooMany {
		return starts{}
	}
	switch re.Op {
	case syntax.OpNoMatch:
		return starts{}
	case syntax.OpLiteral:
		out := emptyText()
		for _, r := range re.Rune {
			out = w.then(out, runeStarts(r, re.Flags&syntax.FoldCase != 0), n)
		}
		return out
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return classStarts(re)
	case syntax.OpCapture:
		return w.of(re.Sub[0], n)
	case syntax.OpConcat:
		out := emptyText()
		for _, sub := range re.Sub {
			// the parts after are needed only for what is unfinished
			need := n - shortestOpen(out)
			if need <= 0 {
				break
			}
			out = w.then(out, w.of(sub, need), n)
		}
		return out
	case syntax.OpAlternate:
		out := starts{}
		for _, sub := range re.Sub {
			w.union(out, w.of(sub, n))
		}
		return out
	case syntax.OpQuest:
		return w.repeat(w.of(re.Sub[0], n), 0, 1, n)
	case syntax.OpStar:
		return w.repeat(w.of(re.Sub[0], n), 0, -1, n)
	case syntax.OpPlus:
		return w.repeat(w.of(re.Sub[0], n), 1, -1, n)
	case syntax.OpRepeat:
		return w.repeat(w.of(re.Sub[0], n), re.Min, re.Max, n)
	}
	// assertions: they consume nothing (and are not held against a text)
	return emptyText()
}

// shortestOpen is the length of the shortest unfinished start of s, or
// more than prefixLen when all are finished.
func shortestOpen(s starts) int {
	short := prefixLen + 1
	for p, done := range s {
		if !done {
			short = min(short, len(p))
		}
	}
	return short
}

// then gives the starts, at most n bytes long, of a text of a followed by
// a text of b.
func (w *prefixWork) then(a, b starts, n int) starts {
	out := starts{}
	for p, done := range a {
		if done {
			w.add(out, p, true)
			continue
		}
		for q, qdone := range b {
			pq := p + q
			if len(pq) >= n {
				w.add(out, pq[:n], true)
			} else {
				w.add(out, pq, qdone)
			}
		}
	}
	return out
}

// repeat gives the starts, at most n bytes long, of min to max texts of a
// in a row (max < 0: no limit). Starts depend on the starts before them
// only, so once a round adds nothing new, none after it will.
func (w *prefixWork) repeat(a starts, min, max, n int) starts {
	cur := emptyText()
	for i := 0; i < min; i++ {
		next := w.then(cur, a, n)
		if maps.Equal(next, cur) {
			break
		}
		cur = next
	}
	out := maps.Clone(cur)
	for i := min; (max < 0 || i < max) && !w.tooMany; i++ {
		cur = w.then(cur, a, n)
		if !w.union(out, cur) {
			break
		}
	}
	return out
}

// union adds b to a and reports whether that changed a.
func (w *prefixWork) union(a, b starts) (changed bool) {
	for p, done := range b {
		if was, ok := a[p]; !ok || done && !was {
			changed = true
		}
		w.add(a, p, done)
	}
	return changed
}

// add adds start p; a finished start covers an unfinished one of the same
// bytes (it allows whatever follows).
func (w *prefixWork) add(s starts, p string, done bool) {
	s[p] = s[p] || done
	if len(s) > maxPrefixes {
		w.tooMany = true
	}
}

// runeStarts gives the starts of the text of one character (and its other
// cases when fold).
func runeStarts(r rune, fold bool) starts {
	out := starts{}
	add := func(r rune) {
		if r < utf8.RuneSelf {
			out[string(r)] = false
		} else {
			out[""] = true // not looked at past a non-ASCII character
		}
	}
	add(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
	return out
}

// classStarts gives the starts of the texts of one character of a class.
func classStarts(re *syntax.Regexp) starts {
	out := starts{}
	var set byteSet
	firstBytes(re, noBoundary, &set)
	for b := 0; b < utf8.RuneSelf; b++ {
		if set.has(byte(b)) {
			out[string(rune(b))] = false
		}
	}
	for b := utf8.RuneSelf; b < 256; b++ {
		if set.has(byte(b)) {
			out[""] = true
			break
		}
	}
	return out
}
