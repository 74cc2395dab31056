package validate

import "tsagmerge/ingest"

// RegionClaims is what the merge's report says it did to one region's
// paragraphs. The read-back takes these claims and checks them against
// the source and the output; it does not decide for itself what the
// merge should have left out.
type RegionClaims struct {
	// Heading is the Index of the source paragraph the merge made the
	// region heading; 0 when it wrote a heading of its own.
	Heading int
	// Dropped lists the source paragraphs the report says were left out.
	Dropped []Drop
}

// Drop is one source paragraph reported as left out, with its text as the
// report states it.
type Drop struct {
	Paragraph int
	Text      string
}

// accounted splits a source's paragraphs by the report's claims: those
// that must stand in the output (in order), the region heading (nil when
// the merge wrote its own) and the dropped set. A claim that names a
// paragraph the source does not have, or with other text, is a problem:
// the report would then hide a loss.
func accounted(rep *report, code string, in *ingest.Document, claims RegionClaims) (carried []*ingest.Paragraph, heading *ingest.Paragraph, dropped map[int]bool) {
	dropped = map[int]bool{}
	for _, d := range claims.Dropped {
		p := in.ParagraphAt(d.Paragraph)
		switch {
		case p == nil:
			rep.add(code, RuleBadClaim, "the report drops paragraph %d, which the source does not have (%q)", d.Paragraph, snippet(d.Text, 0))
			continue
		case normalise(p.Text) != normalise(d.Text):
			rep.add(code, RuleBadClaim, "the report drops paragraph %d as %q, but the source's says %q", d.Paragraph, snippet(d.Text, 0), snippet(p.Text, 0))
			continue
		}
		dropped[d.Paragraph] = true
	}
	if claims.Heading > 0 {
		if heading = in.ParagraphAt(claims.Heading); heading == nil {
			rep.add(code, RuleBadClaim, "the report makes paragraph %d the region heading, which the source does not have", claims.Heading)
		}
	}
	for _, p := range in.Paragraphs {
		if dropped[p.Index] || p == heading {
			continue
		}
		carried = append(carried, p)
	}
	return carried, heading, dropped
}

// claimsFor returns a region's claims; a caller that gives none expects
// the source whole under a heading the merge wrote.
func claimsFor(expect Expectations, in *ingest.Document) RegionClaims {
	return expect.Regions[in.Region.Code]
}
