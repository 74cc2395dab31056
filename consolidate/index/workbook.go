package index

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// colKind says how a column's cells are written and styled.
type colKind int

const (
	textCol colKind = iota // short text
	wrapCol                // long text, wrapped
	dateCol                // a date (time.Time), shown yyyy-mm-dd
	timeCol                // a date and time, shown yyyy-mm-dd hh:mm
	numCol                 // a number
	linkCol                // a link (hyperlinked text)
)

// column is one column of a sheet: its header, kind and widest width.
type column struct {
	name string
	kind colKind
	max  float64 // 0 means defaultMaxWidth
}

// link is a cell that shows Text and opens URL.
type link struct{ Text, URL string }

// sheet is what writeSheet needs to write one worksheet as an Excel table.
type sheet struct {
	name  string
	table string
	cols  []column
	// rows hold nil (empty), string, int, time.Time or link values.
	rows [][]any
	// extra adds what lives beside the cells (a drop-down, a chart) while
	// the sheet is still open; lastRow is the table's last row.
	extra func(f *excelize.File, lastRow int) error
	// cellByCell writes the sheet without streaming, as a chart needs.
	cellByCell bool
}

const (
	defaultMaxWidth = 40
	minWidth        = 6
	maxCellRunes    = 32767 // Excel's limit for one cell's text
	maxLinkLen      = 255   // the longest target Excel's HYPERLINK accepts
	lineHeight      = 15.0
	maxLines        = 10
)

// styles are the cell styles the sheets share.
type styles struct {
	top, wrap, date, datetime, link int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	top := &excelize.Alignment{Vertical: "top"}
	dateFmt, timeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.top, &excelize.Style{Alignment: top}},
		{&st.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.date, &excelize.Style{Alignment: top, CustomNumFmt: &dateFmt}},
		{&st.datetime, &excelize.Style{Alignment: top, CustomNumFmt: &timeFmt}},
		{&st.link, &excelize.Style{Alignment: top, Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(d.s)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}

// writeSheet writes sh: column widths fitted to the content, the header
// row frozen, the rows as an Excel table, long text wrapped, links live.
// Sheets are streamed (thousands of rows cost little memory), except a
// sheet with a chart: a chart cannot be added to a streamed sheet, so such
// a sheet (the short Summary) is written cell by cell.
func writeSheet(f *excelize.File, st styles, sh sheet) error {
	if idx, _ := f.GetSheetIndex(sh.name); idx < 0 {
		if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
	}
	widths := sh.widths()
	if err := printSetup(f, sh, widths); err != nil {
		return err
	}
	var w sheetWriter
	if sh.cellByCell {
		w = &cellWriter{f: f, sheet: sh.name}
	} else {
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return err
		}
		w = streamWriter{sw}
	}
	for i, width := range widths {
		if err := w.setColWidth(i+1, width); err != nil {
			return err
		}
	}
	if err := w.setPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(sh.cols))
	for i, c := range sh.cols {
		header[i] = c.name
	}
	if err := w.setRow(1, header, 0); err != nil {
		return err
	}
	for r, row := range sh.rows {
		cells := make([]any, len(sh.cols))
		for c, v := range row {
			cells[c] = st.cell(sh.cols[c].kind, v)
		}
		if err := w.setRow(r+2, cells, sh.rowHeight(row, widths)); err != nil {
			return fmt.Errorf("sheet %s row %d: %w", sh.name, r+2, err)
		}
	}
	lastRow := max(2, len(sh.rows)+1)
	last, _ := excelize.CoordinatesToCellName(len(sh.cols), lastRow)
	stripes := true
	if err := w.addTable(&excelize.Table{Range: "A1:" + last, Name: sh.table,
		StyleName: "TableStyleMedium2", ShowRowStripes: &stripes}); err != nil {
		return err
	}
	if sh.extra != nil {
		if err := sh.extra(f, lastRow); err != nil {
			return err
		}
	}
	return w.finish()
}

// paperA4 is SpreadsheetML's paper size code for A4 (ECMA-376 Part 1,
// 18.3.1.63, paperSize).
const paperA4 = 9

const (
	// pageWidth is about how many characters' width of columns (Excel's
	// unit, a digit's width) one A4 landscape page holds at full size,
	// within the default margins: 26 cm at 7 pixels a character and 96
	// pixels an inch, less each column's padding.
	pageWidth = 135
	// minPrintScale is the smallest size a page may be printed at for its
	// text to stay readable: 11-point text prints at 7 points.
	minPrintScale = 0.65
)

// pagesWide returns how many pages wide a sheet of these column widths
// prints on: the fewest that keep it at minPrintScale or larger, each page
// after the first also holding the repeated first column.
func pagesWide(widths []float64) int {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	perPage := pageWidth / minPrintScale
	if total <= perPage || len(widths) < 2 {
		return 1
	}
	first := widths[0]
	return 1 + int(math.Ceil((total-perPage)/(perPage-first)))
}

// printSetup makes a sheet print as a reader expects: on A4 (the ITU's
// paper; excelize's default is Letter), landscape, the header row repeated
// on every page, and as many pages wide as keep the text readable
// (pagesWide): a wide sheet fitted to one page printed the Activities at a
// third of their size, some 4 points. When a row takes more than one page
// across, its first column (the ID) is repeated on each, and its pages
// follow one another across before going down. A sheet written
// cell by cell (the Summary, with its chart) fits on one page whole. It is
// set before the sheet is streamed, which keeps it.
func printSetup(f *excelize.File, sh sheet, widths []float64) error {
	landscape, across, wide, tall, a4 := "landscape", "overThenDown", pagesWide(widths), 0, paperA4
	if sh.cellByCell {
		wide, tall = 1, 1
	}
	if err := f.SetPageLayout(sh.name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape,
		FitToWidth: &wide, FitToHeight: &tall, PageOrder: &across}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sh.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	titles := "'" + sh.name + "'!$1:$1"
	if wide > 1 {
		titles = "'" + sh.name + "'!$A:$A," + titles
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sh.name})
}

// sheetWriter is the part of excelize's stream and cell APIs writeSheet
// uses.
type sheetWriter interface {
	setColWidth(col int, width float64) error
	setPanes(*excelize.Panes) error
	// setRow writes a row of cells (nil, excelize.Cell or plain values);
	// height 0 keeps the default.
	setRow(row int, cells []any, height float64) error
	addTable(*excelize.Table) error
	finish() error
}

type streamWriter struct{ sw *excelize.StreamWriter }

func (w streamWriter) setColWidth(col int, width float64) error {
	return w.sw.SetColWidth(col, col, width)
}
func (w streamWriter) setPanes(p *excelize.Panes) error { return w.sw.SetPanes(p) }
func (w streamWriter) addTable(t *excelize.Table) error { return w.sw.AddTable(t) }
func (w streamWriter) finish() error                    { return w.sw.Flush() }

func (w streamWriter) setRow(row int, cells []any, height float64) error {
	ref, _ := excelize.CoordinatesToCellName(1, row)
	return w.sw.SetRow(ref, cells, excelize.RowOpts{Height: height})
}

type cellWriter struct {
	f     *excelize.File
	sheet string
}

func (w *cellWriter) setPanes(p *excelize.Panes) error { return w.f.SetPanes(w.sheet, p) }
func (w *cellWriter) addTable(t *excelize.Table) error { return w.f.AddTable(w.sheet, t) }
func (w *cellWriter) finish() error                    { return nil }

func (w *cellWriter) setColWidth(col int, width float64) error {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return err
	}
	return w.f.SetColWidth(w.sheet, name, name, width)
}

func (w *cellWriter) setRow(row int, cells []any, height float64) error {
	for i, v := range cells {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		c, ok := v.(excelize.Cell)
		if !ok {
			c = excelize.Cell{Value: v}
		}
		if err := w.f.SetCellValue(w.sheet, ref, c.Value); err != nil {
			return err
		}
		if c.Formula != "" {
			if err := w.f.SetCellFormula(w.sheet, ref, c.Formula); err != nil {
				return err
			}
		}
		if c.StyleID != 0 {
			if err := w.f.SetCellStyle(w.sheet, ref, ref, c.StyleID); err != nil {
				return err
			}
		}
	}
	if height > 0 {
		return w.f.SetRowHeight(w.sheet, row, height)
	}
	return nil
}

// cell gives the stream writer's value for v in a column of kind k.
func (st styles) cell(k colKind, v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case time.Time:
		if v.IsZero() {
			return nil
		}
		if k == timeCol {
			return excelize.Cell{StyleID: st.datetime, Value: v}
		}
		return excelize.Cell{StyleID: st.date, Value: v}
	case link:
		c := excelize.Cell{StyleID: st.link, Value: cellText(v.Text)}
		if v.URL != "" && len(v.URL) <= maxLinkLen {
			// A HYPERLINK formula, not a hyperlink relationship: the
			// stream writer cannot write the latter.
			c.Formula = "HYPERLINK(" + formulaString(v.URL) + "," + formulaString(v.Text) + ")"
		}
		return c
	case string:
		if k == wrapCol {
			return excelize.Cell{StyleID: st.wrap, Value: cellText(v)}
		}
		return excelize.Cell{StyleID: st.top, Value: cellText(v)}
	default:
		return excelize.Cell{StyleID: st.top, Value: v}
	}
}

// formulaString quotes s as a string of an Excel formula.
func formulaString(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// cellText drops the control characters XML cannot carry and cuts text to
// what one Excel cell holds.
func cellText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxCellRunes {
		s = string([]rune(s)[:maxCellRunes-1]) + "…"
	}
	return s
}

// widths fits each column to its longest content, within the column's cap.
func (sh sheet) widths() []float64 {
	out := make([]float64, len(sh.cols))
	for i, c := range sh.cols {
		w := float64(utf8.RuneCountInString(c.name))
		for _, row := range sh.rows {
			if i < len(row) {
				w = math.Max(w, float64(displayWidth(c.kind, row[i])))
			}
		}
		limit := c.max
		if limit == 0 {
			limit = defaultMaxWidth
		}
		out[i] = math.Min(math.Max(w+2, minWidth), limit)
	}
	return out
}

// displayWidth is roughly how many characters a value shows.
func displayWidth(k colKind, v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case time.Time:
		if k == timeCol {
			return 16
		}
		return 10
	case link:
		return utf8.RuneCountInString(v.Text)
	case string:
		return utf8.RuneCountInString(v)
	default:
		return len(fmt.Sprint(v))
	}
}

// rowHeight gives a row room for its wrapped text (Excel does not grow rows
// for wrapped text by itself when a file is opened); 0 keeps the default.
func (sh sheet) rowHeight(row []any, widths []float64) float64 {
	lines := 1
	for i, v := range row {
		s, ok := v.(string)
		if !ok || sh.cols[i].kind != wrapCol {
			continue
		}
		n := 0
		for _, para := range strings.Split(s, "\n") {
			n += max(1, int(math.Ceil(float64(utf8.RuneCountInString(para))/math.Max(1, widths[i]-1))))
		}
		lines = max(lines, n)
	}
	if lines <= 1 {
		return 0
	}
	return lineHeight * float64(min(lines, maxLines))
}
