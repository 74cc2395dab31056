package diff

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"tsagmerge/consolidate/outfile"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// nsWML is WordprocessingML's namespace, transitional spelling.
const nsWML = opc.NSWordprocessingML

// View is which text of a version holding tracked changes is compared.
type View string

// The views of a version with tracked changes.
const (
	// Accepted is the text with every tracked change accepted.
	Accepted View = "accepted"
	// Original is the text as it was before the tracked changes.
	Original View = "original"
)

// RedlineOptions choose how a redline is made.
type RedlineOptions struct {
	// View is the text compared where a version holds tracked changes;
	// empty means Accepted.
	View View
	// Date is the date the changes carry; zero means now.
	Date time.Time
}

// Redline is a new version with every difference from the old one
// recorded as a tracked change.
type Redline struct {
	// Data is the .docx.
	Data []byte
	// Insertions and Deletions count the w:ins and w:del recorded (runs,
	// paragraph marks and rows); Moves counts the paragraphs moved.
	Insertions, Deletions, Moves int
	// Settled names the versions whose own tracked changes were accepted
	// (or rejected, as View says) before they were compared.
	Settled []string
	// Coarse counts the paragraphs whose runs could not be lined up with
	// their text (so they were recorded as deleted and inserted whole).
	Coarse int
}

// redliner makes one redline.
type redliner struct {
	oldDoc, newDoc *ingest.Document
	oldTree        *tree
	newTree        *tree
	oldPrefix, w   string
	date           string
	nextID         int
	counts         map[string]int
	rangeIDs       map[string]string
	numIDs         map[string]bool
	// edits are the changes to the new main part, in order.
	edits []splice
	wd    *wordDiffer
	// figures maps a paragraph's number to the digests of its pictures.
	oldFigs, newFigs map[int]string
	coarse           int
	moves            int
	// movedOld and movedNew name the moves by old and new unit.
	movedOld, movedNew map[*unit]string
	// The old pictures carried into the redline: the old main part's
	// relationships, both roots' namespaces, and what was carried.
	oldRels                    []opc.Relationship
	oldRootNS, newRootNS       map[string]string
	oldIgnorable, newIgnorable map[string]bool
	carriedByOld               map[string]*carried
	carriedList                []*carried
}

// splice replaces src[at:end] of the new main part with data.
type splice struct {
	at, end int
	data    []byte
}

// MakeRedline compares old with new and returns new with every
// difference as a tracked change by Author: insertions and deletions word
// by word inside paragraphs, paragraphs moved as moves, rows and tables
// inserted or deleted, pictures replaced. Accepting every change gives
// new's text, rejecting every change old's. New's formatting, styles,
// lists, notes and comments are kept, as are its parts other than the
// main one. A version that holds tracked changes is first settled to the
// view asked for.
func MakeRedline(old, new *ingest.Document, opts RedlineOptions) (*Redline, error) {
	view := opts.View
	if view == "" {
		view = Accepted
	}
	if view != Accepted && view != Original {
		return nil, fmt.Errorf("the view %q is none of accepted, original", view)
	}
	red := &Redline{}
	var err error
	docs := []*ingest.Document{old, new}
	for i, d := range docs {
		settled, err := settleDoc(d, view == Accepted)
		if err != nil {
			return nil, err
		}
		if settled != d {
			red.Settled = append(red.Settled, d.Path)
			defer settled.Package.Close()
			docs[i] = settled
		}
	}
	rl, err := newRedliner(docs[0], docs[1], opts.Date)
	if err != nil {
		return nil, err
	}
	rl.diffContainer(rl.oldTree.body, rl.newTree.body, true)
	main, err := rl.newDoc.Package.MainDocument()
	if err != nil {
		return nil, err
	}
	red.Data, err = rl.pack(main, rl.apply(), true)
	if err != nil {
		return nil, err
	}
	base, err := rl.pack(main, rl.newTree.src, false)
	if err != nil {
		return nil, err
	}
	if err := proveRedline(red.Data, base, docs[0], docs[1]); err != nil {
		return nil, err
	}
	red.Insertions, red.Deletions = rl.counts["ins"], rl.counts["del"]
	red.Moves, red.Coarse = rl.moves, rl.coarse
	return red, nil
}

// newRedliner reads both main parts and gets ids and references ready.
func newRedliner(old, new *ingest.Document, date time.Time) (*redliner, error) {
	if date.IsZero() {
		date = time.Now()
	}
	rl := &redliner{oldDoc: old, newDoc: new, date: date.UTC().Format(time.RFC3339),
		counts: map[string]int{}, rangeIDs: map[string]string{}, numIDs: map[string]bool{},
		wd: newWordDiffer(), movedOld: map[*unit]string{}, movedNew: map[*unit]string{}}
	var err error
	if rl.oldTree, rl.oldPrefix, err = readTree(old); err != nil {
		return nil, err
	}
	if rl.newTree, rl.w, err = readTree(new); err != nil {
		return nil, err
	}
	if new.Numbering != nil {
		for _, n := range new.Numbering.Nums {
			rl.numIDs[n.ID] = true
		}
	}
	rl.nextID = maxID(new)
	rl.oldRootNS, rl.oldIgnorable = rootNamespaces(rl.oldTree.src)
	rl.newRootNS, rl.newIgnorable = rootNamespaces(rl.newTree.src)
	rl.carriedByOld = map[string]*carried{}
	if main, err := old.Package.MainDocument(); err == nil {
		rl.oldRels, _ = old.Package.Rels(main)
	}
	rl.oldFigs, rl.newFigs = figureDigests(old), figureDigests(new)
	return rl, nil
}

// readTree reads a document's main part into containers, checking that
// it holds the paragraphs ingest read.
func readTree(d *ingest.Document) (*tree, string, error) {
	main, err := d.Package.MainDocument()
	if err != nil {
		return nil, "", err
	}
	src, err := d.Package.Read(main)
	if err != nil {
		return nil, "", err
	}
	prefix, ok := wPrefix(src)
	if !ok {
		return nil, "", fmt.Errorf("%s: %s does not declare WordprocessingML on its root; open it in Word and save it again", d.Path, main)
	}
	t, err := buildTree(src)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %s: %v", d.Path, main, err)
	}
	if len(t.paras) != len(d.Paragraphs) {
		return nil, "", fmt.Errorf("%s: %s holds %d paragraphs where its reading found %d; open it in Word and save it again",
			d.Path, main, len(t.paras), len(d.Paragraphs))
	}
	return t, prefix, nil
}

// maxID is the highest numeric id the new version's main part and the
// parts it relates (notes, comments, headers, footers) use (bookmarks,
// comments, changes, drawings), so that the redline's ids clash with none.
// Web settings are left out: their w:div ids are random 31-bit numbers of
// another kind, which would leave the redline's ids no room.
func maxID(d *ingest.Document) int {
	hi := 0
	for _, name := range idParts(d.Package) {
		data, err := d.Package.Read(name)
		if err != nil {
			continue
		}
		// every id attribute, whatever it numbers (drawings' wp:docPr
		// ids are unprefixed): a fresh id above them all clashes with none
		for _, attr := range [][]byte{[]byte(`:id="`), []byte(` id="`)} {
			for rest := data; ; {
				at := bytes.Index(rest, attr)
				if at < 0 {
					break
				}
				rest = rest[at+len(attr):]
				end := bytes.IndexByte(rest, '"')
				if v, err := strconv.Atoi(string(rest[:max(end, 0)])); err == nil && v > hi {
					hi = v
				}
			}
		}
	}
	return hi
}

// idParts are the main part and the XML parts its relationships name,
// web settings aside.
func idParts(p *opc.Package) []string {
	main, err := p.MainDocument()
	if err != nil {
		return nil
	}
	parts := []string{main}
	rels, _ := p.Rels(main)
	for _, r := range rels {
		if !r.External && p.Has(r.Part) && strings.HasSuffix(strings.ToLower(r.Part), ".xml") && !r.TypeIs(opc.NSRelationships+"/webSettings") {
			parts = append(parts, r.Part)
		}
	}
	return parts
}

// figureDigests maps each paragraph holding pictures to a digest of them.
func figureDigests(d *ingest.Document) map[int]string {
	out := map[int]string{}
	for _, f := range d.Figures {
		data, _ := d.Package.Read(f.Part)
		sum := sha256.Sum256(data)
		out[f.Paragraph] += fmt.Sprintf("%x;", sum[:8])
	}
	return out
}

// apply returns the new main part with the edits made.
func (rl *redliner) apply() []byte {
	slices.SortStableFunc(rl.edits, func(a, b splice) int { return a.at - b.at })
	src := rl.newTree.src
	out := make([]byte, 0, len(src)+len(src)/4)
	last := 0
	for _, e := range rl.edits {
		out = append(out, src[last:e.at]...)
		out = append(out, e.data...)
		last = e.end
	}
	return append(out, src[last:]...)
}

// pack writes the new package with its main part replaced.
func (rl *redliner) pack(main string, data []byte, withCarried bool) ([]byte, error) {
	p := rl.newDoc.Package
	over := map[string][]byte{strings.ToLower(main): data}
	var added []opc.Entry
	if withCarried {
		var err error
		if added, err = rl.packCarried(main, over); err != nil {
			return nil, err
		}
	}
	entries := make([]opc.Entry, 0, len(p.Names)+len(added))
	for _, name := range p.Names {
		part := p.Part(name)
		switch b, ok := over[strings.ToLower(name)]; {
		case ok:
			entries = append(entries, opc.Entry{Name: part.Name, Data: b})
		case part.File != nil && p.StoredAsRead(name):
			entries = append(entries, opc.Entry{Name: part.Name, Raw: part.File})
		default:
			b, err := p.Read(name)
			if err != nil {
				return nil, err
			}
			entries = append(entries, opc.Entry{Name: part.Name, Data: b})
		}
	}
	entries = append(entries, added...)
	var buf bytes.Buffer
	if err := opc.WriteZip(&buf, entries); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// text is a paragraph's text in a version.
func (rl *redliner) text(old bool, u *unit) string {
	if old {
		return rl.oldDoc.Paragraphs[u.para].Text
	}
	return rl.newDoc.Paragraphs[u.para].Text
}

// key identifies a unit for the alignment: a paragraph by its text and
// pictures, a table by all it holds.
func (rl *redliner) key(old bool, u *unit) string {
	if u.para >= 0 {
		figs := rl.newFigs
		if old {
			figs = rl.oldFigs
		}
		return "p\x00" + rl.text(old, u) + "\x00" + figs[u.para+1]
	}
	var b strings.Builder
	b.WriteString("t")
	for _, r := range u.rows {
		b.WriteString(rl.rowKey(old, r))
	}
	return b.String()
}

func (rl *redliner) rowKey(old bool, r *row) string {
	var b strings.Builder
	b.WriteString("\x01")
	for _, c := range r.cells {
		b.WriteString("\x02")
		for _, u := range c.units {
			b.WriteString(rl.key(old, u))
		}
	}
	return b.String()
}

// plainText is a unit's text, for similarity.
func (rl *redliner) plainText(old bool, u *unit) string {
	if u.para >= 0 {
		return rl.text(old, u)
	}
	var parts []string
	for _, r := range u.rows {
		for _, c := range r.cells {
			for _, v := range c.units {
				parts = append(parts, rl.plainText(old, v))
			}
		}
	}
	return strings.Join(parts, "\n")
}

// oldRaw is an old unit's bytes.
func (rl *redliner) oldRaw(s span) []byte { return rl.oldTree.src[s.start:s.end] }

// edit records a change to the new main part.
func (rl *redliner) edit(at, end int, data []byte) {
	rl.edits = append(rl.edits, splice{at, end, data})
}

// proveRedline reads the redline back and refuses it unless it keeps
// Word's rules (breaking none that base, the new version as it was, keeps)
// and its two views are the versions' texts: every change
// accepted gives new's paragraphs, every change rejected old's (empty
// paragraphs aside: a paragraph mark recorded as deleted leaves one where
// a table follows it).
func proveRedline(data, base []byte, old, new *ingest.Document) error {
	had := map[string]bool{}
	for _, p := range validate.Package(base) {
		had[p.Part+"\x00"+p.Rule] = true
	}
	for _, p := range validate.Package(data) {
		if !had[p.Part+"\x00"+p.Rule] {
			return fmt.Errorf("the redline breaks Word's rules (%v); please report this with the two files", p.Error())
		}
	}
	p, err := opc.OpenBytes("redline.docx", data)
	if err != nil {
		return fmt.Errorf("the redline cannot be read back (%v); please report this with the two files", err)
	}
	defer p.Close()
	red, err := ingest.ReadPackage(p)
	if err != nil {
		return fmt.Errorf("the redline cannot be read back (%v); please report this with the two files", err)
	}
	accepted := func(q *ingest.Paragraph) string { return q.Text }
	original := func(q *ingest.Paragraph) string { return q.Original }
	for _, c := range []struct {
		what string
		want *ingest.Document
		view func(*ingest.Paragraph) string
	}{{"accepting every change", new, accepted}, {"rejecting every change", old, original}} {
		got, want := nonEmpty(red, c.view), nonEmpty(c.want, accepted)
		if i := firstDifference(got, want); i >= 0 {
			return fmt.Errorf("%s in the redline does not give %s (paragraph %d: %s, not %s); please report this with the two files",
				c.what, c.want.Path, i+1, quote(at(got, i)), quote(at(want, i)))
		}
	}
	return nil
}

// nonEmpty lists a document's paragraphs that show text, in a view.
func nonEmpty(d *ingest.Document, view func(*ingest.Paragraph) string) []string {
	var out []string
	for _, q := range d.Paragraphs {
		if t := view(q); strings.TrimSpace(t) != "" {
			out = append(out, t)
		}
	}
	return out
}

// firstDifference is the index of the first place two lists differ, -1
// when they are the same.
func firstDifference(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if at(a, i) != at(b, i) || i >= len(a) || i >= len(b) {
			return i
		}
	}
	return -1
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "(nothing)"
}

// WriteRedline writes the redline of v to out, atomically; out may name
// neither version.
func WriteRedline(out string, v *Versions) (*Redline, error) {
	if err := outfile.Check(out, v.Old.Path, v.New.Path); err != nil {
		return nil, err
	}
	red, err := v.Redline(time.Time{})
	if err != nil {
		return nil, err
	}
	err = outfile.Write(out, func(w io.Writer) error { _, err := w.Write(red.Data); return err })
	return red, err
}
