package index

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tsagmerge/ingest"
)

// ActivityHeaders are the Activities sheet's column headers, in order.
var ActivityHeaders = []string{"ID", "Region", "Section", "Activity", "Start", "End", "Date as written", "In period",
	"City", "Country", "Countries involved", "Participants", "Participants qualifier", "ITU-T groups",
	"Recommendations", "Partners", "Open comments", "Source file", "Paragraph"}

// FollowUpChoices are the values of the Comments sheet's Follow-up
// drop-down.
var FollowUpChoices = []string{"To do", "Asked region", "Done", "Not needed"}

// sheets lays out the workbook's five sheets; links to the source files
// are made relative to outDir when the files are under it.
func (x *Index) sheets(outDir string) []sheet {
	files := fileLinks(x.Docs, outDir)
	return []sheet{x.activitySheet(files), x.commentSheet(files), x.revisionSheet(files), x.figureSheet(files), x.summarySheet()}
}

func (x *Index) activitySheet(files map[string]link) sheet {
	kinds := map[string]column{
		"Section": {kind: wrapCol, max: 30}, "Activity": {kind: wrapCol, max: 80}, "Start": {kind: dateCol},
		"End": {kind: dateCol}, "Date as written": {kind: wrapCol, max: 32}, "Countries involved": {kind: wrapCol, max: 40},
		"Participants": {kind: numCol}, "ITU-T groups": {kind: wrapCol, max: 24}, "Recommendations": {kind: wrapCol, max: 24},
		"Partners": {kind: wrapCol, max: 24}, "Open comments": {kind: numCol}, "Source file": {kind: linkCol, max: 30},
		"Paragraph": {kind: numCol},
	}
	cols := make([]column, len(ActivityHeaders))
	for i, h := range ActivityHeaders {
		cols[i] = kinds[h]
		cols[i].name = h
	}
	sh := sheet{name: "Activities", table: "ActivitiesTable", cols: cols}
	for _, a := range x.Activities {
		var countries []string
		for _, c := range a.Countries {
			countries = append(countries, c.String())
		}
		var n, qual any
		if a.Participants.N > 0 {
			n, qual = a.Participants.N, a.Participants.Qualifier
		}
		inPeriod := "yes"
		switch {
		case a.Date.IsZero() || x.Period.IsZero():
			inPeriod = ""
		case !x.Period.Holds(a.Date):
			inPeriod = "NO"
		}
		sh.rows = append(sh.rows, []any{a.ID, a.Region, a.Section, a.Text, a.Date.Start, a.Date.End,
			a.Date.Describe(), inPeriod, a.Place.City, a.Place.Country.Name, strings.Join(countries, ", "), n, qual,
			strings.Join(a.Groups, ", "), strings.Join(a.Recs, ", "), strings.Join(a.Partners, ", "),
			a.OpenComments, files[a.Source], a.Paragraph})
	}
	return sh
}

func (x *Index) commentSheet(files map[string]link) sheet {
	sh := sheet{name: "Comments", table: "CommentsTable", cols: []column{
		{name: "ID"}, {name: "Word ID", kind: numCol}, {name: "Region"}, {name: "Section", kind: wrapCol, max: 30}, {name: "Author", max: 24},
		{name: "Date", kind: timeCol}, {name: "Text", kind: wrapCol, max: 60}, {name: "Anchor", kind: wrapCol, max: 40},
		{name: "Thread parent", kind: wrapCol, max: 30}, {name: "Status"}, {name: "Follow-up", max: 14},
		{name: "Source file", kind: linkCol, max: 30}, {name: "Paragraph", kind: numCol},
	}}
	for _, d := range x.Docs {
		byID := map[string]*ingest.Comment{}
		for _, c := range d.Comments {
			byID[c.ID] = c
		}
		for _, c := range d.Comments {
			parent := ""
			if p, ok := byID[c.Parent]; ok {
				parent = commentID(d, p.ID) + " " + p.Author
			} else if c.Parent != "" {
				parent = commentID(d, c.Parent)
			}
			status := "Open"
			if c.Resolved {
				status = "Resolved"
			}
			sh.rows = append(sh.rows, []any{commentID(d, c.ID), wordID(c.ID), d.Region.Code, c.Section, c.Author, c.Date, c.Text, c.Anchor,
				parent, status, "", files[d.Path], c.Paragraph})
		}
	}
	sh.extra = func(f *excelize.File, lastRow int) error {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("K2:K%d", lastRow)
		if err := dv.SetDropList(FollowUpChoices); err != nil {
			return err
		}
		return f.AddDataValidation(sh.name, dv)
	}
	return sh
}

func (x *Index) revisionSheet(files map[string]link) sheet {
	sh := sheet{name: "Revisions", table: "RevisionsTable", cols: []column{
		{name: "Region"}, {name: "Author", max: 24}, {name: "Kind"}, {name: "Date", kind: timeCol},
		{name: "Text", kind: wrapCol, max: 60}, {name: "Section", kind: wrapCol, max: 30},
		{name: "Source file", kind: linkCol, max: 30}, {name: "Paragraph", kind: numCol},
	}}
	// by region (report order), then author, then place in the file
	for _, d := range x.Docs {
		revs := append([]*ingest.Revision(nil), d.Revisions...)
		sort.SliceStable(revs, func(i, j int) bool {
			if revs[i].Author != revs[j].Author {
				return revs[i].Author < revs[j].Author
			}
			return revs[i].Paragraph < revs[j].Paragraph
		})
		for _, r := range revs {
			sh.rows = append(sh.rows, []any{d.Region.Code, r.Author, string(r.Kind), r.Date, r.Text, r.Section,
				files[d.Path], r.Paragraph})
		}
	}
	return sh
}

func (x *Index) figureSheet(files map[string]link) sheet {
	sh := sheet{name: "Figures", table: "FiguresTable", cols: []column{
		{name: "Region"}, {name: "Section", kind: wrapCol, max: 30}, {name: "Caption", kind: wrapCol, max: 50},
		{name: "Alt text", kind: wrapCol, max: 40}, {name: "Image", max: 30}, {name: "Type", max: 14},
		{name: "Width (px)", kind: numCol}, {name: "Height (px)", kind: numCol}, {name: "Size (bytes)", kind: numCol},
		{name: "Source file", kind: linkCol, max: 30}, {name: "Paragraph", kind: numCol},
	}}
	for _, d := range x.Docs {
		for _, g := range d.Figures {
			var w, h any
			if g.Width > 0 {
				w, h = g.Width, g.Height
			}
			image := g.Part
			if g.External {
				image += " (linked)"
			}
			sh.rows = append(sh.rows, []any{d.Region.Code, g.Section, g.Caption, g.Alt, image, g.ContentType,
				w, h, g.Bytes, files[d.Path], g.Paragraph})
		}
	}
	return sh
}

func (x *Index) summarySheet() sheet {
	sh := sheet{name: "Summary", table: "SummaryTable", cellByCell: true, cols: []column{
		{name: "Region"}, {name: "Name", max: 24}, {name: "Files", kind: numCol}, {name: "Activities", kind: numCol},
		{name: "Outside period", kind: numCol}, {name: "Participants (exact)", kind: numCol},
		{name: "Participants (at least)", kind: numCol}, {name: "Participants (about)", kind: numCol}, {name: "Countries reached", kind: numCol},
		{name: "Open comments", kind: numCol}, {name: "Pending revisions", kind: numCol}, {name: "Figures", kind: numCol},
	}}
	for _, s := range x.Summary() {
		sh.rows = append(sh.rows, []any{s.Code, s.Name, s.Files, s.Activities, s.OutsidePeriod, s.Participants,
			s.ParticipantsAtLeast, s.ParticipantsAbout, s.Countries, s.OpenComments, s.Revisions, s.Figures})
	}
	if len(sh.rows) == 0 {
		return sh
	}
	sh.extra = func(f *excelize.File, lastRow int) error {
		var series []excelize.ChartSeries
		for _, col := range []string{"D", "I", "J"} { // Activities, Countries reached, Open comments
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("Summary!$%s$1", col),
				Categories: fmt.Sprintf("Summary!$A$2:$A$%d", lastRow),
				Values:     fmt.Sprintf("Summary!$%s$2:$%s$%d", col, col, lastRow),
			})
		}
		return f.AddChart(sh.name, "A"+strconv.Itoa(lastRow+3), &excelize.Chart{
			Type:      excelize.Bar,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Activities, countries reached and open comments per region"}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 400},
		})
	}
	return sh
}

// commentID names a comment uniquely across the regions: "ASP-2".
func commentID(d *ingest.Document, id string) string {
	code := d.Region.Code
	if code == "" {
		code = "?"
	}
	return code + "-" + id
}

// wordID is a comment's own id as a number when it is one, as Word's are.
func wordID(id string) any {
	if n, err := strconv.Atoi(id); err == nil {
		return n
	}
	return id
}

// fileLinks gives each source file's cell: its base name, linked by a path
// relative to outDir, so that the links hold when the workbook and the
// contributions are copied or shared together. A file that no relative
// path reaches (another drive) gets its name alone: an absolute file://
// link would break on every other machine.
func fileLinks(docs []*ingest.Document, outDir string) map[string]link {
	out := map[string]link{}
	absOut, _ := filepath.Abs(outDir)
	for _, d := range docs {
		l := link{Text: filepath.Base(d.Path)}
		if abs, err := filepath.Abs(d.Path); err == nil {
			if rel, err := filepath.Rel(absOut, abs); err == nil {
				l.URL = (&url.URL{Path: filepath.ToSlash(rel)}).String()
			}
		}
		out[d.Path] = l
	}
	return out
}
