package merge

import (
	"strings"
	"testing"
)

// trackedTable is a table of two rows, both inserted (ins) or deleted
// (del) as tracked changes; its width (1234) and grid (1233) mark its
// properties, its cells' text marks its rows.
func trackedTable(change, text string) string {
	run := `<w:r><w:t>` + text + `</w:t></w:r>`
	if change == "del" {
		run = `<w:r><w:delText>` + text + `</w:delText></w:r>`
	}
	row := func(id string) string {
		return `<w:tr><w:trPr><w:` + change + ` w:id="9` + id + `1" w:author="A"/></w:trPr>` +
			`<w:tc><w:p><w:` + change + ` w:id="9` + id + `2" w:author="A">` + run + `</w:` + change + `></w:p></w:tc></w:tr>`
	}
	return `<w:tbl><w:tblPr><w:tblW w:w="1234" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="1233"/></w:tblGrid>` +
		row("1") + row("2") + `</w:tbl>`
}

// outerCell is a one-row table whose first cell (width 1235) has no
// content but inner: a shape Word itself does not write, but other tools do.
func outerCell(inner string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="1236" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="1235"/></w:tblGrid>` +
		`<w:tr><w:tc><w:tcPr><w:tcW w:w="1235" w:type="dxa"/></w:tcPr>` + inner + `</w:tc>` +
		`<w:tc><w:p><w:r><w:t>Outer cell kept</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
}

// TestMergeTablesWithoutRows accepts or rejects tables whose rows are all
// inserted or deleted: the table goes whole, and a cell it was the only
// content of keeps a paragraph; the output keeps Word's invariants and
// the region's content.
func TestMergeTablesWithoutRows(t *testing.T) {
	accept := Options{Comments: CommentsDrop, Revisions: RevisionsAccept}
	reject := Options{Revisions: RevisionsReject}
	for _, tc := range []struct {
		name  string
		table string
		opts  Options
		gone  bool     // the tracked table is left out
		want  []string // in the output's document.xml
	}{
		{"inserted rows rejected", trackedTable("ins", "Row text"), reject, true, nil},
		{"deleted rows accepted", trackedTable("del", "Row text"), accept, true, nil},
		{"inserted rows kept in a draft", trackedTable("ins", "Row text"), Options{}, false, nil},
		{"inserted rows accepted", trackedTable("ins", "Row text"), accept, false, nil},
		{"deleted rows rejected", trackedTable("del", "Row text"), reject, false, nil},
		{"nested, the only content of a cell, rejected", outerCell(trackedTable("ins", "Row text")), reject, true,
			[]string{`<w:tcW w:w="1235" w:type="dxa"/></w:tcPr><w:p/></w:tc>`, "Outer cell kept"}},
		{"nested, the only content of a cell, kept in a draft", outerCell(trackedTable("ins", "Row text")), Options{}, false,
			[]string{`</w:tbl><w:p/></w:tc>`, "Outer cell kept"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cis := rewritten(t, "CIS-contribution.docx", "CIS-contribution.docx", replace(`<w:sectPr`, tc.table+`<w:sectPr`))
			docs := samplesExcept(t, cis)
			out, rep := merge(t, docs, tc.opts)
			back := valid(t, out)
			sameContent(t, back, docs, tc.opts, rep)
			doc := part(t, out, "word/document.xml")
			for _, mark := range []string{"Row text", `w:w="1234"`, `w:w="1233"`} {
				if has := strings.Contains(doc, mark); has == tc.gone {
					t.Errorf("%s in the output: %v, want %v", mark, has, !tc.gone)
				}
			}
			for _, w := range tc.want {
				if !strings.Contains(doc, w) {
					t.Errorf("the output has no %s", w)
				}
			}
		})
	}
}
