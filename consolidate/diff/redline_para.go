package diff

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"tsagmerge/ingest/xmltok"
)

// A paragraph of the new version is rewritten run by run: its text is
// cut where the word diff says text was inserted, each inserted piece
// becoming a run of its own inside a w:ins, and the deleted words are
// written back where they stood, as w:del runs with the formatting of the
// run beside them.

// runKid is one child of a run after its properties.
type runKid struct {
	raw []byte
	// text is a w:t's text, unescaped; isText says the kid is a w:t.
	text   string
	isText bool
	// chars is how many characters the kid shows: a w:t's, 1 for a tab,
	// a break or a non-breaking hyphen (as ingest counts them), else 0.
	chars int
	// picture is set for a w:drawing, w:pict or w:object.
	picture bool
}

// runView is one outermost run of a paragraph.
type runView struct {
	span
	tag   []byte // the start tag
	rPr   []byte
	kids  []runKid
	chars int
}

// paraView is a paragraph's runs and properties, as spans of its bytes.
type paraView struct {
	src  []byte
	pPr  span // zero when the paragraph has none
	runs []*runView
	// text is what the runs show, in order.
	text string
}

// readPara reads the runs of a paragraph (src is the w:p element).
func readPara(src []byte, prefix string) (*paraView, error) {
	if tagEnd := startTagEnd(src); tagEnd == len(src) && bytes.HasSuffix(src, []byte("/>")) {
		// <w:p/>: written open and closed, so that runs can go in it
		open := bytes.TrimRight(src[:len(src)-2], " ")
		src = []byte(string(open) + "></" + prefix + ":p>")
	}
	pv := &paraView{src: src}
	w := newWalker(src, prefix)
	var text strings.Builder
	for w.next() {
		tok := &w.sc.Tok
		switch {
		case w.start("pPr") && len(w.stack) == 2:
			start := tok.Start
			pv.pPr = span{start, w.skip()}
		case w.start("r"):
			start := tok.Start
			end := w.skip()
			rv, err := readRun(src[start:end], prefix)
			if err != nil {
				return nil, err
			}
			rv.span = span{start, end}
			pv.runs = append(pv.runs, rv)
			for _, k := range rv.kids {
				if k.chars > 0 {
					text.WriteString(kidText(k))
				}
			}
		}
	}
	pv.text = text.String()
	return pv, w.err()
}

// kidText is the text a kid shows.
func kidText(k runKid) string {
	if k.isText {
		return k.text
	}
	return string(kidShows[localOf(k.raw)])
}

// kidShows is the text ingest reads for the one-character run children.
var kidShows = map[string]string{"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}

// localOf is the local name of the element whose bytes are raw.
func localOf(raw []byte) string {
	end := bytes.IndexAny(raw, " \t\r\n/>")
	if end < 0 {
		return ""
	}
	_, local := xmltok.SplitName(raw[1:end])
	return string(local)
}

// readRun reads a run's properties and children.
func readRun(src []byte, prefix string) (*runView, error) {
	rv := &runView{}
	w := newWalker(src, prefix)
	for w.next() {
		tok := &w.sc.Tok
		if tok.Kind != xmltok.StartTag {
			continue
		}
		if len(w.stack) == 1 {
			rv.tag = src[tok.Start:tok.End]
			if tok.SelfClosing {
				break
			}
			continue
		}
		start, local := tok.Start, w.local
		tagEnd, self := tok.End, tok.SelfClosing
		end := w.skip()
		raw := src[start:end]
		k := runKid{raw: raw}
		switch local {
		case "rPr":
			rv.rPr = raw
			continue
		case "t":
			k.isText = true
			if !self {
				k.text = xmltok.Unescape(src[tagEnd : bytes.LastIndex(raw, []byte("</"))+start])
			}
			k.chars = utf8.RuneCountInString(k.text)
		case "tab", "ptab", "br", "cr", "noBreakHyphen":
			k.chars = 1
		case "drawing", "pict", "object":
			k.picture = true
		}
		rv.chars += k.chars
		rv.kids = append(rv.kids, k)
	}
	return rv, w.err()
}

// paraPlan says how a paragraph of the new version is written.
type paraPlan struct {
	// edits is the word diff from the old text to the new; nil when the
	// whole paragraph is new.
	edits []Edit
	// whole is "ins" or "moveTo" for a paragraph that is new as a whole
	// (its mark too), "" for a changed one.
	whole string
	// moveName names the move of a moved paragraph.
	moveName string
	// pictures marks the paragraph's pictures as inserted: the old
	// version's paragraph showed others.
	pictures bool
	// markKind, when set, records the paragraph's mark as inserted or
	// deleted whatever whole says; noMark leaves the mark of a paragraph
	// new as a whole unrecorded. Both serve the last paragraphs of a
	// container (see shiftMarks).
	markKind string
	noMark   bool
}

// writer gathers the pieces of a rewritten paragraph.
type paraWriter struct {
	rl   *redliner
	src  []byte
	out  []byte
	ins  []bool           // by character of the new text: inserted
	dels map[int][]string // deleted text by the position it stood at
	wrap string           // "ins" or "moveTo"
	plan paraPlan
	// the piece being written: a run's start tag and properties, and
	// whether it is inserted
	piece   []byte
	pieceIn bool
	open    bool
	textBuf strings.Builder
}

// rewritePara writes pv as plan says.
func (rl *redliner) rewritePara(pv *paraView, plan paraPlan) []byte {
	pw := &paraWriter{rl: rl, src: pv.src, plan: plan, wrap: "ins", dels: map[int][]string{}}
	if plan.whole != "" {
		pw.wrap = plan.whole
	}
	pw.layout(pv.text)
	src := pv.src
	last := 0
	if plan.whole != "" || plan.markKind != "" {
		pw.out, last = rl.markParagraph(pv, plan)
	}
	closeAt := bytes.LastIndex(src, []byte("</"))
	pos := 0
	lastText := lastTextRun(pv)
	for i, r := range pv.runs {
		pw.out = append(pw.out, src[last:r.start]...)
		pos = pw.run(r, pos)
		if i == lastText {
			pw.deletions(pos, r.rPr)
		}
		last = r.end
	}
	pw.out = append(pw.out, src[last:closeAt]...)
	if lastText < 0 {
		pw.deletions(0, nil)
	}
	if plan.whole == "moveTo" {
		pw.out = append(pw.out, rl.rangeEnd("moveTo", plan.moveName)...)
	}
	return append(pw.out, src[closeAt:]...)
}

// markParagraph writes the start of a paragraph new as a whole, its mark
// recorded as inserted (or moved here), and returns where in the
// paragraph's bytes the rest goes on.
func (rl *redliner) markParagraph(pv *paraView, plan paraPlan) ([]byte, int) {
	kind := plan.whole
	if plan.markKind != "" {
		kind = plan.markKind
	}
	mark := ""
	if !plan.noMark {
		mark = rl.selfMark(kind)
	}
	moveStart := ""
	if plan.whole == "moveTo" {
		moveStart = rl.rangeStart("moveTo", plan.moveName)
	}
	src := pv.src
	switch {
	case pv.pPr.end == 0:
		tagEnd := startTagEnd(src)
		out := append([]byte{}, src[:tagEnd]...)
		if mark != "" {
			out = append(out, "<"+rl.w+":pPr><"+rl.w+":rPr>"+mark+"</"+rl.w+":rPr></"+rl.w+":pPr>"...)
		}
		return append(out, moveStart...), tagEnd
	case mark == "":
		return append(append([]byte{}, src[:pv.pPr.end]...), moveStart...), pv.pPr.end
	}
	out := append([]byte{}, src[:pv.pPr.start]...)
	out = append(out, rl.markPPr(src[pv.pPr.start:pv.pPr.end], mark)...)
	return append(out, moveStart...), pv.pPr.end
}

// startTagEnd is the end of the first start tag of src.
func startTagEnd(src []byte) int {
	sc := xmltok.New(src, xmltok.Options{})
	for sc.Next() {
		if sc.Tok.Kind == xmltok.StartTag {
			return sc.Tok.End
		}
	}
	return 0
}

// markPPr adds a paragraph mark's change to a w:pPr: first in its w:rPr,
// or in a new w:rPr before w:sectPr and w:pPrChange (the schema's order).
func (rl *redliner) markPPr(raw []byte, mark string) []byte {
	rPr := "<" + rl.w + ":rPr>" + mark + "</" + rl.w + ":rPr>"
	w := newWalker(raw, rl.w)
	for w.next() {
		tok := &w.sc.Tok
		depth := len(w.stack)
		switch {
		case depth == 1 && tok.Kind == xmltok.StartTag && tok.SelfClosing:
			tag := bytes.TrimRight(raw[:tok.End-2], " ")
			return []byte(string(tag) + ">" + rPr + "</" + rl.w + ":pPr>")
		case depth == 2 && tok.Kind == xmltok.StartTag && w.local == "rPr":
			if tok.SelfClosing {
				return []byte(string(raw[:tok.Start]) + rPr + string(raw[tok.End:]))
			}
			return []byte(string(raw[:tok.End]) + mark + string(raw[tok.End:]))
		case depth == 2 && tok.Kind == xmltok.StartTag && (w.local == "sectPr" || w.local == "pPrChange"):
			return []byte(string(raw[:tok.Start]) + rPr + string(raw[tok.Start:]))
		case depth == 2 && tok.Kind == xmltok.StartTag:
			w.skip()
		case depth == 1 && tok.Kind == xmltok.EndTag:
			return []byte(string(raw[:tok.Start]) + rPr + string(raw[tok.Start:]))
		}
	}
	return raw
}

// lastTextRun is the index of the last run that shows text, -1 if none.
func lastTextRun(pv *paraView) int {
	for i := len(pv.runs) - 1; i >= 0; i-- {
		if pv.runs[i].chars > 0 {
			return i
		}
	}
	return -1
}

// layout spreads the plan's edits over the new text's characters.
func (pw *paraWriter) layout(text string) {
	n := utf8.RuneCountInString(text)
	pw.ins = make([]bool, n)
	if pw.plan.edits == nil {
		for i := range pw.ins {
			pw.ins[i] = true
		}
		return
	}
	pos := 0
	for _, e := range pw.plan.edits {
		k := utf8.RuneCountInString(e.Text)
		switch e.Op {
		case Delete:
			pw.dels[pos] = append(pw.dels[pos], e.Text)
		case Insert:
			for i := pos; i < pos+k && i < n; i++ {
				pw.ins[i] = true
			}
			pos += k
		default:
			pos += k
		}
	}
}

// inserted says whether the character at pos is inserted (the last
// character's state past the end).
func (pw *paraWriter) inserted(pos int) bool {
	switch {
	case pw.plan.edits == nil:
		return true
	case pos < len(pw.ins):
		return pw.ins[pos]
	case len(pw.ins) > 0:
		return pw.ins[len(pw.ins)-1]
	}
	return false
}

// run writes one run from character pos and returns the position after it.
func (pw *paraWriter) run(r *runView, pos int) int {
	if r.tag == nil || len(r.kids) == 0 {
		pw.out = append(pw.out, pw.rawRun(r)...)
		return pos
	}
	for _, k := range r.kids {
		switch {
		case k.chars == 0:
			in := pw.inserted(pos) && (r.chars > 0 || pw.plan.edits == nil)
			if k.picture {
				in = pw.plan.pictures || pw.plan.edits == nil
			}
			pw.startPiece(r, in)
			pw.closeText()
			pw.piece = append(pw.piece, k.raw...)
		case k.isText:
			for _, c := range k.text {
				pw.beforeChar(r, pos)
				pw.textBuf.WriteRune(c)
				pos++
			}
			pw.closeText()
		default:
			pw.beforeChar(r, pos)
			pw.closeText()
			pw.piece = append(pw.piece, k.raw...)
			pos++
		}
	}
	pw.flush()
	return pos
}

// rawRun is a run as it stands, inside a change for a paragraph new as a
// whole.
func (pw *paraWriter) rawRun(r *runView) []byte {
	raw := pw.src[r.start:r.end]
	if pw.plan.edits != nil {
		return raw
	}
	out := append(pw.rl.openMark(pw.wrap), raw...)
	return append(out, pw.rl.closeTag(pw.wrap)...)
}

// beforeChar writes the deletions that stood before the character at
// pos and makes sure the piece open has its state.
func (pw *paraWriter) beforeChar(r *runView, pos int) {
	if d := pw.dels[pos]; len(d) > 0 {
		pw.flush()
		pw.deletions(pos, r.rPr)
	}
	pw.startPiece(r, pw.inserted(pos))
}

// startPiece opens a piece of run r with the given state, closing the
// one open when its state differs.
func (pw *paraWriter) startPiece(r *runView, in bool) {
	if pw.open && pw.pieceIn == in {
		return
	}
	pw.flush()
	pw.open, pw.pieceIn = true, in
	pw.piece = append(append(pw.piece[:0], r.tag...), r.rPr...)
}

// closeText ends the w:t being gathered, if any.
func (pw *paraWriter) closeText() {
	if pw.textBuf.Len() == 0 {
		return
	}
	pw.piece = pw.rl.appendText(pw.piece, "t", pw.textBuf.String())
	pw.textBuf.Reset()
}

// flush writes the piece open.
func (pw *paraWriter) flush() {
	if !pw.open {
		return
	}
	pw.closeText()
	pw.open = false
	if pw.pieceIn {
		pw.out = append(pw.out, pw.rl.openMark(pw.wrap)...)
	}
	pw.out = append(pw.out, pw.piece...)
	pw.out = append(pw.out, pw.rl.closeTag("r")...)
	if pw.pieceIn {
		pw.out = append(pw.out, pw.rl.closeTag(pw.wrap)...)
	}
}

// deletions writes the deleted text that stood at pos, in runs with the
// properties rPr.
func (pw *paraWriter) deletions(pos int, rPr []byte) {
	d := pw.dels[pos]
	if len(d) == 0 {
		return
	}
	delete(pw.dels, pos)
	pw.out = pw.rl.appendDeleted(pw.out, "del", strings.Join(d, ""), rPr)
}
