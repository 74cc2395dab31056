package merge

import (
	"fmt"
	"strconv"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
	"tsagmerge/templates"
)

// base is the template the output is built on, read once.
type base struct {
	pkg      *opc.Package
	main     string // main document part name
	doc      []byte
	docRoot  rootInfo
	insertAt int // where the regions go: before the body-level w:sectPr

	styles     *ingest.Styles
	stylesRoot rootInfo
	stylesRaw  []byte
	stylesPart string

	numbering     *ingest.Numbering
	numberingRaw  []byte
	numberingPart string

	comments string // the template's comments part, if any

	ids       templateIDs
	bookmarks map[string]bool // lower-case names in use
	maxNote   [2]int64
	maxCmt    int64
	h1Count   int // level-1 headings the template already has
	page      pageSetup
	// theme and colorMap are what the output's theme colours resolve
	// against.
	theme    *ingest.Theme
	colorMap map[string]string
	sect     sectSetup
}

// readBase opens and reads the template.
func readBase(data []byte) (*base, error) {
	pkg, err := opc.OpenBytes("template", data)
	if err != nil {
		return nil, err
	}
	b := &base{pkg: pkg, bookmarks: map[string]bool{}, maxCmt: -1}
	if b.main, err = pkg.MainDocument(); err != nil {
		return nil, err
	}
	if b.doc, err = pkg.Read(b.main); err != nil {
		return nil, err
	}
	if b.insertAt, err = templates.InsertionOffset(b.doc); err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	if b.docRoot, err = readRoot("template: "+b.main, b.doc); err != nil {
		return nil, err
	}
	if err := b.readStyles(); err != nil {
		return nil, err
	}
	if err := b.readNumbering(); err != nil {
		return nil, err
	}
	for i, rel := range []string{opc.RelFootnotes, opc.RelEndnotes} {
		if err := b.readNotes(i, pkg.RelatedPart(b.main, rel)); err != nil {
			return nil, err
		}
	}
	b.comments = pkg.RelatedPart(b.main, opc.RelComments)
	if err := b.scanIDs(); err != nil {
		return nil, err
	}
	b.h1Count = b.countHeadings()
	b.page = readPageSetup(b.doc[b.insertAt:])
	if b.theme, b.colorMap, err = themeOf("template", pkg, b.main); err != nil {
		return nil, err
	}
	b.sect = readSectSetup(b.doc, b.insertAt)
	return b, nil
}

func (b *base) readStyles() error {
	b.stylesPart = b.pkg.RelatedPart(b.main, opc.RelStyles)
	if b.stylesPart == "" {
		return fmt.Errorf("template: has no styles part; the TD cannot take the regions' styles")
	}
	var err error
	if b.stylesRaw, err = b.pkg.Read(b.stylesPart); err != nil {
		return err
	}
	if b.stylesRoot, err = readRoot("template: "+b.stylesPart, b.stylesRaw); err != nil {
		return err
	}
	b.styles, err = ingest.ParseStyles("template", b.stylesPart, b.stylesRaw)
	return err
}

func (b *base) readNumbering() error {
	b.numberingPart = b.pkg.RelatedPart(b.main, opc.RelNumbering)
	if b.numberingPart == "" {
		return nil
	}
	var err error
	if b.numberingRaw, err = b.pkg.Read(b.numberingPart); err != nil {
		return err
	}
	b.numbering, err = ingest.ParseNumbering("template", b.numberingPart, b.numberingRaw)
	return err
}

// readNotes reads the highest id of the template's footnotes (i 0) or
// endnotes (i 1), so the regions' notes are numbered after it.
func (b *base) readNotes(i int, part string) error {
	if part == "" {
		return nil
	}
	data, err := b.pkg.Read(part)
	if err != nil {
		return err
	}
	for _, it := range topItems(data, []string{"footnote", "endnote"}[i]) {
		if n, err := strconv.ParseInt(it.id, 10, 64); err == nil {
			b.maxNote[i] = max(b.maxNote[i], n)
		}
	}
	return nil
}

// scanIDs collects the ids and bookmark names the template's stories use.
func (b *base) scanIDs() error {
	for _, name := range b.pkg.SortedNames() {
		part := b.pkg.Part(name)
		if !strings.HasSuffix(name, ".xml") || !isStoryType(part.ContentType) {
			continue
		}
		data, err := b.pkg.Read(name)
		if err != nil {
			return err
		}
		if err := b.ids.scan("template: "+part.Name, data); err != nil {
			return err
		}
		for _, s := range scanBookmarks(data).starts {
			b.bookmarks[strings.ToLower(s.name)] = true
		}
		if part.Name == b.comments {
			for _, it := range topItems(data, "comment") {
				if n, err := strconv.ParseInt(it.id, 10, 64); err == nil {
					b.maxCmt = max(b.maxCmt, n)
				}
			}
		}
	}
	return nil
}

// isStoryType tells the parts that hold text of the document.
func isStoryType(ct string) bool {
	for _, k := range []string{"document.main+xml", "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml", "comments+xml", "template.main+xml"} {
		if strings.HasSuffix(ct, k) {
			return true
		}
	}
	return false
}

// countHeadings counts the template's level-1 headings, so the regions'
// numbers follow on.
func (b *base) countHeadings() int {
	reg := newStyleRegistry(b.styles, b.theme)
	h1, ok := reg.lookup("paragraph", "heading 1")
	if !ok {
		return 0
	}
	n := 0
	forEachTag(b.doc[:b.insertAt], func(t *xmltok.Token, local []byte) {
		if string(local) != "pStyle" {
			return
		}
		if v, _ := t.LocalAttr("val"); v == h1 {
			n++
		}
	})
	return n
}

// topItem is a child of a part's root with its id and type.
type topItem struct {
	id, typ string
}

// topItems lists the elements named local (notes, comments) with their
// w:id and w:type, in document order.
func topItems(data []byte, local string) []topItem {
	var out []topItem
	forEachTag(data, func(t *xmltok.Token, l []byte) {
		if string(l) != local {
			return
		}
		id, _ := t.LocalAttr("id")
		typ, _ := t.LocalAttr("type")
		out = append(out, topItem{id, typ})
	})
	return out
}
