package check

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tsagmerge/ingest"
)

// residuePattern is one sort of review left-over that people paste into
// the text by accident, and what to call it.
type residuePattern struct {
	re *regexp.Regexp
	// hints are literals of which every match holds one. A text without
	// any is not searched: almost no paragraph has residue, and a search
	// for a pattern with no literal start (\b, (?i), a class) tries it at
	// every byte of the text.
	hints []string
	what  string
}

// mayMatch reports whether text holds one of the pattern's hints.
func (p residuePattern) mayMatch(text string) bool {
	for _, h := range p.hints {
		if strings.Contains(text, h) {
			return true
		}
	}
	return false
}

// residuePatterns gives the patterns matched against every paragraph and
// note. Each was seen in a published report or is what Word leaves when a
// field breaks. They are compiled on first use, not at start-up, which
// every command would pay for (the mention's classes cost most).
var residuePatterns = sync.OnceValue(func() []residuePattern {
	return []residuePattern{
		// Word's "Comment by NAME:" from copying a commented passage.
		{regexp.MustCompile(`Comment by \p{Lu}[^:\n]{0,60}?:`), []string{"Comment by "}, "a reviewer's comment pasted into the text"},
		{regexp.MustCompile(`(?i)\[bookmark:[^\]]*\]`), []string{"["}, "a Word bookmark pasted as text"},
		{regexp.MustCompile(`(?i)\[(?:TBC|TBD)\b[^\]]{0,80}\]`), []string{"["}, "a placeholder left in"},
		{regexp.MustCompile(`\bTB[CD]\b`), []string{"TB"}, "a placeholder left in"},
		// XX, XXX, xxx as words: not XXI (a numeral) nor X.1280 (a Recommendation).
		{regexp.MustCompile(`\b(?:XX+|xx+)\b`), []string{"XX", "xx"}, "a placeholder left in"},
		{regexp.MustCompile(`\?{3,}`), []string{"???"}, "a placeholder left in"},
		// A broken field: "Error! Reference source not found.", "Error! Bookmark not defined." …
		{regexp.MustCompile(`Error! [A-Z][A-Za-z -]{3,60}\.`), []string{"Error! "}, "a broken cross-reference (Word field error)"},
		{mention(), []string{"@"}, "an @mention left from a review"},
	}
})

// mention gives the pattern of an @mention as Word writes it: "@Name" or
// "@Name Surname". An e-mail address is told apart by what stands before
// the "@". Names are capitalised words; "@ITU" or "@ITU_Europe" is a
// handle, not a mention.
var mention = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`@\p{Lu}\p{Ll}[\p{L}\p{M}'’-]*(?: \p{Lu}\p{Ll}[\p{L}\p{M}'’-]*)?`)
})

// span is one match in a text.
type span struct {
	start, end int
	what       string
}

// residueSpans finds the residue in one text, earliest first, leaving out
// matches that overlap an earlier one ("[TBC]" is one finding, not two).
func residueSpans(text string) []span {
	var all []span
	for _, p := range residuePatterns() {
		if !p.mayMatch(text) {
			continue
		}
		for _, m := range p.re.FindAllStringIndex(text, -1) {
			if p.re == mention() && !isMention(text, m[0], m[1]) {
				continue
			}
			all = append(all, span{m[0], m[1], p.what})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	var out []span
	for _, s := range all {
		if n := len(out); n > 0 && s.start < out[n-1].end {
			continue
		}
		out = append(out, s)
	}
	return out
}

// isMention reports whether the match [start, end) is a mention: its "@"
// stands at the start or after a space or an opening mark (not inside an
// address like a@b.org), and no handle characters follow it.
func isMention(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsSpace(r) && !strings.ContainsRune("([{“\"'‘«", r) {
			return false
		}
	}
	if camelCase(text[start+1 : end]) {
		return false // a code annotation such as @XmlRootElement
	}
	rest := text[end:]
	switch {
	case rest == "":
		return true
	case rest[0] == '_' || rest[0] == '@' || rest[0] >= '0' && rest[0] <= '9':
		return false // a handle or an address goes on
	case rest[0] == '.':
		return len(rest) == 1 || rest[1] == ' ' // a full stop, not a domain
	}
	return true
}

// camelCase reports whether a word has a capital after two small letters,
// as identifiers do ("XmlRootElement") and names rarely do ("McNeil").
func camelCase(word string) bool {
	small := 0
	for _, r := range word {
		switch {
		case unicode.IsUpper(r) && small >= 2:
			return true
		case unicode.IsLower(r):
			small++
		default:
			small = 0
		}
	}
	return false
}

// residue reports review left-overs in the body and the notes, and text
// left highlighted or hidden.
func residue(d *ingest.Document, _ Options) []Finding {
	var out []Finding
	for _, p := range d.Paragraphs {
		for _, s := range residueSpans(p.Text) {
			out = append(out, residueFinding(s, p.Text, sectionTitle(d, p), p.Index, ""))
		}
	}
	notes := func(kind string, ns []*ingest.Note) {
		for _, n := range ns {
			for _, s := range residueSpans(n.Text) {
				out = append(out, residueFinding(s, n.Text, "", 0, fmt.Sprintf(" (in %s %s)", kind, n.ID)))
			}
		}
	}
	notes("footnote", d.Footnotes)
	notes("endnote", d.Endnotes)
	out = append(out, marks(highlighted(d.Highlights), func(m *ingest.Mark) string { return m.Color + "-highlighted text" })...)
	out = append(out, marks(d.Hidden, func(*ingest.Mark) string { return "hidden text" })...)
	return out
}

func residueFinding(s span, text, section string, para int, where string) Finding {
	return Finding{
		Kind: Residue, Section: section, Paragraph: para,
		Text:    s.what + ": “" + oneLine(text[s.start:s.end]) + "”" + where,
		Context: excerpt(text, s.start, s.end),
	}
}

// marks reports highlighted or hidden runs, one finding per paragraph and
// sort (consecutive runs of a paragraph are one stretch of text).
func marks(ms []*ingest.Mark, what func(*ingest.Mark) string) []Finding {
	var out []Finding
	for i := 0; i < len(ms); {
		var b strings.Builder // a paragraph may hold thousands of such runs
		b.WriteString(ms[i].Text)
		j := i + 1
		for ; j < len(ms) && ms[j].Paragraph == ms[i].Paragraph && what(ms[j]) == what(ms[i]); j++ {
			b.WriteString(ms[j].Text)
		}
		text := b.String()
		if strings.TrimSpace(text) != "" {
			out = append(out, Finding{
				Kind: Residue, Section: ms[i].Section, Paragraph: ms[i].Paragraph,
				Text: what(ms[i]) + ": “" + clip(text) + "”", Context: clip(text),
			})
		}
		i = j
	}
	return out
}

// highlighted drops the runs whose highlight is "none" (Word writes it to
// switch off a style's highlight) or white (invisible on the page).
func highlighted(ms []*ingest.Mark) []*ingest.Mark {
	var out []*ingest.Mark
	for _, m := range ms {
		if m.Color != "" && m.Color != "none" && m.Color != "white" {
			out = append(out, m)
		}
	}
	return out
}
