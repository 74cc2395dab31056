// Package validate checks a written .docx against the invariants Word
// relies on (Package) and checks that a consolidated report still says
// everything its sources said (Content). consolidate runs both on every
// output before it is kept, so a broken merge is refused, not published.
package validate

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Problem is one broken invariant.
type Problem struct {
	// Part is the part the problem is in ("word/document.xml"), or a region
	// code for Content's problems; empty for the package as a whole.
	Part string
	// Rule names the invariant, one of the Rule constants.
	Rule string
	// Detail says what exactly is wrong, naming the id, name or text.
	Detail string
}

// Error returns the problem as one line: "part: rule: detail".
func (p Problem) Error() string {
	if p.Part == "" {
		return p.Rule + ": " + p.Detail
	}
	return p.Part + ": " + p.Rule + ": " + p.Detail
}

// The rules Package checks.
const (
	RuleOpen            = "open"           // the bytes open as a Word package
	RuleContentType     = "content-type"   // every entry has a content type
	RuleOverride        = "override"       // every Override names an existing part
	RuleXML             = "xml"            // every XML part is well-formed
	RuleNamespace       = "namespace"      // every prefix used is declared in scope
	RuleIgnorable       = "ignorable"      // every prefix in mc:Ignorable is declared
	RuleRelsTarget      = "rels-target"    // every internal relationship target exists
	RuleRelsID          = "rels-id"        // relationship ids are unique in a .rels part
	RuleRelRef          = "rel-ref"        // every r:* attribute names a relationship of its part
	RuleMainPart        = "main-part"      // the package names an existing main document
	RuleCommentID       = "comment-id"     // comment ids are unique
	RuleCommentRef      = "comment-ref"    // every comment mark names an existing comment
	RuleCommentRange    = "comment-range"  // comment range starts and ends pair up
	RuleCommentOrphan   = "comment-orphan" // every comment is referenced from the text
	RuleCommentEx       = "comment-ex"     // commentsExtended paraIds name comment paragraphs
	RuleBookmarkID      = "bookmark-id"    // bookmark ids are unique
	RuleBookmarkName    = "bookmark-name"  // bookmark names are unique
	RuleBookmarkPair    = "bookmark-pair"  // every bookmarkStart has its bookmarkEnd and back
	RuleRevisionID      = "revision-id"    // revision ids are unique in the document
	RuleMoveRange       = "move-range"     // move range starts and ends pair up
	RuleNoteID          = "note-id"        // footnote and endnote ids are unique
	RuleNoteRef         = "note-ref"       // every note reference names an existing note
	RuleDocPrID         = "docpr-id"       // wp:docPr ids are unique across the stories
	RuleParaID          = "para-id"        // w14:paraId values are unique and < 0x80000000
	RuleNumbering       = "numbering"      // every numId and abstractNumId used exists
	RuleStyle           = "style"          // every style id used exists in styles.xml
	RuleBodySectPr      = "body-sectpr"    // one body-level sectPr, the body's last child
	RuleTableRow        = "table-row"      // every w:tbl has a w:tr
	RuleCellEnd         = "cell-end"       // every w:tc ends with a w:p
	RuleRegionMissing   = "region-missing" // Content: a source region is not in the output
	RuleTextLost        = "text-lost"      // Content: source text missing from the output
	RuleTextAdded       = "text-added"     // Content: output text that no source has
	RuleCount           = "count"          // Content: a count differs from the sources'
	RuleFormat          = "format"         // Content: a paragraph's direction, alignment or script look changed
	RuleBadClaim        = "bad-claim"      // Content: the merge's report drops what the source does not have
	maxProblemsPerGroup = 20               // per part and rule, so one bug cannot flood
)

// report collects problems, keeping at most maxProblemsPerGroup of each
// part and rule and counting the rest.
type report struct {
	problems []Problem
	seen     map[[2]string]int
}

func (r *report) add(part, rule, format string, args ...any) {
	if r.seen == nil {
		r.seen = map[[2]string]int{}
	}
	key := [2]string{part, rule}
	r.seen[key]++
	if r.seen[key] <= maxProblemsPerGroup {
		r.problems = append(r.problems, Problem{Part: part, Rule: rule, Detail: clip(fmt.Sprintf(format, args...))})
	}
}

// clip shortens a detail that quotes a long hostile value.
func clip(s string) string {
	const max = 200
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// merge appends another report's problems, applying this report's cap.
func (r *report) merge(o *report) {
	for _, p := range o.problems {
		r.add(p.Part, p.Rule, "%s", p.Detail)
	}
	for key, n := range o.seen {
		if extra := n - maxProblemsPerGroup; extra > 0 {
			r.seen[key] += extra
		}
	}
}

// result returns the problems, adding one line per group that overflowed.
func (r *report) result() []Problem {
	var over [][2]string
	for key, n := range r.seen {
		if n > maxProblemsPerGroup {
			over = append(over, key)
		}
	}
	sort.Slice(over, func(i, j int) bool {
		return over[i][0]+"\x00"+over[i][1] < over[j][0]+"\x00"+over[j][1]
	})
	out := r.problems
	for _, key := range over {
		out = append(out, Problem{Part: key[0], Rule: key[1],
			Detail: fmt.Sprintf("… and %d more of the same", r.seen[key]-maxProblemsPerGroup)})
	}
	return out
}
