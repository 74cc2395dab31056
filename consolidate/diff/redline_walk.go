package diff

import (
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// strictW is WordprocessingML's namespace in Strict Open XML.
var strictW = opc.Strict(opc.NSWordprocessingML)

// walker steps through a WordprocessingML part (or a fragment of one)
// token by token, knowing for each element whether it is in the
// WordprocessingML namespace. The redline copies what it does not change
// byte for byte, so it works on the scanner's byte ranges.
type walker struct {
	sc    *xmltok.Scanner
	scope *xmltok.Scope[bool]
	// stack holds the local names of the open elements, "" for an element
	// outside WordprocessingML.
	stack []string
	// local is the current start or end tag's local name ("" when the
	// element is not WordprocessingML's or the token is not a tag).
	local string
	// popNext is set after a self-closing start or an end tag: the
	// element leaves the stack at the next step.
	popNext bool
}

// newWalker walks src. For a fragment cut from a part, prefix is the
// prefix the part binds to WordprocessingML (declared beneath the
// fragment); "" for a whole part, whose root declares it.
func newWalker(src []byte, prefix string) *walker {
	w := &walker{sc: xmltok.New(src, xmltok.Options{MaxDepth: xmltok.ReadersMaxDepth})}
	w.scope = xmltok.NewScope(func(uri string) bool { return uri == opc.NSWordprocessingML || uri == strictW })
	if prefix != "" {
		w.scope.Declare(prefix, opc.NSWordprocessingML)
	}
	return w
}

// next reads the next token; false at the end or at malformed XML.
func (w *walker) next() bool {
	if w.popNext {
		w.pop()
	}
	if !w.sc.Next() {
		return false
	}
	w.local = ""
	switch t := &w.sc.Tok; t.Kind {
	case xmltok.StartTag:
		w.scope.Open(t.Attrs)
		isW, local, ok := w.scope.Element(t.Name)
		if ok && isW {
			w.local = string(local)
		}
		w.stack = append(w.stack, w.local)
		w.popNext = t.SelfClosing
	case xmltok.EndTag:
		w.local = w.stack[len(w.stack)-1]
		w.popNext = true
	}
	return true
}

func (w *walker) pop() {
	w.popNext = false
	w.stack = w.stack[:len(w.stack)-1]
	w.scope.Close()
}

// start reports whether the current token starts the WordprocessingML
// element local.
func (w *walker) start(local string) bool {
	return w.sc.Tok.Kind == xmltok.StartTag && w.local == local
}

// end reports whether the current token ends the WordprocessingML
// element local.
func (w *walker) end(local string) bool {
	return w.sc.Tok.Kind == xmltok.EndTag && w.local == local
}

// skip moves past the end of the element just started and returns the
// offset of its end.
func (w *walker) skip() int {
	if w.sc.Tok.SelfClosing {
		return w.sc.Tok.End
	}
	end := w.sc.SkipElement()
	w.popNext = false
	w.pop()
	return end
}

// inside reports whether an element local is open above the current one.
func (w *walker) inside(local string) bool {
	for i := len(w.stack) - 2; i >= 0; i-- {
		if w.stack[i] == local {
			return true
		}
	}
	return false
}

// parent is the local name of the element holding the current one.
func (w *walker) parent() string {
	if len(w.stack) < 2 {
		return "\x00"
	}
	return w.stack[len(w.stack)-2]
}

// err is the scanner's problem, if any.
func (w *walker) err() error { return w.sc.Err() }
