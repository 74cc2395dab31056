package merge

// Accepting or rejecting tracked changes removes the rows inserted or
// deleted as a whole (dropEnclosing("tr")), which must not leave a shape
// Word cannot open: a w:tbl without w:tr, or a w:tc whose last block is
// not a paragraph (the cell that held such a table and nothing after it).
// So a table none of whose rows was carried is taken back whole when it
// ends, properties and grid included, as a removed row is; and a cell
// that does not end with a paragraph gets an empty one. The output is
// already in rw.out, so nothing is held back to decide either.

// blockTail is what the content of an element written so far ends with,
// as far as Word's cell rule is concerned.
type blockTail uint8

const (
	tailNone  blockTail = iota // no paragraph or table yet
	tailPara                   // a paragraph
	tailTable                  // a table, after the last paragraph
)

// closeBlock runs before a table or cell is closed: a table without a
// carried row is marked for removal, a cell is given its last paragraph.
func (rw *rewriter) closeBlock(fr *frame) {
	if fr.kind != nsW {
		return
	}
	switch string(fr.local) {
	case "tbl":
		if fr.flags&fRows == 0 {
			fr.flags |= fDrop
		}
	case "tc":
		if fr.tail != tailPara && fr.flags&fDrop == 0 {
			rw.synth(`<%w:p/>`)
		}
	}
}

// blockCarried runs once an element is written whole (closed, or met
// self-closing, and not removed): a row tells its table it has a row; a
// paragraph, a table and the content controls and custom XML that wrap
// blocks tell the element written around them what it ends with.
func (rw *rewriter) blockCarried(fr *frame) {
	if fr.kind != nsW || fr.flags&(fHidden|fQuiet|fDrop) != 0 || !rw.writing() {
		return
	}
	var tail blockTail
	switch string(fr.local) {
	case "p":
		tail = tailPara
	case "tbl":
		tail = tailTable
	case "sdt", "sdtContent", "customXml":
		tail = fr.tail
	case "tr":
		if t := rw.enclosing("tbl"); t != nil {
			t.flags |= fRows
		}
		return
	}
	if tail == tailNone {
		return
	}
	// An unwrapped change's content is its parent's.
	for i := len(rw.stack) - 1; i >= 0; i-- {
		if rw.stack[i].flags&fHidden == 0 {
			rw.stack[i].tail = tail
			return
		}
	}
}

// enclosing returns the nearest open w: element named local, or nil.
func (rw *rewriter) enclosing(local string) *frame {
	for i := len(rw.stack) - 1; i >= 0; i-- {
		if rw.stack[i].kind == nsW && string(rw.stack[i].local) == local {
			return &rw.stack[i]
		}
	}
	return nil
}
