package ingest

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

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

	note               *Note
	noteText, noteOrig strings.Builder
	comment            *commentText

	// err is the refusal of a part beyond the caps of limits.go, which
	// stops the walk.
	err error
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
	// text counts the bytes of text read (shown and deleted), for MaxText.
	text int
	// altChunks counts imported documents (w:altChunk), whose content is
	// in other parts, in whatever format, and is not read.
	altChunks int
}

// textMode says what the character data being read is: shown text
// (w:t), deleted text (w:delText) or a field code (w:instrText).
type textMode uint8

const (
	textNone textMode = iota
	textShown
	textDeleted
	textInstr
)

// walkStory reads a whole part.
func walkStory(file, part string, kind storyKind, data []byte) (*storyOut, error) {
	s, err := newScanner(file, part, data)
	if err != nil {
		return nil, err
	}
	st := &story{s: s, part: part, kind: kind,
		out:     &storyOut{anchors: map[string]*commentAnchor{}, linkRels: map[*Hyperlink]string{}},
		anchors: map[string]*commentAnchor{}, marks: map[string]*Bookmark{}}
	rooted := false
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
			if !rooted {
				if err := checkRoot(file, part, kind, &t); err != nil {
					return nil, err
				}
				rooted = true
			}
			if err := st.start(&t); err != nil {
				return nil, err
			}
		case tokEnd:
			st.end(&t)
		case tokText:
			st.chars(t.text)
		}
		if st.err != nil {
			return nil, st.err
		}
	}
	st.finish()
	st.out.strict = s.strict
	return st.out, nil
}

// storyRoots are the root elements (WordprocessingML's) of the parts of
// each kind: w:footnotes or w:endnotes for notes.
var storyRoots = [...][]string{storyBody: {"document"}, storyNotes: {"footnotes", "endnotes"}, storyComments: {"comments"}}

// checkRoot refuses a story part whose root is not WordprocessingML's
// element for it (a foreign namespace, another element): Word cannot open
// it, the reader would find nothing in it, and the merge, which finds a
// part's items by their local names, would carry marks naming comments
// that the TD then lacks (FuzzMerge found that).
func checkRoot(file, part string, kind storyKind, t *token) error {
	if t.ns == nsW && slices.Contains(storyRoots[kind], t.local) {
		return nil
	}
	return &opc.Error{Path: file, Problem: fmt.Sprintf("part %q is not WordprocessingML (its root element is not w:%s)", part, strings.Join(storyRoots[kind], " or w:")),
		Remedy: "the package is damaged; ask the sender to save it again from Word", Err: opc.ErrCorrupt}
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
	case "bidi", "jc", "ind", "spacing", "keepNext", "keepLines":
		st.paraFormat(t)
	case "rFonts", "bCs", "i", "iCs", "caps", "strike", "color", "sz", "szCs", "u", "rtl", "lang":
		st.runFormat(t)
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
	case "altChunk":
		st.out.altChunks++
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
		st.countChange(r.counts, -1)
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
	if st.out.text += len(text); st.out.text > MaxText {
		st.err = textTooMuch(st.s.file)
		return
	}
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
		if max(p.text.Len(), p.orig.Len()) > MaxParagraphText {
			st.err = paragraphTooLong(st.s.file, st.part, p.index)
			return
		}
	}
	for _, r := range st.revs {
		r.text.Write(text)
	}
	for _, a := range st.anchors {
		a.text.Write(text)
	}
	if r := st.run; r != nil && st.kind == storyBody {
		n := utf8.RuneCount(text)
		if shown {
			r.shownChars += n
		}
		if before {
			r.beforeChars += n
		}
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
