package diff

import (
	"strconv"
	"strings"

	"tsagmerge/ingest/xmltok"
)

// Author is the author of every change a redline records.
const Author = "tsagmerge"

// openMark is the start tag of a change wrapping runs (w:ins, w:del,
// w:moveFrom, w:moveTo), with a fresh id.
func (rl *redliner) openMark(kind string) []byte {
	return []byte(rl.markTag(kind, false))
}

// selfMark is a change mark standing alone: a paragraph mark's or a row's.
func (rl *redliner) selfMark(kind string) string { return rl.markTag(kind, true) }

func (rl *redliner) markTag(kind string, self bool) string {
	var b strings.Builder
	b.WriteString("<" + rl.w + ":" + kind + " " + rl.w + `:id="` + rl.freshID() + `" ` +
		rl.w + `:author="` + Author + `" ` + rl.w + `:date="` + rl.date + `"`)
	if self {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
	rl.counts[kind]++
	return b.String()
}

// freshID is the next annotation id, above every id the new version uses.
func (rl *redliner) freshID() string {
	rl.nextID++
	return strconv.Itoa(rl.nextID)
}

// closeTag is the end tag of the WordprocessingML element local.
func (rl *redliner) closeTag(local string) []byte { return []byte("</" + rl.w + ":" + local + ">") }

// rangeStart and rangeEnd bound a move's text (w:moveFromRangeStart …
// w:moveFromRangeEnd, w:moveToRangeStart … w:moveToRangeEnd), named
// alike at both ends of the move.
func (rl *redliner) rangeStart(kind, name string) string {
	id := rl.freshID()
	rl.rangeIDs[kind+"\x00"+name] = id
	return "<" + rl.w + ":" + kind + "RangeStart " + rl.w + `:id="` + id + `" ` + rl.w + `:author="` + Author + `" ` +
		rl.w + `:date="` + rl.date + `" ` + rl.w + `:name="` + name + `"/>`
}

func (rl *redliner) rangeEnd(kind, name string) string {
	return "<" + rl.w + ":" + kind + "RangeEnd " + rl.w + `:id="` + rl.rangeIDs[kind+"\x00"+name] + `"/>`
}

// appendText appends text as a w:t (or w:delText) that keeps its spaces.
func (rl *redliner) appendText(dst []byte, local, text string) []byte {
	dst = append(dst, "<"+rl.w+":"+local+` xml:space="preserve">`...)
	dst = xmltok.AppendEscaped(dst, text)
	return append(dst, rl.closeTag(local)...)
}

// appendDeleted appends text the new version no longer has as a run in a
// change of the given kind (w:del, w:moveFrom) with the run properties
// rPr: tabs and line breaks as w:tab and w:br.
func (rl *redliner) appendDeleted(dst []byte, kind, text string, rPr []byte) []byte {
	textTag := "delText"
	if kind == "moveFrom" {
		textTag = "t"
	}
	if text == "" {
		return dst
	}
	dst = append(dst, rl.openMark(kind)...)
	dst = append(dst, "<"+rl.w+":r>"...)
	dst = append(dst, rPr...)
	for text != "" {
		cut := strings.IndexAny(text, "\t\n")
		if cut < 0 {
			dst = rl.appendText(dst, textTag, text)
			break
		}
		if cut > 0 {
			dst = rl.appendText(dst, textTag, text[:cut])
		}
		if text[cut] == '\t' {
			dst = append(dst, "<"+rl.w+":tab/>"...)
		} else {
			dst = append(dst, "<"+rl.w+":br/>"...)
		}
		text = text[cut+1:]
	}
	dst = append(dst, rl.closeTag("r")...)
	return append(dst, rl.closeTag(kind)...)
}
