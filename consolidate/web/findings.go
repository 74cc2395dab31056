package web

import (
	_ "embed"
	"html/template"
	"io"
	"slices"
	"time"

	"tsagmerge/consolidate/check"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
)

// kindLabels name the kinds of finding in words, for the page and the
// findings reports.
var kindLabels = map[check.Kind]string{
	check.UnresolvedComment: "Open comment",
	check.ResolvedComment:   "Resolved comment",
	check.PendingRevision:   "Tracked change not accepted",
	check.Residue:           "Review residue in the text",
	check.DuplicateInList:   "Item named twice in a list",
	check.EmptySection:      "Empty section",
	check.FrontMatter:       "Front matter left out",
	check.HeaderFooter:      "Header or footer not carried",
	check.MissingRegion:     "No contribution",
	check.RefusedFile:       "File refused",
	check.SupersededFile:    "Superseded version",
	check.DraftTD:           "Draft marks",
	check.CoverMarker:       "Marker left on the cover",
	check.RegionOrder:       "Regions out of order",
	check.StaleText:         "Text carried over from last period's TD",
}

// kindLabel is a kind in words, or its name when it has no label yet.
func kindLabel(k check.Kind) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// findingsName is the file a region's findings report is saved as.
func findingsName(code string) string { return "findings-" + code + ".html" }

// reportRegions are the regions the upload has a file for, in report
// order: those a findings report can be sent to.
func (ss *session) reportRegions() []string {
	var out []string
	for _, r := range ingest.Regions {
		if slices.Contains(ss.regionsWithFile, r.Code) {
			out = append(out, r.Code)
		}
	}
	return out
}

//go:embed findings.html.tmpl
var findingsSource string

var findingsTemplate = template.Must(template.New("findings").Funcs(template.FuncMap{
	"label": kindLabel,
	"day": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2 January 2006")
	},
}).Parse(findingsSource))

// findingsPage is what a region's findings report shows.
type findingsPage struct {
	Code, Name        string
	Files             []inbox.FileEntry
	Errors, Others    []check.Finding
	Generated         string
	ErrorsN, WarningN int
}

// writeFindings writes the findings report of one region: a
// self-contained HTML page (no script, nothing fetched) listing its files
// and what check found in them, what must be fixed first.
func writeFindings(w io.Writer, rep *check.Report, code string) error {
	info, _, _ := ingest.RegionByCode(code)
	p := findingsPage{Code: code, Name: info.Name, Generated: time.Now().Format("2 January 2006")}
	for _, f := range rep.Files {
		if f.Region == code {
			p.Files = append(p.Files, f)
		}
	}
	for _, f := range rep.Findings {
		if f.Region != code {
			continue
		}
		switch f.Severity {
		case check.Error:
			p.Errors = append(p.Errors, f)
			p.ErrorsN++
		case check.Warning:
			p.Others = append(p.Others, f)
			p.WarningN++
		default:
			p.Others = append(p.Others, f)
		}
	}
	return findingsTemplate.Execute(w, p)
}
