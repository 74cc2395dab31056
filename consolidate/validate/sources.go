package validate

import (
	"runtime"
	"sync"

	"tsagmerge/ingest"
)

// Sources is the inputs' side of the read-back: each input's comparable
// text, the look of its paragraphs, its colours and its page sections, as
// the revision mode shows them. None of it depends on the output, so a
// caller can read it while the merge runs (consolidate.Publish does), and
// Content then reads only the output's side.
type Sources struct {
	mode RevisionMode
	docs []*ingest.Document
	of   map[*ingest.Document]*source
}

// source is one input's side of the read-back. Its slices are indexed by
// position in doc.Paragraphs.
type source struct {
	doc      *ingest.Document
	inferred map[int]bool // Index of paragraphs ingest made headings from bold text
	// after and before are each paragraph's comparable text (paraLine)
	// with its tracked changes accepted and as it was before them; only
	// the views the mode compares are read.
	after, before []string
	// looks are what compareFormat compares of each paragraph with text,
	// in the view the mode compares.
	looks       []paraLook
	looksBefore bool
	// colours are the body's, from its first child (colour.el counts
	// from 1); coloursOK is false when they could not be read.
	colours   []colour
	coloursOK bool
	// sections are the main part's page sections, sectionsOK false when
	// they could not be read.
	sections   []pageSection
	sectionsOK bool
}

// ReadSources reads the inputs' side of the read-back for a merge that
// treats tracked changes as mode says, the inputs side by side.
func ReadSources(inputs []*ingest.Document, mode RevisionMode) *Sources {
	s := &Sources{mode: mode, docs: inputs, of: map[*ingest.Document]*source{}}
	var jobs []func()
	for _, d := range inputs {
		src := &source{doc: d, inferred: inferredHeadings(d)}
		s.of[d] = src
		jobs = append(jobs,
			func() { src.readText(mode) },
			func() { src.readLooks(mode == RejectRevisions) },
			func() { src.colours, src.coloursOK = bodyColours(d, mode) },
			func() { src.sections, src.sectionsOK = mainSections(d, mode == RejectRevisions) })
	}
	runJobs(jobs)
	return s
}

// source returns an input's side, read now if the input was not among
// those ReadSources was given.
func (s *Sources) source(d *ingest.Document) *source {
	if src, ok := s.of[d]; ok {
		return src
	}
	return ReadSources([]*ingest.Document{d}, s.mode).of[d]
}

// runJobs runs the jobs on as many goroutines as there are processors.
func runJobs(jobs []func()) {
	next := make(chan func(), len(jobs))
	for _, j := range jobs {
		next <- j
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for j := range next {
				j()
			}
		})
	}
	wg.Wait()
}

// inferredHeadings returns the Index of the paragraphs ingest read as
// headings from their bold text, in a file without heading styles.
func inferredHeadings(d *ingest.Document) map[int]bool {
	inferred := map[int]bool{}
	for _, s := range d.Sections {
		if s.Inferred {
			inferred[s.Paragraph] = true
		}
	}
	return inferred
}

// readText reads the comparable text of every paragraph in the views the
// mode compares: with its tracked changes accepted unless they are
// rejected, and as it was before them when they are rejected or kept.
func (src *source) readText(mode RevisionMode) {
	read := func(before bool) []string {
		lines := make([]string, len(src.doc.Paragraphs))
		for i, p := range src.doc.Paragraphs {
			lines[i] = paraLine(p, src.inferred, before)
		}
		return lines
	}
	if mode != RejectRevisions {
		src.after = read(false)
	}
	if mode != AcceptRevisions {
		src.before = read(true)
	}
}

// lines returns the comparable text of paras, empty ones left out, in the
// view asked for.
func (src *source) lines(paras []*ingest.Paragraph, before bool) []string {
	all := src.after
	if before {
		all = src.before
	}
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		var t string
		if i, ok := src.position(p); ok && all != nil {
			t = all[i]
		} else {
			t = paraLine(p, src.inferred, before)
		}
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// position returns p's position in the document's paragraphs.
func (src *source) position(p *ingest.Paragraph) (int, bool) {
	i := p.Index - 1
	return i, i >= 0 && i < len(src.doc.Paragraphs) && src.doc.Paragraphs[i] == p
}
