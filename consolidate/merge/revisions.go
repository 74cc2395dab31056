package merge

import (
	"bytes"
	"strings"

	"tsagmerge/ingest/xmltok"
)

// Tracked changes are kept (with fresh ids: pandoc writes two changes
// under one id, and regions' ids collide), accepted or rejected, as
// Options.Revisions says.

// revisionElements are the WordprocessingML elements of tracked changes.
var revisionElements = map[string]bool{
	"ins": true, "del": true, "moveFrom": true, "moveTo": true,
	"rPrChange": true, "pPrChange": true, "sectPrChange": true, "tblPrChange": true, "trPrChange": true,
	"tcPrChange": true, "tblGridChange": true, "tblPrExChange": true, "numberingChange": true,
	"cellIns": true, "cellDel": true, "cellMerge": true,
	"moveFromRangeStart": true, "moveFromRangeEnd": true, "moveToRangeStart": true, "moveToRangeEnd": true,
	"customXmlInsRangeStart": true, "customXmlInsRangeEnd": true, "customXmlDelRangeStart": true,
	"customXmlDelRangeEnd": true, "customXmlMoveFromRangeStart": true, "customXmlMoveFromRangeEnd": true,
	"customXmlMoveToRangeStart": true, "customXmlMoveToRangeEnd": true,
}

// changeHolders are the property elements that may hold a *PrChange.
var changeHolders = map[string]bool{"rPr": true, "pPr": true, "tblPr": true, "trPr": true, "tcPr": true,
	"sectPr": true, "tblGrid": true, "tblPrEx": true}

// revision handles one tracked-change element.
func (rw *rewriter) revision(sc *xmltok.Scanner, fr *frame) bool {
	local := string(fr.local)
	mode := rw.r.opts.Revisions
	if strings.HasSuffix(local, "RangeStart") || strings.HasSuffix(local, "RangeEnd") {
		if mode != RevisionsKeep {
			return false
		}
		return rw.rangeMark(strings.HasSuffix(local, "RangeStart"), strings.HasPrefix(local, "move"))
	}
	rw.revs++
	if mode == RevisionsKeep {
		rw.setAttr(nsW, "id", rw.freshAnnot())
		return true
	}
	switch local {
	case "ins", "del", "moveFrom", "moveTo":
		return rw.runChange(sc, fr, local == "del" || local == "moveFrom")
	case "cellIns", "cellDel":
		if (mode == RevisionsAccept) == (local == "cellDel") {
			rw.dropEnclosing("tc")
		}
	}
	// Property changes: accepting drops the record of the old properties;
	// rejecting restored them already (rejectProps), so the record goes.
	return false
}

// runChange accepts or rejects an insertion or deletion: content that goes
// is left out, content that stays is unwrapped. As a paragraph-mark or row
// marker (inside w:rPr or w:trPr) it only decides the row's fate.
func (rw *rewriter) runChange(sc *xmltok.Scanner, fr *frame, deletion bool) bool {
	goes := deletion == (rw.r.opts.Revisions == RevisionsAccept)
	parent := string(rw.parent().local)
	if parent == "rPr" || parent == "trPr" || sc.Tok.SelfClosing {
		if goes && parent == "trPr" {
			rw.dropEnclosing("tr")
		}
		return false
	}
	if goes {
		return false
	}
	fr.flags |= fHidden
	if deletion {
		fr.flags |= fRejectDel
		rw.rejectDel++
	}
	return true
}

// dropEnclosing marks the nearest open w: element named local for removal
// when it ends (a table left without rows goes too: closeBlock).
func (rw *rewriter) dropEnclosing(local string) {
	if fr := rw.enclosing(local); fr != nil {
		fr.flags |= fDrop
	}
}

// rejectProps restores the old properties of a property element that
// records a change (w:rPr holding w:rPrChange, …): the element is rebuilt
// from the recorded properties and rewritten as usual. It returns false
// (the source element is then skipped) when it did so.
func (rw *rewriter) rejectProps(sc *xmltok.Scanner, fr *frame) bool {
	start := sc.Tok.Start
	end := elementEndAt(sc.Src(), start)
	if end < 0 || !bytes.Contains(sc.Src()[start:end], []byte("Change")) {
		return true
	}
	frag, changed := restoreProps(sc.Src()[start:end], string(fr.local))
	if !changed {
		return true
	}
	if err := rw.fragment(rw.part, frag); err != nil {
		return true
	}
	return false
}

// elementEndAt returns the end of the element whose start tag is at off.
func elementEndAt(src []byte, off int) int {
	sc := newScanner("", src[off:])
	for sc.Next() {
		if sc.Tok.Kind == xmltok.EndTag && sc.Depth() == 0 || sc.Tok.Kind == xmltok.StartTag && sc.Tok.SelfClosing && sc.Depth() == 0 {
			return off + sc.Tok.End
		}
	}
	return -1
}

// child is one direct child element.
type child struct {
	local string
	raw   []byte
}

// children splits an element into its start tag, direct children and end
// tag; text between children is dropped.
func children(raw []byte) (open, close []byte, kids []child) {
	sc := newScanner("", raw)
	if !sc.Next() || sc.Tok.Kind != xmltok.StartTag || sc.Tok.SelfClosing {
		return nil, nil, nil
	}
	open = raw[:sc.Tok.End]
	for sc.Next() {
		t := &sc.Tok
		switch {
		case t.Kind == xmltok.EndTag && sc.Depth() == 0:
			return open, raw[t.Start:t.End], kids
		case t.Kind == xmltok.StartTag:
			s := t.Start
			_, l := xmltok.SplitName(t.Name)
			local := string(l)
			e := elementEnd(sc)
			kids = append(kids, child{local, raw[s:e]})
		}
	}
	return nil, nil, nil
}

// elementEnd consumes the element just started and returns its end offset.
func elementEnd(sc *xmltok.Scanner) int {
	if sc.Tok.SelfClosing {
		return sc.Tok.End
	}
	return sc.SkipElement()
}

// restoreProps rebuilds a property element from its recorded change: the
// old properties, plus the children the change record does not cover.
func restoreProps(raw []byte, local string) ([]byte, bool) {
	open, close, kids := children(raw)
	var change []byte
	for _, k := range kids {
		if strings.HasSuffix(k.local, "Change") {
			change = k.raw
		}
	}
	if change == nil {
		return raw, false
	}
	var old []child
	if _, _, inner := children(change); len(inner) > 0 {
		_, _, old = children(inner[0].raw)
	}
	var before, after []string // current children kept before / after the old ones
	switch local {
	case "pPr":
		after = []string{"rPr", "sectPr"}
	case "rPr":
		before = []string{"ins", "del", "moveFrom", "moveTo"}
	case "trPr":
		after = []string{"ins", "del"}
	case "tcPr":
		after = []string{"cellIns", "cellDel", "cellMerge"}
	case "sectPr":
		before = []string{"headerReference", "footerReference"}
	}
	out := append([]byte(nil), open...)
	out = appendKids(out, kids, before)
	for _, k := range old {
		out = append(out, k.raw...)
	}
	out = appendKids(out, kids, after)
	return append(out, close...), true
}

func appendKids(out []byte, kids []child, names []string) []byte {
	for _, k := range kids {
		if contains(names, k.local) {
			out = append(out, k.raw...)
		}
	}
	return out
}
