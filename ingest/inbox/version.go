package inbox

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// marker is what a file's name says of its version: a date, a "final"
// mark, a version number. The zero marker says nothing.
type marker struct {
	date    time.Time // a date written in the name
	final   int       // 1 for "final", n for "final2"…; 0 when not final
	version int       // the number of v2, rev3, R1, "version 4"; 0 when none
	dateRaw string    // the date as written, for messages
	verRaw  string    // the version mark as written, for messages
}

var (
	// 2025-12-01, 2025_12_01, 2025.12.01, 20251201.
	isoDate = regexp.MustCompile(`(?:^|\D)(20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:\D|$)`)
	// 01-12-2025, 01.12.2025: day first, as Geneva writes dates.
	dayFirstDate = regexp.MustCompile(`(?:^|\D)(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.](20\d\d)(?:\D|$)`)
	// v2, ver2, version2, rev2, r2 as one token.
	versionToken = regexp.MustCompile(`^(?i:v|ver|version|rev|revision|r)(\d{1,3})$`)
	finalToken   = regexp.MustCompile(`^(?i:final)(\d{0,2})$`)
	tokenSplit   = regexp.MustCompile(`[^\p{L}\p{N}]+`)
)

// versionWords are tokens that, followed by a number token, make a
// version mark ("version 2", "rev 3").
var versionWords = map[string]bool{"v": true, "ver": true, "version": true, "rev": true, "revision": true, "r": true}

// parseMarker reads the version marks in a file's name.
func parseMarker(path string) marker {
	base := filepath.Base(path)
	name := strings.TrimSuffix(base, filepath.Ext(base))
	var m marker
	m.date, m.dateRaw = nameDate(name)
	toks := tokenSplit.Split(name, -1)
	for i, tok := range toks {
		if sub := versionToken.FindStringSubmatch(tok); sub != nil {
			m.setVersion(sub[1], tok)
		} else if versionWords[strings.ToLower(tok)] && i+1 < len(toks) && isSmallNumber(toks[i+1]) {
			m.setVersion(toks[i+1], tok+" "+toks[i+1])
		}
		if sub := finalToken.FindStringSubmatch(tok); sub != nil {
			n := 1
			if sub[1] != "" {
				n, _ = strconv.Atoi(sub[1])
			}
			m.final = max(m.final, n)
		}
	}
	return m
}

func (m *marker) setVersion(num, raw string) {
	if n, err := strconv.Atoi(num); err == nil && n > m.version {
		m.version, m.verRaw = n, raw
	}
}

func isSmallNumber(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) <= 3 && n >= 0
}

// nameDate finds the last valid date written in a name.
func nameDate(name string) (time.Time, string) {
	var best time.Time
	var raw string
	try := func(y, mo, d, text string) {
		yy, _ := strconv.Atoi(y)
		mm, _ := strconv.Atoi(mo)
		dd, _ := strconv.Atoi(d)
		t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
		if t.Day() == dd && t.After(best) { // Day() catches 2025-02-31
			best, raw = t, strings.Trim(text, "-_. ()[]")
		}
	}
	for _, s := range isoDate.FindAllStringSubmatch(name, -1) {
		try(s[1], s[2], s[3], s[0])
	}
	for _, s := range dayFirstDate.FindAllStringSubmatch(name, -1) {
		try(s[3], s[2], s[1], s[0])
	}
	return best, raw
}

// candidate is a readable file competing to be its region's contribution.
type candidate struct {
	entry    *FileEntry
	mark     marker
	modified time.Time // docProps/core.xml dcterms:modified
	mtime    time.Time // the file system's modification time
}

// newer compares two candidates of one region: >0 when a is the later
// version, <0 when b is, with a phrase saying why. The name's marks come
// first (a date, then "final", then a version number), then the date Word
// saved the file, then the file's modification time, then the name.
func newer(a, b candidate) (int, string) {
	am, bm := a.mark, b.mark
	const stamp = "2006-01-02 15:04"
	if !am.date.IsZero() && !bm.date.IsZero() && !am.date.Equal(bm.date) {
		c := am.date.Compare(bm.date)
		return c, "its name is dated later (" + laterFirst(c, am.dateRaw, bm.dateRaw) + ")"
	}
	if am.final != bm.final {
		return am.final - bm.final, "its name marks it final"
	}
	if am.version != bm.version {
		c := am.version - bm.version
		return c, "its name has a later version mark (" + laterFirst(c, orNone(am.verRaw), orNone(bm.verRaw)) + ")"
	}
	if !a.modified.IsZero() && !b.modified.IsZero() && !a.modified.Equal(b.modified) {
		c := a.modified.Compare(b.modified)
		return c, "Word saved it later (docProps modified " + laterFirst(c, a.modified.UTC().Format(stamp), b.modified.UTC().Format(stamp)) + ")"
	}
	if !a.mtime.Equal(b.mtime) {
		// Copies made together differ by seconds: the minute alone would
		// read "18:01, not 18:01".
		const stampSeconds = "2006-01-02 15:04:05"
		c := a.mtime.Compare(b.mtime)
		return c, "the file was modified later (" + laterFirst(c, a.mtime.UTC().Format(stampSeconds), b.mtime.UTC().Format(stampSeconds)) + ")"
	}
	return strings.Compare(a.entry.Path, b.entry.Path), undecided
}

// undecided is newer's reason when only the names' order chose.
const undecided = "nothing tells the versions apart; the last name in order was taken"

// laterFirst phrases "X, not Y" with the later of the two first; c > 0
// means a is the later.
func laterFirst(c int, a, b string) string {
	if c > 0 {
		return a + ", not " + b
	}
	return b + ", not " + a
}

func orNone(s string) string {
	if s == "" {
		return "no mark"
	}
	return s
}
