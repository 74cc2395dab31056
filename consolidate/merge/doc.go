// Package merge merges the regions' contributions into one TSAG TD
// on the ITU-T template (Merge, Write).
//
// The output is the template, its cover filled, followed by each region
// in the report's order under a level-1 heading numbered on from the
// template's own ("3\tAfrica – …"). Everything a region says is carried:
// paragraphs and their formatting, lists, tables, pictures, charts and
// other linked parts, notes, links, bookmarks, fields, drawings with their
// fallbacks, content controls, text boxes, math, sections, and, as
// Options say, comments and tracked changes. Styles are matched by name
// onto the template's; lists, notes, comments, bookmarks, revisions and
// drawings get new ids; namespace prefixes that clash are renamed. Theme
// colours (w:themeColor, a:schemeClr) that the TD's theme would show
// otherwise than the region's are written as the region's RGB, in the
// body, notes, styles, lists and copied charts and diagrams (colours.go);
// theme fonts that would show in another typeface are named outright
// (fonts.go).
//
// The XML is never decoded and encoded again: ingest/xmltok's scanner
// finds the tags, and the rewriter (rewrite.go, handle.go) copies the
// bytes it does not change and writes anew only the tags whose attributes
// do. The merge runs in three phases: prepare (merge.go, prepare.go) maps
// every region's styles, lists, links, names and notes onto the output and
// gives each region blocks of ids, in region order; the regions are then
// rewritten (regionwrite.go); assemble (assemble.go) joins
// the pieces and writes a zip with fixed times and a fixed order, so the
// same inputs always give the same bytes.
package merge
