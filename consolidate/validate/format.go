package validate

import (
	"strconv"
	"strings"

	"tsagmerge/ingest"
)

// compareFormat checks, paragraph by paragraph, that a region reads in
// the output as in its source: the same direction and alignment, and,
// where it holds complex-script text, the same complex-script font, size,
// bold and italic, run by run. These are what the house-style rule leaves
// to a region in every style; the template may change the rest of the
// look of its own styles. It runs once the text is known to be the same,
// so the paragraphs pair up in order.
func compareFormat(rep *report, code string, in *ingest.Document, src []*ingest.Paragraph, out *ingest.Document, outParas []*ingest.Paragraph, expect Expectations) {
	dst := outParas
	if len(dst) > 0 {
		dst = dst[1:] // the output's region heading
	}
	srcBefore := expect.Revisions == RejectRevisions
	src, dst = withText(src, srcBefore), withText(dst, false)
	if len(src) != len(dst) {
		return // the text comparison pairs them otherwise; it has spoken
	}
	var kept []ingest.Prop // the run properties left to the region
	for k := ingest.Prop(0); int(k) < ingest.NumProps; k++ {
		if !k.IsParagraph() && (k == ingest.RTL || in.ComplexScript && k.IsComplexScript()) {
			kept = append(kept, k)
		}
	}
	for i, sp := range src {
		sf, of := in.Format(sp, srcBefore), out.Format(dst[i], false)
		for _, p := range []ingest.Prop{ingest.Bidi, ingest.Align} {
			if a, b := sf.Paragraph.Value(p), of.Paragraph.Value(p); a != b {
				rep.add(code, RuleFormat, "paragraph %d (%q): %s is %s in the source, %s in the output",
					sp.Index, snippet(sp.Text, 0), p.Name(), a, b)
			}
		}
		// Theme fonts are compared as the typefaces they show in, each
		// under its own document's theme, for the region's script.
		srcLook := func(p ingest.Props) ingest.Props { return in.ShownFonts(p) }
		outLook := func(p ingest.Props) ingest.Props { return out.FontsFor(p, in.Script) }
		if a, b := runLooks(sf.Runs, kept, srcLook), runLooks(of.Runs, kept, outLook); a != b {
			rep.add(code, RuleFormat, "paragraph %d (%q): its runs read %s in the source, %s in the output",
				sp.Index, snippet(sp.Text, 0), a, b)
		}
	}
}

// withText keeps the paragraphs with text in the view compared, as the
// text comparison does.
func withText(paras []*ingest.Paragraph, before bool) []*ingest.Paragraph {
	var out []*ingest.Paragraph
	for _, p := range paras {
		t := p.Text
		if before {
			t = p.Original
		}
		if strings.TrimSpace(t) != "" {
			out = append(out, p)
		}
	}
	return out
}

// runLooks writes a paragraph's run spans as the kept properties see
// them, their theme fonts resolved by shown, joining neighbours they
// cannot tell apart: "12[rtlRun=1 …] 3[…]".
func runLooks(spans []ingest.RunSpan, kept []ingest.Prop, shown func(ingest.Props) ingest.Props) string {
	var b strings.Builder
	prev, n := "", 0
	flush := func() {
		if n > 0 {
			b.WriteString(" " + strconv.Itoa(n) + "[" + prev + "]")
		}
	}
	for _, s := range spans {
		look := lookOf(shown(s.Props), kept)
		if look == prev {
			n += s.Chars
			continue
		}
		flush()
		prev, n = look, s.Chars
	}
	flush()
	return strings.TrimSpace(b.String())
}

// lookOf writes the values of the kept properties, neutral ones included
// so that "not set" and "set to the default" read alike.
func lookOf(p ingest.Props, kept []ingest.Prop) string {
	var b strings.Builder
	for i, k := range kept {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(k.Name())
		b.WriteByte('=')
		b.WriteString(p.Shown(k))
	}
	return b.String()
}
