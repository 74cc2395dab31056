package xmltok

import "fmt"

// InsertBeforeRootEnd puts xml just before the root element's end tag,
// opening up a root written <Root/>.
func InsertBeforeRootEnd(data []byte, xml string) ([]byte, error) {
	sc := New(data, Options{})
	for sc.Next() {
		t := &sc.Tok
		if t.Kind == EndTag && sc.Depth() == 0 {
			return join(data[:t.Start], []byte(xml), data[t.Start:]), nil
		}
		if t.Kind == StartTag && t.SelfClosing && sc.Depth() == 0 {
			// <Root/>: open it up.
			name := string(t.Name)
			return join(data[:t.End-2], []byte(">"+xml+"</"+name+">"), data[t.End:]), nil
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("no root element")
}

// join returns the pieces one after the other, in a new slice.
func join(pieces ...[]byte) []byte {
	n := 0
	for _, p := range pieces {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out
}
