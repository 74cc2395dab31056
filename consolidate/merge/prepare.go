package merge

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// Merged part keys.
const (
	mpDocument    = "document"
	mpStyles      = "styles"
	mpNumbering   = "numbering"
	mpFootnotes   = "footnotes"
	mpEndnotes    = "endnotes"
	mpComments    = "comments"
	mpCommentsEx  = "commentsExtended"
	mpCommentsIDs = "commentsIds"
	mpCommentsExt = "commentsExtensible"
	mpPeople      = "people"
)

// partSpec describes a part the output may gain: how the main document
// links to it, its name and type when the template lacks it, and the root
// element it is then given.
type partSpec struct {
	key, rel, name, ct string
	prefix, uri, root  string
}

const ctWML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

var partSpecs = []partSpec{
	{mpNumbering, opc.RelNumbering, "word/numbering.xml", ctWML + "numbering+xml", "w", uriW, "numbering"},
	{mpFootnotes, opc.RelFootnotes, "word/footnotes.xml", ctWML + "footnotes+xml", "w", uriW, "footnotes"},
	{mpEndnotes, opc.RelEndnotes, "word/endnotes.xml", ctWML + "endnotes+xml", "w", uriW, "endnotes"},
	{mpComments, opc.RelComments, "word/comments.xml", ctWML + "comments+xml", "w", uriW, "comments"},
	{mpCommentsEx, opc.RelCommentsExt, "word/commentsExtended.xml", ctWML + "commentsExtended+xml", "w15", uriW15, "commentsEx"},
	{mpCommentsIDs, opc.RelCommentsIds, "word/commentsIds.xml", ctWML + "commentsIds+xml", "w16cid", uriW16CID, "commentsIds"},
	{mpCommentsExt, opc.RelCommentsExtensible, "word/commentsExtensible.xml", ctWML + "commentsExtensible+xml", "w16cex", uriW16CEX, "commentsExtensible"},
	{mpPeople, opc.RelPeople, "word/people.xml", ctWML + "people+xml", "w15", uriW15, "people"},
}

// separators are the notes a footnotes or endnotes part made anew needs.
const separators = `<w:%[1]s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%[1]s>` +
	`<w:%[1]s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%[1]s>`

// prepare reads every region's small parts and fixes, region by region
// in report order, how its styles, lists, links, bookmarks, notes and
// comments map onto the output, and which ids it may hand out.
func (m *merger) prepare() error {
	b := m.base
	m.styles = newStyleRegistry(b.styles, b.theme)
	m.nums = newNumRegistry(b.numbering)
	m.copier = newPartCopier(b.pkg)
	m.namer = &bookmarkNamer{used: b.bookmarks}
	if err := m.initParts(); err != nil {
		return err
	}
	next := counters{comment: b.maxCmt + 1, notes: [2]int64{b.maxNote[0] + 1, b.maxNote[1] + 1}}
	var needs []idNeeds
	for _, r := range m.regions {
		n, err := m.prepareRegion(r, &next)
		if err != nil {
			return err
		}
		needs = append(needs, n)
	}
	m.commentsAboveNotes(next)
	return m.allocateIDs(needs)
}

// commentsAboveNotes moves the regions' comment ids above every note id
// of the output, footnotes and endnotes alike.
//
// Word keeps comments and notes apart, but LibreOffice's DOCX importer
// (writerfilter, seen in 7.4) does not: comments and notes are both read
// by its "XNote" handler, which records the w:id of every note or comment
// it meets, and footnotes.xml is parsed once and its notes handed out by
// those recorded ids. A comment whose w:id equals a footnote's w:id is
// taken for that footnote, and from there on the footnotes show another
// note's text, or none. Numbering comments from 0 and notes from 1, as the
// merge did, makes such ids collide wherever a TD has both; a minimal document with footnotes 1-12 and
// three comments 5-7 already shows notes 5-12 wrong, and comments
// 100-111 leave them right. Since the comments' ids are only names, they
// are numbered on from the highest note id.
func (m *merger) commentsAboveNotes(next counters) {
	floor := max(next.notes[0], next.notes[1])
	shift := floor - (m.base.maxCmt + 1)
	if shift <= 0 {
		return
	}
	for _, r := range m.regions {
		for old, v := range r.comments {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				continue
			}
			r.comments[old] = itoa(n + shift)
		}
	}
}

// counters are the next output ids of the spaces numbered in order.
type counters struct {
	comment int64
	notes   [2]int64
}

// initParts sets up the parts the regions are merged into.
func (m *merger) initParts() error {
	b := m.base
	m.parts[mpDocument] = newMerged(b.main, b.doc, b.docRoot, nil)
	m.parts[mpStyles] = newMerged(b.stylesPart, b.stylesRaw, b.stylesRoot, nil)
	for _, spec := range partSpecs {
		part := b.pkg.RelatedPart(b.main, spec.rel)
		if part == "" {
			m.copier.reserve(spec.name)
			var initial []byte
			if spec.key == mpFootnotes || spec.key == mpEndnotes {
				initial = fmt.Appendf(nil, separators, spec.root[:len(spec.root)-1])
			}
			m.parts[spec.key] = synthMerged(spec, initial)
			continue
		}
		data, err := b.pkg.Read(part)
		if err != nil {
			return err
		}
		root, err := readRoot("template: "+part, data)
		if err != nil {
			return err
		}
		m.parts[spec.key] = newMerged(part, data, root, &spec)
	}
	return nil
}

// relSet returns the relationships of an output part, the template's to
// begin with. Template relationships that cannot be read are an error: the
// part's .rels would be written with the regions' links only.
func (m *merger) relSet(part string) (*relSet, error) {
	if rs, ok := m.rels[part]; ok {
		return rs, nil
	}
	var existing []opc.Relationship
	if m.base.pkg.Has(part) {
		var err error
		if existing, err = m.base.pkg.Rels(part); err != nil {
			return nil, fmt.Errorf("the template's relationships of %s: %w", part, err)
		}
	}
	rs := newRelSet(existing)
	m.rels[part] = rs
	return rs, nil
}

// storyParts pairs a region's parts with the merged part they go into.
func (r *region) storyParts() [][2]string {
	p := r.parts
	return [][2]string{
		{p.main, mpDocument}, {p.styles, mpStyles}, {p.numbering, mpNumbering},
		{p.footnotes, mpFootnotes}, {p.endnotes, mpEndnotes}, {p.comments, mpComments},
		{p.commentsEx, mpCommentsEx}, {p.commentsIDs, mpCommentsIDs}, {p.commentsExt, mpCommentsExt},
		{p.people, mpPeople},
	}
}

// prepareRegion maps one region onto the output and returns the ids it
// may need.
func (m *merger) prepareRegion(r *region, next *counters) (idNeeds, error) {
	var needs idNeeds
	if err := r.findParts(); err != nil {
		return needs, err
	}
	data := map[string][]byte{}
	for _, sp := range r.storyParts() {
		part, key := sp[0], sp[1]
		if part == "" {
			continue
		}
		d, err := r.read(part)
		if err != nil {
			return needs, err
		}
		root, err := readRoot(r.where(part), d)
		if err != nil {
			return needs, err
		}
		data[part], r.roots[part] = d, root
		mp := m.parts[key]
		r.renames[part] = mp.union.add(root)
		r.outPrefix[part] = mp.union.prefixOf(uriW)
	}
	r.pal = newPalette(r.doc.Theme, r.doc.ColorMap, m.base.theme, m.base.colorMap)
	r.fonts = newFontMap(r.doc.Theme, m.base.theme, r.doc.Script)
	r.plan = planHeadings(r.doc)
	r.page = m.base.page
	doc := m.parts[mpDocument].union
	r.sectRefs = m.base.sect.regionRefs(doc.prefixOf(uriW), doc.prefixOf(uriR))
	r.number = m.base.h1Count + 1 + r.idx
	if err := m.mapDefinitions(r, data); err != nil {
		return needs, err
	}
	if err := m.mapLinks(r); err != nil {
		return needs, err
	}
	for _, part := range []string{r.parts.main, r.parts.footnotes, r.parts.endnotes, r.parts.comments} {
		if part != "" {
			r.bookmarks[part] = m.namer.mapBookmarks(scanBookmarks(data[part]), r.anchors)
		}
	}
	m.mapNotesAndComments(r, data, next)
	for _, part := range []string{r.parts.main, r.parts.footnotes, r.parts.endnotes, r.parts.comments, r.parts.commentsIDs} {
		needs.add(countNeeds(data[part]))
	}
	return needs, nil
}

// mapDefinitions maps the region's styles and lists.
func (m *merger) mapDefinitions(r *region, data map[string][]byte) error {
	r.styles = map[string]string{}
	ss := r.doc.Styles
	if ss != nil {
		r.styles = m.styles.mapRegion(r, ss)
		if out := r.styles[ss.DefaultParagraph]; out != "" && out != m.styles.defaults["paragraph"] {
			r.defaultStyle = out
		}
	}
	r.styleIDs = m.styles.ids
	for _, lvl := range r.plan.neededLevels() {
		r.headingID[lvl] = m.styles.headingID(lvl)
	}
	r.restyled = map[int]string{}
	// In paragraph order: the variants restyle makes are named in the
	// order they are first needed, and the output must not change from
	// run to run.
	for _, para := range slices.Sorted(maps.Keys(r.plan.levels)) {
		r.restyled[para] = m.styles.restyle(r, ss, r.doc.Paragraphs[para-1].StyleID, r.headingID[r.plan.levels[para]])
	}
	np := r.doc.Numbering
	if part := r.parts.numbering; part != "" && np == nil {
		var err error
		if np, err = ingest.ParseNumbering(r.label(), part, data[part]); err != nil {
			return err
		}
	}
	r.numberingDefs = np
	r.numbering = m.nums.mapRegion(np)
	return nil
}

// mapLinks maps the relationships of the region's stories.
func (m *merger) mapLinks(r *region) error {
	for _, sp := range [][2]string{{r.parts.main, mpDocument}, {r.parts.footnotes, mpFootnotes},
		{r.parts.endnotes, mpEndnotes}, {r.parts.comments, mpComments}} {
		if sp[0] == "" {
			continue
		}
		out := m.parts[sp[1]].name
		rs, err := m.relSet(out)
		if err != nil {
			return err
		}
		r.rels[sp[0]] = mapPartRels(r, sp[0], rs, out, m.copier)
	}
	return nil
}

// mapNotesAndComments numbers the region's notes and comments in the
// output, in the order the parts hold them.
func (m *merger) mapNotesAndComments(r *region, data map[string][]byte, next *counters) {
	for i, part := range []string{r.parts.footnotes, r.parts.endnotes} {
		if part == "" {
			continue
		}
		target := []map[string]string{r.footnotes, r.endnotes}[i]
		for _, it := range topItems(data[part], []string{"footnote", "endnote"}[i]) {
			if it.typ != "" && it.typ != "normal" {
				continue
			}
			if _, dup := target[it.id]; !dup {
				target[it.id] = itoa(next.notes[i])
				next.notes[i]++
			}
		}
	}
	if r.parts.comments == "" || m.opts.Comments == CommentsDrop {
		return
	}
	for _, it := range topItems(data[r.parts.comments], "comment") {
		if _, dup := r.comments[it.id]; !dup {
			r.comments[it.id] = itoa(next.comment)
			next.comment++
		}
	}
}

// allocateIDs lays the regions' id blocks end to end above the template's.
func (m *merger) allocateIDs(needs []idNeeds) error {
	t := m.base.ids
	annot, docPr, hex := t.annot+1, t.docPr+1, t.hex+1
	for i, r := range m.regions {
		n := needs[i]
		r.ids = idBlocks{
			annot: idBlock{next: annot, limit: annot + int64(n.annot)},
			docPr: idBlock{next: docPr, limit: docPr + int64(n.docPr)},
			hex:   idBlock{next: hex, limit: hex + int64(n.hex)},
		}
		annot, docPr, hex = r.ids.annot.limit, r.ids.docPr.limit, r.ids.hex.limit
	}
	if hex >= maxHexID {
		return fmt.Errorf("the contributions hold more paragraphs than Word can number (%d paragraph ids needed)", hex)
	}
	return nil
}
