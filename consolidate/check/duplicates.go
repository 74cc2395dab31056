package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tsagmerge/ingest"
)

// An enumeration is a run of short comma-separated items within one clause
// of a sentence ("Ethiopia, Eswatini, The Gambia, … and Gabon"). The clause
// before the run ends with its first item ("… held for Ethiopia").
const (
	maxItemWords = 5 // longer pieces are prose, not items
	minRun       = 2 // short pieces in a row that make an enumeration
)

// duplicates reports items named twice in one enumeration of a sentence,
// and list paragraphs repeated in one list.
func duplicates(d *ingest.Document, _ Options) []Finding {
	var out []Finding
	for _, p := range d.Paragraphs {
		if p.InTable {
			continue // table cells repeat values by design
		}
		for _, dup := range enumerationDuplicates(p.Text) {
			out = append(out, Finding{
				Kind: DuplicateInList, Section: sectionTitle(d, p), Paragraph: p.Index,
				Text:    dup.text,
				Context: excerpt(p.Text, dup.at.start, dup.at.end),
			})
		}
	}
	return append(out, listDuplicates(d)...)
}

// duplicate is what enumerationDuplicates found in one enumeration: the
// message and the second mention of the first repeated item.
type duplicate struct {
	text string
	at   piece
}

// enumerationDuplicates finds the enumerations of a text that name an item
// twice.
func enumerationDuplicates(text string) []duplicate {
	// A clause without a comma has at most two items ("A and B"): fewer
	// than minItems even with the piece before them. So a text without a
	// comma is not cut at all, and clauses without one are passed over.
	if !hasComma(text, piece{0, len(text)}) {
		return nil
	}
	var out []duplicate
	for clause := range clauses(text) {
		if !hasComma(text, clause) {
			continue
		}
		items := splitItems(text, clause)
		for _, run := range shortRuns(text, items) {
			if dup, ok := repeated(text, items, run); ok {
				out = append(out, dup)
			}
		}
	}
	return out
}

func hasComma(text string, p piece) bool {
	return strings.IndexByte(text[p.start:p.end], ',') >= 0
}

// splitItems cuts a clause at its commas and its last piece at its
// conjunction ("Burkina Faso and Gabon"). Only the last piece is cut there,
// so "Trinidad and Tobago" inside a list stays one item.
func splitItems(text string, clause piece) []piece {
	items := commaItems(text, clause)
	last := items[len(items)-1]
	if cut, ok := lastConjunction(text[last.start:last.end]); ok {
		before, after := piece{last.start, last.start + cut.start}, piece{last.start + cut.end, last.end}
		items = items[:len(items)-1]
		if strings.TrimSpace(text[before.start:before.end]) != "" { // not ", and Gabon"
			items = append(items, before)
		}
		items = append(items, after)
	}
	return items
}

// shortRuns returns the index ranges [from, to) of runs of short items.
func shortRuns(text string, items []piece) [][2]int {
	var out [][2]int
	from := -1
	for i := 0; i <= len(items); i++ {
		short := i < len(items) && isShort(text[items[i].start:items[i].end])
		switch {
		case short && from < 0:
			from = i
		case !short && from >= 0:
			if i-from >= minRun {
				out = append(out, [2]int{from, i})
			}
			from = -1
		}
	}
	return out
}

func isShort(s string) bool {
	n := countFields(s, maxItemWords)
	return n >= 1 && n <= maxItemWords
}

// repeated looks for an item named twice in the run. The run's first item
// and the piece before the run may end with an item after some lead-in
// ("Workshops in Ghana", "… held for Ethiopia"), so their last words are
// matched too. Words at the start of the pieces after the run are not:
// there an item is as often the start of a longer name ("Windows Vista").
func repeated(text string, items []piece, run [2]int) (duplicate, bool) {
	type mention struct {
		key string
		at  piece
	}
	ms := make([]mention, 0, run[1]-run[0]+1)
	for i := run[0]; i < run[1]; i++ {
		ms = append(ms, mention{normalise(text[items[i].start:items[i].end]), items[i]})
	}
	others := map[string]bool{} // the keys of the run's items after its first
	for _, m := range ms[1:] {
		others[m.key] = true
	}
	if at, key, ok := leadIn(text, ms[0].at, others); ok {
		ms[0] = mention{key, at}
	}
	if run[0] > 0 {
		others[ms[0].key] = true
		if at, key, ok := leadIn(text, items[run[0]-1], others); ok {
			ms = append([]mention{{key, at}}, ms...)
		}
	}
	if len(ms) < minItems {
		return duplicate{}, false
	}
	seen := map[string]int{}
	var names []string
	var second piece
	for _, m := range ms {
		name := strings.Trim(oneLine(text[m.at.start:m.at.end]), itemPunct)
		if seen[m.key]++; seen[m.key] == 2 && looksLikeName(name) {
			if len(names) == 0 {
				second = m.at
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return duplicate{}, false
	}
	return duplicate{text: fmt.Sprintf("%s named twice in one list", joinNames(names)), at: second}, true
}

// minItems is how many items make a list worth checking; "Escribo,
// escribo" is a figure of speech.
const minItems = 3

// looksLikeName reports whether a repeated item is the kind an enumeration
// names (a country, an organisation, an event): it starts with a capital
// or a digit and has at least two letters. Repeated little words ("and",
// "may") and numbers are prose, code or references, not list items.
func looksLikeName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// leadIn finds, at the end of a piece, a few words that equal one of the
// keys: the first item after a lead-in ("… held for Ethiopia"). The word
// before them must not be capitalised, or they are the end of a longer
// name ("North Las Vegas" is not "Las Vegas").
func leadIn(text string, p piece, keys map[string]bool) (piece, string, bool) {
	words := lastWords(text, p, maxItemWords+1) // the item and the word before it
	for n := 1; n <= min(maxItemWords, len(words)); n++ {
		first := len(words) - n
		at := piece{words[first].start, words[len(words)-1].end}
		key := normalise(text[at.start:at.end])
		if key == "" || !keys[key] {
			continue
		}
		if first > 0 {
			r, _ := utf8.DecodeRuneInString(text[words[first-1].start:])
			if unicode.IsUpper(r) {
				continue
			}
		}
		return at, key, true
	}
	return piece{}, "", false
}

// normalise makes list items comparable: lower case, single spaces, no
// leading "and"/"the", no surrounding punctuation.
func normalise(s string) string {
	s = strings.ToLower(oneLine(s))
	for _, lead := range []string{"and ", "or ", "& ", "the "} {
		s = strings.TrimPrefix(s, lead)
	}
	return strings.Trim(s, itemPunct)
}

// itemPunct is what may stand around a list item and is not part of it.
const itemPunct = " &.,;:!?\"'“”‘’()[]"

// joinNames writes "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// listDuplicates reports a list paragraph whose text an earlier item of
// the same list (same numbering, same level, no paragraph outside lists in
// between) already has. An item at a level forgets what the deeper levels
// held, so sub-items may repeat under different parents.
func listDuplicates(d *ingest.Document) []Finding {
	var out []Finding
	type level struct {
		num   string
		depth int
	}
	seen := map[level]map[string]bool{}
	for _, p := range d.Paragraphs {
		if p.List == nil || p.InTable {
			clear(seen) // a paragraph outside lists ends the lists
			continue
		}
		at := level{p.List.NumID, p.List.Level}
		for l := range seen {
			if l.num == at.num && l.depth > at.depth {
				delete(seen, l)
			}
		}
		key := normalise(p.Text)
		if key == "" {
			continue
		}
		if seen[at] == nil {
			seen[at] = map[string]bool{}
		}
		if seen[at][key] {
			out = append(out, Finding{
				Kind: DuplicateInList, Section: sectionTitle(d, p), Paragraph: p.Index,
				Text: "list item repeated in the same list: “" + clip(p.Text) + "”", Context: clip(p.Text),
			})
		}
		seen[at][key] = true
	}
	return out
}
