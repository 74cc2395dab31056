//go:build !unix

package opc

// openNoWait is nothing where pipes do not block an open.
const openNoWait = 0
