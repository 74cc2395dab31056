package activity

import (
	"strings"

	"tsagmerge/ingest"
)

// Stage 1 of the pipeline: a document's body as the blocks an activity can
// be written in — paragraphs, list items and the rows of a table of
// activities, whose header row names the columns.

// BlockKind says what a block is.
type BlockKind int

// The kinds of block.
const (
	Paragraph BlockKind = iota + 1
	ListItem
	TableRow
)

// Block is one paragraph, list item or table row of a document's body.
type Block struct {
	Kind BlockKind
	// Text is the paragraph's text, or the row's cells joined by "; ".
	Text string
	// Cells holds a table row's cells by the role its column's header
	// gives them (see columnRoles); nil for a paragraph.
	Cells map[string]string
	// Section is the index of the section holding the block in
	// Document.Sections, -1 outside any.
	Section int
	// Paragraph is the Index of the block's (first) paragraph.
	Paragraph int
	// Context is the text that introduces the block: a list item's
	// introducing paragraph, or a table's caption.
	Context string
}

// blocksOf lists the blocks of d that may hold activities: headings,
// captions, empty paragraphs, front matter and, in a document with
// headings, what stands before the first are left out, and a table is
// read only when its header names an event column.
func blocksOf(d *ingest.Document) []Block {
	skip := skippedParagraphs(d)
	byIndex := map[int]*ingest.Paragraph{}
	for _, p := range d.Paragraphs {
		byIndex[p.Index] = p
	}
	var out []Block
	intro := ""
	for _, b := range d.Blocks {
		switch {
		case b.Paragraph != nil:
			p := b.Paragraph
			text := strings.TrimSpace(p.Text)
			if skip[p] || text == "" {
				continue
			}
			kind := Paragraph
			if p.List != nil {
				kind = ListItem
			} else {
				intro = text
			}
			blk := Block{Kind: kind, Text: text, Section: p.Section, Paragraph: p.Index}
			if kind == ListItem {
				blk.Context = intro
			}
			out = append(out, blk)
		case b.Table != nil:
			section := -1
			if p := byIndex[b.Table.Paragraph]; p != nil {
				section = p.Section
				if skip[p] && p.Section < 0 {
					continue
				}
			}
			out = append(out, tableRows(b.Table, section)...)
		}
	}
	return out
}

// skippedParagraphs are the paragraphs that are never activities:
// headings, captions (by style, or as a figure's or table's caption),
// front matter, and in a file with headings what stands outside any
// section.
func skippedParagraphs(d *ingest.Document) map[*ingest.Paragraph]bool {
	captions := map[string]bool{}
	for _, f := range d.Figures {
		captions[strings.TrimSpace(f.Caption)] = true
	}
	for _, t := range d.Tables {
		captions[strings.TrimSpace(t.Caption)] = true
	}
	skip := map[*ingest.Paragraph]bool{}
	for _, p := range d.FrontMatter {
		skip[p] = true
	}
	for _, p := range d.Paragraphs {
		if p.Heading > 0 || p.Section < 0 && len(d.Sections) > 0 || captions[strings.TrimSpace(p.Text)] ||
			strings.Contains(strings.ToLower(p.Style), "caption") {
			skip[p] = true
		}
	}
	return skip
}

// The roles a table column can play, named by its header.
const (
	roleEvent        = "event"
	roleDate         = "date"
	roleVenue        = "venue"
	roleParticipants = "participants"
	roleNumber       = "number" // the row's number: "No.", "#"
)

// columnRoles maps the words of a header cell to the role of its column:
// "Event", "Activity", "Workshop", "Title" name the event; "Date(s)",
// "When", "Period" its date; "Venue", "Place", "Location", "City",
// "Country" its place (a City and a Country column joined);
// "Participants", "Attendees", "Attendance" its head count; "No." or "#"
// numbers the rows, and is left out of the row's text.
var columnRoles = map[string]string{
	"event": roleEvent, "events": roleEvent, "activity": roleEvent, "activities": roleEvent, "meeting": roleEvent,
	"workshop": roleEvent, "title": roleEvent, "name": roleEvent, "description": roleEvent,
	"date": roleDate, "dates": roleDate, "when": roleDate,
	"period": roleDate,
	"venue":  roleVenue, "place": roleVenue, "location": roleVenue, "city": roleVenue, "where": roleVenue, "country": roleVenue,
	"participants": roleParticipants, "attendees": roleParticipants, "attendance": roleParticipants,
	"delegates": roleParticipants,
}

// headerRoles gives each column of a header row its role ("" for none).
func headerRoles(header []string) []string {
	roles := make([]string, len(header))
	for i, h := range header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "no.", "no", "#", "n°", "nr.", "nr":
			roles[i] = roleNumber
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !isWordRune(r) }) {
			if r, ok := columnRoles[w]; ok {
				roles[i] = r
				break
			}
		}
	}
	return roles
}

// tableRows makes a block of each data row of a table of activities: one
// whose header row names an event column and a date or venue column.
// Other tables (figures in numbers, lists of contacts) hold no activity.
func tableRows(t *ingest.Table, section int) []Block {
	if len(t.Cells) < 2 {
		return nil
	}
	roles := headerRoles(t.Cells[0])
	has := map[string]bool{}
	for _, r := range roles {
		has[r] = true
	}
	if !has[roleEvent] || !has[roleDate] && !has[roleVenue] {
		return nil
	}
	var out []Block
	para := t.Paragraph + len(t.Cells[0]) // a paragraph a cell, as tables of activities have
	for _, row := range t.Cells[1:] {
		first := para
		para += len(row)
		cells := map[string]string{}
		var texts []string
		for i, c := range row {
			c = strings.TrimSpace(c)
			if c == "" || i < len(roles) && roles[i] == roleNumber {
				continue
			}
			texts = append(texts, c)
			// a role given twice joins its cells: "City" and "Country"
			if i < len(roles) && roles[i] != "" {
				if cells[roles[i]] != "" {
					c = cells[roles[i]] + ", " + c
				}
				cells[roles[i]] = c
			}
		}
		if cells[roleEvent] == "" {
			continue
		}
		out = append(out, Block{Kind: TableRow, Text: strings.Join(texts, "; "), Cells: cells,
			Section: section, Paragraph: first, Context: t.Caption})
	}
	return out
}
