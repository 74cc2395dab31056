package ingest

import (
	"bytes"
	"io"
	"strings"
	"time"

	"tsagmerge/ingest/opc"
)

// storyKind says which part a story walker reads, and so what its
// paragraphs become.
type storyKind uint8

const (
	storyBody     storyKind = iota // word/document.xml: Document.Paragraphs
	storyNotes                     // footnotes.xml / endnotes.xml: Notes
	storyComments                  // comments.xml: comment texts
)

// story walks one part of running text (the body, the notes, the comments)
// and collects what it holds. It keeps the state of the text being read:
// open paragraph, run, tracked changes, fields, links, comment ranges,
// drawing and tables.
type story struct {
	s    *scanner
	part string
	kind storyKind
	out  *storyOut

	paras     []*paraState // the open paragraph, and text-box paragraphs in it
	count     int          // body paragraphs met so far
	bodyDepth int          // depth of w:body, 0 outside it
	run       *runState
	textMode  textMode

	// Tracked-change nesting: text is shown when del and moveFrom are 0,
	// and was there before when ins and moveTo are 0.
	ins, del, moveFrom, moveTo int
	revs                       []*openRev

	simple  []*openField // w:fldSimple, innermost last
	complex []*openField // complex fields (fldChar), innermost last
	links   []*openLink
	anchors map[string]*commentAnchor // open comment ranges by id
	marks   map[string]*Bookmark      // open bookmarks by id
	drawing *drawingState
	tables  []*tableState

	note     *Note
	noteText strings.Builder
	comment  *commentText
}

// storyOut is what one story yields, merged into the Document afterwards.
type storyOut struct {
	paras      []*paraInfo
	blocks     []Block
	tables     []*Table
	revisions  []*Revision
	figures    []*figRef
	hyperlinks []*Hyperlink
	// linkRels maps each external-looking link to its r:id.
	linkRels   map[*Hyperlink]string
	bookmarks  []*Bookmark
	fields     []*Field
	hidden     []*Mark
	highlights []*Mark
	anchors    map[string]*commentAnchor
	notes      []*Note
	comments   []*commentText
	strict     bool
}

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

type textMode uint8

const (
	textNone textMode = iota
	textShown
	textDeleted
	textInstr
)

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
}

// openRev is a tracked change whose text is being gathered until the
// element at depth owner closes.
type openRev struct {
	rev   *Revision
	owner int
	text  strings.Builder
}

type openField struct {
	f        *Field
	owner    int
	inResult bool
	instr    strings.Builder
	result   strings.Builder
	para     *paraInfo
}

type openLink struct {
	h     *Hyperlink
	owner int
	text  strings.Builder
}

// commentAnchor is where a comment sits in its story.
type commentAnchor struct {
	text strings.Builder
	// Paragraph is the body paragraph of the range start (or of the
	// reference when there is no range).
	paragraph int
	hasRange  bool
	closed    bool
	part      string
}

// commentText is a w:comment of comments.xml.
type commentText struct {
	c      *Comment
	text   strings.Builder
	paraID string
}

type drawingState struct {
	depth int
	alt   string
}

// figRef is a picture met in a story, resolved against the part's
// relationships afterwards.
type figRef struct {
	fig   *Figure
	relID string
	link  bool
	part  string
}

type tableState struct {
	depth int
	t     *Table // nil for nested tables and tables outside the body
	row   []string
	cell  *strings.Builder
	cols  int
	span  int
	first bool
}

// walkStory reads a whole part.
func walkStory(file, part string, kind storyKind, data []byte) (*storyOut, error) {
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	st := &story{s: s, part: part, kind: kind,
		out:     &storyOut{anchors: map[string]*commentAnchor{}, linkRels: map[*Hyperlink]string{}},
		anchors: map[string]*commentAnchor{}, marks: map[string]*Bookmark{}}
	for {
		t, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t.kind {
		case tokStart:
			if err := st.start(&t); err != nil {
				return nil, err
			}
		case tokEnd:
			st.end(&t)
		case tokText:
			st.chars(t.text)
		}
	}
	st.finish()
	st.out.strict = s.strict
	return st.out, nil
}

// start handles an element start.
func (st *story) start(t *token) error {
	d := st.s.depth()
	switch t.ns {
	case nsW:
		return st.startW(t, d)
	case nsWP:
		if t.local == "docPr" && st.drawing != nil {
			st.drawing.alt = firstNonEmpty(st.s.attr(t, nsNone, "descr"), st.s.attr(t, nsNone, "title"))
		}
	case nsA:
		if t.local == "blip" {
			st.blip(t)
		}
	case nsV:
		st.vml(t)
	case nsW14:
	}
	return nil
}

// startW handles a WordprocessingML element start.
func (st *story) startW(t *token, d int) error {
	switch t.local {
	case "body":
		st.bodyDepth = d
		st.s.watch = d + 1
	case "p":
		st.startPara(t, d)
	case "r":
		st.run = &runState{depth: d}
	case "t":
		st.textMode = textShown
	case "delText":
		st.textMode = textDeleted
	case "instrText", "delInstrText":
		st.textMode = textInstr
	case "tab", "ptab":
		if st.s.parentIs(nsW, "r") {
			st.emit(tabText, false)
		}
	case "br", "cr":
		if st.s.parentIs(nsW, "r") {
			st.emit(newlineText, false)
		}
	case "noBreakHyphen":
		st.emit(hyphenText, false)
	case "pStyle", "outlineLvl", "numId", "ilvl":
		st.paraProp(t)
	case "rStyle", "b", "vanish", "highlight", "shd":
		st.runProp(t)
	case "ins", "del", "moveFrom", "moveTo":
		st.change(t, d)
	case "cellIns", "cellDel":
		st.addRev(t, revKind(t.local), -1)
	case "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange":
		st.propChange(t)
		return st.s.skip()
	case "sectPr", "sdtPr", "sdtEndPr", "tblGrid", "numberingChange":
		return st.s.skip()
	case "fldSimple":
		st.openField(strings.TrimSpace(st.s.attr(t, nsW, "instr")), d)
	case "fldChar":
		st.fldChar(st.s.attr(t, nsW, "fldCharType"))
	case "hyperlink":
		st.startLink(t, d)
	case "bookmarkStart":
		st.bookmarkStart(t)
	case "bookmarkEnd":
		if b := st.marks[st.s.attr(t, nsW, "id")]; b != nil {
			b.Closed = true
			delete(st.marks, st.s.attr(t, nsW, "id"))
		}
	case "commentRangeStart", "commentRangeEnd", "commentReference":
		st.commentMark(t)
	case "drawing":
		st.drawing = &drawingState{depth: d}
	case "tbl", "tr", "tc", "gridSpan", "tblCaption":
		st.table(t, d)
	case "footnote", "endnote":
		return st.startNote(t)
	case "comment":
		st.startComment(t)
	}
	return nil
}

// end handles an element end; d is the depth the element had.
func (st *story) end(t *token) {
	d := st.s.depth() + 1
	if t.ns == nsW {
		switch t.local {
		case "t", "delText", "instrText", "delInstrText":
			st.textMode = textNone
		case "p":
			st.endPara(d)
		case "r":
			st.endRun()
		case "tc", "tr", "tbl":
			st.endTable(t.local, d)
		case "footnote", "endnote":
			st.endNote()
		case "comment":
			st.endComment()
		case "ins", "del", "moveFrom", "moveTo":
			st.endChange(t.local, d)
		}
	}
	if st.drawing != nil && st.drawing.depth == d {
		st.drawing = nil
	}
	st.closeOwned(d)
}

// closeOwned finishes the revisions, simple fields and links owned by the
// element of depth d that just closed.
func (st *story) closeOwned(d int) {
	for len(st.revs) > 0 && st.revs[len(st.revs)-1].owner >= d {
		r := st.revs[len(st.revs)-1]
		r.rev.Text = r.text.String()
		st.revs = st.revs[:len(st.revs)-1]
	}
	for len(st.simple) > 0 && st.simple[len(st.simple)-1].owner >= d {
		st.finishField(st.simple[len(st.simple)-1])
		st.simple = st.simple[:len(st.simple)-1]
	}
	for len(st.links) > 0 && st.links[len(st.links)-1].owner >= d {
		l := st.links[len(st.links)-1]
		l.h.Text = strings.TrimSpace(l.text.String())
		st.links = st.links[:len(st.links)-1]
	}
}

// chars handles character data.
func (st *story) chars(b []byte) {
	switch st.textMode {
	case textShown:
		st.emit(b, false)
	case textDeleted:
		st.emit(b, true)
	case textInstr:
		if n := len(st.complex); n > 0 && !st.complex[n-1].inResult {
			st.complex[n-1].instr.Write(b)
		}
	}
}

// The text of w:tab, w:br and w:noBreakHyphen.
var (
	tabText     = []byte("\t")
	newlineText = []byte("\n")
	hyphenText  = []byte("-")
)

// emit adds a piece of text to everything open that gathers text.
// deleted is true for w:delText.
func (st *story) emit(text []byte, deleted bool) {
	shown := !deleted && st.del == 0 && st.moveFrom == 0
	before := st.ins == 0 && st.moveTo == 0
	if p := st.para(); p != nil {
		// The text before the changes is kept apart only from the
		// paragraph's first change on; until then it is the shown text.
		if shown != before && !p.tracked {
			p.tracked = true
			p.orig.WriteString(p.text.String())
		}
		if shown {
			p.text.Write(text)
		}
		if before && p.tracked {
			p.orig.Write(text)
		}
	}
	for _, r := range st.revs {
		r.text.Write(text)
	}
	for _, a := range st.anchors {
		a.text.Write(text)
	}
	if !shown {
		return
	}
	if r := st.run; r != nil {
		r.shown = r.shown || len(text) > 0
		r.hasText = r.hasText || len(bytes.TrimSpace(text)) > 0
		if r.hidden || r.highlight != "" {
			r.text.Write(text)
		}
	}
	for _, f := range st.simple {
		if f.inResult {
			f.result.Write(text)
		}
	}
	for _, f := range st.complex {
		if f.inResult {
			f.result.Write(text)
		}
	}
	for _, l := range st.links {
		l.text.Write(text)
	}
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

// endRun records the run's marks (hidden, highlighted) and boldness.
func (st *story) endRun() {
	r := st.run
	st.run = nil
	ps := st.para()
	if r == nil || ps == nil {
		return
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

// change handles w:ins, w:del, w:moveFrom and w:moveTo. Inside a
// paragraph mark's or a row's properties they mark the paragraph mark or
// the row; elsewhere they wrap the changed runs.
func (st *story) change(t *token, d int) {
	kind := revKind(t.local)
	switch {
	case st.s.parentIs(nsW, "rPr"):
		if st.s.ancestorIs(2, nsW, "pPr") {
			st.addRev(t, kind, -1)
		}
		return
	case st.s.parentIs(nsW, "trPr"):
		owner := -1
		if n := len(st.tables); n > 0 {
			owner = d - 2 // the w:tr
		}
		st.addRev(t, kind, owner)
		return
	}
	st.addRev(t, kind, d)
	st.countChange(t.local, 1)
}

func (st *story) endChange(local string, d int) {
	if len(st.revs) > 0 && st.revs[len(st.revs)-1].owner == d {
		st.countChange(local, -1)
	}
}

func (st *story) countChange(local string, delta int) {
	switch local {
	case "ins":
		st.ins += delta
	case "del":
		st.del += delta
	case "moveFrom":
		st.moveFrom += delta
	case "moveTo":
		st.moveTo += delta
	}
}

func revKind(local string) RevisionKind {
	switch local {
	case "ins", "cellIns":
		return Insertion
	case "del", "cellDel":
		return Deletion
	case "moveFrom":
		return MoveFrom
	case "moveTo":
		return MoveTo
	case "pPrChange":
		return ParaProps
	}
	return Format
}

// addRev records a tracked change; its text is gathered until the element
// at depth owner closes (owner -1: no text).
func (st *story) addRev(t *token, kind RevisionKind, owner int) {
	rev := &Revision{Kind: kind, ID: st.s.attr(t, nsW, "id"), Author: st.s.attr(t, nsW, "author"),
		Date: parseDate(st.s.attr(t, nsW, "date")), Paragraph: st.paraIndex(), Part: st.part}
	st.out.revisions = append(st.out.revisions, rev)
	if owner >= 0 {
		st.revs = append(st.revs, &openRev{rev: rev, owner: owner})
	}
}

// propChange records a formatting change; its text is the run's (rPrChange)
// or the paragraph's (pPrChange).
func (st *story) propChange(t *token) {
	owner := -1
	switch {
	case t.local == "rPrChange" && st.run != nil && st.s.ancestorIs(2, nsW, "r"):
		owner = st.run.depth
	case t.local == "pPrChange", t.local == "rPrChange":
		if ps := st.para(); ps != nil {
			owner = ps.depth
		}
	}
	st.addRev(t, revKind(t.local), owner)
}

// openField starts a simple field.
func (st *story) openField(instr string, d int) {
	f := &openField{f: &Field{Paragraph: st.paraIndex(), Part: st.part}, owner: d, inResult: true}
	f.instr.WriteString(instr)
	if ps := st.outer(); ps != nil {
		f.para = ps.info
	}
	st.out.fields = append(st.out.fields, f.f)
	st.simple = append(st.simple, f)
}

// fldChar steps a complex field: begin, separate, end.
func (st *story) fldChar(kind string) {
	switch kind {
	case "begin":
		f := &openField{f: &Field{Paragraph: st.paraIndex(), Part: st.part}, owner: -1}
		if ps := st.outer(); ps != nil {
			f.para = ps.info
		}
		st.out.fields = append(st.out.fields, f.f)
		st.complex = append(st.complex, f)
	case "separate":
		if n := len(st.complex); n > 0 {
			st.complex[n-1].inResult = true
		}
	case "end":
		if n := len(st.complex); n > 0 {
			st.finishField(st.complex[n-1])
			st.complex = st.complex[:n-1]
		}
	}
}

// finishField stores a field's code and result, and notes SEQ fields on
// their paragraph (a caption's mark).
func (st *story) finishField(f *openField) {
	f.f.Instr = strings.TrimSpace(f.instr.String())
	f.f.Result = f.result.String()
	words := strings.Fields(f.f.Instr)
	if len(words) >= 2 && strings.EqualFold(words[0], "SEQ") && f.para != nil {
		f.para.seqs = append(f.para.seqs, words[1])
	}
}

func (st *story) startLink(t *token, d int) {
	h := &Hyperlink{Anchor: st.s.attr(t, nsW, "anchor"), Part: st.part, Paragraph: st.paraIndex()}
	if id := st.s.attr(t, nsR, "id"); id != "" {
		st.out.linkRels[h] = id // resolved against the part's relationships later
	}
	st.out.hyperlinks = append(st.out.hyperlinks, h)
	st.links = append(st.links, &openLink{h: h, owner: d})
}

func (st *story) bookmarkStart(t *token) {
	b := &Bookmark{ID: st.s.attr(t, nsW, "id"), Name: st.s.attr(t, nsW, "name"), Part: st.part}
	st.out.bookmarks = append(st.out.bookmarks, b)
	st.marks[b.ID] = b
}

// commentMark handles commentRangeStart, commentRangeEnd and
// commentReference.
func (st *story) commentMark(t *token) {
	id := st.s.attr(t, nsW, "id")
	a := st.out.anchors[id]
	if a == nil {
		a = &commentAnchor{paragraph: st.paraIndex(), part: st.part}
		st.out.anchors[id] = a
	}
	switch t.local {
	case "commentRangeStart":
		if !a.hasRange {
			a.hasRange = true
			st.anchors[id] = a
		}
	case "commentRangeEnd":
		a.closed = true
		delete(st.anchors, id)
	}
}

// blip records a DrawingML picture.
func (st *story) blip(t *token) {
	alt := ""
	if st.drawing != nil {
		alt = st.drawing.alt
	}
	if id := st.s.attr(t, nsR, "embed"); id != "" {
		st.addFigure(id, false, alt)
	} else if id := st.s.attr(t, nsR, "link"); id != "" {
		st.addFigure(id, true, alt)
	}
}

// vml records a VML picture (v:imagedata) and remembers a shape's alt text.
func (st *story) vml(t *token) {
	switch t.local {
	case "shape":
		if st.drawing == nil {
			st.drawing = &drawingState{depth: st.s.depth()}
		}
		st.drawing.alt = st.s.attr(t, nsNone, "alt")
	case "imagedata":
		id := firstNonEmpty(st.s.attr(t, nsR, "id"), st.s.attr(t, nsO, "relid"))
		if id == "" {
			return
		}
		alt := st.s.attr(t, nsO, "title")
		if st.drawing != nil && alt == "" {
			alt = st.drawing.alt
		}
		st.addFigure(id, false, alt)
	}
}

func (st *story) addFigure(relID string, link bool, alt string) {
	fig := &Figure{Alt: alt, Paragraph: st.paraIndex(), External: link}
	st.out.figures = append(st.out.figures, &figRef{fig: fig, relID: relID, link: link, part: st.part})
}

// table handles the table structure elements of top-level body tables.
func (st *story) table(t *token, d int) {
	if t.local == "tbl" {
		ts := &tableState{depth: d}
		if len(st.tables) > 0 && st.tables[0].t != nil {
			st.tables[0].t.Nested++
		}
		if len(st.tables) == 0 && len(st.paras) == 0 && st.kind == storyBody {
			ts.t = &Table{Paragraph: st.count + 1}
			st.out.tables = append(st.out.tables, ts.t)
			st.out.blocks = append(st.out.blocks, Block{Table: ts.t})
		}
		st.tables = append(st.tables, ts)
		return
	}
	if len(st.tables) != 1 || st.tables[0].t == nil {
		return
	}
	ts := st.tables[0]
	switch t.local {
	case "tr":
		ts.t.Rows++
		ts.row, ts.cols = nil, 0
	case "tc":
		ts.cell, ts.span = &strings.Builder{}, 1
	case "gridSpan":
		if st.s.parentIs(nsW, "tcPr") {
			ts.span = max(1, atoiOr(st.s.attr(t, nsW, "val"), 1))
		}
	case "tblCaption":
		if st.s.parentIs(nsW, "tblPr") {
			ts.t.Caption = st.s.attr(t, nsW, "val")
		}
	}
}

func (st *story) endTable(local string, d int) {
	n := len(st.tables)
	if n == 0 {
		return
	}
	ts := st.tables[n-1]
	if local == "tbl" {
		if ts.depth == d {
			st.tables = st.tables[:n-1]
		}
		return
	}
	if n != 1 || ts.t == nil {
		return
	}
	switch local {
	case "tc":
		if ts.cell != nil {
			ts.row = append(ts.row, ts.cell.String())
			ts.cols += ts.span
			ts.cell = nil
		}
	case "tr":
		ts.t.Cells = append(ts.t.Cells, ts.row)
		ts.t.Cols = max(ts.t.Cols, ts.cols)
		ts.row, ts.cols = nil, 0
	}
}

// startNote begins a footnote or endnote; separators are skipped.
func (st *story) startNote(t *token) error {
	if st.kind != storyNotes {
		return nil
	}
	switch st.s.attr(t, nsW, "type") {
	case "separator", "continuationSeparator", "continuationNotice":
		return st.s.skip()
	}
	st.note = &Note{ID: st.s.attr(t, nsW, "id")}
	st.noteText.Reset()
	return nil
}

func (st *story) endNote() {
	if st.note == nil {
		return
	}
	st.note.Text = strings.TrimSpace(st.noteText.String())
	st.out.notes = append(st.out.notes, st.note)
	st.note = nil
}

func (st *story) startComment(t *token) {
	if st.kind != storyComments {
		return
	}
	st.comment = &commentText{c: &Comment{ID: st.s.attr(t, nsW, "id"), Author: st.s.attr(t, nsW, "author"),
		Initials: st.s.attr(t, nsW, "initials"), Date: parseDate(st.s.attr(t, nsW, "date"))}}
}

func (st *story) endComment() {
	if st.comment == nil {
		return
	}
	st.comment.c.Text = strings.TrimSpace(st.comment.text.String())
	st.comment.c.ParaID = st.comment.paraID
	st.out.comments = append(st.out.comments, st.comment)
	st.comment = nil
}

// finish closes what a damaged or unusual part left open.
func (st *story) finish() {
	for _, f := range st.complex {
		st.finishField(f)
	}
	st.complex = nil
	st.closeOwned(0)
	// What stands after the last paragraph belongs to the last one.
	for _, r := range st.out.revisions {
		r.Paragraph = min(r.Paragraph, st.count)
	}
	for _, a := range st.out.anchors {
		a.paragraph = min(a.paragraph, st.count)
	}
	for _, f := range st.out.fields {
		f.Paragraph = min(f.Paragraph, st.count)
	}
}

// parseDate reads a w:date (xsd:dateTime, often without a zone).
func parseDate(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

func atoiOr(v string, def int) int {
	n, neg := 0, false
	if v == "" {
		return def
	}
	for i, c := range v {
		switch {
		case c == '-' && i == 0:
			neg = true
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			if n > 1<<20 {
				return def
			}
		default:
			return def
		}
	}
	if neg {
		return -n
	}
	return n
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// relsByID indexes a part's relationships.
func relsByID(rels []opc.Relationship) map[string]opc.Relationship {
	m := make(map[string]opc.Relationship, len(rels))
	for _, r := range rels {
		m[r.ID] = r
	}
	return m
}
