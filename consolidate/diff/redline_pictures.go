package diff

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/xmltok"
)

// A picture the new version no longer shows is written back in the
// deleted copy of its paragraph: the image part is carried from the old
// package into the redline under a new name, with a relationship of its
// own, so that rejecting the changes shows it again.

// carried is an image part brought from the old package.
type carried struct {
	rel         opc.Relationship // as the redline's main part names it
	data        []byte
	contentType string
}

// carryPicture rewrites a w:drawing (or w:pict) of the old main part for
// the redline: its relationships to image parts carried over, its
// drawing ids made fresh. ok is false when that cannot be done (an
// external or unknown target, a prefix the new part binds otherwise).
func (rl *redliner) carryPicture(raw []byte) ([]byte, bool) {
	if holdsText(raw, rl.oldPrefix) || rl.oldDoc.Strict != rl.newDoc.Strict {
		// (Strict and transitional name DrawingML apart)
		return nil, false
	}
	decls, ok := rl.missingDeclarations(raw)
	if !ok {
		return nil, false
	}
	sc := xmltok.New(raw, xmltok.Options{})
	failed := false
	out := xmltok.RewriteAttrs(sc, func(t *xmltok.Token, a xmltok.Attr) (string, bool) {
		p, local := xmltok.SplitName(a.Name)
		switch {
		case len(p) > 0 && opc.Transitional(rl.oldRootNS[string(p)]) == opc.NSRelationships:
			id, ok := rl.carryRel(xmltok.Unescape(a.Value))
			failed = failed || !ok
			return id, ok
		case len(p) == 0 && string(local) == "id" && bytes.HasSuffix(t.Name, []byte("docPr")):
			return rl.freshID(), true
		}
		return "", false
	})
	if failed || sc.Err() != nil {
		return nil, false
	}
	if out == nil {
		out = append([]byte{}, raw...)
	}
	// the old root's declarations the fragment relies on, made its own
	if at := bytes.IndexAny(out, " />"); at > 0 && decls != "" {
		out = []byte(string(out[:at]) + decls + string(out[at:]))
	}
	return out, true
}

// holdsText reports whether a drawing holds WordprocessingML content (a
// text box): that is not carried, its text is written as the paragraph's
// (see copier.settleText), and the references in it would point into the
// old package.
func holdsText(raw []byte, prefix string) bool {
	w := newWalker(raw, prefix)
	for w.next() {
		if w.sc.Tok.Kind == xmltok.StartTag && len(w.stack) > 1 && w.local != "" {
			return true
		}
	}
	return false
}

// missingDeclarations lists, as attributes, the namespace declarations
// of the old root that raw uses without declaring itself and that the new
// root does not make alike. ok is false when raw uses a prefix the old
// root does not declare either.
func (rl *redliner) missingDeclarations(raw []byte) (decls string, ok bool) {
	sc := xmltok.New(raw, xmltok.Options{})
	declared := map[string]bool{"xml": true, "": true}
	added := map[string]bool{}
	var b strings.Builder
	need := func(name []byte) bool {
		p, _ := xmltok.SplitName(name)
		s := string(p)
		switch {
		case declared[s] || added[s]:
			return true
		case rl.oldRootNS[s] == "":
			return false
		case rl.oldIgnorable[rl.oldRootNS[s]] && !rl.newIgnorable[rl.oldRootNS[s]]:
			// what the old version lets readers ignore, the new one
			// does not: a reader would have to understand it
			return false
		case rl.oldRootNS[s] != rl.newRootNS[s]:
			b.WriteString(" xmlns:" + s + `="` + xmltok.EscapeAttr(rl.oldRootNS[s]) + `"`)
		}
		added[s] = true
		return true
	}
	for sc.Next() {
		if sc.Tok.Kind != xmltok.StartTag {
			continue
		}
		for _, a := range sc.Tok.Attrs {
			if p, ok := xmltok.DeclaredPrefix(a.Name); ok {
				declared[string(p)] = true
			}
		}
		if !need(sc.Tok.Name) {
			return "", false
		}
		for _, a := range sc.Tok.Attrs {
			if _, isDecl := xmltok.DeclaredPrefix(a.Name); !isDecl && !need(a.Name) {
				return "", false
			}
		}
	}
	return b.String(), sc.Err() == nil
}

// carryRel carries the old main part's relationship id to the redline and
// returns the id it has there.
func (rl *redliner) carryRel(id string) (string, bool) {
	if c, ok := rl.carriedByOld[id]; ok {
		return c.rel.ID, true
	}
	var rel *opc.Relationship
	for i := range rl.oldRels {
		if rl.oldRels[i].ID == id {
			rel = &rl.oldRels[i]
		}
	}
	if rel == nil || rel.External || !rel.TypeIs(relImage) {
		return "", false
	}
	data, err := rl.oldDoc.Package.Read(rel.Part)
	if err != nil {
		return "", false
	}
	name, relID := rl.freeCarriedName(path.Ext(rel.Part))
	c := &carried{data: data, contentType: rl.oldDoc.Package.ContentType(rel.Part),
		rel: opc.Relationship{ID: relID, Type: rel.Type, Part: name}}
	rl.carriedByOld[id] = c
	rl.carriedList = append(rl.carriedList, c)
	return c.rel.ID, true
}

// freeCarriedName names the next carried picture's part and relationship
// id, skipping those the new version already holds (a redline of a
// redline carries pictures of its own).
func (rl *redliner) freeCarriedName(ext string) (part, relID string) {
	p := rl.newDoc.Package
	main, _ := p.MainDocument()
	rels, _ := p.Rels(main)
	for n := len(rl.carriedList) + 1; ; n++ {
		part = fmt.Sprintf("word/media/tsagmerge-old-%d%s", n, strings.ToLower(ext))
		relID = fmt.Sprintf("rIdTsagmergeOld%d", n)
		taken := p.Has(part) || slices.ContainsFunc(rels, func(r opc.Relationship) bool { return r.ID == relID }) ||
			slices.ContainsFunc(rl.carriedList, func(c *carried) bool { return c.rel.Part == part || c.rel.ID == relID })
		if !taken {
			return part, relID
		}
	}
}

// relImage is the relationship type of an image part.
const relImage = opc.NSRelationships + "/image"

// rootNamespaces maps the prefixes a part's root declares to their URIs,
// and gives the set of URIs its mc:Ignorable names.
func rootNamespaces(src []byte) (map[string]string, map[string]bool) {
	out, ignorable := map[string]string{}, map[string]bool{}
	sc := xmltok.New(src, xmltok.Options{})
	for sc.Next() {
		if sc.Tok.Kind != xmltok.StartTag {
			continue
		}
		for _, a := range sc.Tok.Attrs {
			if p, ok := xmltok.DeclaredPrefix(a.Name); ok {
				out[string(p)] = xmltok.Unescape(a.Value)
			}
		}
		for _, a := range sc.Tok.Attrs {
			if p, local := xmltok.SplitName(a.Name); string(local) == "Ignorable" && out[string(p)] == nsMCE {
				for _, q := range strings.Fields(xmltok.Unescape(a.Value)) {
					ignorable[out[q]] = true
				}
			}
		}
		break
	}
	return out, ignorable
}

// nsMCE is the markup compatibility namespace (mc:Ignorable).
const nsMCE = "http://schemas.openxmlformats.org/markup-compatibility/2006"

// packCarried adds the carried image parts to the package's entries: the
// parts, their relationships in the main part's .rels, and a content type
// for each extension the package has none for.
func (rl *redliner) packCarried(main string, parts map[string][]byte) ([]opc.Entry, error) {
	if len(rl.carriedList) == 0 {
		return nil, nil
	}
	p := rl.newDoc.Package
	relsName := opc.RelsPartName(main)
	rels, err := p.Read(relsName)
	if err != nil {
		return nil, fmt.Errorf("the new version's main part has no relationships part: %v", err)
	}
	ct, err := p.Read("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	var added []opc.Entry
	var add strings.Builder
	for _, c := range rl.carriedList {
		added = append(added, opc.Entry{Name: c.rel.Part, Data: c.data})
		target := strings.TrimPrefix(c.rel.Part, path.Dir(main)+"/")
		add.WriteString(`<Relationship Id="` + c.rel.ID + `" Type="` + xmltok.EscapeAttr(c.rel.Type) + `" Target="` + opc.EscapeTarget(target) + `"/>`)
	}
	if rels, err = xmltok.InsertBeforeRootEnd(rels, add.String()); err != nil {
		return nil, fmt.Errorf("%s: %w", relsName, err)
	}
	parts[strings.ToLower(relsName)] = rels
	var defaults strings.Builder
	seen := map[string]bool{}
	for _, c := range rl.carriedList {
		ext := strings.TrimPrefix(path.Ext(c.rel.Part), ".")
		if _, has := rl.newDoc.Package.Defaults[ext]; has || seen[ext] || c.contentType == "" {
			continue
		}
		seen[ext] = true
		defaults.WriteString(`<Default Extension="` + ext + `" ContentType="` + xmltok.EscapeAttr(c.contentType) + `"/>`)
	}
	if defaults.Len() > 0 {
		if ct, err = xmltok.InsertBeforeRootEnd(ct, defaults.String()); err != nil {
			return nil, fmt.Errorf("[Content_Types].xml: %w", err)
		}
		parts["[content_types].xml"] = ct
	}
	return added, nil
}
