package diff

import (
	"strings"
	"time"

	"tsagmerge/ingest"
)

// commentKey identifies a comment across versions: Word renumbers comment
// ids when it saves, but keeps the author, the date and the text.
func commentKey(c *ingest.Comment) string {
	return c.Author + "\x00" + c.Date.UTC().Format(time.RFC3339) + "\x00" + strings.TrimSpace(c.Text)
}

func compareComments(old, new []*ingest.Comment) []CommentChange {
	before := map[string][]*ingest.Comment{}
	for _, c := range old {
		k := commentKey(c)
		before[k] = append(before[k], c)
	}
	var out []CommentChange
	for _, c := range new {
		k := commentKey(c)
		olds := before[k]
		if len(olds) == 0 {
			out = append(out, commentChange(Added, c))
			continue
		}
		was := olds[0]
		before[k] = olds[1:]
		switch {
		case !was.Resolved && c.Resolved:
			out = append(out, commentChange(Resolved, c))
		case was.Resolved && !c.Resolved:
			out = append(out, commentChange(Reopened, c))
		}
	}
	for _, c := range old { // in old order, those not matched
		k := commentKey(c)
		if rest := before[k]; len(rest) > 0 && rest[0] == c {
			out = append(out, commentChange(Removed, c))
			before[k] = rest[1:]
		}
	}
	return out
}

func commentChange(ch Change, c *ingest.Comment) CommentChange {
	return CommentChange{Change: ch, Author: c.Author, Text: c.Text, Section: c.Section}
}

// compareRevisions lists the tracked changes only one version has. A
// revision is known by its kind, author and text (ids change on save).
func compareRevisions(old, new []*ingest.Revision) []RevisionChange {
	key := func(r *ingest.Revision) string { return string(r.Kind) + "\x00" + r.Author + "\x00" + r.Text }
	count := map[string]int{}
	for _, r := range old {
		count[key(r)]++
	}
	var out []RevisionChange
	for _, r := range new {
		if k := key(r); count[k] > 0 {
			count[k]--
			continue
		}
		out = append(out, RevisionChange{Change: Added, Kind: r.Kind, Author: r.Author, Text: r.Text})
	}
	for _, r := range old {
		if k := key(r); count[k] > 0 {
			count[k]--
			out = append(out, RevisionChange{Change: Removed, Kind: r.Kind, Author: r.Author, Text: r.Text})
		}
	}
	return out
}
