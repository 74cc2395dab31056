package diff

import (
	"fmt"
	"strings"
)

// Summary says in one line what changed, e.g. "3 paragraphs changed, 1
// added; 1 comment resolved", or "identical".
func (r *Result) Summary() string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(tally("section", countBy(r.Sections, func(c SectionChange) Change { return c.Change })))
	add(tally("paragraph", countBy(r.Paragraphs, func(c ParagraphChange) Change { return c.Change })))
	add(tally("comment", countBy(r.Comments, func(c CommentChange) Change { return c.Change })))
	add(tally("tracked change", countBy(r.Revisions, func(c RevisionChange) Change { return c.Change })))
	add(tally("figure", countBy(r.Figures, func(c FigureChange) Change { return c.Change })))
	add(tally("table", countBy(r.Tables, func(c TableChange) Change { return c.Change })))
	for _, c := range r.Counts {
		add(fmt.Sprintf("%s %d → %d", c.What, c.Old, c.New))
	}
	if len(parts) == 0 {
		return "identical"
	}
	return strings.Join(parts, "; ")
}

// changeOrder is the order in which a summary names the kinds of change.
var changeOrder = []Change{Changed, Renamed, Replaced, Moved, Resolved, Reopened, Added, Removed}

// tally phrases counts of changes to one kind of unit: "3 paragraphs
// changed, 1 added".
func tally(noun string, counts map[Change]int) string {
	var out []string
	for _, ch := range changeOrder {
		n := counts[ch]
		if n == 0 {
			continue
		}
		verb := string(ch)
		if noun == "tracked change" && ch == Removed {
			verb = "gone (accepted or rejected)"
		}
		if len(out) == 0 {
			out = append(out, fmt.Sprintf("%d %s %s", n, plural(noun, n), verb))
		} else {
			out = append(out, fmt.Sprintf("%d %s", n, verb))
		}
	}
	return strings.Join(out, ", ")
}

func plural(noun string, n int) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// countBy counts a list of changes by their kind.
func countBy[T any](cs []T, change func(T) Change) map[Change]int {
	m := map[Change]int{}
	for _, c := range cs {
		m[change(c)]++
	}
	return m
}
