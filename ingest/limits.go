package ingest

import (
	"fmt"

	"tsagmerge/ingest/opc"
)

// What one contribution may hold. The largest real ones hold a few MB of
// text (the 1,000-page bench file 3.7 MB, its longest paragraph 8 KB, at
// most 17,000 paragraphs); these caps are far above them and keep every
// command's time and memory bounded on a hostile or broken file, which is
// refused while it is read, before any other work.
const (
	// MaxText is the most text (in UTF-8 bytes, shown and deleted) the
	// body, the notes and the comments may hold together.
	MaxText = 50 << 20
	// MaxParagraphText is the most text one paragraph may hold.
	MaxParagraphText = 1 << 20
	// MaxParagraphs is the most paragraphs the body may hold.
	MaxParagraphs = 250_000
)

// tooMuch refuses a document beyond one of the caps above.
func tooMuch(file, problem string) error {
	return &opc.Error{Path: file, Problem: problem,
		Remedy: "no contribution is that large; check it is the right file, or split it in Word and send it again",
		Err:    opc.ErrTooLarge}
}

// paragraphTooLong is the refusal of a paragraph beyond MaxParagraphText.
func paragraphTooLong(file, part string, index int) error {
	where := fmt.Sprintf("paragraph %d", index)
	if index == 0 {
		where = "a paragraph of " + part
	}
	return tooMuch(file, fmt.Sprintf("%s holds more than %d MiB of text, the most a paragraph may hold", where, MaxParagraphText>>20))
}

// textTooMuch is the refusal of a document beyond MaxText.
func textTooMuch(file string) error {
	return tooMuch(file, fmt.Sprintf("holds more than %d MiB of text, the most a contribution may hold", MaxText>>20))
}
