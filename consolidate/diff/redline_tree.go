package diff

import (
	"fmt"

	"tsagmerge/ingest/xmltok"
)

// The body of a main part as the redline sees it: a container (the body,
// or a table cell) holds units, each a paragraph or a table; a table
// holds rows, a row cells, a cell units again. Paragraphs are numbered in
// document order, as ingest numbers Document.Paragraphs, so that each
// unit's text is ingest's reading of it.

// span is a byte range of the part.
type span struct{ start, end int }

// unit is one paragraph or table of a container.
type unit struct {
	span
	// para is the paragraph's position among the body's paragraphs (from
	// 0), -1 for a table.
	para int
	rows []*row
	// tblEnd is where the table's end tag starts: rows removed at the
	// table's end go there.
	tblEnd int
}

// row is one w:tr: its cells, and where a row mark goes (after its
// w:tblPrEx, into its w:trPr or as a new one).
type row struct {
	span
	// tagEnd is the end of the w:tr start tag, prExEnd of its w:tblPrEx
	// (0 when none); trPr is its w:trPr (zero when none).
	tagEnd, prExEnd int
	trPr            span
	trPrEmpty       bool
	cells           []*container
}

// container is the body or a table cell: the units it holds in order,
// and end, where content removed after its last unit goes.
type container struct {
	span
	units []*unit
	end   int
}

// tree is a main part's body read as containers.
type tree struct {
	src  []byte
	body *container
	// paras are the spans of the paragraphs, by number.
	paras []span
}

// buildTree reads src, the main part, into its containers.
func buildTree(src []byte) (*tree, error) {
	t := &tree{src: src}
	w := newWalker(src, "")
	var stack []*container // open containers: the body, then cells
	var tables []*unit     // open tables
	var para *unit         // the open outermost paragraph
	for w.next() {
		tok := &w.sc.Tok
		switch {
		case w.start("body"):
			t.body = &container{span: span{start: tok.End}}
			stack = append(stack, t.body)
		case w.end("body") && len(stack) == 1:
			if t.body.end == 0 {
				t.body.end = tok.Start
			}
			stack = stack[:0]
		case w.start("sectPr") && w.parent() == "body":
			t.body.end = tok.Start
			w.skip()
		case w.start("p") && para == nil && len(stack) > 0:
			para = &unit{span: span{start: tok.Start}, para: len(t.paras)}
			t.paras = append(t.paras, span{})
			top := stack[len(stack)-1]
			top.units = append(top.units, para)
			if tok.SelfClosing {
				para.end = tok.End
				t.paras[para.para] = para.span
				para = nil
			}
		case w.end("p") && para != nil && !w.inside("p"):
			para.end = tok.End
			t.paras[para.para] = para.span
			para = nil
		case para != nil:
			// inside a paragraph: text boxes hold paragraphs and tables
			// that belong to it
		case w.start("tbl") && len(stack) > 0:
			tb := &unit{span: span{start: tok.Start}, para: -1}
			top := stack[len(stack)-1]
			top.units = append(top.units, tb)
			tables = append(tables, tb)
		case w.end("tbl") && len(tables) > 0:
			tb := tables[len(tables)-1]
			tb.end, tb.tblEnd = tok.End, tok.Start
			tables = tables[:len(tables)-1]
		case w.start("tr") && len(tables) > 0:
			// a row belongs to the innermost open table, even wrapped in a
			// content control or custom XML
			tb := tables[len(tables)-1]
			tb.rows = append(tb.rows, &row{span: span{start: tok.Start}, tagEnd: tok.End})
		case w.end("tr") && len(tables) > 0:
			if rs := tables[len(tables)-1].rows; len(rs) > 0 {
				rs[len(rs)-1].end = tok.End
			}
		case w.start("tblPrEx") && w.parent() == "tr" && len(tables) > 0:
			lastRow(tables).prExEnd = w.skip()
		case w.start("trPr") && w.parent() == "tr" && len(tables) > 0:
			r := lastRow(tables)
			r.trPrEmpty = tok.SelfClosing
			r.trPr.start = tok.Start
			r.trPr.end = w.skip()
		case w.start("tc") && len(tables) > 0:
			c := &container{span: span{start: tok.Start}}
			if r := lastRow(tables); r != nil {
				r.cells = append(r.cells, c)
			}
			stack = append(stack, c)
			if tok.SelfClosing {
				c.end, c.span.end = tok.Start, tok.End
				stack = stack[:len(stack)-1]
			}
		case w.end("tc") && len(stack) > 1:
			c := stack[len(stack)-1]
			c.end, c.span.end = tok.Start, tok.End
			stack = stack[:len(stack)-1]
		}
	}
	if err := w.err(); err != nil {
		return nil, err
	}
	if t.body == nil {
		return nil, fmt.Errorf("the main part has no w:body")
	}
	return t, nil
}

func lastRow(tables []*unit) *row {
	rs := tables[len(tables)-1].rows
	if len(rs) == 0 {
		return nil
	}
	return rs[len(rs)-1]
}

// wPrefix is the prefix the part's root element binds to
// WordprocessingML, which everything the redline writes uses.
func wPrefix(src []byte) (string, bool) {
	sc := xmltok.New(src, xmltok.Options{})
	for sc.Next() {
		if sc.Tok.Kind != xmltok.StartTag {
			continue
		}
		for _, a := range sc.Tok.Attrs {
			if p, ok := xmltok.DeclaredPrefix(a.Name); ok && len(p) > 0 {
				if v := xmltok.Unescape(a.Value); v == nsWML || v == strictW {
					return string(p), true
				}
			}
		}
		return "", false
	}
	return "", false
}
