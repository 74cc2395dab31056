// Command grow writes contributions with their body content repeated, the
// inputs of bench/grow.sh's growth measurements:
//
//	go run ./bench/grow -n 100 -o DIR [-edit] SRC_DIR
//
// Each .docx of SRC_DIR is written to DIR with everything after its region
// heading (the first Heading1 paragraph) up to the final section
// properties repeated n times in all: paragraphs, tables, pictures,
// tracked changes. The copies leave out the marks that must be unique in
// a document (comment ranges and references, bookmarks, note references),
// so the result is a contribution Word would write, only n times longer.
// With -edit, the first text of every copy ends in " (edited N)", so that
// diff has a changed paragraph per copy to show.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tsagmerge/ingest/xmltok"
)

func main() {
	n := flag.Int("n", 10, "how many times the body content appears")
	out := flag.String("o", "", "the folder to write")
	edit := flag.Bool("edit", false, "mark the first text of every copy as edited")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: grow -n N -o DIR [-edit] SRC_DIR")
		os.Exit(2)
	}
	if err := growDir(flag.Arg(0), *out, *n, *edit); err != nil {
		fmt.Fprintln(os.Stderr, "grow:", err)
		os.Exit(1)
	}
}

// growDir grows every .docx of src into dst.
func growDir(src, dst string, n int, edit bool) error {
	files, err := filepath.Glob(filepath.Join(src, "*.docx"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no .docx in %s", src)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := growFile(f, filepath.Join(dst, filepath.Base(f)), n, edit); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return nil
}

// growFile copies the package src to dst, its main document grown.
func growFile(src, dst string, n int, edit bool) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		method := zip.Deflate
		if f.Name == "word/document.xml" {
			if data, err = grow(data, n, edit); err != nil {
				return err
			}
			// Stored: n copies of the same text deflate past the reader's
			// zip-bomb ratio (200) from n = 1000 or so, which real text
			// never does.
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

// span is a byte range of the document.
type span struct{ start, end int }

// grow repeats the body's content after the region heading.
func grow(doc []byte, n int, edit bool) ([]byte, error) {
	children, err := bodyChildren(doc)
	if err != nil {
		return nil, err
	}
	if len(children) == 0 {
		return nil, fmt.Errorf("the body is empty")
	}
	first := 0 // the first child repeated: the one after the region heading
	for i, c := range children {
		if bytes.Contains(doc[c.start:c.end], []byte(`w:val="Heading1"`)) {
			first = i + 1
			break
		}
	}
	last := len(children) // past the last child repeated: the final sectPr stays last
	if bytes.HasPrefix(doc[children[last-1].start:], []byte("<w:sectPr")) {
		last--
	}
	if first >= last {
		return nil, fmt.Errorf("nothing to repeat after the region heading")
	}
	from, to := children[first].start, children[last-1].end
	var out bytes.Buffer
	out.Write(doc[:to])
	for k := 2; k <= n; k++ {
		mark := ""
		if edit {
			mark = fmt.Sprintf(" (edited %d)", k)
		}
		if err := writeCopy(&out, doc[from:to], mark); err != nil {
			return nil, err
		}
	}
	out.Write(doc[to:])
	return out.Bytes(), nil
}

// bodyChildren returns the byte ranges of w:body's child elements.
func bodyChildren(doc []byte) ([]span, error) {
	s := xmltok.New(doc, xmltok.Options{Where: "word/document.xml"})
	var out []span
	for {
		depth := s.Depth()
		if !s.Next() {
			break
		}
		if t := &s.Tok; t.Kind == xmltok.StartTag && depth == 2 {
			start := t.Start // SkipElement moves the token on
			out = append(out, span{start, s.SkipElement()})
		}
	}
	return out, s.Err()
}

// unique are the elements a copy leaves out: each names something (a
// comment, a bookmark, a note) that a document may hold only once.
var unique = map[string]bool{
	"commentRangeStart": true, "commentRangeEnd": true, "commentReference": true,
	"bookmarkStart": true, "bookmarkEnd": true,
	"footnoteReference": true, "endnoteReference": true,
}

// writeCopy writes one copy of part, a run of whole elements, without
// the unique elements, and with mark added to its first text.
func writeCopy(out *bytes.Buffer, part []byte, mark string) error {
	s := xmltok.New(part, xmltok.Options{Where: "word/document.xml"})
	at := 0
	inText := false
	for s.Next() {
		t := &s.Tok
		switch t.Kind {
		case xmltok.StartTag:
			_, local := xmltok.SplitName(t.Name)
			if unique[string(local)] {
				out.Write(part[at:t.Start])
				at = s.SkipElement()
				continue
			}
			inText = string(local) == "t"
		case xmltok.Text:
			if inText && mark != "" {
				out.Write(part[at:t.End])
				out.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(mark))
				at, mark = t.End, ""
			}
		case xmltok.EndTag:
			inText = false
		}
	}
	out.Write(part[at:])
	return s.Err()
}
