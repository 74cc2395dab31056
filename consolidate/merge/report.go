package merge

import (
	"unicode"
	"unicode/utf8"

	"tsagmerge/consolidate/validate"
)

// Report says what went into the output, for the command's summary.
type Report struct {
	// Regions lists the merged regions in output order.
	Regions []RegionReport `json:"regions"`
	// Warnings are problems that did not stop the merge (a link to a
	// missing part, dropped).
	Warnings []string `json:"warnings"`
}

// RegionReport describes one region in the output.
type RegionReport struct {
	Code string `json:"region"`
	Name string `json:"name"`
	File string `json:"file"`
	// Number is the region heading's number in the output; Title its text.
	Number int    `json:"number"`
	Title  string `json:"title"`
	// HeadingAdded is true when the contribution had no region heading
	// and the merge wrote one; TypedNumber is the number the region had
	// typed before its heading, replaced.
	HeadingAdded bool   `json:"headingAdded"`
	TypedNumber  string `json:"typedNumber,omitempty"`
	// Demoted counts sub-headings moved down to stand under the region
	// heading.
	Demoted int `json:"demoted"`
	// Paragraphs and Words count the region's carried text (front matter
	// and heading excluded); Pages is Words/500, rounded up.
	Paragraphs int `json:"paragraphs"`
	Words      int `json:"words"`
	Pages      int `json:"pages"`
	Figures    int `json:"figures"`
	Tables     int `json:"tables"`
	Footnotes  int `json:"footnotes"`
	Endnotes   int `json:"endnotes"`
	// CommentsKept and CommentsDropped count the region's comments.
	CommentsKept    int `json:"commentsKept"`
	CommentsDropped int `json:"commentsDropped"`
	// Revisions counts the tracked changes met in the carried content
	// (kept, accepted or rejected as the options said).
	Revisions int `json:"revisions"`
	// Changes lists every element of the region the merge left out or
	// changed, by kind, each kind in source order (changes.go).
	Changes []Change `json:"changes"`
}

// wordsPerPage is the density used to estimate pages of text.
const wordsPerPage = 500

func (m *merger) report() *Report {
	rep := &Report{Regions: []RegionReport{}, Warnings: []string{}}
	for _, r := range m.regions {
		rr := r.report
		d := r.doc
		rr.Code, rr.Name, rr.File = r.info.Code, r.info.Name, d.Path
		rr.Number, rr.Title = r.number, r.plan.title
		rr.HeadingAdded, rr.TypedNumber, rr.Demoted = r.plan.heading < 0, r.plan.typedNumber, r.plan.demoted
		for _, p := range d.Paragraphs {
			if r.plan.drop[p.Body] || p.Index == r.plan.headingPara {
				continue
			}
			rr.Paragraphs++
			rr.Words += countWords(p.Text)
		}
		rr.Pages = (rr.Words + wordsPerPage - 1) / wordsPerPage
		rr.Figures, rr.Tables = len(d.Figures), len(d.Tables)
		rr.Footnotes, rr.Endnotes = len(r.footnotes), len(r.endnotes)
		rr.CommentsDropped = len(d.Comments) - rr.CommentsKept
		rr.Changes = r.changes()
		if rr.Changes == nil {
			rr.Changes = []Change{}
		}
		rep.Regions = append(rep.Regions, rr)
		rep.Warnings = append(rep.Warnings, r.warnings...)
	}
	return rep
}

// countWords counts the runs of non-space characters in s. ASCII bytes,
// most of the text, are judged by a table lookup without a branch on the
// outcome, as strings.Fields does (counting took a tenth of x400's merge);
// other runes are decoded.
func countWords(s string) int {
	n, wasSpace := 0, 1
	for i := 0; i < len(s); {
		c := s[i]
		isSpace := int(asciiSpace[c])
		if c < utf8.RuneSelf {
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				isSpace = 1
			}
			i += size
		}
		n += wasSpace &^ isSpace
		wasSpace = isSpace
	}
	return n
}

// asciiSpace marks the ASCII white space bytes.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// Expectations tells the read-back (validate.Content) what the options
// changed and what the report says the merge left out.
func (r *Report) Expectations(opts Options) validate.Expectations {
	return validate.Expectations{DropComments: opts.Comments == CommentsDrop, Revisions: opts.ReadBackMode(),
		Regions: r.Claims()}
}

// ReadBackMode is how the read-back reads the sources' tracked changes
// for a merge with these options: known before the merge, so that the
// sources' side (validate.ReadSources) can be read while it runs.
func (o Options) ReadBackMode() validate.RevisionMode {
	switch o.Revisions {
	case RevisionsAccept:
		return validate.AcceptRevisions
	case RevisionsReject:
		return validate.RejectRevisions
	}
	return validate.KeepRevisions
}
