package merge

import (
	"fmt"

	"tsagmerge/ingest/xmltok"
)

// The merge never decodes and re-encodes XML: it walks a part's bytes with
// xmltok's scanner, copies what it does not change byte for byte, and
// writes anew only the few start tags whose attributes change. The parts
// were read (strictly) by ingest before, so the scanner is not asked to
// check again what ingest already did.

// newScanner returns a scanner over a part; where ("file: part") names it
// in errors.
func newScanner(where string, data []byte) *xmltok.Scanner {
	return xmltok.New(data, xmltok.Options{Where: where})
}

// scanErr returns the problem that stopped sc, saying what to do about it.
func scanErr(sc *xmltok.Scanner) error {
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w; save the file again from Word", err)
	}
	return nil
}
