package merge

import "tsagmerge/ingest/xmltok"

// handle decides what becomes of the element just started: it returns
// false to leave the element (and all it holds) out, or true to carry it,
// after editing its attributes and setting the frame's flags.
func (rw *rewriter) handle(sc *xmltok.Scanner, fr *frame) bool {
	depth := len(rw.stack)
	if !rw.inside {
		return rw.outside(fr, depth)
	}
	if rw.kind == partBody {
		if p := rw.parent(); p != nil && p.flags&fBody != 0 {
			if rw.dropTop(fr) {
				return false
			}
		}
	} else if depth == 1 && rw.kind != partDefs {
		if !rw.topFilter(fr) {
			return false
		}
	}
	rw.restyleFirstChild(fr)
	if rw.r.pal != nil {
		rw.recolour(fr)
	}
	if rw.r.fonts != nil {
		rw.refont(fr)
	}
	switch fr.kind {
	case nsW:
		return rw.handleW(sc, fr)
	case nsW15:
		if string(fr.local) == "dataBinding" && rw.parentIs("sdtPr") {
			return rw.dropBinding()
		}
	case nsWP:
		if string(fr.local) == "docPr" {
			rw.setAttr(nsOther, "id", itoa(rw.r.ids.docPr.take()))
		}
	}
	return true
}

// outside handles the elements around the carried content: the root of
// every part, and w:body of the main document.
func (rw *rewriter) outside(fr *frame, depth int) bool {
	fr.flags |= fHidden
	switch {
	case depth == 0 && rw.kind != partBody:
		rw.inside = true
		return true
	case depth == 0:
		return true
	case depth == 1 && fr.kind == nsW && string(fr.local) == "body":
		fr.flags |= fBody
		rw.inside = true
		if rw.r.plan.heading < 0 {
			rw.writeHeading()
		}
		return true
	}
	return false
}

// afterStart runs once the start tag is written.
func (rw *rewriter) afterStart(fr *frame, selfClose bool) {
	if fr.flags&fSect != 0 {
		rw.writeString(rw.r.sectRefs)
	}
	if fr.flags&fRestylePPr == 0 {
		return
	}
	if !selfClose {
		rw.synth(`<%w:pStyle %w:val="%s"/>`, fr.style)
	}
}

// beforeEnd runs before an element's end tag is written, while its frame
// is still open.
func (rw *rewriter) beforeEnd(fr *frame) {
	if fr.flags&fNeedPPr != 0 {
		fr.flags &^= fNeedPPr
		rw.writePPr(fr)
	}
	if fr.flags&fDefaultPPr != 0 {
		fr.flags &^= fDefaultPPr
		rw.synth(`<%w:pStyle %w:val="%s"/>`, fr.style)
	}
	if fr.flags&fHeading != 0 {
		rw.endHeading()
	}
	rw.closeBlock(fr)
	if fr.kind == nsW && string(fr.local) == "p" && rw.kind == partBody {
		rw.openP--
	}
	if string(fr.local) == "del" || string(fr.local) == "moveFrom" {
		if fr.flags&fRejectDel != 0 {
			rw.rejectDel--
		}
	}
}

// afterEnd runs once the element is closed.
func (rw *rewriter) afterEnd(fr *frame) {
	if fr.flags&(fSect|fFinalSect) == fSect|fFinalSect {
		rw.keepFinalSect(fr.mark)
		return
	}
	if fr.flags&fDrop != 0 {
		rw.truncate(fr.mark)
	} else {
		rw.blockCarried(fr)
	}
	if fr.flags&fHeadingPPr != 0 {
		rw.writeNumber()
	}
	if rw.moveAt >= 0 && rw.kind == partBody && rw.top == rw.r.plan.heading && len(rw.stack) > 0 && rw.parent().flags&fBody != 0 {
		rw.moveUnder(fr.mark)
	}
	if fr.flags&fBody != 0 || len(rw.stack) == 0 && rw.kind != partDefs {
		rw.inside = false
	}
}

// dropTop counts a direct child of w:body and reports whether it is left
// out: it belongs to the region's title block. What stands before the
// region heading is noted to be moved under it. The body-level section
// properties are handled as any other element (sectStart takes them out
// of the body); so are the heading and sub-headings (paragraph).
func (rw *rewriter) dropTop(fr *frame) bool {
	rw.top++
	plan := &rw.r.plan
	local := string(fr.local)
	switch {
	case fr.kind == nsW && local == "sectPr":
	case plan.drop[rw.top] && !(fr.kind == nsW && zeroWidthMarks[local]):
		return true
	case rw.top < plan.heading && rw.moveAt < 0 && !(fr.kind == nsW && zeroWidthMarks[local]):
		rw.moveAt = len(rw.out) // carried from before the heading: moved under it
	}
	return false
}

// paragraph counts a body paragraph as ingest does (those in tables
// included, those in text boxes not) and marks the region heading and the
// sub-headings to restyle.
func (rw *rewriter) paragraph(sc *xmltok.Scanner, fr *frame) {
	if rw.kind != partBody || rw.openP > 0 {
		return
	}
	rw.para++
	if sc.Tok.SelfClosing {
		return
	}
	plan := &rw.r.plan
	if rw.para == plan.headingPara {
		fr.flags |= fRestyle | fNeedPPr | fHeading
		fr.style = rw.r.headingID[1]
		rw.strip = &numberStrip{pending: plan.typedNumber, done: plan.typedNumber == ""}
	} else if id, ok := rw.r.restyled[rw.para]; ok {
		fr.flags |= fRestyle | fNeedPPr
		fr.style = id
	} else if rw.r.defaultStyle != "" {
		// A paragraph that names no style would take the output's default
		// (Normal), not the region's look of it (Normal (ARB)).
		fr.flags |= fDefaultStyle | fNeedPPr
		fr.style = rw.r.defaultStyle
	}
}

// dropBinding leaves out a content control's w:dataBinding: the TD's
// core properties and custom XML are not the region's, and Word shows the
// bound value when it opens the file. The control keeps the text it shows
// now, static, and the report says so.
func (rw *rewriter) dropBinding() bool {
	if rw.writing() {
		xpath, _ := rw.attrGet(nsW, "xpath")
		para := rw.para
		if rw.kind == partBody && rw.openP == 0 {
			para++ // a block control: its first paragraph is still to come
		}
		if rw.kind != partBody {
			para = 0
		}
		rw.r.noteBinding(para, xpath)
	}
	return false
}

// zeroWidthMarks are the body-level elements that hold no content; they
// are carried even from the front matter, and dropped later if their
// other half is not.
var zeroWidthMarks = map[string]bool{
	"bookmarkStart": true, "bookmarkEnd": true, "commentRangeStart": true, "commentRangeEnd": true,
	"permStart": true, "permEnd": true, "moveFromRangeStart": true, "moveFromRangeEnd": true,
	"moveToRangeStart": true, "moveToRangeEnd": true,
}

// restyleFirstChild gives a restyled paragraph its w:pPr when its first
// child is not one, and a paragraph given the region's default style its
// w:pStyle when its w:pPr does not start with one.
func (rw *rewriter) restyleFirstChild(fr *frame) {
	p := rw.parent()
	if p == nil || p.flags&(fNeedPPr|fDefaultPPr) == 0 {
		return
	}
	isW := fr.kind == nsW
	if p.flags&fDefaultPPr != 0 {
		p.flags &^= fDefaultPPr
		if !isW || string(fr.local) != "pStyle" {
			rw.synth(`<%w:pStyle %w:val="%s"/>`, p.style)
		}
		return
	}
	p.flags &^= fNeedPPr
	if isW && string(fr.local) == "pPr" {
		fr.style = p.style
		if p.flags&fDefaultStyle != 0 {
			fr.flags |= fDefaultPPr
			return
		}
		fr.flags |= fRestylePPr
		if p.flags&fHeading != 0 {
			fr.flags |= fHeadingPPr
		}
		return
	}
	rw.writePPr(p)
}

// writePPr writes the properties of a restyled paragraph that has none,
// and the number of a region heading.
func (rw *rewriter) writePPr(p *frame) {
	rw.synth(`<%w:pPr><%w:pStyle %w:val="%s"/></%w:pPr>`, p.style)
	if p.flags&fHeading != 0 {
		rw.writeNumber()
	}
}

// topFilter handles the children of the root of notes and comments parts:
// only the carried notes and comments pass, under their new ids.
func (rw *rewriter) topFilter(fr *frame) bool {
	local := string(fr.local)
	switch rw.kind {
	case partNotes:
		if fr.kind != nsW || (local != "footnote" && local != "endnote") {
			return false
		}
		if typ, i := rw.attrGet(nsW, "type"); i >= 0 && typ != "normal" {
			return false // separators: the template has its own
		}
		return rw.mapID(nsW, "id", rw.noteMap())
	case partComments:
		if fr.kind != nsW || local != "comment" {
			return false
		}
		old, _ := rw.attrGet(nsW, "id")
		if !rw.r.commentRefs[old] || !rw.mapID(nsW, "id", rw.r.comments) {
			return false
		}
		rw.r.report.CommentsKept++
		rw.r.keepComment(old)
		return true
	case partCommentsEx:
		if fr.kind != nsW15 || local != "commentEx" || !rw.mapID(nsW15, "paraId", rw.r.commentPara) {
			return false
		}
		if parent, i := rw.attrGet(nsW15, "paraIdParent"); i >= 0 {
			if nv, ok := rw.r.commentPara[parent]; ok {
				rw.setVal(i, nv)
			} else {
				rw.attrs[i].drop = true
			}
		}
		return true
	case partCommentsIDs:
		if fr.kind != nsW16CID || local != "commentId" || !rw.mapID(nsW16CID, "paraId", rw.r.commentPara) {
			return false
		}
		if old, i := rw.attrGet(nsW16CID, "durableId"); i >= 0 {
			nv := rw.freshHex()
			rw.r.durable[old] = nv
			rw.setVal(i, nv)
		}
		return true
	case partCommentsExt:
		return fr.kind == nsW16CEX && local == "commentExtensible" && rw.mapID(nsW16CEX, "durableId", rw.r.durable)
	}
	return false
}

// mapID replaces an id attribute through m; false when it is not in m.
func (rw *rewriter) mapID(kind nsKind, local string, m map[string]string) bool {
	old, i := rw.attrGet(kind, local)
	nv, ok := m[old]
	if i < 0 || !ok {
		return false
	}
	if nv != old {
		rw.setVal(i, nv)
	}
	return true
}

func (rw *rewriter) noteMap() map[string]string {
	if rw.part == rw.r.parts.endnotes {
		return rw.r.endnotes
	}
	return rw.r.footnotes
}

// handleW handles the WordprocessingML elements the merge looks into.
func (rw *rewriter) handleW(sc *xmltok.Scanner, fr *frame) bool {
	local := string(fr.local)
	if p := rw.parent(); p != nil && p.flags&fHeadingPPr != 0 && !headingPPrKeeps[local] {
		return false
	}
	switch local {
	case "p":
		rw.paragraph(sc, fr)
	case "pPr":
		if fr.flags&(fRestylePPr|fDefaultPPr) != 0 && sc.Tok.SelfClosing {
			p := frame{style: fr.style}
			if fr.flags&fHeadingPPr != 0 {
				p.flags = fHeading
			}
			rw.writePPr(&p)
			return false
		}
	case "pStyle", "outlineLvl":
		if rw.parent().flags&fRestylePPr != 0 {
			return false
		}
		if local == "pStyle" {
			return rw.mapStyleVal()
		}
	case "rStyle", "tblStyle":
		return rw.mapStyleVal()
	case "numId":
		if rw.parentIs("numPr") {
			rw.mapNumVal()
		}
	case "bookmarkStart":
		return rw.bookmarkStart()
	case "bookmarkEnd":
		return rw.bookmarkEnd()
	case "commentRangeStart", "commentRangeEnd":
		return rw.commentRange(local == "commentRangeEnd")
	case "commentReference":
		return rw.commentReference()
	case "footnoteReference":
		return rw.mapID(nsW, "id", rw.r.footnotes)
	case "endnoteReference":
		return rw.mapID(nsW, "id", rw.r.endnotes)
	case "hyperlink":
		rw.renameAnchor()
	case "fldSimple":
		rw.renameInstr()
	case "instrText":
		fr.flags |= fInstr
	case "tab":
		if rw.strip.active() && rw.parentIs("r") && rw.strip.tab() {
			return false
		}
	case "headerReference", "footerReference", "titlePg":
		// The template's headers and footers serve every page (sectStart
		// names them); a region's section must not ask for a first-page
		// header of its own (which would be the template's cover header).
		return !rw.parentIs("sectPr")
	case "pgSz", "pgMar":
		if rw.kind == partBody && rw.parentIs("sectPr") && rw.r.page.w != "" {
			if local == "pgSz" {
				rw.pageSize()
			} else {
				rw.pageMargins()
			}
			return false
		}
	case "sectPr":
		if rw.kind != partBody {
			break
		}
		// A rejected page-setup change restores the old properties
		// first; the restored w:sectPr comes back here without it.
		if rw.r.opts.Revisions == RevisionsReject && !sc.Tok.SelfClosing && !rw.rejectProps(sc, fr) {
			return false
		}
		return rw.sectStart(sc, fr)
	case "dataBinding":
		if rw.parentIs("sdtPr") {
			return rw.dropBinding()
		}
	case "type", "pgNumType":
		return rw.sectChild(local)
	case "id":
		if rw.parentIs("sdtPr") {
			rw.setAttr(nsW, "val", rw.freshAnnot())
		}
	case "permStart", "permEnd":
		return rw.rangeMark(local == "permStart", false)
	case "delText", "delInstrText":
		if rw.rejectDel > 0 {
			rw.renameElement(map[string]string{"delText": "t", "delInstrText": "instrText"}[local])
			if local == "delInstrText" {
				fr.flags |= fInstr
			}
		}
	default:
		if rw.kind == partDefs && rw.handleDefs(fr, local) {
			return true
		}
		if revisionElements[local] {
			return rw.revision(sc, fr)
		}
	}
	if rw.r.opts.Revisions == RevisionsReject && changeHolders[local] && !sc.Tok.SelfClosing {
		return rw.rejectProps(sc, fr)
	}
	return true
}

// handleDefs handles the elements of style and list definitions; it
// reports whether local was one of them.
func (rw *rewriter) handleDefs(fr *frame, local string) bool {
	switch local {
	case "style":
		rw.mapID(nsW, "styleId", rw.r.styles)
		rw.dropAttr(nsW, "default")
	case "name":
		if rw.parentIs("style") && rw.styleName != "" {
			rw.setAttr(nsW, "val", rw.styleName)
		}
	case "basedOn", "next", "link":
		if rw.parentIs("style") && !rw.mapStyleVal() {
			fr.flags |= fQuiet
		}
	case "numStyleLink", "styleLink":
		if !rw.mapStyleVal() {
			fr.flags |= fQuiet
		}
	case "abstractNum":
		old, _ := rw.attrGet(nsW, "abstractNumId")
		rw.curAbs = rw.r.numbering.abs[old]
		rw.mapID(nsW, "abstractNumId", rw.r.numbering.abs)
	case "nsid":
		if rw.parentIs("abstractNum") && rw.curAbs != "" {
			rw.setAttr(nsW, "val", rw.r.numbering.nsid[rw.curAbs])
		}
	case "num":
		rw.mapID(nsW, "numId", rw.r.numbering.nums)
	case "abstractNumId":
		if rw.parentIs("num") {
			rw.mapID(nsW, "val", rw.r.numbering.abs)
		}
	case "lvlPicBulletId":
		// Picture bullets are not carried; the level keeps its text bullet.
		fr.flags |= fQuiet
	default:
		return false
	}
	return true
}

// renameElement writes the element under another local name in w:.
func (rw *rewriter) renameElement(local string) {
	rw.elName = []byte(rw.wp + ":" + local)
	rw.changed = true
}

// mapStyleVal maps the w:val of a style reference onto the output's ids;
// it returns false (leave the reference out) for a style neither the
// region nor the output defines: the reference would dangle, and Word
// uses the default style then anyway.
func (rw *rewriter) mapStyleVal() bool {
	v, i := rw.attrGet(nsW, "val")
	if i < 0 {
		return true
	}
	out, ok := rw.r.styles[v]
	if !ok && !rw.r.styleIDs[v] {
		return false
	}
	if !ok {
		out = v
	}
	if out != v {
		rw.setVal(i, out)
	}
	if !rw.noRefs {
		rw.r.styleRefs[out] = true
	}
	return true
}

// mapNumVal maps a paragraph's list; a list the region does not define
// becomes no list rather than one of the template's.
func (rw *rewriter) mapNumVal() {
	v, i := rw.attrGet(nsW, "val")
	if i < 0 {
		return
	}
	out, ok := rw.r.numbering.nums[v]
	if !ok {
		out = "0"
	}
	if out != v {
		rw.setVal(i, out)
	}
}
