package ingest

import (
	"strings"
)

// drawingState is an open w:drawing (or VML shape): its alt text, for the
// pictures inside it.
type drawingState struct {
	depth int
	alt   string
}

// figRef is a picture met in a story, resolved against the part's
// relationships afterwards.
type figRef struct {
	fig   *Figure
	relID string
	link  bool
	part  string
}

// tableState is an open w:tbl; only a top-level body table (t set)
// records rows, columns and cell texts.
type tableState struct {
	depth int
	t     *Table // nil for nested tables and tables outside the body
	row   []string
	cell  *strings.Builder
	cols  int
	span  int
}

// blip records a DrawingML picture.
func (st *story) blip(t *token) {
	alt := ""
	if st.drawing != nil {
		alt = st.drawing.alt
	}
	if id := st.s.attr(t, nsR, "embed"); id != "" {
		st.addFigure(id, false, alt)
	} else if id := st.s.attr(t, nsR, "link"); id != "" {
		st.addFigure(id, true, alt)
	}
}

// vml records a VML picture (v:imagedata) and remembers a shape's alt text.
func (st *story) vml(t *token) {
	switch t.local {
	case "shape":
		if st.drawing == nil {
			st.drawing = &drawingState{depth: st.s.depth()}
		}
		st.drawing.alt = st.s.attr(t, nsNone, "alt")
	case "imagedata":
		id := firstNonEmpty(st.s.attr(t, nsR, "id"), st.s.attr(t, nsO, "relid"))
		if id == "" {
			return
		}
		alt := st.s.attr(t, nsO, "title")
		if st.drawing != nil && alt == "" {
			alt = st.drawing.alt
		}
		st.addFigure(id, false, alt)
	}
}

func (st *story) addFigure(relID string, link bool, alt string) {
	fig := &Figure{Alt: alt, Paragraph: st.paraIndex(), External: link}
	st.out.figures = append(st.out.figures, &figRef{fig: fig, relID: relID, link: link, part: st.part})
}

// table handles the table structure elements of top-level body tables.
func (st *story) table(t *token, d int) {
	if t.local == "tbl" {
		ts := &tableState{depth: d}
		if len(st.tables) > 0 && st.tables[0].t != nil {
			st.tables[0].t.Nested++
		}
		if len(st.tables) == 0 && len(st.paras) == 0 && st.kind == storyBody {
			ts.t = &Table{Paragraph: st.count + 1}
			st.out.tables = append(st.out.tables, ts.t)
			st.out.blocks = append(st.out.blocks, Block{Table: ts.t})
		}
		st.tables = append(st.tables, ts)
		return
	}
	if len(st.tables) != 1 || st.tables[0].t == nil {
		return
	}
	ts := st.tables[0]
	switch t.local {
	case "tr":
		ts.t.Rows++
		ts.row, ts.cols = nil, 0
	case "tc":
		ts.cell, ts.span = &strings.Builder{}, 1
	case "gridSpan":
		if st.s.parentIs(nsW, "tcPr") {
			ts.span = max(1, atoiOr(st.s.attr(t, nsW, "val"), 1))
		}
	case "tblCaption":
		if st.s.parentIs(nsW, "tblPr") {
			ts.t.Caption = st.s.attr(t, nsW, "val")
		}
	}
}

func (st *story) endTable(local string, d int) {
	n := len(st.tables)
	if n == 0 {
		return
	}
	ts := st.tables[n-1]
	if local == "tbl" {
		if ts.depth == d {
			st.tables = st.tables[:n-1]
		}
		return
	}
	if n != 1 || ts.t == nil {
		return
	}
	switch local {
	case "tc":
		if ts.cell != nil {
			ts.row = append(ts.row, ts.cell.String())
			ts.cols += ts.span
			ts.cell = nil
		}
	case "tr":
		ts.t.Cells = append(ts.t.Cells, ts.row)
		ts.t.Cols = max(ts.t.Cols, ts.cols)
		ts.row, ts.cols = nil, 0
	}
}
