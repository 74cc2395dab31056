package diff

import (
	"bytes"
	"fmt"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// A version that holds tracked changes is compared in one view: its main
// part with every change accepted, or every change rejected, read again
// by ingest. Formatting changes are dropped in both views (the redline
// compares text, and the new version's formatting is what it keeps).

// settleDoc returns d with its main part's tracked changes accepted (or
// rejected), or d itself when its main part holds none.
func settleDoc(d *ingest.Document, accept bool) (*ingest.Document, error) {
	main, err := d.Package.MainDocument()
	if err != nil {
		return nil, err
	}
	tracked := false
	for _, r := range d.Revisions {
		tracked = tracked || r.Part == main
	}
	if !tracked {
		return d, nil
	}
	src, err := d.Package.Read(main)
	if err != nil {
		return nil, err
	}
	settled, err := settle(src, accept)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %v", d.Path, main, err)
	}
	entries := make([]opc.Entry, 0, len(d.Package.Names))
	for _, name := range d.Package.Names {
		data, err := d.Package.Read(name)
		if err != nil {
			return nil, err
		}
		if name == main {
			data = settled
		}
		entries = append(entries, opc.Entry{Name: d.Package.Part(name).Name, Data: data})
	}
	var buf bytes.Buffer
	if err := opc.WriteZip(&buf, entries); err != nil {
		return nil, err
	}
	p, err := opc.OpenBytes(d.Path, buf.Bytes())
	if err != nil {
		return nil, err
	}
	out, err := ingest.ReadPackage(p)
	if err != nil {
		p.Close()
		return nil, err
	}
	return out, nil
}

// settler rewrites a main part with its changes settled.
type settler struct {
	src    []byte
	out    []byte
	accept bool
	// skipEnd counts, per open element, whether its end tag is left out
	// (a change unwrapped); rename holds the end tag's new name.
	frames []settleFrame
}

type settleFrame struct {
	dropEnd bool
	rename  string
	// rowAt is, for a w:tr, the output length at its start; rowGoes is
	// set when its mark says the row goes in this view.
	rowAt          int
	isRow, rowGoes bool
	// isTable marks a w:tr's table, rows counting the rows it keeps: a
	// table left with none goes too (Word cannot open a w:tbl without a
	// w:tr).
	isTable bool
	rows    int
}

// settle accepts or rejects every tracked change of a main part.
func settle(src []byte, accept bool) ([]byte, error) {
	st := &settler{src: src, accept: accept}
	w := newWalker(src, "")
	last := 0
	for w.next() {
		tok := &w.sc.Tok
		st.out = append(st.out, src[last:tok.Start]...)
		last = tok.End
		switch tok.Kind {
		case xmltok.StartTag:
			last = st.start(w, last)
		case xmltok.EndTag:
			st.end(src[tok.Start:tok.End])
		default:
			st.out = append(st.out, src[tok.Start:tok.End]...)
		}
	}
	if err := w.err(); err != nil {
		return nil, err
	}
	return append(st.out, src[last:]...), nil
}

// start handles a start tag and returns where copying goes on.
func (st *settler) start(w *walker, last int) int {
	tok := &w.sc.Tok
	fr := settleFrame{}
	raw := st.src[tok.Start:tok.End]
	parent := w.parent()
	switch local := w.local; {
	case local == "tr":
		fr.rowAt, fr.isRow = len(st.out), true
	case local == "tbl":
		fr.rowAt, fr.isTable = len(st.out), true
	case (local == "ins" || local == "del" || local == "moveFrom" || local == "moveTo") && (parent == "rPr" || parent == "trPr" || tok.SelfClosing):
		goes := (local == "del" || local == "moveFrom") == st.accept
		if parent == "trPr" && goes {
			st.markRowGoes()
		}
		return w.skip()
	case local == "ins" || local == "moveTo" || local == "del" || local == "moveFrom":
		if (local == "del" || local == "moveFrom") == st.accept {
			return w.skip()
		}
		if !tok.SelfClosing {
			fr.dropEnd = true
			st.frames = append(st.frames, fr)
		}
		return last
	case settleDropped[local] || isRangeMark(local):
		return w.skip()
	case !st.accept && (local == "delText" || local == "delInstrText"):
		fr.rename = map[string]string{"delText": "t", "delInstrText": "instrText"}[local]
		raw = renameStart(raw, fr.rename)
	}
	st.out = append(st.out, raw...)
	if !tok.SelfClosing {
		st.frames = append(st.frames, fr)
	}
	return last
}

// tableKeepsRow counts a row kept in the innermost open table.
func (st *settler) tableKeepsRow() {
	for i := len(st.frames) - 1; i >= 0; i-- {
		if st.frames[i].isTable {
			st.frames[i].rows++
			return
		}
	}
}

// markRowGoes marks the innermost open row as leaving in this view.
func (st *settler) markRowGoes() {
	for i := len(st.frames) - 1; i >= 0; i-- {
		if st.frames[i].isRow {
			st.frames[i].rowGoes = true
			return
		}
	}
}

// end handles an end tag.
func (st *settler) end(tag []byte) {
	fr := st.frames[len(st.frames)-1]
	st.frames = st.frames[:len(st.frames)-1]
	switch {
	case fr.dropEnd:
	case fr.rowGoes, fr.isTable && fr.rows == 0:
		st.out = st.out[:fr.rowAt]
	case fr.isRow:
		st.out = append(st.out, tag...)
		st.tableKeepsRow()
	case fr.rename != "":
		st.out = append(st.out, renameEnd(tag, fr.rename)...)
	default:
		st.out = append(st.out, tag...)
	}
}

// settleDropped are the records settling removes: formatting changes
// (the new formatting stands) and cell changes.
var settleDropped = map[string]bool{
	"rPrChange": true, "pPrChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true,
	"tblGridChange": true, "tblPrExChange": true, "sectPrChange": true, "numberingChange": true,
	"cellIns": true, "cellDel": true, "cellMerge": true,
}

// isRangeMark says whether local is a move's or custom XML change's
// range mark.
func isRangeMark(local string) bool {
	return (strings.HasPrefix(local, "move") || strings.HasPrefix(local, "customXml")) &&
		(strings.HasSuffix(local, "RangeStart") || strings.HasSuffix(local, "RangeEnd"))
}

// renameStart gives a start tag another local name, keeping its prefix.
func renameStart(raw []byte, local string) []byte {
	name := raw[1:bytes.IndexAny(raw, " \t\r\n/>")]
	prefix, _ := xmltok.SplitName(name)
	q := local
	if len(prefix) > 0 {
		q = string(prefix) + ":" + local
	}
	return []byte("<" + q + string(raw[1+len(name):]))
}

// renameEnd gives an end tag another local name.
func renameEnd(raw []byte, local string) []byte {
	name := bytes.TrimSpace(raw[2 : len(raw)-1])
	prefix, _ := xmltok.SplitName(name)
	if len(prefix) > 0 {
		local = string(prefix) + ":" + local
	}
	return []byte("</" + local + ">")
}
