package testkit

import (
	"strings"

	"tsagmerge/ingest"
)

// TextDocs builds documents from a plain-text markup, so that what reads
// a document's text can be tested without the reader: "= CODE" starts a
// document (its region), "# " and "## " are headings, "- " list items, "~ "
// captions, any other line a paragraph. Blocks lists every paragraph.
func TextDocs(text string) []*ingest.Document {
	var docs []*ingest.Document
	var d *ingest.Document
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") && d == nil {
			continue
		}
		if code, ok := strings.CutPrefix(line, "= "); ok {
			d = &ingest.Document{Path: code + "-contribution.docx", Region: ingest.Region{Code: code}}
			docs = append(docs, d)
			continue
		}
		p := &ingest.Paragraph{Index: len(d.Paragraphs) + 1, Style: "Normal", Section: len(d.Sections) - 1}
		switch {
		case strings.HasPrefix(line, "## "), strings.HasPrefix(line, "# "):
			level := 1
			if strings.HasPrefix(line, "## ") {
				level = 2
			}
			p.Text = strings.TrimLeft(line, "# ")
			p.Heading = level
			p.Style = "Heading " + string(rune('0'+level))
			parent := -1
			for i := len(d.Sections) - 1; i >= 0; i-- {
				if d.Sections[i].Level < level {
					parent = i
					break
				}
			}
			d.Sections = append(d.Sections, &ingest.Section{Level: level, Title: p.Text, Parent: parent, Paragraph: p.Index})
			p.Section = len(d.Sections) - 1
		case strings.HasPrefix(line, "- "):
			p.Text = line[2:]
			p.List = &ingest.ListInfo{NumID: "1", Format: "bullet"}
		case strings.HasPrefix(line, "~ "):
			p.Text = line[2:]
			p.Style = "Caption"
		default:
			p.Text = line
		}
		d.Paragraphs = append(d.Paragraphs, p)
		d.Blocks = append(d.Blocks, ingest.Block{Paragraph: p})
	}
	return docs
}
