package ingest

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"tsagmerge/ingest/opc"
)

// Read opens the .docx (or .docm, or Strict Open XML .docx) at path and
// reads it into a Document. A file that cannot be read gives an *opc.Error
// whose message is one line: the file, what is wrong, what to do.
func Read(path string) (*Document, error) {
	p, err := opc.Open(path)
	if err != nil {
		return nil, err
	}
	doc, err := ReadPackage(p)
	if err != nil {
		p.Close()
		return nil, err
	}
	return doc, nil
}

// ReadPackage reads an opened package. The parts are found through the
// relationships, not by fixed names, and parsed concurrently. The Document
// keeps the package (Document.Package); its caller closes it.
func ReadPackage(p *opc.Package) (*Document, error) {
	main, err := p.MainDocument()
	if err != nil {
		return nil, err
	}
	doc := &Document{Path: p.Path, Package: p, Strict: p.Strict}
	r := &reader{p: p, doc: doc, main: main}
	if err := r.read(); err != nil {
		return nil, err
	}
	return doc, nil
}

// reader holds what reading one package gathers before it is assembled.
type reader struct {
	p    *opc.Package
	doc  *Document
	main string

	body      *storyOut
	footnotes *storyOut
	endnotes  *storyOut
	comments  *storyOut
	styles    *Styles
	numbering *Numbering
	// done maps commentsExtended paraIds to their done flag and parent.
	extended map[string]commentEx
	// rels holds the relationships of the parts read.
	rels map[string][]opc.Relationship

	mu       sync.Mutex
	warnings []string
}

// job is one part to parse.
type job struct {
	part string
	// optional parts give a warning, not an error, when malformed.
	optional bool
	parse    func(data []byte) error
}

func (r *reader) read() error {
	rels, err := r.p.Rels(r.main)
	if err != nil {
		return err
	}
	r.checkRels(r.main, rels)
	r.checkMacros(rels)
	jobs := r.jobs()
	jobs = append(jobs, r.headerFooterJobs(&r.doc.HeadersFooters)...)
	if err := r.runJobs(jobs); err != nil {
		return err
	}
	r.rels = map[string][]opc.Relationship{r.main: rels}
	for _, j := range jobs[1:] {
		rels, err := r.p.Rels(j.part)
		switch {
		case err == nil:
			r.checkRels(j.part, rels)
			r.rels[j.part] = rels
		case j.ignorable(err):
			r.warn("the relationships of part %s could not be read and were ignored (%s)", j.part, problemOf(err))
		default:
			return err
		}
	}
	if r.body == nil {
		return &opc.Error{Path: r.p.Path, Problem: "has an empty main document part", Remedy: "save it again from Word as .docx", Err: opc.ErrNoMainPart}
	}
	total := 0
	for _, st := range []*storyOut{r.body, r.comments, r.footnotes, r.endnotes} {
		if st != nil {
			total += st.text
		}
	}
	if total > MaxText {
		return textTooMuch(r.p.Path)
	}
	if r.doc.ColorMap == nil {
		r.doc.ColorMap = DefaultColorMap()
	}
	r.assemble()
	r.doc.Warnings = append(r.doc.Warnings, r.warnings...)
	return nil
}

// jobs lists the parts to parse: the main part, the parts it relates to,
// and the package's properties.
func (r *reader) jobs() []job {
	file := r.p.Path
	jobs := []job{{part: r.main, parse: func(data []byte) (err error) {
		r.body, err = walkStory(file, r.main, storyBody, data)
		return err
	}}}
	add := func(source, relType string, optional bool, parse func(part string, data []byte) error) {
		if part := r.p.RelatedPart(source, relType); part != "" {
			jobs = append(jobs, job{part: part, optional: optional, parse: func(data []byte) error { return parse(part, data) }})
		}
	}
	add(r.main, opc.RelStyles, true, func(part string, data []byte) (err error) {
		r.styles, err = ParseStyles(file, part, data)
		return err
	})
	add(r.main, opc.RelNumbering, true, func(part string, data []byte) (err error) {
		r.numbering, err = ParseNumbering(file, part, data)
		return err
	})
	add(r.main, opc.RelComments, false, func(part string, data []byte) (err error) {
		r.comments, err = walkStory(file, part, storyComments, data)
		return err
	})
	add(r.main, opc.RelCommentsExt, true, func(part string, data []byte) (err error) {
		r.extended, err = parseCommentsEx(file, part, data)
		return err
	})
	add(r.main, opc.RelFootnotes, false, func(part string, data []byte) (err error) {
		r.footnotes, err = walkStory(file, part, storyNotes, data)
		return err
	})
	add(r.main, opc.RelEndnotes, false, func(part string, data []byte) (err error) {
		r.endnotes, err = walkStory(file, part, storyNotes, data)
		return err
	})
	add(r.main, opc.RelTheme, true, func(part string, data []byte) (err error) {
		r.doc.Theme, err = parseTheme(file, part, data)
		return err
	})
	add(r.main, opc.RelSettings, true, func(part string, data []byte) (err error) {
		r.doc.ColorMap, err = parseColorMap(file, part, data)
		return err
	})
	add("", opc.RelCoreProps, true, func(part string, data []byte) error {
		return parseCoreProps(file, part, data, &r.doc.Meta)
	})
	add("", opc.RelExtendedProps, true, func(part string, data []byte) error {
		return parseAppProps(file, part, data, &r.doc.Meta)
	})
	add("", opc.RelCustomProps, true, func(part string, data []byte) error {
		return parseCustomProps(file, part, data, &r.doc.Meta)
	})
	return jobs
}

// ignorable reports whether err, met reading the job's part, only gives a
// warning: the part is optional and the error not an unsafe part's.
func (j job) ignorable(err error) bool {
	return j.optional && !errors.Is(err, opc.ErrUnsafeXML) && !errors.Is(err, opc.ErrTooLarge)
}

// runJobs parses the parts concurrently, at most two at a time beside the
// main part (the machine the tool runs on is small, and the main part is
// most of the work). An unsafe part always stops the reading; a malformed
// optional part only gives a warning.
func (r *reader) runJobs(jobs []job) error {
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i > 0 {
				sem <- struct{}{}
				defer func() { <-sem }()
			}
			data, err := r.p.Read(j.part)
			if err == nil {
				err = j.parse(data)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err == nil {
			continue
		}
		if jobs[i].ignorable(err) {
			r.warn("part %s could not be read and was ignored (%s)", jobs[i].part, problemOf(err))
			continue
		}
		return err
	}
	return nil
}

// problemOf returns an error's problem text without the file name.
func problemOf(err error) string {
	var oe *opc.Error
	if errors.As(err, &oe) {
		return oe.Problem
	}
	return err.Error()
}

func (r *reader) warn(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// checkRels warns of internal relationships whose target part is missing.
func (r *reader) checkRels(source string, rels []opc.Relationship) {
	for _, rel := range rels {
		if rel.External || r.p.Has(rel.Part) {
			continue
		}
		r.warn("relationship %s of %s (%s) points to the missing part %s", rel.ID, source, relTypeName(rel.Type), rel.Part)
	}
}

// checkMacros notes a VBA project: a relationship from the main part, the
// conventional part name, or a macro-enabled main content type.
func (r *reader) checkMacros(rels []opc.Relationship) {
	for _, rel := range rels {
		if rel.TypeIs(opc.RelVBAProject) {
			r.doc.Macros = true
		}
	}
	if !r.doc.Macros && (r.p.Has("word/vbaProject.bin") || strings.Contains(r.p.ContentType(r.main), "macroEnabled")) {
		r.doc.Macros = true
	}
	if r.doc.Macros {
		r.warn("contains macros (a VBA project); they are never run, and the merged report will not carry them")
	}
}

// relTypeName is the last segment of a relationship type ("image").
func relTypeName(t string) string {
	return t[strings.LastIndex(t, "/")+1:]
}
