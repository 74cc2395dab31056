package consolidate

import (
	"bytes"
	"strconv"
)

// partKind is the sort of part a rewriter works on; it decides what of the
// part is carried (the body's content, the notes, the comments…).
type partKind uint8

const (
	partBody partKind = iota + 1
	partNotes
	partComments
	partCommentsEx
	partCommentsIDs
	partCommentsExt
	partDefs // a style, list definition or other fragment, carried whole
)

// Frame flags.
const (
	fHidden     uint16 = 1 << iota // start and end tags are not written
	fQuiet                         // nothing inside is written either
	fBody                          // the w:body element
	fRestyle                       // a heading paragraph given a new style
	fNeedPPr                       // …whose w:pPr has not been met yet
	fRestylePPr                    // the w:pPr of a restyled paragraph
	fHeading                       // the region heading paragraph
	fInstr                         // field code text
	fDrop                          // a row or cell removed at its end
	fRejectDel                     // a w:del unwrapped when rejecting
	fHeadingPPr                    // the w:pPr of the region heading
	fSeal                          // a pending mark whose length is known at its end
)

// frame is one open element.
type frame struct {
	kind    nsKind
	local   []byte
	outName []byte // the name written, when it differs from the source
	flags   uint16
	mark    int // output length when the element started
	level   int // the new heading level of a restyled paragraph
}

// outAttr is an attribute on its way out.
type outAttr struct {
	name  []byte
	val   []byte // escaped
	quote byte
	drop  bool
}

// rewriter copies one part of a region into the output, rewriting ids,
// style and list references, relationship ids and namespace prefixes.
type rewriter struct {
	r      *region
	kind   partKind
	part   string            // source part name
	rels   map[string]string // old rId -> new rId
	ns     *nsScope
	rename map[string]string // prefix renames
	wp     string            // the output's prefix for w:

	out    []byte
	stack  []frame
	inside bool // within the carried content
	quiet  int  // open fQuiet frames

	attrs   []outAttr
	changed bool
	elName  []byte // output name of the element being written

	// Bookmarks and comment ranges are written at once but may have to be
	// taken out again at the end (a start never closed, a comment range
	// whose comment was not carried): pending remembers where they are.
	pending []pendingMark
	bmIDs   map[string]string // old bookmark id -> output id
	bmOpen  map[string]int    // old bookmark id -> index in pending
	ranges  map[string]string // old range id -> output id (moves, perms, custom XML)
	paraIDs map[string]string // old paraId -> output paraId

	top   int          // index of the current top-level body element
	para  int          // Index of the current body paragraph, as ingest counts
	openP int          // body paragraphs open (a text box's are inside one)
	strip *numberStrip // the region heading's text, while it is written
	revs  int

	rejectDel int    // open w:del unwrapped while rejecting
	styleName string // the output name of the style being written
	curAbs    string // the output id of the list definition being written
	noRefs    bool   // style references met are not uses (a style's own basedOn)
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// pendingMark is a bookmark start or comment range already written.
type pendingMark struct {
	off, n int
	kind   markKind
	id     string
	ok     bool
}

type markKind uint8

const (
	markBookmark     markKind = 1 << iota
	markCommentStart          // flags, so a comment's halves can be or-ed
	markCommentEnd
)

func newRewriter(r *region, kind partKind, part string) *rewriter {
	ri := r.roots[part]
	rw := &rewriter{r: r, kind: kind, part: part, rels: r.rels[part], ns: newNSScope(ri),
		rename: r.renames[part], wp: r.outPrefix[part], bmIDs: map[string]string{}, bmOpen: map[string]int{},
		ranges: map[string]string{}, paraIDs: map[string]string{}, top: -1}
	if rw.wp == "" {
		rw.wp = "w"
	}
	if kind == partDefs {
		rw.inside = true
	}
	return rw
}

// run rewrites the tokens of sc.
func (rw *rewriter) run(sc *scanner) error {
	for sc.next() {
		switch sc.tok.kind {
		case tokStart:
			rw.start(sc)
		case tokEnd:
			rw.end(sc)
		case tokText:
			rw.text(sc)
		default:
			rw.write(sc.tok.raw(sc.src))
		}
	}
	return sc.err
}

// fragment rewrites a balanced piece of XML in the current context.
func (rw *rewriter) fragment(where string, data []byte) error {
	return rw.run(newScanner(where, data))
}

// writing reports whether output is being produced.
func (rw *rewriter) writing() bool { return rw.inside && rw.quiet == 0 }

func (rw *rewriter) write(b []byte) {
	if rw.writing() {
		rw.out = append(rw.out, b...)
	}
}

func (rw *rewriter) writeString(s string) {
	if rw.writing() {
		rw.out = append(rw.out, s...)
	}
}

func (rw *rewriter) parent() *frame {
	if len(rw.stack) == 0 {
		return nil
	}
	return &rw.stack[len(rw.stack)-1]
}

// parentIs reports whether the enclosing element has the given local name.
func (rw *rewriter) parentIs(local string) bool {
	p := rw.parent()
	return p != nil && string(p.local) == local
}

func (rw *rewriter) start(sc *scanner) {
	t := &sc.tok
	depth := len(rw.stack)
	// The root's declarations are the scope's base (and the merged root
	// declares them); only those made further down shadow them.
	hasDecl := false
	for _, a := range t.attrs {
		if _, ok := xmlnsPrefix(a.name); ok {
			hasDecl = depth > 0 || rw.kind == partDefs
			break
		}
	}
	if hasDecl {
		rw.ns.push(t, depth)
	}
	prefix, local := splitName(t.name)
	kind := rw.ns.kind(prefix)
	rw.loadAttrs(t)
	fr := frame{kind: kind, local: local, mark: len(rw.out)}
	pendingBefore := len(rw.pending)
	keep := rw.handle(sc, &fr)
	if !keep {
		rw.skip(sc, kind, local)
		if hasDecl {
			rw.ns.pop(depth)
		}
		return
	}
	sealing := len(rw.pending) > pendingBefore
	if fr.flags&(fHidden|fQuiet) == 0 {
		rw.emitStart(sc, &fr)
	}
	if sealing && t.selfClose {
		rw.sealPending()
	} else if sealing {
		fr.flags |= fSeal
	}
	rw.afterStart(&fr, t.selfClose)
	if t.selfClose {
		if hasDecl {
			rw.ns.pop(depth)
		}
		return
	}
	if fr.flags&fQuiet != 0 {
		rw.quiet++
	}
	if kind == nsW && string(local) == "p" && rw.kind == partBody {
		rw.openP++
	}
	rw.stack = append(rw.stack, fr)
}

// skip leaves out the element just started. In the body it counts the
// paragraphs left out (the front matter's), so the paragraphs after them
// keep their Index.
func (rw *rewriter) skip(sc *scanner, kind nsKind, local []byte) {
	if rw.kind != partBody || rw.openP > 0 || !rw.inside {
		if !sc.tok.selfClose {
			sc.skipElement()
		}
		return
	}
	if kind == nsW && string(local) == "p" {
		rw.para++ // a paragraph is counted in handle only when carried
		if !sc.tok.selfClose {
			sc.skipElement()
		}
		return
	}
	if sc.tok.selfClose {
		return
	}
	depth, open := sc.depth()-1, 0
	for sc.next() {
		t := &sc.tok
		if t.kind == tokEnd && sc.depth() == depth {
			return
		}
		prefix, l := splitName(t.name)
		if string(l) != "p" || rw.ns.kind(prefix) != nsW {
			continue
		}
		switch {
		case t.kind == tokStart && open == 0:
			rw.para++
			if !t.selfClose {
				open++
			}
		case t.kind == tokStart && !t.selfClose:
			open++
		case t.kind == tokEnd:
			open--
		}
	}
}

func (rw *rewriter) end(sc *scanner) {
	rw.beforeEnd(&rw.stack[len(rw.stack)-1])
	fr := rw.stack[len(rw.stack)-1]
	rw.stack = rw.stack[:len(rw.stack)-1]
	rw.ns.pop(len(rw.stack))
	if fr.flags&fQuiet != 0 {
		rw.quiet--
	}
	if fr.flags&(fHidden|fQuiet) == 0 {
		if fr.outName != nil {
			rw.writeString("</")
			rw.write(fr.outName)
			rw.writeString(">")
		} else {
			rw.write(sc.tok.raw(sc.src))
		}
	}
	if fr.flags&fSeal != 0 {
		rw.sealPending()
	}
	rw.afterEnd(&fr)
}

func (rw *rewriter) text(sc *scanner) {
	if !rw.writing() {
		return
	}
	if p := rw.parent(); rw.strip != nil && p != nil && p.kind == nsW &&
		(string(p.local) == "t" || string(p.local) == "delText" && rw.rejectDel > 0) {
		rw.writeString(escapeText(rw.strip.text(unescape(sc.tok.raw(sc.src)))))
		return
	}
	if p := rw.parent(); p != nil && p.flags&fInstr != 0 && len(rw.r.anchors) > 0 {
		instr := renameFieldTargets(unescape(sc.tok.raw(sc.src)), rw.r.anchors)
		rw.writeString(escapeText(instr))
		return
	}
	rw.write(sc.tok.raw(sc.src))
}

// loadAttrs copies a start tag's attributes for editing, applying the
// edits every element gets: relationship ids, fresh paragraph ids and
// renamed prefixes.
func (rw *rewriter) loadAttrs(t *token) {
	rw.attrs = rw.attrs[:0]
	rw.changed = false
	rw.elName = t.name
	if len(rw.rename) > 0 {
		rw.elName = rw.renamed(t.name)
		rw.changed = !bytes.Equal(rw.elName, t.name)
	}
	for _, a := range t.attrs {
		oa := outAttr{name: a.name, val: a.val, quote: a.quote}
		rw.attrs = append(rw.attrs, oa)
		prefix, local := splitName(a.name)
		if prefix == nil {
			continue
		}
		i := len(rw.attrs) - 1
		switch rw.ns.kind(prefix) {
		case nsR:
			rw.mapRel(i)
		case nsO:
			if string(local) == "relid" {
				rw.mapRel(i)
			}
		case nsW14:
			if string(local) == "paraId" || string(local) == "textId" {
				old := unescape(a.val)
				nv := rw.freshHex()
				if string(local) == "paraId" {
					rw.paraIDs[old] = nv
				}
				rw.setVal(i, nv)
			}
		case nsWP14:
			if string(local) == "anchorId" || string(local) == "editId" {
				rw.setVal(i, rw.freshHex())
			}
		case nsMC:
			if len(rw.rename) > 0 && mcPrefixList[string(local)] {
				rw.setVal(i, rw.renamePrefixList(unescape(a.val)))
			}
		}
		if len(rw.rename) > 0 {
			if _, isDecl := xmlnsPrefix(a.name); !isDecl && prefix != nil {
				if n := rw.renamed(a.name); !bytes.Equal(n, a.name) {
					rw.attrs[i].name = n
					rw.changed = true
				}
			}
		}
	}
}

// mcPrefixList are markup-compatibility attributes whose values list prefixes.
var mcPrefixList = map[string]bool{"Ignorable": true, "Requires": true, "ProcessContent": true, "MustUnderstand": true, "PreserveElements": true, "PreserveAttributes": true}

func (rw *rewriter) renamePrefixList(v string) string {
	fields := bytes.Fields([]byte(v))
	var out []byte
	for i, f := range fields {
		if i > 0 {
			out = append(out, ' ')
		}
		p, l := splitName(f)
		switch {
		case p != nil:
			out = append(out, rw.prefixFor(string(p))...)
			out = append(out, ':')
			out = append(out, l...)
		default:
			out = append(out, rw.prefixFor(string(f))...)
		}
	}
	return string(out)
}

func (rw *rewriter) prefixFor(p string) string {
	if to, ok := rw.rename[p]; ok && !rw.ns.shadowed(p) {
		return to
	}
	return p
}

// renamed returns a qualified name with its prefix renamed, if it is.
func (rw *rewriter) renamed(qn []byte) []byte {
	prefix, local := splitName(qn)
	to, ok := rw.rename[string(prefix)]
	if !ok || rw.ns.shadowed(string(prefix)) {
		return qn
	}
	out := make([]byte, 0, len(to)+1+len(local))
	out = append(out, to...)
	out = append(out, ':')
	return append(out, local...)
}

func (rw *rewriter) mapRel(i int) {
	old := unescape(rw.attrs[i].val)
	if nv, ok := rw.rels[old]; ok {
		rw.setVal(i, nv)
		return
	}
	if old != "" {
		rw.attrs[i].drop = true
		rw.changed = true
	}
}

// setVal gives attribute i a new (unescaped) value.
func (rw *rewriter) setVal(i int, v string) {
	rw.attrs[i].val = appendEscaped(nil, v)
	rw.attrs[i].quote = '"'
	rw.changed = true
}

// attrIndex finds an attribute by local name in the given namespace.
func (rw *rewriter) attrIndex(kind nsKind, local string) int {
	for i, a := range rw.attrs {
		p, l := splitName(a.name)
		if string(l) != local {
			continue
		}
		if p == nil && kind == nsOther || p != nil && rw.ns.kind(p) == kind {
			return i
		}
	}
	return -1
}

// attrGet returns the unescaped value of an attribute.
func (rw *rewriter) attrGet(kind nsKind, local string) (string, int) {
	i := rw.attrIndex(kind, local)
	if i < 0 {
		return "", -1
	}
	return unescape(rw.attrs[i].val), i
}

// setAttr sets an attribute that exists; it reports whether it did.
func (rw *rewriter) setAttr(kind nsKind, local, v string) bool {
	if i := rw.attrIndex(kind, local); i >= 0 {
		rw.setVal(i, v)
		return true
	}
	return false
}

func (rw *rewriter) dropAttr(kind nsKind, local string) {
	if i := rw.attrIndex(kind, local); i >= 0 {
		rw.attrs[i].drop = true
		rw.changed = true
	}
}

// emitStart writes a start tag: the source bytes when nothing changed.
func (rw *rewriter) emitStart(sc *scanner, fr *frame) {
	t := &sc.tok
	if !rw.writing() {
		return
	}
	if !rw.changed {
		rw.out = append(rw.out, t.raw(sc.src)...)
		return
	}
	rw.out = append(rw.out, '<')
	rw.out = append(rw.out, rw.elName...)
	for _, a := range rw.attrs {
		if a.drop {
			continue
		}
		rw.out = append(rw.out, ' ')
		rw.out = append(rw.out, a.name...)
		rw.out = append(rw.out, '=', a.quote)
		rw.out = append(rw.out, a.val...)
		rw.out = append(rw.out, a.quote)
	}
	if t.selfClose {
		rw.out = append(rw.out, "/>"...)
	} else {
		rw.out = append(rw.out, '>')
	}
	if !bytes.Equal(rw.elName, t.name) {
		fr.outName = rw.elName
	}
}

// freshHex hands out a paragraph or durable id.
func (rw *rewriter) freshHex() string {
	v := rw.r.ids.hex.take()
	return hex8(v)
}

func hex8(v int64) string {
	s := strconv.FormatInt(v, 16)
	for len(s) < 8 {
		s = "0" + s
	}
	return string(bytes.ToUpper([]byte(s)))
}

func (rw *rewriter) freshAnnot() string { return strconv.FormatInt(rw.r.ids.annot.take(), 10) }

// synth writes markup the merge makes itself, with the output's w: prefix.
func (rw *rewriter) synth(format string, args ...string) {
	if !rw.writing() {
		return
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case c == '%' && i+1 < len(format) && format[i+1] == 'w':
			rw.out = append(rw.out, rw.wp...)
			i++
		case c == '%' && i+1 < len(format) && format[i+1] == 's':
			rw.out = appendEscaped(rw.out, args[0])
			args = args[1:]
			i++
		default:
			rw.out = append(rw.out, c)
		}
	}
}
