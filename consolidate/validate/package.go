package validate

import (
	"errors"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"tsagmerge/ingest/opc"
)

// role is what a part is to the main document, known from the relationship
// that names it. Only the main document's own parts share its id spaces
// (a glossary document has its own), so rules that compare ids across parts
// look at parts with a role.
type role uint8

const (
	roleOther role = iota
	roleMain
	roleHeader
	roleFooter
	roleFootnotes
	roleEndnotes
	roleComments
	roleCommentsExt // commentsExtended or commentsIds
	roleStyles
	roleNumbering
)

// story reports whether the part holds text of the document, and so
// bookmarks, revisions, pictures and paragraphs with ids.
func (r role) story() bool { return r >= roleMain && r <= roleComments }

// family reports whether the part belongs to the main document.
func (r role) family() bool { return r != roleOther }

var roleByRel = []struct {
	rel  string
	role role
}{
	{opc.RelHeader, roleHeader},
	{opc.RelFooter, roleFooter},
	{opc.RelFootnotes, roleFootnotes},
	{opc.RelEndnotes, roleEndnotes},
	{opc.RelComments, roleComments},
	{opc.RelCommentsExt, roleCommentsExt},
	{opc.RelCommentsIds, roleCommentsExt},
	{opc.RelStyles, roleStyles},
	{opc.RelNumbering, roleNumbering},
}

// Package checks the invariants Word relies on in a written .docx and
// returns what is broken, in a stable order; none means it is sound.
func Package(data []byte) []Problem {
	var rep report
	p, err := opc.OpenBytes("output", data)
	if err != nil {
		rep.add("", RuleOpen, "%s", openProblem(err))
		return rep.result()
	}
	checkEntries(&rep, p)
	parts := scanParts(&rep, p, assignRoles(&rep, p))
	rels := checkRels(&rep, p, parts)
	for _, s := range parts {
		rep.merge(&s.rep)
	}
	crossCheck(&rep, parts, rels)
	return rep.result()
}

func openProblem(err error) string {
	var oe *opc.Error
	if errors.As(err, &oe) {
		return oe.Problem
	}
	return err.Error()
}

// checkEntries applies the content-type rules: every entry has a type and
// every Override names an entry.
func checkEntries(rep *report, p *opc.Package) {
	for _, key := range p.Names {
		if key == "[content_types].xml" {
			continue
		}
		if p.ContentType(key) == "" {
			rep.add(p.Parts[key].Name, RuleContentType, "has no content type: no Override and no Default for its extension")
		}
	}
	overrides := make([]string, 0, len(p.Overrides))
	for key := range p.Overrides {
		overrides = append(overrides, key)
	}
	sort.Strings(overrides)
	for _, key := range overrides {
		if !p.Has(key) {
			rep.add("[Content_Types].xml", RuleOverride, "Override names /%s, which is not in the package", key)
		}
	}
}

// assignRoles finds the main document through the package relationships
// and gives its related parts their roles, keyed by lower-case name.
func assignRoles(rep *report, p *opc.Package) map[string]role {
	roles := map[string]role{}
	main, err := p.MainDocument()
	if err != nil {
		rep.add("_rels/.rels", RuleMainPart, "%s", openProblem(err))
		return roles
	}
	roles[strings.ToLower(main)] = roleMain
	rels, err := p.Rels(main)
	if err != nil {
		return roles // reported by checkRels
	}
	for _, r := range rels {
		if r.External {
			continue
		}
		for _, rr := range roleByRel {
			if r.TypeIs(rr.rel) {
				roles[strings.ToLower(r.Part)] = rr.role
			}
		}
	}
	return roles
}

// scanParts scans every XML part, the largest first and several at once,
// and returns the results in name order.
func scanParts(rep *report, p *opc.Package, roles map[string]role) []*scanned {
	var keys []string
	for _, key := range p.Names {
		if isXML(key, p.ContentType(key)) {
			keys = append(keys, key)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return p.Parts[keys[i]].Size > p.Parts[keys[j]].Size })

	results := make([]*scanned, len(keys))
	var errs report
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(keys)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				part := p.Parts[keys[i]]
				data, err := p.Read(part.Name)
				if err != nil {
					mu.Lock()
					errs.add(part.Name, RuleOpen, "%s", openProblem(err))
					mu.Unlock()
					results[i] = &scanned{name: part.Name, broken: true}
					continue
				}
				results[i] = scan(part.Name, roles[keys[i]], data)
			}
		}()
	}
	for i := range keys {
		next <- i
	}
	close(next)
	wg.Wait()
	rep.merge(&errs)
	sort.Slice(results, func(i, j int) bool { return results[i].name < results[j].name })
	return results
}

func isXML(key, contentType string) bool {
	return strings.HasSuffix(contentType, "+xml") || strings.HasSuffix(contentType, "/xml") ||
		strings.HasSuffix(key, ".xml") || strings.HasSuffix(key, ".rels")
}

// checkRels applies the relationship rules to every .rels part and returns
// the relationship ids of each source part (lower-case name; "" for the
// package). A source whose .rels could not be read maps to nil, so its r:*
// attributes are not checked against nothing; a source without .rels is
// absent.
func checkRels(rep *report, p *opc.Package, parts []*scanned) map[string]map[string]bool {
	broken := map[string]bool{}
	for _, s := range parts {
		broken[strings.ToLower(s.name)] = s.broken
	}
	ids := map[string]map[string]bool{}
	for _, key := range p.SortedNames() {
		source, ok := relsSource(key)
		if !ok {
			continue
		}
		relsName := p.Parts[key].Name
		rels, err := p.Rels(source)
		if err != nil {
			if !broken[key] {
				rep.add(relsName, RuleXML, "%s", openProblem(err))
			}
			ids[source] = nil
			continue
		}
		seen := make(map[string]bool, len(rels))
		for _, r := range rels {
			if seen[r.ID] {
				rep.add(relsName, RuleRelsID, "relationship id %q is used twice", r.ID)
			}
			seen[r.ID] = true
			if !r.External && !hasTarget(p, r.Part) {
				rep.add(relsName, RuleRelsTarget, "relationship %s points to %q, which is not in the package", r.ID, r.Target)
			}
		}
		ids[source] = seen
	}
	return ids
}

// relsSource returns the source part of a .rels part name ("word/_rels/
// document.xml.rels" → "word/document.xml", "_rels/.rels" → "").
func relsSource(key string) (string, bool) {
	dir, file := path.Split(key)
	if !strings.HasSuffix(file, ".rels") || (dir != "_rels/" && !strings.HasSuffix(dir, "/_rels/")) {
		return "", false
	}
	return strings.TrimSuffix(dir, "_rels/") + strings.TrimSuffix(file, ".rels"), true
}

// hasTarget reports whether a resolved target exists, also when the
// target was written percent-encoded (OPC part names are URIs).
func hasTarget(p *opc.Package, partName string) bool {
	if p.Has(partName) {
		return true
	}
	if un, err := url.PathUnescape(partName); err == nil && un != partName {
		return p.Has(un)
	}
	return false
}
