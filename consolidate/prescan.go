package consolidate

import (
	"bytes"
	"strconv"

	"tsagmerge/ingest/xmltok"
)

// Regions are rewritten concurrently, yet every id in the output must be
// unique and the output the same on every run. So before rewriting, each
// region gets its own block of every id space, sized from an upper bound
// counted cheaply on its raw parts; the blocks are laid end to end in
// region order above the template's own ids.

// idNeeds bounds how many ids of each space a region's parts can take.
type idNeeds struct {
	annot int // w:id of bookmarks, revisions, move ranges, content controls
	docPr int // wp:docPr ids
	hex   int // w14:paraId, w14:textId, w16cid:durableId, wp14 ids
}

// countNeeds bounds the ids a part can need. Every annotation id is
// written "…id…", every drawing has a "docPr" and every hexadecimal id
// attribute ends in "Id=", so counting those substrings never undercounts.
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

// scanBookmarks finds bookmark starts and ends by searching for their tag
// names, far faster than tokenizing the part: text cannot hold a '<', so
// the tag around a match is found by looking back for one.
func scanBookmarks(data []byte) partBookmarks {
	pb := partBookmarks{ends: map[string]bool{}}
	for _, want := range []string{"bookmarkStart", "bookmarkEnd"} {
		forEachTag(data, want, func(t *xmltok.Token) {
			id, _ := t.LocalAttr("id")
			if want == "bookmarkEnd" {
				pb.ends[id] = true
				return
			}
			name, _ := t.LocalAttr("name")
			pb.starts = append(pb.starts, bookmarkRef{id: id, name: name})
		})
	}
	return pb
}

// forEachTag calls fn for every start tag whose local name is local.
func forEachTag(data []byte, local string, fn func(*xmltok.Token)) {
	pat := []byte(local)
	for off := 0; ; {
		i := bytes.Index(data[off:], pat)
		if i < 0 {
			return
		}
		at := off + i
		off = at + len(pat)
		lt := bytes.LastIndexByte(data[max(0, at-40):at], '<')
		if lt < 0 {
			continue
		}
		lt += max(0, at-40)
		if !isTagStart(data[lt+1:at]) || off >= len(data) || !isNameEnd(data[off]) {
			continue
		}
		sc := newScanner("", data[lt:])
		if sc.Next() && sc.Tok.Kind == xmltok.StartTag {
			fn(&sc.Tok)
		}
	}
}

// isTagStart reports whether b, the bytes between '<' and a local name,
// is empty or a prefix and colon.
func isTagStart(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if b[len(b)-1] != ':' {
		return false
	}
	for _, c := range b[:len(b)-1] {
		if c == ' ' || c == '/' || c == '>' || c == '"' || c == '\'' || c == '=' {
			return false
		}
	}
	return true
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\r' || c == '\n'
}

// templateIDs are the largest ids the template already uses.
type templateIDs struct {
	annot, docPr, hex int64
}

// scanTemplateIDs reads the ids of one template part.
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
