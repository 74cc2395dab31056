package xmltok

import (
	"bytes"
	"errors"
	"fmt"
)

// The classes of SyntaxError, for errors.Is.
var (
	// ErrMalformed is XML that is not well-formed.
	ErrMalformed = errors.New("not well-formed XML")
	// ErrDTD is a document type or entity declaration.
	ErrDTD = errors.New("document type declaration")
	// ErrTooDeep is nesting beyond Options.MaxDepth.
	ErrTooDeep = errors.New("elements nested too deep")
	// ErrEncoding is a declared encoding that is not read.
	ErrEncoding = errors.New("unsupported encoding")
)

// SyntaxError is why a part could not be scanned, and where.
type SyntaxError struct {
	Where  string // the part, as Options.Where names it
	Offset int    // byte offset of the problem in the part
	Line   int    // 1-based line of Offset
	Msg    string // what is wrong, e.g. "has </w:p> that closes nothing open"
	Err    error  // the class: ErrMalformed, ErrDTD, ErrTooDeep or ErrEncoding
}

// Error reads "<where> is not well-formed XML: <msg> (line L, byte B)" for
// malformed XML and "<where> <msg> (line L, byte B)" for the refusals, whose
// messages say what the part does ("has a document type declaration …").
func (e *SyntaxError) Error() string {
	msg := e.Msg
	if e.Err == ErrMalformed {
		msg = "is not well-formed XML: " + msg
	}
	if e.Where == "" {
		return fmt.Sprintf("part %s (line %d, byte %d)", msg, e.Line, e.Offset)
	}
	return fmt.Sprintf("%s %s (line %d, byte %d)", e.Where, msg, e.Line, e.Offset)
}

// Unwrap returns the class of the error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// newError builds the error for a problem at offset at of src.
func newError(where string, src []byte, at int, class error, msg string) *SyntaxError {
	at = min(max(at, 0), len(src))
	return &SyntaxError{Where: where, Offset: at, Line: 1 + bytes.Count(src[:at], []byte{'\n'}), Msg: msg, Err: class}
}
