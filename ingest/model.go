// Package ingest reads one regional contribution (.docx) into the document
// model that every other part of tsagmerge works from: check, consolidate,
// index and diff read a *Document and never the package's XML themselves,
// except consolidate, which copies parts through the Package it carries.
package ingest

import (
	"time"

	"tsagmerge/ingest/opc"
)

// Document is one contribution as read from its file.
type Document struct {
	// Path is the file the document was read from, as given.
	Path string `json:"file"`
	// Region is the ITU region the contribution reports on.
	Region Region `json:"-"`
	// Meta holds the package's core and extended properties.
	Meta Metadata `json:"metadata"`
	// Strict is true for a Strict Open XML package (ISO/IEC 29500 strict).
	Strict bool `json:"strict,omitempty"`
	// Macros is true when the package carries a VBA project (.docm).
	Macros bool `json:"macros,omitempty"`

	// Paragraphs lists every body paragraph in document order, including
	// those inside tables, front matter and headings.
	Paragraphs []*Paragraph `json:"-"`
	// Blocks lists the body's top-level content in order: paragraphs and
	// tables, as a reader meets them.
	Blocks []Block `json:"-"`
	// FrontMatter holds the title block at the top of the body (a title,
	// an author or affiliation line, a date), which the merge leaves out;
	// FrontMatterWhy says, for each, why it is one (frontmatter.go has the
	// rule). Anything else before the region's heading is not front
	// matter: it is carried, though in no section.
	FrontMatter    []*Paragraph `json:"-"`
	FrontMatterWhy []string     `json:"-"`
	// RegionLine is, in a document without a level-1 heading, the short
	// bold or heading line after the title block that names the region
	// ("Africa"): the merge makes it the region heading. Nil when none.
	RegionLine *Paragraph `json:"-"`
	// Sections lists the headings in document order; each names its parent.
	Sections []*Section `json:"sections"`

	Comments   []*Comment   `json:"comments"`
	Revisions  []*Revision  `json:"revisions"`
	Figures    []*Figure    `json:"figures"`
	Tables     []*Table     `json:"tables"`
	Footnotes  []*Note      `json:"footnotes"`
	Endnotes   []*Note      `json:"endnotes"`
	Hyperlinks []*Hyperlink `json:"hyperlinks"`
	Bookmarks  []*Bookmark  `json:"bookmarks"`
	Fields     []*Field     `json:"fields"`
	// HeadersFooters lists the header and footer parts of the main part,
	// which the TD does not carry (its own serve every page).
	HeadersFooters []*HeaderFooter `json:"headersFooters"`
	// Hidden lists runs of text formatted as hidden (w:vanish).
	Hidden []*Mark `json:"hidden"`
	// Highlights lists runs of highlighted text with their colour.
	Highlights []*Mark `json:"highlights"`

	// Theme is the theme part's colour scheme and fonts; nil when the
	// document has no theme part (Word then uses OfficeTheme).
	Theme *Theme `json:"-"`
	// ColorMap is the settings' w:clrSchemeMapping (DefaultColorMap when
	// the settings have none): which colour scheme slot text1, background1,
	// tx1, bg1 and the others name.
	ColorMap map[string]string `json:"-"`

	// Warnings are problems that did not stop the reading (a dangling
	// relationship, macros present, an unreadable image header).
	Warnings []string `json:"warnings"`

	// ComplexScript is true when the body holds text in a complex script
	// (Arabic, Hebrew, an Indic script, Thai…), whose runs Word shows in
	// their complex-script font, size, bold and italic.
	ComplexScript bool `json:"complexScript,omitempty"`
	// Script is the ISO 15924 code of the first complex script in the
	// body ("Arab"), "" for none: the script whose theme font (a theme's
	// a:font for it) the document's complex-script theme fonts show in.
	// A contribution holds one such script in practice; a second one's
	// text is resolved as the first's.
	Script string `json:"script,omitempty"`
	// Styles is the document's style definitions (nil when it has no
	// styles part); Format resolves paragraphs' formatting through them.
	Styles *Styles `json:"-"`
	// Numbering is the document's list definitions (nil when it has no
	// numbering part, or one that could not be read).
	Numbering *Numbering `json:"-"`

	// Package is the opened package, for consumers that copy parts
	// (consolidate) or write figures out (inspect --figures).
	Package *opc.Package `json:"-"`
}

// Metadata is what docProps/core.xml, docProps/app.xml and
// docProps/custom.xml say of a file.
type Metadata struct {
	Title string `json:"title"`
	// Status is the core content status ("Draft", "Final"…).
	Status string `json:"status,omitempty"`
	// TD is the custom property TDProperty: the TD number of a TD that
	// tsagmerge wrote, empty for anything else.
	TD             string    `json:"td,omitempty"`
	Subject        string    `json:"subject,omitempty"`
	Creator        string    `json:"author"`
	LastModifiedBy string    `json:"lastModifiedBy,omitempty"`
	Created        time.Time `json:"created,omitzero"`
	Modified       time.Time `json:"modified,omitzero"`
	Application    string    `json:"application"`
	AppVersion     string    `json:"appVersion,omitempty"`
}

// Region identifies one of the six ITU regions and how it was recognised.
type Region struct {
	// Code is AFR, AMS, ARB, ASP, CIS or EUR; empty when unknown.
	Code string `json:"region"`
	// Evidence says where the code came from: "heading: …", "file name: …"
	// or "title: …".
	Evidence string `json:"regionEvidence"`
}

// Block is one top-level piece of the body: exactly one of Paragraph and
// Table is set.
type Block struct {
	Paragraph *Paragraph
	Table     *Table
}

// Paragraph is one w:p of the main document body.
type Paragraph struct {
	// Index is the paragraph's position among all body paragraphs, from 1.
	Index int `json:"paragraph"`
	// Style is the paragraph style's name (w:name), StyleID its id.
	Style   string `json:"style"`
	StyleID string `json:"-"`
	// Text is the paragraph as shown with every tracked change accepted.
	Text string `json:"text"`
	// Original is the text as it was before the tracked changes (deletions
	// kept, insertions left out, rows inserted as a whole too). It equals
	// Text when nothing is tracked.
	Original string `json:"original,omitempty"`
	// Heading is the outline level (1–9) when the paragraph is a heading.
	Heading int `json:"heading,omitempty"`
	// List is set for list items.
	List *ListInfo `json:"list,omitempty"`
	// Section is the index into Document.Sections of the innermost section
	// holding the paragraph; -1 for front matter.
	Section int `json:"section"`
	// InTable is true for paragraphs inside a table cell.
	InTable bool `json:"inTable,omitempty"`
	// Direct is the paragraph's own formatting (its w:pPr), Runs its text
	// runs' in order; Document.Format resolves them through the styles.
	Direct Props       `json:"-"`
	Runs   []RunFormat `json:"-"`
	// Body is the index of the top-level body element that holds the
	// paragraph (its w:p, or the w:tbl around it, counting the children of
	// w:body from 0). Consolidate uses it to find where a region starts.
	Body int `json:"-"`
}

// ListInfo is a paragraph's place in a numbered or bulleted list.
type ListInfo struct {
	NumID string `json:"numId"`
	Level int    `json:"level"`
	// Format is the level's w:numFmt: "bullet", "decimal", "lowerLetter" …
	Format string `json:"format,omitempty"`
}

// Section is one heading and what stands under it up to the next heading of
// the same or a higher level.
type Section struct {
	Level int `json:"level"`
	// Number is a number typed at the start of the heading ("8", "3.1"),
	// split off the title; empty when none was typed.
	Number string `json:"number"`
	Title  string `json:"title"`
	// Parent is the index of the enclosing section, -1 at the top.
	Parent int `json:"parent"`
	// Paragraph is the heading paragraph's Index.
	Paragraph int `json:"paragraph"`
	// Inferred is true when the heading was recognised from its look (a
	// short bold paragraph) because the file has no heading styles.
	Inferred bool `json:"inferred,omitempty"`
}

// Comment is one w:comment with its place in a thread.
type Comment struct {
	ID       string    `json:"id"`
	Author   string    `json:"author"`
	Initials string    `json:"initials,omitempty"`
	Date     time.Time `json:"date,omitzero"`
	Text     string    `json:"text"`
	// Anchor is the commented text (between commentRangeStart and End).
	Anchor string `json:"anchor"`
	// Section is the title of the section the comment is anchored in.
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
	// Part is the part holding the comment's reference mark
	// (w:commentReference), where Word shows the comment:
	// "word/document.xml" or a notes part; empty when no text references
	// it, so that it is shown nowhere.
	Part string `json:"part,omitempty"`
	// Inserted and Deleted say that the reference mark stands in tracked
	// inserted (or moved-to) text, or deleted (or moved-from) text:
	// rejecting, or accepting, the changes removes the comment.
	Inserted bool `json:"inserted,omitempty"`
	Deleted  bool `json:"deleted,omitempty"`
	// Parent is the id of the comment this one replies to, empty for the
	// first comment of a thread.
	Parent string `json:"parent"`
	// Resolved is true when commentsExtended marks the comment (or its
	// thread's first comment) done.
	Resolved bool `json:"resolved"`
	// ParaID is the w14:paraId of the comment's last paragraph, the key
	// commentsExtended uses.
	ParaID string `json:"paraId,omitempty"`
}

// RevisionKind names the sort of a tracked change.
type RevisionKind string

// The kinds of tracked change.
const (
	Insertion RevisionKind = "insertion"
	Deletion  RevisionKind = "deletion"
	MoveFrom  RevisionKind = "move-from"
	MoveTo    RevisionKind = "move-to"
	Format    RevisionKind = "format"
	ParaProps RevisionKind = "paragraph"
)

// Revision is one tracked change not yet accepted or rejected.
type Revision struct {
	Kind      RevisionKind `json:"kind"`
	ID        string       `json:"id"`
	Author    string       `json:"author"`
	Date      time.Time    `json:"date,omitzero"`
	Text      string       `json:"text"`
	Section   string       `json:"section"`
	Paragraph int          `json:"paragraph"`
	// Part is the part holding the change ("word/document.xml",
	// "word/footnotes.xml" …); Paragraph is 0 outside the body.
	Part string `json:"part,omitempty"`
}

// Figure is one picture placed in the body.
type Figure struct {
	// Part is the image part's name inside the package ("word/media/image1.png").
	Part        string `json:"part"`
	ContentType string `json:"contentType"`
	// Bytes is the image's uncompressed size.
	Bytes int64 `json:"bytes"`
	// Width and Height are the image's own size in pixels, 0 when unknown.
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Alt    string `json:"alt"`
	// Caption is the caption paragraph's text (a "Figure N" paragraph or a
	// Caption-styled paragraph right after the picture).
	Caption   string `json:"caption"`
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
	// External is true for a linked, not embedded, picture.
	External bool `json:"external,omitempty"`
}

// Table is one top-level table of the body.
type Table struct {
	Rows    int    `json:"rows"`
	Cols    int    `json:"cols"`
	Caption string `json:"caption"`
	Section string `json:"section"`
	// Paragraph is the Index of the table's first paragraph.
	Paragraph int `json:"paragraph"`
	// Cells holds each row's cell texts.
	Cells [][]string `json:"cells,omitempty"`
	// Nested counts the tables inside the table's cells, at any depth.
	Nested int `json:"nested,omitempty"`
	// InsertedRows and DeletedRows count the rows inserted or deleted as a
	// whole with tracked changes (w:trPr/w:ins, w:trPr/w:del), which Rows
	// and Cells include: rejecting or accepting the changes removes them.
	// A deleted row's text is not in Cells, as it is not in Text.
	InsertedRows int `json:"insertedRows,omitempty"`
	DeletedRows  int `json:"deletedRows,omitempty"`
}

// Note is a footnote or an endnote.
type Note struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Original is the text as it was before the tracked changes, as
	// Paragraph.Original.
	Original string `json:"original,omitempty"`
}

// Hyperlink is a w:hyperlink, external (URL) or internal (Anchor).
type Hyperlink struct {
	URL    string `json:"url"`
	Anchor string `json:"anchor,omitempty"`
	Text   string `json:"text"`
	// Part is the part holding the link ("word/document.xml", "word/footnotes.xml").
	Part    string `json:"part"`
	Section string `json:"section,omitempty"`
	// Paragraph is the body paragraph holding the link, 0 outside the body.
	Paragraph int `json:"paragraph,omitempty"`
}

// Bookmark is a w:bookmarkStart.
type Bookmark struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Closed is false when no w:bookmarkEnd with the same id follows.
	Closed bool   `json:"closed"`
	Part   string `json:"part"`
}

// Field is a simple or complex field (SEQ, TOC, REF, HYPERLINK …).
type Field struct {
	// Instr is the field code, e.g. "SEQ Figure \* ARABIC".
	Instr string `json:"instr"`
	// Result is the field's last computed text.
	Result    string `json:"result"`
	Paragraph int    `json:"paragraph"`
	// Part is the part holding the field.
	Part string `json:"part,omitempty"`
}

// Mark is a run of specially formatted text: hidden or highlighted.
type Mark struct {
	Text string `json:"text"`
	// Color is the highlight colour ("yellow"); empty for hidden text.
	Color     string `json:"color,omitempty"`
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph"`
	// Part is the part holding the text.
	Part string `json:"part,omitempty"`
}
