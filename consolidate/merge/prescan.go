package merge

import (
	"bytes"
	"strconv"

	"tsagmerge/ingest/xmltok"
)

// Every id in the output must be unique and the output the same on every
// run. So before rewriting, each region gets its own block of every id
// space, sized from an upper bound counted cheaply on its raw parts; the
// blocks are laid end to end in region order above the template's own
// ids. (The blocks let regions be rewritten in any order, concurrently
// once; they now are one after another, and the blocks stay because every
// renumbered id of the output is laid out from them.)

// idNeeds bounds how many ids of each space a region's parts can take.
type idNeeds struct {
	annot int // w:id of bookmarks, revisions, move ranges, content controls
	docPr int // wp:docPr ids
	hex   int // w14:paraId, w14:textId, w16cid:durableId, wp14 ids
}

// countNeeds bounds the ids a part can need. Every annotation id is
// written "…id…", every drawing has a "docPr" and every hexadecimal id
// attribute ends in "Id=", so counting those substrings never undercounts.
// It is a bound, not a reading of the part: tokenizing would count more
// tightly, but the blocks, and so every renumbered id of the output, are
// laid out from these counts.
func countNeeds(data []byte) idNeeds {
	return idNeeds{
		annot: bytes.Count(data, []byte("id")),
		docPr: bytes.Count(data, []byte("docPr")),
		hex:   bytes.Count(data, []byte("Id=")),
	}
}

func (n *idNeeds) add(m idNeeds) {
	n.annot += m.annot
	n.docPr += m.docPr
	n.hex += m.hex
}

// idBlock hands out one region's ids; next is the first free one.
type idBlock struct {
	next, limit int64
}

func (b *idBlock) take() int64 {
	v := b.next
	b.next++
	return v
}

// idBlocks are a region's blocks of the three spaces.
type idBlocks struct {
	annot, docPr, hex idBlock
}

// maxHexID is the bound Word puts on paraId, textId and durableId.
const maxHexID = 0x80000000

// bookmarkRef is one w:bookmarkStart found by scanBookmarks.
type bookmarkRef struct {
	id, name string
}

// partBookmarks lists a part's bookmark starts and the ids that have an end.
type partBookmarks struct {
	starts []bookmarkRef
	ends   map[string]bool
}

// scanBookmarks finds a part's bookmark starts and ends.
func scanBookmarks(data []byte) partBookmarks {
	pb := partBookmarks{ends: map[string]bool{}}
	forEachTag(data, func(t *xmltok.Token, local []byte) {
		switch string(local) {
		case "bookmarkStart":
			id, _ := t.LocalAttr("id")
			name, _ := t.LocalAttr("name")
			pb.starts = append(pb.starts, bookmarkRef{id: id, name: name})
		case "bookmarkEnd":
			id, _ := t.LocalAttr("id")
			pb.ends[id] = true
		}
	})
	return pb
}

// forEachTag calls fn for every start tag of data, with its local name.
// data is a part read whole and checked before (ingest reads the regions'
// strictly; the template's story parts pass templateIDs.scan), or a piece
// of the template's main document cut before or after its insertion
// point, which stops the scanner only where it was cut: so the scanner's
// error, which names that cut, is not reported.
func forEachTag(data []byte, fn func(t *xmltok.Token, local []byte)) {
	sc := newScanner("", data)
	for sc.Next() {
		if t := &sc.Tok; t.Kind == xmltok.StartTag {
			_, local := xmltok.SplitName(t.Name)
			fn(t, local)
		}
	}
}

// templateIDs are the largest ids the template already uses.
type templateIDs struct {
	annot, docPr, hex int64
}

// scan reads the ids of one template part.
func (m *templateIDs) scan(where string, data []byte) error {
	sc := newScanner(where, data)
	for sc.Next() {
		t := &sc.Tok
		if t.Kind != xmltok.StartTag {
			continue
		}
		_, el := xmltok.SplitName(t.Name)
		for _, a := range t.Attrs {
			_, l := xmltok.SplitName(a.Name)
			switch string(l) {
			case "id":
				n, err := strconv.ParseInt(xmltok.Unescape(a.Value), 10, 64)
				if err != nil {
					continue
				}
				if string(el) == "docPr" {
					m.docPr = max(m.docPr, n)
				} else {
					m.annot = max(m.annot, n)
				}
			case "paraId", "textId", "durableId", "anchorId", "editId":
				if n, err := strconv.ParseInt(xmltok.Unescape(a.Value), 16, 64); err == nil {
					m.hex = max(m.hex, n)
				}
			}
		}
		if string(el) == "id" { // w:sdtPr/w:id
			if v, ok := t.LocalAttr("val"); ok {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil {
					m.annot = max(m.annot, n)
				}
			}
		}
	}
	return scanErr(sc)
}
