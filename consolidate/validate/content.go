package validate

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// RevisionMode says what the merge did with the sources' tracked changes.
type RevisionMode int

// The ways of handling tracked changes.
const (
	KeepRevisions   RevisionMode = iota // carried over, still tracked (a draft)
	AcceptRevisions                     // accepted: insertions kept, deletions gone
	RejectRevisions                     // rejected: the text as it was before them
)

// Expectations are the differences between the output and its sources that
// the merge intended. The zero value is a draft: everything carried over.
type Expectations struct {
	Revisions RevisionMode
	// DropComments is true when the sources' comments were left out.
	DropComments bool
	// Regions holds, by region code, what the merge's report says it did
	// to each region's paragraphs (accounting.go): every other source
	// paragraph must stand in the output.
	Regions map[string]RegionClaims
}

// ReadBack reads written .docx bytes with the same reader the inputs went
// through, for Content; name is used in messages.
func ReadBack(name string, data []byte) (*ingest.Document, error) {
	p, err := opc.OpenBytes(name, data)
	if err != nil {
		return nil, err
	}
	return ingest.ReadPackage(p)
}

// Content checks that the output says everything its inputs said. It
// splits the output into regions at their level-1 headings (what comes
// before the first is the template's) and accounts for every source
// paragraph: it is carried (compared, typed heading numbers and tracked
// changes as expect says aside), or it is the region heading, or it is
// dropped as the merge's report states (expect.Regions, checked against
// the source: a claimed drop the source does not have is a problem).
// Anything else missing from the output is lost text. It then compares
// the figures, tables, notes, hyperlinks, comments and revisions each side
// holds. Comments that no text references, or whose reference a rejected
// insertion or an accepted deletion takes away, are shown nowhere and not
// expected.
func Content(out *ingest.Document, inputs []*ingest.Document, expect Expectations) []Problem {
	return ReadSources(inputs, expect.Revisions).Content(out, expect)
}

// Content is the package function Content, with the inputs' side read
// beforehand (by ReadSources, for the mode expect says; for another mode
// they are read again).
func (s *Sources) Content(out *ingest.Document, expect Expectations) []Problem {
	return s.Check(outputOf(out), expect)
}

// Check is Content on an output read by ReadOutput.
func (s *Sources) Check(output *Output, expect Expectations) []Problem {
	out := output.Doc
	if expect.Revisions != s.mode {
		s = ReadSources(s.docs, expect.Revisions)
	}
	inputs := s.docs
	var rep report
	acc := map[string]*account{}
	for _, in := range inputs {
		a := &account{}
		a.carried, a.heading, a.dropped = accounted(&rep, in.Region.Code, in, claimsFor(expect, in))
		acc[in.Region.Code] = a
	}
	spans := regionSpans(out, inputs, acc)
	// The comparisons only read the documents: they run side by side,
	// each into its own report, merged in a fixed order.
	var checks []func(*report)
	for _, in := range inputs {
		checks = append(checks, func(rep *report) { compareRegion(rep, out, s.source(in), spans, acc, expect) })
	}
	checks = append(checks,
		func(rep *report) { compareItems(rep, out, inputs, spans, acc, expect) },
		func(rep *report) { checkColours(rep, output, s, spans, acc) },
		func(rep *report) { checkSections(rep, output, s, spans, acc) })
	for _, r := range runAll(checks) {
		rep.merge(r)
	}
	return rep.result()
}

// compareRegion compares one region's text with its source, and, when
// that is the same, its formatting.
func compareRegion(rep *report, out *ingest.Document, src *source, spans map[string]span, acc map[string]*account, expect Expectations) {
	in := src.doc
	code := in.Region.Code
	sp, ok := spans[code]
	if !ok {
		rep.add(code, RuleRegionMissing, "the output has no level-1 heading for %s (%s)", code, in.Path)
		return
	}
	if compareText(rep, code, src, acc[code].carried, out, out.Paragraphs[sp.from:sp.to], expect) {
		compareFormat(rep, code, src, acc[code].carried, out, out.Paragraphs[sp.from:sp.to], expect)
	}
}

// runAll runs the checks side by side (runJobs) and returns their
// reports in the checks' order.
func runAll(checks []func(*report)) []*report {
	reps := make([]*report, len(checks))
	jobs := make([]func(), len(checks))
	for i, check := range checks {
		reps[i] = &report{}
		jobs[i] = func() { check(reps[i]) }
	}
	runJobs(jobs)
	return reps
}

// account is a source's paragraphs as the report's claims split them.
type account struct {
	carried []*ingest.Paragraph
	heading *ingest.Paragraph
	dropped map[int]bool // paragraph Index
}

// span is a region's paragraphs in the output: indexes into
// Document.Paragraphs, from its heading to the next region's.
type span struct{ from, to int }

// regionSpans finds each input region's heading among the output's
// level-1 headings, by the report's canonical heading or the source's own
// (as it reads with its tracked changes accepted, or rejected), matched as
// ingest's region heading rule matches them (ingest.HeadingKey).
func regionSpans(out *ingest.Document, inputs []*ingest.Document, acc map[string]*account) map[string]span {
	titles := map[string]string{} // normalised heading → region code
	for _, in := range inputs {
		code := in.Region.Code
		if info, _, ok := ingest.RegionByCode(code); ok {
			titles[ingest.HeadingKey(info.Heading)] = code
		}
		if h := acc[code].heading; h != nil {
			titles[ingest.HeadingKey(h.Text)] = code
			titles[ingest.HeadingKey(h.Original)] = code
		}
	}
	spans := map[string]span{}
	last := ""
	for i, p := range out.Paragraphs {
		if p.Heading != 1 {
			continue
		}
		code, ok := titles[ingest.HeadingKey(p.Text)]
		if !ok {
			continue
		}
		if last != "" {
			s := spans[last]
			s.to = i
			spans[last] = s
		}
		if _, dup := spans[code]; !dup {
			spans[code] = span{from: i, to: len(out.Paragraphs)}
			last = code
		}
	}
	return spans
}

// normalise collapses white space (no-break spaces, tabs, line breaks) so
// that layout differences do not count as lost text. Most paragraphs need
// nothing done and are returned as they are, without allocating.
func normalise(s string) string {
	if isNormal(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormal reports whether s has no white space but single spaces between
// words.
func isNormal(s string) bool {
	prevSpace := true // a leading space is not normal
	// Most text is ASCII: its bytes are judged without decoding runes.
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		switch c := s[i]; {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		default:
			prevSpace = false
		}
	}
	for _, r := range s[i:] {
		if !unicode.IsSpace(r) {
			prevSpace = false
			continue
		}
		if r != ' ' || prevSpace {
			return false
		}
		prevSpace = true
	}
	return !prevSpace || s == ""
}

// paraLines returns the comparable text of a document's paragraphs
// (paraLine), empty ones left out, as they read with their tracked
// changes accepted, or before them.
func paraLines(d *ingest.Document, paras []*ingest.Paragraph, before bool) []string {
	inferred := inferredHeadings(d)
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		if t := paraLine(p, inferred, before); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// paraLine returns the comparable text of a paragraph: normalised, a
// heading without its typed number. Headings ingest inferred from bold
// text in a file without heading styles (inferred, by Index) are compared
// whole: the merge carries them as the bold paragraphs they are, so the
// output does not read them as headings.
func paraLine(p *ingest.Paragraph, inferred map[int]bool, before bool) string {
	t := p.Text
	if before {
		t = p.Original
	}
	t = normalise(t)
	if p.Heading > 0 && !inferred[p.Index] {
		t = ingest.HeadingTitle(t)
	}
	return t
}

// compareText compares a region's paragraphs, heading excluded, with the
// source's paragraphs that are to be carried, in the views the revision
// mode fixes. It reports whether they say the same.
func compareText(rep *report, code string, src *source, carried []*ingest.Paragraph, out *ingest.Document, outParas []*ingest.Paragraph, expect Expectations) bool {
	if len(outParas) > 0 {
		outParas = outParas[1:] // the output's region heading
	}
	type view struct {
		name                 string
		srcBefore, outBefore bool
		enabled              bool
	}
	views := []view{
		{"", false, false, expect.Revisions != RejectRevisions},
		{"", true, false, expect.Revisions == RejectRevisions},
		{" (the text before its tracked changes)", true, true, expect.Revisions == KeepRevisions},
	}
	for _, v := range views {
		// A later view would repeat what an earlier one found.
		if v.enabled && diffLines(rep, code, v.name, src.lines(carried, v.srcBefore), paraLines(out, outParas, v.outBefore)) > 0 {
			return false
		}
	}
	return true
}

// diffLines reports where two paragraph sequences differ, one problem per
// run of changed paragraphs, and returns how many it reported.
func diffLines(rep *report, code, view string, src, out []string) (n int) {
	if slices.Equal(src, out) {
		return 0 // what a merge that lost nothing gives, without a diff
	}
	dmp := diffmatchpatch.New()
	a, b, table := dmp.DiffLinesToRunes(strings.Join(src, "\n")+"\n", strings.Join(out, "\n")+"\n")
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), table)
	for i := 0; i < len(diffs); i++ {
		d := diffs[i]
		if d.Type != diffmatchpatch.DiffEqual {
			n++
		}
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			lost := splitLines(d.Text)
			if i+1 < len(diffs) && diffs[i+1].Type == diffmatchpatch.DiffInsert {
				added := splitLines(diffs[i+1].Text)
				i++
				rep.add(code, RuleTextLost, "source text%s changed in the output: %s", view, firstDifference(lost[0], added[0]))
				continue
			}
			rep.add(code, RuleTextLost, "%s of the source%s not in the output, from %q", paragraphs(len(lost)), view, snippet(lost[0], 0))
		case diffmatchpatch.DiffInsert:
			added := splitLines(d.Text)
			rep.add(code, RuleTextAdded, "%s%s in the output that the source does not have, from %q", paragraphs(len(added)), view, snippet(added[0], 0))
		}
	}
	return n
}

func splitLines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func paragraphs(n int) string {
	if n == 1 {
		return "1 paragraph"
	}
	return fmt.Sprintf("%d paragraphs", n)
}

// firstDifference shows where two versions of a paragraph part, with a
// little context.
func firstDifference(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return fmt.Sprintf("%q became %q", snippet(a, n), snippet(b, n))
}

// snippet returns about 60 characters of s around rune offset at.
func snippet(s string, at int) string {
	const before, width = 20, 60
	r := []rune(s)
	from := max(0, at-before)
	to := min(len(r), from+width)
	out := string(r[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(r) {
		out += "…"
	}
	return out
}
