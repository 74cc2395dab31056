package validate

import (
	"slices"
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
func compareFormat(rep *report, code string, src *source, carried []*ingest.Paragraph, out *ingest.Document, outParas []*ingest.Paragraph, expect Expectations) {
	dst := outParas
	if len(dst) > 0 {
		dst = dst[1:] // the output's region heading
	}
	srcBefore := expect.Revisions == RejectRevisions
	sps, dst := withText(carried, srcBefore), withText(dst, false)
	if len(sps) != len(dst) {
		return // the text comparison pairs them otherwise; it has spoken
	}
	in := src.doc
	kept := keptProps(in)
	// Theme fonts are compared as the typefaces they show in, each under
	// its own document's theme, for the region's script.
	outLook := func(p ingest.Props) ingest.Props { return out.FontsFor(p, in.Script) }
	for i, sp := range sps {
		a, b := src.look(sp, srcBefore), lookOfParagraph(out, dst[i], false, kept, outLook)
		for k, p := range []ingest.Prop{ingest.Bidi, ingest.Align} {
			if a.para[k] != b.para[k] {
				rep.add(code, RuleFormat, "paragraph %d (%q): %s is %s in the source, %s in the output",
					sp.Index, snippet(sp.Text, 0), p.Name(), a.para[k], b.para[k])
			}
		}
		if a.runs != b.runs {
			rep.add(code, RuleFormat, "paragraph %d (%q): its runs read %s in the source, %s in the output",
				sp.Index, snippet(sp.Text, 0), a.runs, b.runs)
		}
	}
}

// paraLook is what compareFormat compares of a paragraph: its direction
// and alignment, and its runs as the kept properties see them (runLooks).
type paraLook struct {
	para [2]string // bidi, align
	runs string
}

// keptProps are the run properties the house-style rule leaves to a
// region: the direction of its runs and, where it holds complex-script
// text, the complex-script ones.
func keptProps(d *ingest.Document) []ingest.Prop {
	var kept []ingest.Prop
	for k := ingest.Prop(0); int(k) < ingest.NumProps; k++ {
		if !k.IsParagraph() && (k == ingest.RTL || d.ComplexScript && k.IsComplexScript()) {
			kept = append(kept, k)
		}
	}
	return kept
}

// lookOfParagraph reads a paragraph's look in d, its fonts shown by shown.
func lookOfParagraph(d *ingest.Document, p *ingest.Paragraph, before bool, kept []ingest.Prop, shown func(ingest.Props) ingest.Props) paraLook {
	f := d.Format(p, before)
	return paraLook{
		para: [2]string{f.Paragraph.Value(ingest.Bidi), f.Paragraph.Value(ingest.Align)},
		runs: runLooks(f.Runs, kept, shown),
	}
}

// readLooks reads the look of every paragraph with text in the view the
// mode compares (before: the text before its tracked changes).
func (src *source) readLooks(before bool) {
	src.looks = make([]paraLook, len(src.doc.Paragraphs))
	for i, p := range src.doc.Paragraphs {
		if hasText(p, before) {
			src.looks[i] = src.readLook(p, before)
		}
	}
	src.looksBefore = before
}

// look returns a paragraph's look in the source, as read beforehand when
// it was.
func (src *source) look(p *ingest.Paragraph, before bool) paraLook {
	if i, ok := src.position(p); ok && src.looks != nil && src.looksBefore == before {
		return src.looks[i]
	}
	return src.readLook(p, before)
}

func (src *source) readLook(p *ingest.Paragraph, before bool) paraLook {
	d := src.doc
	return lookOfParagraph(d, p, before, keptProps(d), d.ShownFonts)
}

// withText keeps the paragraphs with text in the view compared, as the
// text comparison does.
func withText(paras []*ingest.Paragraph, before bool) []*ingest.Paragraph {
	var out []*ingest.Paragraph
	for _, p := range paras {
		if hasText(p, before) {
			out = append(out, p)
		}
	}
	return out
}

// hasText reports whether a paragraph has text in the view (before: the
// text before its tracked changes).
func hasText(p *ingest.Paragraph, before bool) bool {
	t := p.Text
	if before {
		t = p.Original
	}
	return strings.TrimSpace(t) != ""
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
	// Resolving theme fonts matters only where a font is compared.
	fonts := slices.ContainsFunc(kept, func(k ingest.Prop) bool { return k >= ingest.FontASCII && k <= ingest.FontCSTheme })
	for _, s := range spans {
		props := s.Props
		if fonts {
			props = shown(props)
		}
		look := lookOf(props, kept)
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
