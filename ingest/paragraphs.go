package ingest

// ParagraphAt returns the paragraph whose Index (counted from 1) is index,
// or nil when the document has none. Paragraphs are usually stored in
// Index order, so the paragraph at index-1 is tried first.
func (d *Document) ParagraphAt(index int) *Paragraph {
	if index >= 1 && index <= len(d.Paragraphs) && d.Paragraphs[index-1].Index == index {
		return d.Paragraphs[index-1]
	}
	for _, p := range d.Paragraphs {
		if p.Index == index {
			return p
		}
	}
	return nil
}
