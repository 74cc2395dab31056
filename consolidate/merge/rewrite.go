package merge

import (
	"bytes"
	"strconv"

	"tsagmerge/ingest/xmltok"
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
	fHidden       uint32 = 1 << iota // start and end tags are not written
	fQuiet                           // nothing inside is written either
	fBody                            // the w:body element
	fRestyle                         // a heading paragraph given a new style
	fNeedPPr                         // …whose w:pPr has not been met yet
	fRestylePPr                      // the w:pPr of a restyled paragraph
	fHeading                         // the region heading paragraph
	fInstr                           // field code text
	fDrop                            // a row or cell removed at its end
	fRejectDel                       // a w:del unwrapped when rejecting
	fHeadingPPr                      // the w:pPr of the region heading
	fSeal                            // a pending mark whose length is known at its end
	fRows                            // a table with a row carried
	fDefaultStyle                    // a paragraph given the region's default style if it names none
	fDefaultPPr                      // …whose w:pPr has not shown a w:pStyle yet
	fSect                            // a region's w:sectPr (sections.go)
	fFirstSect                       // …the region's first
	fFinalSect                       // …the body's own, moved after the region
)

// frame is one open element.
type frame struct {
	kind    nsKind
	local   []byte
	outName []byte // the name written, when it differs from the source
	flags   uint32
	mark    int    // output length when the element started
	style   string // the output style of a restyled paragraph
	tail    blockTail
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
	ns     *xmltok.Scope[nsKind]
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
	// moveAt is where the content carried from before the region heading
	// starts in out, -1 when there is none (moveunder.go).
	moveAt int
	revs   int

	sawSect bool // a section's properties were met in the body

	rejectDel int    // open w:del unwrapped while rejecting
	styleName string // the output name of the style being written
	curAbs    string // the output id of the list definition being written
	noRefs    bool   // style references met are not uses (a style's own basedOn)
}

// nsOf resolves a prefix ("" is the default namespace); an undeclared
// one is nsOther.
func (rw *rewriter) nsOf(prefix []byte) nsKind {
	k, _ := rw.ns.Lookup(prefix)
	return k
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
		ranges: map[string]string{}, paraIDs: map[string]string{}, top: -1, moveAt: -1}
	if rw.wp == "" {
		rw.wp = "w"
	}
	if kind == partDefs {
		rw.inside = true
	}
	return rw
}

// run rewrites the tokens of sc.
func (rw *rewriter) run(sc *xmltok.Scanner) error {
	for sc.Next() {
		switch sc.Tok.Kind {
		case xmltok.StartTag:
			rw.start(sc)
		case xmltok.EndTag:
			rw.end(sc)
		case xmltok.Text:
			rw.text(sc)
		default:
			rw.write(sc.Raw())
		}
	}
	return scanErr(sc)
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

func (rw *rewriter) start(sc *xmltok.Scanner) {
	t := &sc.Tok
	depth := len(rw.stack)
	// The root's declarations are the scope's base (and the merged root
	// declares them); only those made further down shadow them.
	if depth > 0 || rw.kind == partDefs {
		rw.ns.Open(t.Attrs)
	} else {
		rw.ns.Open(nil)
	}
	prefix, local := xmltok.SplitName(t.Name)
	kind := rw.nsOf(prefix)
	rw.loadAttrs(t)
	fr := frame{kind: kind, local: local, mark: len(rw.out)}
	pendingBefore := len(rw.pending)
	keep := rw.handle(sc, &fr)
	if !keep {
		rw.skip(sc, kind, local)
		rw.ns.Close()
		return
	}
	sealing := len(rw.pending) > pendingBefore
	if fr.flags&(fHidden|fQuiet) == 0 {
		rw.emitStart(sc, &fr)
	}
	if sealing && t.SelfClosing {
		rw.sealPending()
	} else if sealing {
		fr.flags |= fSeal
	}
	rw.afterStart(&fr, t.SelfClosing)
	if t.SelfClosing {
		rw.blockCarried(&fr)
		rw.ns.Close()
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
func (rw *rewriter) skip(sc *xmltok.Scanner, kind nsKind, local []byte) {
	if rw.kind != partBody || rw.openP > 0 || !rw.inside {
		if !sc.Tok.SelfClosing {
			sc.SkipElement()
		}
		return
	}
	if kind == nsW && string(local) == "p" {
		rw.para++ // a paragraph is counted in handle only when carried
		if !sc.Tok.SelfClosing {
			sc.SkipElement()
		}
		return
	}
	if sc.Tok.SelfClosing {
		return
	}
	depth, open := sc.Depth()-1, 0
	for sc.Next() {
		t := &sc.Tok
		if t.Kind == xmltok.EndTag && sc.Depth() == depth {
			return
		}
		prefix, l := xmltok.SplitName(t.Name)
		if string(l) != "p" || rw.nsOf(prefix) != nsW {
			continue
		}
		switch {
		case t.Kind == xmltok.StartTag && open == 0:
			rw.para++
			if !t.SelfClosing {
				open++
			}
		case t.Kind == xmltok.StartTag && !t.SelfClosing:
			open++
		case t.Kind == xmltok.EndTag:
			open--
		}
	}
}

func (rw *rewriter) end(sc *xmltok.Scanner) {
	rw.beforeEnd(&rw.stack[len(rw.stack)-1])
	fr := rw.stack[len(rw.stack)-1]
	rw.stack = rw.stack[:len(rw.stack)-1]
	rw.ns.Close()
	if fr.flags&fQuiet != 0 {
		rw.quiet--
	}
	if fr.flags&(fHidden|fQuiet) == 0 {
		if fr.outName != nil {
			rw.writeString("</")
			rw.write(fr.outName)
			rw.writeString(">")
		} else {
			rw.write(sc.Raw())
		}
	}
	if fr.flags&fSeal != 0 {
		rw.sealPending()
	}
	rw.afterEnd(&fr)
}

func (rw *rewriter) text(sc *xmltok.Scanner) {
	if !rw.writing() {
		return
	}
	if p := rw.parent(); rw.strip != nil && p != nil && p.kind == nsW &&
		(string(p.local) == "t" || string(p.local) == "delText" && rw.rejectDel > 0) {
		rw.writeString(xmltok.EscapeText(rw.strip.text(xmltok.Unescape(sc.Raw()))))
		return
	}
	if p := rw.parent(); p != nil && p.flags&fInstr != 0 && len(rw.r.anchors) > 0 {
		instr := renameFieldTargets(xmltok.Unescape(sc.Raw()), rw.r.anchors)
		rw.writeString(xmltok.EscapeText(instr))
		return
	}
	rw.write(sc.Raw())
}

// loadAttrs copies a start tag's attributes for editing, applying the
// edits every element gets: relationship ids, fresh paragraph ids and
// renamed prefixes.
func (rw *rewriter) loadAttrs(t *xmltok.Token) {
	rw.attrs = rw.attrs[:0]
	rw.changed = false
	rw.elName = t.Name
	if len(rw.rename) > 0 {
		rw.elName = rw.renamed(t.Name)
		rw.changed = !bytes.Equal(rw.elName, t.Name)
	}
	for _, a := range t.Attrs {
		oa := outAttr{name: a.Name, val: a.Value, quote: a.Quote}
		rw.attrs = append(rw.attrs, oa)
		prefix, local := xmltok.SplitName(a.Name)
		if prefix == nil {
			continue
		}
		i := len(rw.attrs) - 1
		switch rw.nsOf(prefix) {
		case nsR:
			rw.mapRel(i)
		case nsO:
			if string(local) == "relid" {
				rw.mapRel(i)
			}
		case nsW14:
			if string(local) == "paraId" || string(local) == "textId" {
				old := xmltok.Unescape(a.Value)
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
				rw.setVal(i, rw.renamePrefixList(xmltok.Unescape(a.Value)))
			}
		}
		if len(rw.rename) > 0 {
			if _, isDecl := xmltok.DeclaredPrefix(a.Name); !isDecl && prefix != nil {
				if n := rw.renamed(a.Name); !bytes.Equal(n, a.Name) {
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
		p, l := xmltok.SplitName(f)
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
	if to, ok := rw.rename[p]; ok && !rw.ns.Shadowed([]byte(p)) {
		return to
	}
	return p
}

// renamed returns a qualified name with its prefix renamed, if it is.
func (rw *rewriter) renamed(qn []byte) []byte {
	prefix, local := xmltok.SplitName(qn)
	to, ok := rw.rename[string(prefix)]
	if !ok || rw.ns.Shadowed(prefix) {
		return qn
	}
	out := make([]byte, 0, len(to)+1+len(local))
	out = append(out, to...)
	out = append(out, ':')
	return append(out, local...)
}

func (rw *rewriter) mapRel(i int) {
	old := xmltok.Unescape(rw.attrs[i].val)
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
	rw.attrs[i].val = xmltok.AppendEscaped(nil, v)
	rw.attrs[i].quote = '"'
	rw.changed = true
}

// attrIndex finds an attribute by local name in the given namespace.
func (rw *rewriter) attrIndex(kind nsKind, local string) int {
	for i, a := range rw.attrs {
		p, l := xmltok.SplitName(a.name)
		if string(l) != local {
			continue
		}
		if p == nil && kind == nsOther || p != nil && rw.nsOf(p) == kind {
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
	return xmltok.Unescape(rw.attrs[i].val), i
}

// setAttr sets an attribute that exists; it reports whether it did.
func (rw *rewriter) setAttr(kind nsKind, local, v string) bool {
	if i := rw.attrIndex(kind, local); i >= 0 {
		rw.setVal(i, v)
		return true
	}
	return false
}

// putAttr sets the w: attribute local to v, adding it when the element
// lacks it.
func (rw *rewriter) putAttr(local, v string) {
	if !rw.setAttr(nsW, local, v) {
		rw.attrs = append(rw.attrs, outAttr{name: []byte(rw.wp + ":" + local), val: xmltok.AppendEscaped(nil, v), quote: '"'})
		rw.changed = true
	}
}

func (rw *rewriter) dropAttr(kind nsKind, local string) {
	if i := rw.attrIndex(kind, local); i >= 0 {
		rw.attrs[i].drop = true
		rw.changed = true
	}
}

// emitStart writes a start tag: the source bytes when nothing changed.
func (rw *rewriter) emitStart(sc *xmltok.Scanner, fr *frame) {
	t := &sc.Tok
	if !rw.writing() {
		return
	}
	if !rw.changed {
		rw.out = append(rw.out, sc.Raw()...)
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
	if t.SelfClosing {
		rw.out = append(rw.out, "/>"...)
	} else {
		rw.out = append(rw.out, '>')
	}
	if !bytes.Equal(rw.elName, t.Name) {
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
			rw.out = xmltok.AppendEscaped(rw.out, args[0])
			args = args[1:]
			i++
		default:
			rw.out = append(rw.out, c)
		}
	}
}
