package ingest

import (
	"io"
	"strings"

	"tsagmerge/ingest/opc"
)

// HeaderFooter is one header or footer part of a contribution: what it
// shows and the review marks it holds. The TD's own headers and footers
// serve every page, so a region's are not carried; check says so.
type HeaderFooter struct {
	Part string `json:"part"`
	// Kind is "header" or "footer".
	Kind string `json:"kind"`
	// Text is what it shows, paragraphs on lines of their own.
	Text string `json:"text"`
	// Revisions and Comments count its tracked changes and comment marks.
	Revisions int `json:"revisions,omitempty"`
	Comments  int `json:"comments,omitempty"`
}

// headerFooterJobs lists the jobs that read the main part's headers and
// footers into out, one slot a part, so they can run at once.
func (r *reader) headerFooterJobs(out *[]*HeaderFooter) []job {
	var jobs []job
	for _, kind := range []struct{ rel, name string }{{opc.RelHeader, "header"}, {opc.RelFooter, "footer"}} {
		rels, err := r.p.Related(r.main, kind.rel)
		if err != nil {
			continue
		}
		for _, rel := range rels {
			part := rel.Part
			if rel.External || !r.p.Has(part) {
				continue // a dangling relationship: checkRels warns
			}
			i := len(*out)
			*out = append(*out, &HeaderFooter{Part: part, Kind: kind.name})
			jobs = append(jobs, job{part: part, optional: true, parse: func(data []byte) error {
				return readHeaderFooter(r.p.Path, part, data, (*out)[i])
			}})
		}
	}
	return jobs
}

// readHeaderFooter reads a header or footer part's text and review marks.
func readHeaderFooter(file, part string, data []byte, hf *HeaderFooter) error {
	s, err := newScanner(file, part, data)
	if err != nil {
		return err
	}
	var b strings.Builder
	inText := false
	for {
		t, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokText && inText:
			b.Write(t.text)
		case t.kind == tokEnd && t.ns == nsW && t.local == "t":
			inText = false
		case t.kind == tokEnd && t.ns == nsW && t.local == "p":
			b.WriteByte('\n')
		case t.kind != tokStart || t.ns != nsW:
		case t.local == "t":
			inText = true
		case t.local == "ins" || t.local == "del" || t.local == "moveFrom" || t.local == "moveTo":
			hf.Revisions++
		case t.local == "commentReference":
			hf.Comments++
		}
	}
	hf.Text = strings.TrimSpace(b.String())
	return nil
}
