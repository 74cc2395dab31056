package diff

import (
	"crypto/sha256"
	"fmt"
	"strings"

	"tsagmerge/ingest"
)

// FigureChange is a picture added, removed, replaced (another picture
// under the same caption) or whose caption changed.
type FigureChange struct {
	Change Change `json:"change"`
	// Old and New are the caption before and after (empty for a figure
	// added or removed, on the side it is absent from).
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	Section string `json:"section"`
}

// TableChange is a table added, removed or changed: its caption, its
// size, or the text of its cells.
type TableChange struct {
	Change  Change `json:"change"`
	Caption string `json:"caption"`
	Section string `json:"section"`
	// OldRows and NewRows are the row counts (0 on the side a table is
	// absent from).
	OldRows int `json:"oldRows"`
	NewRows int `json:"newRows"`
	// OldCaption is the caption before, when it changed.
	OldCaption string `json:"oldCaption,omitempty"`
	// Cells lists the cells whose text changed, in the rows both hold.
	Cells []CellChange `json:"cells,omitempty"`
}

// CellChange is one table cell whose text changed; Row and Col count from 1.
type CellChange struct {
	Row   int    `json:"row"`
	Col   int    `json:"col"`
	Old   string `json:"old"`
	New   string `json:"new"`
	Words []Edit `json:"words,omitempty"`
}

// figureKey is a picture's identity: a digest of its bytes (empty when
// the document has no package to read them from).
func figureKey(d *ingest.Document, f *ingest.Figure) string {
	if d.Package == nil {
		return f.Part
	}
	data, err := d.Package.Read(f.Part)
	if err != nil {
		return f.Part
	}
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum[:12])
}

// compareFigures lines up the figures by picture and caption: a pair with
// the same picture is a caption changed, one with the same caption (or a
// like one) and another picture is a picture replaced.
func compareFigures(oldDoc, newDoc *ingest.Document, wd *wordDiffer) []FigureChange {
	old, new := oldDoc.Figures, newDoc.Figures
	ok, nk := make([]string, len(old)), make([]string, len(new))
	for i, f := range old {
		ok[i] = figureKey(oldDoc, f)
	}
	for j, f := range new {
		nk[j] = figureKey(newDoc, f)
	}
	keys := func(ks []string, fs []*ingest.Figure) []string {
		out := make([]string, len(ks))
		for i := range ks {
			out[i] = ks[i] + "\x00" + fs[i].Caption
		}
		return out
	}
	score := func(i, j int) float64 {
		s := 0.5 * wd.similarity(old[i].Caption, new[j].Caption)
		if ok[i] == nk[j] {
			s += 0.5
		}
		return s
	}
	var out []FigureChange
	for _, h := range align(keys(ok, old), keys(nk, new)) {
		if h.equal {
			continue
		}
		walkHunk(h, pairUp(h.old, h.new, score, 0.5),
			func(i int) {
				out = append(out, FigureChange{Change: Removed, Old: old[i].Caption, Section: old[i].Section})
			},
			func(j int) {
				out = append(out, FigureChange{Change: Added, New: new[j].Caption, Section: new[j].Section})
			},
			func(p pair) {
				ch := Replaced
				if ok[p.old] == nk[p.new] {
					ch = Changed
				}
				out = append(out, FigureChange{Change: ch, Old: old[p.old].Caption, New: new[p.new].Caption, Section: new[p.new].Section})
			})
	}
	return out
}

// compareTables lines up the tables by their cells; tables of a stretch
// that differs pair in order, and a pair's cells are compared by place.
func compareTables(old, new []*ingest.Table, wd *wordDiffer) []TableChange {
	key := func(t *ingest.Table) string {
		var b strings.Builder
		b.WriteString(t.Caption)
		for _, r := range t.Cells {
			b.WriteString("\x01" + strings.Join(r, "\x02"))
		}
		return b.String()
	}
	ok, nk := make([]string, len(old)), make([]string, len(new))
	for i, t := range old {
		ok[i] = key(t)
	}
	for j, t := range new {
		nk[j] = key(t)
	}
	always := func(int, int) float64 { return 1 }
	var out []TableChange
	for _, h := range align(ok, nk) {
		if h.equal {
			continue
		}
		walkHunk(h, pairUp(h.old, h.new, always, 1),
			func(i int) {
				out = append(out, TableChange{Change: Removed, Caption: old[i].Caption, Section: old[i].Section, OldRows: old[i].Rows})
			},
			func(j int) {
				out = append(out, TableChange{Change: Added, Caption: new[j].Caption, Section: new[j].Section, NewRows: new[j].Rows})
			},
			func(p pair) { out = append(out, tableChange(old[p.old], new[p.new], wd)) })
	}
	return out
}

// tableChange compares two tables paired: caption, rows, and the cells
// both hold.
func tableChange(a, b *ingest.Table, wd *wordDiffer) TableChange {
	tc := TableChange{Change: Changed, Caption: b.Caption, Section: b.Section, OldRows: a.Rows, NewRows: b.Rows}
	if a.Caption != b.Caption {
		tc.OldCaption = a.Caption
	}
	for r := range min(len(a.Cells), len(b.Cells)) {
		for c := range min(len(a.Cells[r]), len(b.Cells[r])) {
			if o, n := a.Cells[r][c], b.Cells[r][c]; o != n {
				tc.Cells = append(tc.Cells, CellChange{Row: r + 1, Col: c + 1, Old: o, New: n, Words: wd.words(o, n)})
			}
		}
	}
	return tc
}
