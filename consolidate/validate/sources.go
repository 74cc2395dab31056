package validate

import (
	"runtime"
	"sync"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
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
	// colours are the whole body's (collect); coloursOK is false when
	// they could not be read.
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
			func() { src.colours, src.coloursOK = bodyColours(d.Package, d.Theme, d.ColorMap, mode) },
			func() { src.sections, src.sectionsOK = mainSections(d.Package, mode == RejectRevisions) })
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

// Output is a written TD as the read-back reads it: the document, as the
// inputs were read (ReadBack), and what the package's bytes say of its
// colours and page sections.
type Output struct {
	Doc  *ingest.Document
	side outputSide
}

// outputSide is what Content reads of the output beside its document.
type outputSide struct {
	colours     []colour // the whole body's (collect)
	coloursOK   bool
	main        string // the main part, "" when it cannot be found
	sections    []pageSection
	sectionsErr error
}

// ReadOutput reads written .docx bytes for Content: the document (as
// ReadBack does) and, side by side with it, the colours and page sections
// of the main part.
func ReadOutput(name string, data []byte) (*Output, error) {
	p, err := opc.OpenBytes(name, data)
	if err != nil {
		return nil, err
	}
	out := &Output{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		out.side = readSide(p)
	}()
	out.Doc, err = ingest.ReadPackage(p)
	<-done
	if err != nil {
		return nil, err
	}
	return out, nil
}

// outputOf returns a document's Output, its side read now.
func outputOf(d *ingest.Document) *Output {
	out := &Output{Doc: d}
	if d.Package != nil {
		out.side = readSide(d.Package)
	}
	return out
}

// readSide reads the colours and page sections of a package's main part.
func readSide(p *opc.Package) outputSide {
	var side outputSide
	main, err := p.MainDocument()
	if err != nil {
		return side // Package reports it
	}
	theme, cmap := ingest.ReadColours(p)
	side.colours, side.coloursOK = bodyColours(p, theme, cmap, KeepRevisions)
	side.main = main
	side.sections, side.sectionsErr = readSections(p, main, false)
	return side
}
