// Package opc opens an Office Open XML package (a .docx and its kin) safely:
// it refuses what is not a Word package with a reason and a remedy, caps what
// a hostile zip may cost, and gives access to parts by their relationships.
package opc

import (
	"errors"
	"fmt"
)

// Error is a package that cannot be read. Its message is one line naming the
// file, what is wrong and what to do about it.
type Error struct {
	Path    string // the file as given
	Problem string // what is wrong, e.g. "is a Word 97-2003 document (.doc)"
	Remedy  string // what to do, e.g. "open it in Word and save it as .docx"
	Err     error  // the underlying error, if any
}

func (e *Error) Error() string {
	msg := e.Path + ": " + e.Problem
	if e.Remedy != "" {
		msg += "; " + e.Remedy
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel errors that an *Error wraps, for callers that sort refusals.
var (
	ErrNotZip            = errors.New("not a zip package")
	ErrLegacyDoc         = errors.New("Word 97-2003 document")
	ErrEncrypted         = errors.New("encrypted package")
	ErrOwnerFile         = errors.New("Word owner file")
	ErrCorrupt           = errors.New("corrupt package")
	ErrTooLarge          = errors.New("package exceeds size limits")
	ErrUnsafeName        = errors.New("unsafe entry name")
	ErrNoMainPart        = errors.New("no main document part")
	ErrUnsafeXML         = errors.New("unsafe XML")
	ErrNotWordprocessing = errors.New("not a Word document")
	ErrNotFile           = errors.New("not a regular file")
)

func refuse(path string, kind error, problem, remedy string) *Error {
	return &Error{Path: path, Problem: problem, Remedy: remedy, Err: kind}
}

func refusef(path string, kind error, remedy, format string, args ...any) *Error {
	return refuse(path, kind, fmt.Sprintf(format, args...), remedy)
}
