package ingest

import (
	"fmt"
	"strings"
)

// paraInfo is a body paragraph with what the reader needs to finish it
// once styles and numbering are known.
type paraInfo struct {
	p *Paragraph
	// outline is the direct w:outlineLvl + 1 (10 is "body text"), 0 unset.
	outline int
	numID   string
	ilvl    int
	hasNum  bool
	// boldRuns counts text runs with direct bold; plainStyles holds the
	// character style (maybe "") of each other text run.
	boldRuns    int
	plainStyles []string
	// seqs holds the identifiers of SEQ fields in the paragraph ("Figure").
	seqs   []string
	paraID string
	// own is the paragraph's shown text without its text boxes: what a
	// heading or a caption says.
	own string
}

// paraState is a paragraph being read.
type paraState struct {
	info   *paraInfo
	text   strings.Builder
	orig   strings.Builder
	depth  int
	nested bool // a paragraph of a text box inside another paragraph
	index  int  // Paragraph.Index, the enclosing one's for nested paragraphs
	hidden *Mark
	hl     *Mark
	paraID string
	// boxText and boxOrig gather the text of text boxes in the paragraph.
	boxText, boxOrig strings.Builder
	// tracked is set at the first tracked change in the paragraph; orig
	// is kept from then on.
	tracked bool
}

// runState is a w:r being read.
type runState struct {
	depth     int
	hidden    bool
	highlight string
	bold      int
	rStyle    string
	// shown is set when the run shows any text, hasText when it shows
	// more than white space.
	shown, hasText bool
	// text is the shown text of a hidden or highlighted run (others do
	// not need it).
	text strings.Builder
	// direct is the run's own formatting; shownChars and beforeChars
	// count its characters with the tracked changes accepted and before
	// them (body runs only).
	direct                  Props
	shownChars, beforeChars int
}

// para returns the innermost open paragraph, or nil.
func (st *story) para() *paraState {
	if len(st.paras) == 0 {
		return nil
	}
	return st.paras[len(st.paras)-1]
}

// outer returns the outermost open paragraph (the one counted), or nil.
func (st *story) outer() *paraState {
	if len(st.paras) == 0 {
		return nil
	}
	return st.paras[0]
}

// paraIndex is the Index of the body paragraph being read; between body
// paragraphs (a table row's properties, a comment range opened before a
// paragraph) it is the next paragraph's. It is 0 outside the body.
func (st *story) paraIndex() int {
	if p := st.outer(); p != nil {
		return p.index
	}
	if st.kind == storyBody {
		return st.count + 1
	}
	return 0
}

func (st *story) startPara(t *token, d int) {
	ps := &paraState{depth: d, paraID: st.s.attr(t, nsW14, "paraId")}
	if len(st.paras) > 0 {
		ps.nested = true
		ps.index = st.paras[0].index
		ps.info = st.paras[0].info
	} else {
		ps.info = &paraInfo{paraID: ps.paraID}
		if st.kind == storyBody {
			st.count++
			if st.count > MaxParagraphs {
				st.err = tooMuch(st.s.file, fmt.Sprintf("has more than %d paragraphs, the most a contribution may hold", MaxParagraphs))
			}
			ps.index = st.count
			ps.info.p = &Paragraph{Index: st.count, InTable: len(st.tables) > 0, Body: st.s.watched - 1}
		}
	}
	st.paras = append(st.paras, ps)
}

func (st *story) endPara(d int) {
	ps := st.para()
	if ps == nil || ps.depth != d {
		return
	}
	st.paras = st.paras[:len(st.paras)-1]
	text, orig := ps.text.String(), ps.text.String()
	if ps.tracked {
		orig = ps.orig.String()
	}
	if ps.nested {
		// A text box's paragraphs read as lines after the text of the
		// paragraph that holds the box.
		out := st.outer()
		appendLine(&out.boxText, text)
		appendLine(&out.boxOrig, orig)
		return
	}
	ps.info.own = text
	text, orig = joinLines(text, ps.boxText.String()), joinLines(orig, ps.boxOrig.String())
	if max(len(text), len(orig)) > MaxParagraphText { // with its text boxes
		st.err = paragraphTooLong(st.s.file, st.part, ps.index)
		return
	}
	for _, a := range st.anchors {
		if a.text.Len() > 0 {
			a.text.WriteByte('\n')
		}
	}
	switch st.kind {
	case storyBody:
		st.finishBodyPara(ps, text, orig)
	case storyNotes:
		if st.note != nil {
			appendLine(&st.noteText, text)
			appendLine(&st.noteOrig, orig)
		}
	case storyComments:
		if st.comment != nil {
			appendLine(&st.comment.text, text)
			if ps.paraID != "" {
				st.comment.paraID = ps.paraID
			}
		}
	}
}

func (st *story) finishBodyPara(ps *paraState, text, orig string) {
	p := ps.info.p
	p.Text = text
	if orig != text {
		p.Original = orig
	} else {
		p.Original = text
	}
	st.out.paras = append(st.out.paras, ps.info)
	if len(st.tables) > 0 {
		if ts := st.tables[0]; ts.t != nil && ts.cell != nil {
			appendLine(ts.cell, text)
		}
		return
	}
	st.out.blocks = append(st.out.blocks, Block{Paragraph: p})
}

// joinLines joins two texts as lines, either of them possibly empty.
func joinLines(a, b string) string {
	switch {
	case b == "":
		return a
	case a == "":
		return b
	}
	return a + "\n" + b
}

// appendLine adds a line to a builder, newline-separated.
func appendLine(b *strings.Builder, line string) {
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(line)
}

// paraProp reads a paragraph property of the open paragraph's w:pPr.
func (st *story) paraProp(t *token) {
	ps := st.para()
	if ps == nil || ps.nested {
		return
	}
	info := ps.info
	switch t.local {
	case "pStyle":
		if st.s.parentIs(nsW, "pPr") && info.p != nil {
			info.p.StyleID = st.s.attr(t, nsW, "val")
		}
	case "outlineLvl":
		if st.s.parentIs(nsW, "pPr") {
			info.outline = atoiOr(st.s.attr(t, nsW, "val"), -1) + 1
		}
	case "numId":
		if st.s.parentIs(nsW, "numPr") {
			info.numID, info.hasNum = st.s.attr(t, nsW, "val"), true
		}
	case "ilvl":
		if st.s.parentIs(nsW, "numPr") {
			info.ilvl = atoiOr(st.s.attr(t, nsW, "val"), 0)
		}
	}
}

// runProp reads a run property of the open run's w:rPr.
func (st *story) runProp(t *token) {
	r := st.run
	if r == nil || !st.s.parentIs(nsW, "rPr") || !st.s.ancestorIs(2, nsW, "r") {
		return
	}
	switch t.local {
	case "rStyle":
		r.rStyle = st.s.attr(t, nsW, "val")
	case "b":
		r.bold = onOff(st.s, t)
		st.runFormat(t)
	case "vanish":
		r.hidden = onOff(st.s, t) > 0
	case "highlight":
		if v := st.s.attr(t, nsW, "val"); v != "" && v != "none" {
			r.highlight = v
		}
	case "shd":
		if strings.EqualFold(st.s.attr(t, nsW, "fill"), "FFFF00") && r.highlight == "" {
			r.highlight = "yellow"
		}
	}
}

// paraFormat reads a formatting property of the open body paragraph's
// own w:pPr (not of a text box's paragraph, nor of a change's old pPr,
// which the reader skips).
func (st *story) paraFormat(t *token) {
	ps := st.para()
	if ps == nil || ps.nested || ps.info.p == nil || !st.s.parentIs(nsW, "pPr") || !st.s.ancestorIs(2, nsW, "p") {
		return
	}
	readProp(&ps.info.p.Direct, t.local, func(name string) (string, bool) { return st.s.lookupAttr(t, nsW, name) })
}

// runFormat reads a formatting property of the open run's w:rPr.
func (st *story) runFormat(t *token) {
	r := st.run
	if r == nil || st.kind != storyBody || !st.s.parentIs(nsW, "rPr") || !st.s.ancestorIs(2, nsW, "r") {
		return
	}
	readProp(&r.direct, t.local, func(name string) (string, bool) { return st.s.lookupAttr(t, nsW, name) })
}

// endRun records the run's formatting, marks (hidden, highlighted) and
// boldness.
func (st *story) endRun() {
	r := st.run
	st.run = nil
	ps := st.para()
	if r == nil || ps == nil {
		return
	}
	if !ps.nested && ps.info.p != nil && r.shownChars+r.beforeChars > 0 {
		p := ps.info.p
		p.Runs = append(p.Runs, RunFormat{Style: r.rStyle, Direct: r.direct, Shown: r.shownChars, Before: r.beforeChars})
	}
	if r.hasText && !ps.nested {
		if r.bold > 0 {
			ps.info.boldRuns++
		} else if r.bold == 0 {
			ps.info.plainStyles = append(ps.info.plainStyles, r.rStyle)
		} else {
			ps.info.plainStyles = append(ps.info.plainStyles, "\x00off")
		}
	}
	if !r.shown {
		return // a run without text neither starts nor ends a mark
	}
	text := r.text.String()
	ps.hidden = st.extendMark(ps.hidden, r.hidden, "", text, &st.out.hidden)
	ps.hl = st.extendMark(ps.hl, r.highlight != "", r.highlight, text, &st.out.highlights)
}

// extendMark continues the mark m with a run's text when the run carries
// the same formatting, starts a new mark when it is the first such run, and
// ends m otherwise. It returns the mark now open.
func (st *story) extendMark(m *Mark, on bool, color, text string, list *[]*Mark) *Mark {
	if !on {
		return nil
	}
	if m != nil && m.Color == color {
		m.Text += text
		return m
	}
	m = &Mark{Text: text, Color: color, Paragraph: st.paraIndex(), Part: st.part}
	*list = append(*list, m)
	return m
}
