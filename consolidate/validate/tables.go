package validate

// Word refuses two shapes of table as unreadable content: a w:tbl without
// a w:tr, and a w:tc whose last block is not a paragraph (a cell must hold
// a block, and a table in a cell is always followed by a paragraph). A
// block's end is looked for through the content controls and custom XML
// that wrap blocks; range marks and other zero-width markup after the
// last paragraph do not count.

// blockTail is what an element's content read so far ends with.
type blockTail uint8

const (
	tailNone  blockTail = iota // no paragraph or table yet
	tailPara                   // a paragraph
	tailTable                  // a table, after the last paragraph
)

// shapeKind is what an element is to the table rules.
type shapeKind uint8

const (
	shapeOther   shapeKind = iota
	shapeTable             // w:tbl
	shapeRow               // w:tr
	shapeCell              // w:tc
	shapePara              // w:p
	shapeWrapper           // w:sdt, w:sdtContent, w:customXml: may wrap blocks
)

// shapeOf classifies an element by its resolved name.
func shapeOf(el name) shapeKind {
	if el.ns != nsW {
		return shapeOther
	}
	switch el.local {
	case "tbl":
		return shapeTable
	case "tr":
		return shapeRow
	case "tc":
		return shapeCell
	case "p":
		return shapePara
	case "sdt", "sdtContent", "customXml":
		return shapeWrapper
	}
	return shapeOther
}

// shapeFrame is one open element, as the table rules see it.
type shapeFrame struct {
	kind shapeKind
	tail blockTail
	rows bool // a w:tbl with a w:tr
}

// openShape records an element just started.
func (s *scanner) openShape(el name) {
	s.shape = append(s.shape, shapeFrame{kind: shapeOf(el)})
}

// closeShape applies the table rules to the element just ended and tells
// its parent (or its table) what it was.
func (s *scanner) closeShape() {
	f := s.shape[len(s.shape)-1]
	s.shape = s.shape[:len(s.shape)-1]
	var tail blockTail
	switch f.kind {
	case shapeOther:
		return
	case shapeTable:
		if !f.rows {
			s.problem(RuleTableRow, "a w:tbl has no w:tr")
		}
		tail = tailTable
	case shapeCell:
		switch f.tail {
		case tailNone:
			s.problem(RuleCellEnd, "a w:tc holds no w:p")
		case tailTable:
			s.problem(RuleCellEnd, "a w:tc ends with a w:tbl, not a w:p")
		}
	case shapeRow:
		for i := len(s.shape) - 1; i >= 0; i-- {
			if s.shape[i].kind == shapeTable {
				s.shape[i].rows = true
				break
			}
		}
	case shapePara:
		tail = tailPara
	case shapeWrapper:
		tail = f.tail
	}
	if tail != tailNone && len(s.shape) > 0 {
		s.shape[len(s.shape)-1].tail = tail
	}
}
