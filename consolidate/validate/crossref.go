package validate

import (
	"strconv"
	"strings"

	"tsagmerge/ingest/opc"
)

// crossCheck applies the rules that compare facts across parts.
func crossCheck(rep *report, parts []*scanned, rels map[string]map[string]bool) {
	checkRelRefs(rep, parts, rels)
	checkComments(rep, parts)
	checkBookmarks(rep, parts)
	checkRevisions(rep, parts)
	checkNotes(rep, parts)
	unique(rep, parts, factDocPr, role.story, RuleDocPrID, byID, func(f fact) string { return "wp:docPr id " + f.id })
	checkParaIDs(rep, parts)
	checkNumbering(rep, parts)
	checkStyles(rep, parts)
}

// is returns a role filter accepting one role.
func is(want role) func(role) bool { return func(r role) bool { return r == want } }

func byID(f fact) string { return f.id }

// each calls fn for every fact of kind k in the well-formed parts keep accepts.
func each(parts []*scanned, k kind, keep func(role) bool, fn func(s *scanned, f fact)) {
	for _, s := range parts {
		if s.broken || !keep(s.role) {
			continue
		}
		for _, f := range s.facts {
			if f.kind == k {
				fn(s, f)
			}
		}
	}
}

// defined collects the ids of kind k that parts accepted by keep define.
// ok is false when one of those parts is broken: its ids are unknown, so
// references to them are not checked.
func defined(parts []*scanned, k kind, keep func(role) bool) (ids map[string]bool, ok bool) {
	ids = map[string]bool{}
	for _, s := range parts {
		if s.broken && keep(s.role) {
			return nil, false
		}
	}
	each(parts, k, keep, func(_ *scanned, f fact) { ids[f.id] = true })
	return ids, true
}

// unique reports facts of kind k whose key repeats an earlier one's.
func unique(rep *report, parts []*scanned, k kind, keep func(role) bool, rule string, key func(fact) string, describe func(fact) string) {
	first := map[string]string{}
	each(parts, k, keep, func(s *scanned, f fact) {
		kv := key(f)
		if kv == "" {
			return
		}
		if where, dup := first[kv]; dup {
			rep.add(s.name, rule, "%s is used more than once (also in %s)", describe(f), where)
			return
		}
		first[kv] = s.name
	})
}

// resolve reports references of kind k that name no id in ids.
func resolve(rep *report, parts []*scanned, k kind, keep func(role) bool, ids map[string]bool, rule string, describe func(fact) string) {
	each(parts, k, keep, func(s *scanned, f fact) {
		if !ids[f.id] {
			rep.add(s.name, rule, "%s", describe(f))
		}
	})
}

// pairs reports, part by part, range starts without an end and ends
// without a start.
func pairs(rep *report, parts []*scanned, start, end kind, rule, what string) {
	for _, s := range parts {
		if s.broken || !s.role.story() {
			continue
		}
		starts, ends := map[string]bool{}, map[string]bool{}
		for _, f := range s.facts {
			switch f.kind {
			case start:
				starts[f.id] = true
			case end:
				ends[f.id] = true
			}
		}
		for _, f := range s.facts {
			switch {
			case f.kind == start && !ends[f.id]:
				rep.add(s.name, rule, "%s start %s has no end", what, f.id)
				ends[f.id] = true // once per id
			case f.kind == end && !starts[f.id]:
				rep.add(s.name, rule, "%s end %s has no start", what, f.id)
				starts[f.id] = true
			}
		}
	}
}

func checkRelRefs(rep *report, parts []*scanned, rels map[string]map[string]bool) {
	for _, s := range parts {
		ids, ok := rels[strings.ToLower(s.name)]
		if s.broken || (ok && ids == nil) {
			continue
		}
		for _, f := range s.facts {
			// Word writes r:blip="" in SmartArt layouts: an empty id means none.
			if f.kind == factRelRef && f.id != "" && !ids[f.id] {
				rep.add(s.name, RuleRelRef, "%s=%q names no relationship in %s", f.extra, f.id, opc.RelsPartName(s.name))
			}
		}
	}
}

func checkComments(rep *report, parts []*scanned) {
	unique(rep, parts, factCommentDef, is(roleComments), RuleCommentID, byID, func(f fact) string { return "comment id " + f.id })
	if ids, ok := defined(parts, factCommentDef, is(roleComments)); ok {
		for _, k := range []kind{factCommentStart, factCommentEnd, factCommentRef} {
			resolve(rep, parts, k, role.story, ids, RuleCommentRef, func(f fact) string {
				return "comment mark " + f.extra + " names comment " + f.id + ", which does not exist"
			})
		}
	}
	pairs(rep, parts, factCommentStart, factCommentEnd, RuleCommentRange, "comment range")
	if refs, ok := defined(parts, factCommentRef, role.story); ok {
		resolve(rep, parts, factCommentDef, is(roleComments), refs, RuleCommentOrphan, func(f fact) string {
			return "comment " + f.id + " has no commentReference in the text"
		})
	}
	if paras, ok := defined(parts, factParaID, is(roleComments)); ok {
		resolve(rep, parts, factCommentExPara, is(roleCommentsExt), paras, RuleCommentEx, func(f fact) string {
			return "paraId " + f.id + " is not the paraId of any comment paragraph"
		})
	}
}

func checkBookmarks(rep *report, parts []*scanned) {
	unique(rep, parts, factBookmarkStart, role.story, RuleBookmarkID, byID, func(f fact) string { return "bookmark id " + f.id })
	// Word compares bookmark names without regard to case.
	unique(rep, parts, factBookmarkStart, role.story, RuleBookmarkName,
		func(f fact) string { return strings.ToLower(f.extra) },
		func(f fact) string { return "bookmark name " + strconv.Quote(f.extra) })
	pairs(rep, parts, factBookmarkStart, factBookmarkEnd, RuleBookmarkPair, "bookmark")
}

func checkRevisions(rep *report, parts []*scanned) {
	unique(rep, parts, factRevision, role.story, RuleRevisionID, byID, func(f fact) string { return "revision id " + f.id + " (w:" + f.extra + ")" })
	pairs(rep, parts, factMoveFromStart, factMoveFromEnd, RuleMoveRange, "moveFrom range")
	pairs(rep, parts, factMoveToStart, factMoveToEnd, RuleMoveRange, "moveTo range")
}

func checkNotes(rep *report, parts []*scanned) {
	notes := []struct {
		def, ref kind
		holder   role
		what     string
	}{
		{factFootnoteDef, factFootnoteRef, roleFootnotes, "footnote"},
		{factEndnoteDef, factEndnoteRef, roleEndnotes, "endnote"},
	}
	for _, n := range notes {
		unique(rep, parts, n.def, is(n.holder), RuleNoteID, byID, func(f fact) string { return n.what + " id " + f.id })
		if ids, ok := defined(parts, n.def, is(n.holder)); ok {
			resolve(rep, parts, n.ref, role.story, ids, RuleNoteRef, func(f fact) string {
				return n.what + "Reference names " + n.what + " " + f.id + ", which does not exist"
			})
		}
	}
}

func checkParaIDs(rep *report, parts []*scanned) {
	unique(rep, parts, factParaID, role.story, RuleParaID, byID, func(f fact) string { return "w14:paraId " + f.id })
	each(parts, factParaID, role.story, func(s *scanned, f fact) {
		v, err := strconv.ParseUint(f.id, 16, 32)
		if err != nil || len(f.id) != 8 || v >= 0x80000000 {
			rep.add(s.name, RuleParaID, "w14:paraId %q is not a hex number of 8 digits below 80000000", f.id)
		}
	})
}

func checkNumbering(rep *report, parts []*scanned) {
	unique(rep, parts, factNumDef, is(roleNumbering), RuleNumbering, byID, func(f fact) string { return "w:num numId " + f.id })
	unique(rep, parts, factAbstractDef, is(roleNumbering), RuleNumbering, byID, func(f fact) string { return "w:abstractNum id " + f.id })
	if nums, ok := defined(parts, factNumDef, is(roleNumbering)); ok {
		nums["0"] = true // numId 0 means "no list"
		resolve(rep, parts, factNumRef, role.family, nums, RuleNumbering, func(f fact) string {
			return "w:numId " + f.id + " names no w:num in the numbering part"
		})
	}
	if abstracts, ok := defined(parts, factAbstractDef, is(roleNumbering)); ok {
		resolve(rep, parts, factAbstractRef, is(roleNumbering), abstracts, RuleNumbering, func(f fact) string {
			return "w:abstractNumId " + f.id + " names no w:abstractNum"
		})
	}
}

func checkStyles(rep *report, parts []*scanned) {
	unique(rep, parts, factStyleDef, is(roleStyles), RuleStyle, byID, func(f fact) string { return "style id " + strconv.Quote(f.id) })
	if styles, ok := defined(parts, factStyleDef, is(roleStyles)); ok {
		resolve(rep, parts, factStyleRef, role.family, styles, RuleStyle, func(f fact) string {
			return "w:" + f.extra + " names style " + strconv.Quote(f.id) + ", which styles.xml does not define"
		})
	}
}
