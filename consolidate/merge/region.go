package merge

import (
	"fmt"
	"strings"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// region is one contribution on its way into the output: where its parts
// are, how its ids, styles, lists, links and names map onto the output,
// and, once rewritten, its share of each merged part.
type region struct {
	idx  int // position among the merged regions, from 0
	info ingest.RegionInfo
	tag  string // lower-case code, put before the names of copied parts
	doc  *ingest.Document
	pkg  *opc.Package
	opts *Options

	parts regionParts
	roots map[string]rootInfo // root tag of each part read, by part name

	page pageSetup // the template's page size and margins
	// sectRefs are the header and footer references every section of the
	// region names (sections.go).
	sectRefs string
	plan     headingPlan
	number   int // the region heading's number in the output

	styles    map[string]string // style id -> output style id
	styleIDs  map[string]bool   // every style id of the output
	headingID [10]string        // output style of heading level n
	// restyled gives the output style of each sub-heading that moves, by
	// paragraph Index (the level's style, or the region's variant of it).
	restyled map[int]string
	// defaultStyle is the output style of the region's paragraphs that
	// name none, when it is not the output's default (Normal (ARB)).
	defaultStyle string
	numbering    regionNumbering
	// numberingDefs is the region's numbering part, nil when it has none.
	numberingDefs *ingest.Numbering
	rels          map[string]map[string]string // source part -> old rId -> new rId
	copied        map[string]string            // lower-case source part -> output part
	// bookmarks maps, per part, the id of each bookmark start that is
	// carried to its output name; anchors maps renamed names.
	bookmarks map[string]map[string]string
	anchors   map[string]string
	comments  map[string]string // comment id -> output id
	footnotes map[string]string // note id -> output id
	endnotes  map[string]string
	renames   map[string]map[string]string // part -> prefix renames
	outPrefix map[string]string            // part -> the output's prefix for w:
	ids       idBlocks
	// pal resolves the region's theme colours against the output's; nil
	// when they all resolve the same.
	pal *palette
	// fonts resolves the region's theme fonts against the output's; nil
	// when they all resolve the same.
	fonts *fontMap

	// Filled while rewriting.
	commentRefs map[string]bool   // comment ids referenced in carried content
	commentPara map[string]string // comment paraId -> output paraId
	durable     map[string]string // durableId -> output durableId
	styleRefs   map[string]bool   // output style ids referenced
	out         regionOutput
	report      RegionReport
	// keptComments holds the ids of the comments carried; bindings the
	// data bindings left out (changes.go).
	keptComments map[string]bool
	bindings     []Change
	warnings     []string
}

// regionParts names the parts of a contribution that the merge reads.
type regionParts struct {
	main, styles, numbering, footnotes, endnotes   string
	comments, commentsEx, commentsIDs, commentsExt string
	people                                         string
}

// regionOutput is a region's share of each merged part.
type regionOutput struct {
	body, footnotes, endnotes                      []byte
	comments, commentsEx, commentsIDs, commentsExt []byte
	abstracts, nums                                []byte
	people                                         [][]byte // w15:person elements
	peopleAuthors                                  []string
	finalSect                                      []byte // the body's w:sectPr, rewritten
}

func (r *region) label() string {
	if r.info.Code != "" {
		return r.info.Code
	}
	return fmt.Sprintf("region %d", r.idx+1)
}

func (r *region) where(part string) string { return r.pkg.Path + ": " + part }

func (r *region) warnf(format string, args ...any) {
	r.warnings = append(r.warnings, r.pkg.Path+": "+fmt.Sprintf(format, args...))
}

// read returns a part's bytes, or nil when the part is not named.
func (r *region) read(part string) ([]byte, error) {
	if part == "" {
		return nil, nil
	}
	return r.pkg.Read(part)
}

// findParts locates a contribution's parts through the main document's
// relationships, by type, never by a fixed name.
func (r *region) findParts() error {
	main, err := r.pkg.MainDocument()
	if err != nil {
		return err
	}
	p := &r.parts
	p.main = main
	p.styles = r.pkg.RelatedPart(main, opc.RelStyles)
	p.numbering = r.pkg.RelatedPart(main, opc.RelNumbering)
	p.footnotes = r.pkg.RelatedPart(main, opc.RelFootnotes)
	p.endnotes = r.pkg.RelatedPart(main, opc.RelEndnotes)
	p.comments = r.pkg.RelatedPart(main, opc.RelComments)
	p.commentsEx = r.pkg.RelatedPart(main, opc.RelCommentsExt)
	p.commentsIDs = r.pkg.RelatedPart(main, opc.RelCommentsIds)
	p.commentsExt = r.pkg.RelatedPart(main, opc.RelCommentsExtensible)
	p.people = r.pkg.RelatedPart(main, opc.RelPeople)
	return nil
}

// regionTag is the lower-case code, or "r" and the position when the
// region is unknown.
func regionTag(info ingest.RegionInfo, idx int) string {
	if info.Code != "" {
		return strings.ToLower(info.Code)
	}
	return fmt.Sprintf("r%d", idx+1)
}
