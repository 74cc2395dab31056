package validate

// kind is what a fact records.
type kind uint8

// The facts a scan collects.
const (
	factRelRef        kind = iota // an r:* attribute; extra is the attribute's name
	factParaID                    // a w14:paraId
	factCommentDef                // w:comment/@w:id
	factCommentStart              // w:commentRangeStart/@w:id
	factCommentEnd                // w:commentRangeEnd/@w:id
	factCommentRef                // w:commentReference/@w:id
	factCommentExPara             // a paraId in commentsExtended or commentsIds
	factBookmarkStart             // w:bookmarkStart/@w:id; extra is its w:name
	factBookmarkEnd               // w:bookmarkEnd/@w:id
	factRevision                  // a tracked change's w:id; extra is its element
	factMoveFromStart             // w:moveFromRangeStart/@w:id
	factMoveFromEnd               // w:moveFromRangeEnd/@w:id
	factMoveToStart               // w:moveToRangeStart/@w:id
	factMoveToEnd                 // w:moveToRangeEnd/@w:id
	factFootnoteDef               // w:footnote/@w:id
	factEndnoteDef                // w:endnote/@w:id
	factFootnoteRef               // w:footnoteReference/@w:id
	factEndnoteRef                // w:endnoteReference/@w:id
	factDocPr                     // wp:docPr/@id
	factNumRef                    // w:numId/@w:val (a paragraph's or style's list)
	factNumDef                    // w:num/@w:numId
	factAbstractRef               // w:abstractNumId/@w:val (inside w:num)
	factAbstractDef               // w:abstractNum/@w:abstractNumId
	factStyleRef                  // w:pStyle, w:rStyle, w:tblStyle @w:val; extra is the element
	factStyleDef                  // w:style/@w:styleId
)

// fact is one id (or name) a part defines or refers to.
type fact struct {
	kind  kind
	id    string
	extra string
}

// collector says which attribute of an element makes a fact of which kind;
// extra, when set, names a second attribute stored in fact.extra (else
// extra holds the element's local name).
type collector struct {
	kind  kind
	attr  name
	extra name
}

const (
	nsW15   = "http://schemas.microsoft.com/office/word/2012/wordml"
	nsW16ID = "http://schemas.microsoft.com/office/word/2016/wordml/cid"
)

// revisionElements carry the ids of tracked changes, one id space per
// document (ISO/IEC 29500-1 §17.13.5). Range ends repeat their start's id
// and are paired, not counted.
var revisionElements = []string{
	"ins", "del", "moveFrom", "moveTo",
	"rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
	"tcPrChange", "trPrChange", "tblGridChange", "numberingChange",
	"cellIns", "cellDel", "cellMerge",
	"moveFromRangeStart", "moveToRangeStart",
	"customXmlInsRangeStart", "customXmlDelRangeStart",
	"customXmlMoveFromRangeStart", "customXmlMoveToRangeStart",
}

// collectors maps an element to the facts it carries.
var collectors = func() map[name][]collector {
	wID := w("id")
	m := map[name][]collector{
		w("comment"):           {{kind: factCommentDef, attr: wID}},
		w("commentRangeStart"): {{kind: factCommentStart, attr: wID}},
		w("commentRangeEnd"):   {{kind: factCommentEnd, attr: wID}},
		w("commentReference"):  {{kind: factCommentRef, attr: wID}},
		w("bookmarkStart"):     {{kind: factBookmarkStart, attr: wID, extra: w("name")}},
		w("bookmarkEnd"):       {{kind: factBookmarkEnd, attr: wID}},
		w("moveFromRangeEnd"):  {{kind: factMoveFromEnd, attr: wID}},
		w("moveToRangeEnd"):    {{kind: factMoveToEnd, attr: wID}},
		w("footnote"):          {{kind: factFootnoteDef, attr: wID}},
		w("endnote"):           {{kind: factEndnoteDef, attr: wID}},
		w("footnoteReference"): {{kind: factFootnoteRef, attr: wID}},
		w("endnoteReference"):  {{kind: factEndnoteRef, attr: wID}},
		{nsWP, "docPr"}:        {{kind: factDocPr, attr: name{"", "id"}}},
		w("numId"):             {{kind: factNumRef, attr: w("val")}},
		w("num"):               {{kind: factNumDef, attr: w("numId")}},
		w("abstractNumId"):     {{kind: factAbstractRef, attr: w("val")}},
		w("abstractNum"):       {{kind: factAbstractDef, attr: w("abstractNumId")}},
		w("pStyle"):            {{kind: factStyleRef, attr: w("val")}},
		w("rStyle"):            {{kind: factStyleRef, attr: w("val")}},
		w("tblStyle"):          {{kind: factStyleRef, attr: w("val")}},
		w("style"):             {{kind: factStyleDef, attr: w("styleId")}},
		{nsW16ID, "commentId"}: {{kind: factCommentExPara, attr: name{nsW16ID, "paraId"}}},
		{nsW15, "commentEx"}: {
			{kind: factCommentExPara, attr: name{nsW15, "paraId"}},
			{kind: factCommentExPara, attr: name{nsW15, "paraIdParent"}},
		},
	}
	for _, el := range revisionElements {
		m[w(el)] = append(m[w(el)], collector{kind: factRevision, attr: wID})
	}
	m[w("moveFromRangeStart")] = append(m[w("moveFromRangeStart")], collector{kind: factMoveFromStart, attr: wID})
	m[w("moveToRangeStart")] = append(m[w("moveToRangeStart")], collector{kind: factMoveToStart, attr: wID})
	return m
}()
