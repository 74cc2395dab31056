package diff

import (
	"strings"

	"tsagmerge/ingest/xmltok"
)

// What the new version no longer has is written back from the old
// version's XML, so that a deleted paragraph or table keeps its look:
// paragraph, run, table, row and cell properties and the text. What would
// point into the old package (pictures, links, notes, comments,
// bookmarks) is left out; styles and lists the new version does not
// define are dropped. Everything is rewritten in the new version's prefix.

// copyUnwrap are the elements a deleted copy looks through: their content
// is kept, the element itself not (a link without its target, a field
// without its code, a content control without its properties).
var copyUnwrap = map[string]bool{
	"hyperlink": true, "smartTag": true, "sdt": true, "sdtContent": true, "fldSimple": true,
	"customXml": true, "dir": true, "bdo": true,
}

// copyProps are the property elements copied whole (filtered).
var copyProps = map[string]bool{"tblPr": true, "tblGrid": true, "tblPrEx": true, "tcPr": true}

// propsDropped are the property children a copy leaves out: earlier
// changes, and what belongs to another part of the old package.
var propsDropped = map[string]bool{
	"rPrChange": true, "pPrChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true,
	"tblGridChange": true, "tblPrExChange": true, "sectPrChange": true, "sectPr": true, "cellIns": true, "cellDel": true,
	"cellMerge": true, "ins": true, "del": true, "moveFrom": true, "moveTo": true, "numberingChange": true,
}

// runKeeps maps the run children a deleted copy keeps to what it writes.
var runKeeps = map[string]string{
	"t": "delText", "delText": "delText", "instrText": "delInstrText", "tab": "tab", "ptab": "ptab",
	"br": "br", "cr": "cr", "noBreakHyphen": "noBreakHyphen", "softHyphen": "softHyphen", "sym": "sym",
	"fldChar": "fldChar",
}

// copier writes one deleted copy.
type copier struct {
	rl     *redliner
	kind   string // "del" or "moveFrom"
	prefix string // the old part's WordprocessingML prefix
	src    []byte
	out    []byte
	// pendingPr is set after a w:p or w:tr start until its properties
	// (given a mark) are written.
	pendingPr string
	// texts are the copied paragraphs' texts as ingest read them, in
	// order; para counts the paragraphs copied, runsAt is where the open
	// paragraph's content starts in out, and shown what its runs show.
	texts  []string
	para   int
	runsAt int
	shown  strings.Builder
	noMark bool
}

// deletedCopy rewrites src, a paragraph, row or table of the old version,
// as deleted (kind "del") or moved away (kind "moveFrom"). texts are its
// paragraphs' texts, as ingest read them: a paragraph whose copied runs
// show another text (text in a text box, a content control's fallback,
// a picture not carried over) is written as that text, plainly, so that
// rejecting the changes gives the old text exactly.
//
// noMark leaves the paragraph mark of a paragraph copied unrecorded (the
// last of a container; see shiftMarks).
func (rl *redliner) deletedCopy(src []byte, prefix, kind string, texts []string, noMark bool) []byte {
	c := &copier{rl: rl, kind: kind, prefix: prefix, src: src, texts: texts, noMark: noMark}
	w := newWalker(src, prefix)
	for w.next() {
		tok := &w.sc.Tok
		switch tok.Kind {
		case xmltok.StartTag:
			c.start(w)
		case xmltok.EndTag:
			c.end(w.local)
		}
	}
	return c.out
}

func (c *copier) start(w *walker) {
	tok := &w.sc.Tok
	local := w.local
	if c.pendingPr != "" && local != "tblPrEx" {
		c.writePending(local, w)
		if local == "pPr" || local == "trPr" {
			return
		}
	}
	switch {
	case local == "p" || local == "tbl" || local == "tr" || local == "tc":
		c.out = append(c.out, "<"+c.rl.w+":"+local+">"...)
		if local == "p" || local == "tr" {
			c.pendingPr = local
		}
		if tok.SelfClosing {
			c.end(local)
		}
	case copyProps[local]:
		start := tok.Start
		c.out = append(c.out, c.props(c.src[start:w.skip()], "")...)
	case local == "r":
		start := tok.Start
		c.run(c.src[start:w.skip()])
	case copyUnwrap[local] || local == "ins" || local == "moveTo":
	case local == "sdtPr" || local == "sdtEndPr":
		w.skip()
	default:
		w.skip()
	}
}

// writePending writes the properties of the w:p or w:tr just opened, with
// the mark that says it is deleted; the element local is its first child.
func (c *copier) writePending(local string, w *walker) {
	propsName := "pPr"
	if c.pendingPr == "tr" {
		propsName = "trPr"
	}
	c.pendingPr = ""
	defer func() { c.runsAt = len(c.out) }()
	if c.noMark && propsName == "pPr" {
		if local == propsName {
			start := w.sc.Tok.Start
			c.out = append(c.out, c.props(c.src[start:w.skip()], "")...)
		}
		return
	}
	mark := c.rl.selfMark(c.kind)
	if local == propsName {
		start := w.sc.Tok.Start
		c.out = append(c.out, c.props(c.src[start:w.skip()], mark)...)
		return
	}
	if propsName == "pPr" {
		mark = "<" + c.rl.w + ":rPr>" + mark + "</" + c.rl.w + ":rPr>"
	}
	c.out = append(c.out, "<"+c.rl.w+":"+propsName+">"+mark+"</"+c.rl.w+":"+propsName+">"...)
}

func (c *copier) end(local string) {
	switch local {
	case "p", "tr":
		if c.pendingPr != "" {
			c.writePending("", nil)
		}
		if local == "p" {
			c.settleText()
		}
		fallthrough
	case "tbl", "tc":
		c.out = append(c.out, c.rl.closeTag(local)...)
	}
}

// settleText makes the paragraph just copied show the text ingest read
// in it: the text of its text boxes follows its own on lines of their
// own, and any other difference has the runs replaced by the text.
func (c *copier) settleText() {
	shown := c.shown.String()
	c.shown.Reset()
	if c.para >= len(c.texts) {
		return
	}
	want := c.texts[c.para]
	c.para++
	switch {
	case shown == want:
	case strings.HasPrefix(want, shown+"\n"):
		c.out = c.rl.appendDeleted(c.out, c.kind, want[len(shown):], nil)
	default:
		c.out = c.rl.appendDeleted(c.out[:c.runsAt], c.kind, want, nil)
	}
}

// run writes one old run as deleted text: its properties and the
// children that show text.
func (c *copier) run(raw []byte) {
	rv, err := readRun(raw, c.prefix)
	if err != nil {
		return
	}
	var kids []byte
	for _, k := range rv.kids {
		if k.picture {
			if pic, ok := c.rl.carryPicture(k.raw); ok {
				kids = append(kids, pic...)
			}
			continue
		}
		name, ok := runKeeps[localOf(k.raw)]
		if !ok {
			continue
		}
		if c.kind == "moveFrom" && name == "delText" {
			name = "t"
		}
		if k.chars > 0 {
			c.shown.WriteString(kidText(k))
		}
		if name == "delText" || name == "t" {
			if k.text != "" {
				kids = c.rl.appendText(kids, name, k.text)
			}
			continue
		}
		if name == "delInstrText" {
			kids = c.rl.appendText(kids, name, instrOf(k.raw))
			continue
		}
		kids = append(kids, c.props(k.raw, "")...)
	}
	if len(kids) == 0 {
		return
	}
	c.out = append(c.out, c.rl.openMark(c.kind)...)
	c.out = append(c.out, "<"+c.rl.w+":r>"...)
	if rv.rPr != nil {
		c.out = append(c.out, c.props(rv.rPr, "")...)
	}
	c.out = append(append(c.out, kids...), c.rl.closeTag("r")...)
	c.out = append(c.out, c.rl.closeTag(c.kind)...)
}

// instrOf is a w:instrText's field code.
func instrOf(raw []byte) string {
	open := strings.IndexByte(string(raw), '>')
	close := strings.LastIndex(string(raw), "</")
	if open < 0 || close <= open {
		return ""
	}
	return xmltok.Unescape(raw[open+1 : close])
}

// props rewrites a property element (or any element of plain
// WordprocessingML content) in the new prefix, leaving out the children
// propsDropped names, attributes of other vocabularies, and references to
// styles and lists the new version lacks; mark, when given, is added as
// the paragraph mark's (w:pPr) or row's (w:trPr) change.
func (c *copier) props(raw []byte, mark string) []byte {
	w := newWalker(raw, c.prefix)
	var out []byte
	rootLocal := ""
	hasRPr := false
	for w.next() {
		tok := &w.sc.Tok
		depth := len(w.stack)
		switch tok.Kind {
		case xmltok.StartTag:
			if depth == 1 {
				rootLocal = w.local
			}
			if w.local == "" || propsDropped[w.local] || (depth > 1 && rootLocal == "pPr" && w.local == "rPr" && mark == "") ||
				!c.rl.knownRef(w.local, tok) {
				w.skip()
				continue
			}
			if depth == 2 && rootLocal == "pPr" && w.local == "rPr" {
				hasRPr = true
				out = append(out, c.rl.tag(w, c.prefix, false)...)
				out = append(out, mark...)
				if tok.SelfClosing {
					out = append(out, c.rl.closeTag("rPr")...)
				}
				continue
			}
			out = append(out, c.rl.tag(w, c.prefix, tok.SelfClosing && !(depth == 1 && mark != ""))...)
			if depth == 1 && mark != "" && tok.SelfClosing {
				out = c.closeProps(out, rootLocal, mark, hasRPr)
			}
		case xmltok.EndTag:
			if depth == 1 && mark != "" {
				out = c.closeProps(out, rootLocal, mark, hasRPr)
				continue
			}
			if w.local != "" {
				out = append(out, c.rl.closeTag(w.local)...)
			}
		}
	}
	return out
}

// closeProps ends a property element given a mark: a w:trPr takes the
// mark as its last child, a w:pPr a w:rPr holding it (unless it had one).
func (c *copier) closeProps(out []byte, local, mark string, hasRPr bool) []byte {
	switch {
	case local == "trPr":
		out = append(out, mark...)
	case !hasRPr:
		out = append(out, "<"+c.rl.w+":rPr>"+mark+"</"+c.rl.w+":rPr>"...)
	}
	return append(out, c.rl.closeTag(local)...)
}

// tag rewrites the current start tag in the new prefix, keeping only
// WordprocessingML attributes and xml:space.
func (rl *redliner) tag(w *walker, prefix string, self bool) string {
	var b strings.Builder
	b.WriteString("<" + rl.w + ":" + w.local)
	for _, a := range w.sc.Tok.Attrs {
		p, local := xmltok.SplitName(a.Name)
		switch {
		case string(p) == prefix && prefix != "":
			b.WriteString(" " + rl.w + ":" + string(local))
		case string(p) == "xml" && string(local) == "space":
			b.WriteString(" xml:space")
		default:
			continue
		}
		b.WriteString(`="` + xmltok.EscapeAttr(xmltok.Unescape(a.Value)) + `"`)
	}
	if self {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
	return b.String()
}

// knownRef reports whether an element that names a style or a list names
// one the new version defines.
func (rl *redliner) knownRef(local string, tok *xmltok.Token) bool {
	switch local {
	case "pStyle", "rStyle", "tblStyle":
		v, _ := tok.LocalAttr("val")
		return rl.newDoc.Styles.Get(v) != nil
	case "numId":
		v, _ := tok.LocalAttr("val")
		return v == "0" || rl.numIDs[v]
	}
	return true
}
