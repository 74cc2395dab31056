package opc

import (
	"errors"
	"io/fs"
	"os"
)

// OpenFile opens a file the user named for reading, refusing what is not
// a regular file: a folder, a named pipe (FIFO), a device, a socket. A
// pipe is opened without waiting for a writer, so that naming one cannot
// hang the program. The error is an *Error naming the file, what it is
// and what to do.
func OpenFile(filename string) (*os.File, fs.FileInfo, error) {
	if info, err := os.Stat(filename); err == nil {
		if err := regular(filename, info); err != nil {
			return nil, nil, err
		}
	}
	f, err := os.OpenFile(filename, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return nil, nil, PathError(filename, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, PathError(filename, err)
	}
	if err := regular(filename, info); err != nil { // replaced since the first look
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// regular refuses a file that is not a regular one, saying what it is.
func regular(filename string, info fs.FileInfo) error {
	m := info.Mode()
	var what string
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return Folder(filename, "name the file itself, not its folder")
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	default:
		return refuse(filename, ErrNotFile, "is not a regular file", "name an ordinary file instead")
	}
	return refuse(filename, ErrNotFile, "is "+what+", not a file", "name an ordinary file instead")
}

// PathError is the one wording, for every command, of a path that cannot
// be looked at or opened: one that does not exist, one the user may not
// read, and any other failure of the file system, with what to do. Err is
// err, for errors.Is.
func PathError(path string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Path: path, Problem: "no such file or folder", Remedy: "check the path", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Path: path, Problem: "cannot be read (permission denied)", Remedy: "check its permissions, or copy it into a folder of your own", Err: err}
	}
	return &Error{Path: path, Problem: "cannot be read (" + errText(err) + ")", Remedy: "check the path and permissions", Err: err}
}

// Folder is the one wording of a folder named where a file is expected;
// remedy says what to name instead (the file to read, the file to write).
func Folder(path, remedy string) *Error {
	return refuse(path, ErrNotZip, "is a folder, not a file", remedy)
}
