package merge

import "tsagmerge/ingest"

// rewrite produces the region's share of every merged part. It touches
// only its own region.
func (r *region) rewrite(m *merger) error {
	p := r.parts
	body, err := r.rewritePart(partBody, p.main)
	if err != nil {
		return err
	}
	r.out.body = body
	if r.out.footnotes, err = r.rewritePart(partNotes, p.footnotes); err != nil {
		return err
	}
	if r.out.endnotes, err = r.rewritePart(partNotes, p.endnotes); err != nil {
		return err
	}
	if err := r.rewriteComments(); err != nil {
		return err
	}
	if err := r.rewritePeople(); err != nil {
		return err
	}
	if err := r.rewriteStyles(m.styles); err != nil {
		return err
	}
	return r.rewriteNumbering()
}

// rewritePart rewrites one part of the region (nil when it has none).
func (r *region) rewritePart(kind partKind, part string) ([]byte, error) {
	if part == "" {
		return nil, nil
	}
	data, err := r.read(part)
	if err != nil {
		return nil, err
	}
	rw := newRewriter(r, kind, part)
	rw.out = make([]byte, 0, len(data)+len(data)/8)
	if err := rw.run(newScanner(r.where(part), data)); err != nil {
		return nil, err
	}
	rw.settle()
	r.report.Revisions += rw.revs
	if kind == partComments {
		r.commentPara = rw.paraIDs
	}
	return rw.out, nil
}

// rewriteComments carries the comments anchored in carried content, with
// their extended state, durable ids and extensible data.
func (r *region) rewriteComments() error {
	p := r.parts
	if r.opts.Comments == CommentsDrop || p.comments == "" {
		return nil
	}
	var err error
	if r.out.comments, err = r.rewritePart(partComments, p.comments); err != nil {
		return err
	}
	if r.out.commentsEx, err = r.rewritePart(partCommentsEx, p.commentsEx); err != nil {
		return err
	}
	if r.out.commentsIDs, err = r.rewritePart(partCommentsIDs, p.commentsIDs); err != nil {
		return err
	}
	r.out.commentsExt, err = r.rewritePart(partCommentsExt, p.commentsExt)
	return err
}

// rewritePeople collects the authors the region's people part describes;
// the output keeps one entry per author.
func (r *region) rewritePeople() error {
	part := r.parts.people
	if r.opts.Comments == CommentsDrop || part == "" {
		return nil
	}
	data, err := r.read(part)
	if err != nil {
		return err
	}
	_, _, kids := children(data[r.roots[part].start:])
	for _, k := range kids {
		if k.local != "person" {
			continue
		}
		sc := newScanner("", k.raw)
		sc.Next()
		author, _ := sc.Tok.LocalAttr("author")
		xml, err := r.rewriteFragment(part, k.raw, "")
		if err != nil {
			return err
		}
		r.out.people = append(r.out.people, xml)
		r.out.peopleAuthors = append(r.out.peopleAuthors, author)
	}
	return nil
}

// rewriteStyles writes the styles this region adds to the output.
func (r *region) rewriteStyles(reg *styleRegistry) error {
	for _, a := range reg.added {
		if a.r != r {
			continue
		}
		if a.def == nil {
			continue // made, not copied: written already
		}
		xml, err := r.rewriteFragment(r.parts.styles, a.def.Raw, a.name)
		if err != nil {
			return err
		}
		if a.xml, err = setStyleProps(r.where(r.parts.styles), xml, a.set); err != nil {
			return err
		}
	}
	return nil
}

// rewriteNumbering writes the region's list definitions under their new ids.
func (r *region) rewriteNumbering() error {
	np := r.numberingDefs
	if np == nil {
		return nil
	}
	for _, list := range []struct {
		elems []ingest.ListDef
		out   *[]byte
	}{{np.Abstracts, &r.out.abstracts}, {np.Nums, &r.out.nums}} {
		for _, e := range list.elems {
			xml, err := r.rewriteFragment(r.parts.numbering, e.Raw, "")
			if err != nil {
				return err
			}
			*list.out = append(*list.out, xml...)
		}
	}
	return nil
}

// rewriteFragment rewrites one definition (a style, a list, a person)
// taken whole from the region's part.
func (r *region) rewriteFragment(part string, raw []byte, styleName string) ([]byte, error) {
	rw := newRewriter(r, partDefs, part)
	rw.styleName = styleName
	rw.noRefs = styleName != ""
	if err := rw.fragment(r.where(part), raw); err != nil {
		return nil, err
	}
	return rw.out, nil
}
