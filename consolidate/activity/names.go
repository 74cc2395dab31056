package activity

import "sort"

// nameTable finds known names (countries, cities, partners) in a tokenized
// text. Names are matched token by token, so "Niger" never matches inside
// "Nigeria", and the longest name wins where several start at one token
// ("Democratic Republic of Congo" over "Congo").
type nameTable struct {
	byFirst map[string][]namePattern
	// initials are the first bytes of the names: a token starting with
	// another (every lower-case word) is no name's start.
	initials [256]bool
}

type namePattern struct {
	keys  []string
	entry int
}

// nameMatch is one occurrence of a name: the entry it names and the tokens
// it covers, First to Last inclusive.
type nameMatch struct {
	Entry       int
	First, Last int
}

func (t *nameTable) add(name string, entry int) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	keys := make([]string, len(toks))
	for i, tk := range toks {
		keys[i] = tk.Key
	}
	if t.byFirst == nil {
		t.byFirst = map[string][]namePattern{}
	}
	t.initials[keys[0][0]] = true
	list := append(t.byFirst[keys[0]], namePattern{keys: keys, entry: entry})
	sort.SliceStable(list, func(i, j int) bool { return len(list[i].keys) > len(list[j].keys) })
	t.byFirst[keys[0]] = list
}

// find returns the names in toks from left to right, without overlaps.
func (t *nameTable) find(toks []token) []nameMatch {
	var out []nameMatch
	for i := 0; i < len(toks); i++ {
		if !t.initials[toks[i].Key[0]] {
			continue
		}
		for _, p := range t.byFirst[toks[i].Key] {
			if p.matchAt(toks, i) {
				out = append(out, nameMatch{Entry: p.entry, First: i, Last: i + len(p.keys) - 1})
				i += len(p.keys) - 1
				break
			}
		}
	}
	return out
}

func (p namePattern) matchAt(toks []token, i int) bool {
	if i+len(p.keys) > len(toks) {
		return false
	}
	for k, key := range p.keys {
		if toks[i+k].Key != key {
			return false
		}
	}
	return true
}
