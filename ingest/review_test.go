package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestRevisions(t *testing.T) {
	body := para("", run("The ")+
		`<w:ins w:id="1" w:author="Silva, Marcos" w:date="2026-01-10T10:00:00Z"><w:r><w:t>new</w:t></w:r></w:ins>`+
		`<w:del w:id="2" w:author="Silva, Marcos" w:date="2026-01-10T10:01:00Z"><w:r><w:delText>old</w:delText></w:r></w:del>`+
		`<w:moveFrom w:id="3" w:author="B"><w:r><w:t>gone</w:t></w:r></w:moveFrom>`+
		`<w:moveTo w:id="4" w:author="B"><w:r><w:t>came</w:t></w:r></w:moveTo>`+
		`<w:r><w:rPr><w:b/><w:rPrChange w:id="5" w:author="C"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r>`) +
		`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="6" w:author="D"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange><w:rPr><w:ins w:id="7" w:author="E"/></w:rPr></w:pPr>` + run("restyled") + `</w:p>` +
		`<w:tbl><w:tr><w:trPr><w:del w:id="8" w:author="F"/></w:trPr><w:tc><w:p><w:del w:id="9" w:author="F"><w:r><w:delText>row text</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>`
	doc := testDoc{body: body, parts: map[string]string{"styles.xml": stylesXML}}.read(t)
	want := []struct {
		kind         RevisionKind
		author, text string
		para         int
	}{
		{Insertion, "Silva, Marcos", "new", 1},
		{Deletion, "Silva, Marcos", "old", 1},
		{MoveFrom, "B", "gone", 1},
		{MoveTo, "B", "came", 1},
		{Format, "C", "bold now", 1},
		{ParaProps, "D", "restyled", 2},
		{Insertion, "E", "", 2},
		{Deletion, "F", "row text", 3},
		{Deletion, "F", "row text", 3},
	}
	if len(doc.Revisions) != len(want) {
		t.Fatalf("got %d revisions, want %d: %+v", len(doc.Revisions), len(want), doc.Revisions)
	}
	for i, w := range want {
		r := doc.Revisions[i]
		if r.Kind != w.kind || r.Author != w.author || r.Text != w.text || r.Paragraph != w.para || r.Part != "word/document.xml" {
			t.Errorf("revision %d = %+v, want %+v", i, *r, w)
		}
	}
	if d := doc.Revisions[0].Date; !d.Equal(time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("date = %v", d)
	}
	if got := doc.Paragraphs[1].Style; got != "Normal" {
		t.Errorf("style inside pPrChange leaked: paragraph style %q, want Normal", got)
	}
}

const commentsXML = `<w:comments ` + testNS + `>
<w:comment w:id="1" w:author="Chan, Calvin" w:initials="CC" w:date="2026-01-09T08:30:00Z"><w:p w14:paraId="0000000A"><w:r><w:annotationRef/></w:r>` + `<w:r><w:t>Is there an update?</w:t></w:r></w:p></w:comment>
<w:comment w:id="2" w:author="Sharma, Akanksha" w:date="2026-01-09T11:02:00Z"><w:p w14:paraId="0000000B"><w:r><w:t>None yet.</w:t></w:r></w:p></w:comment>
<w:comment w:id="3" w:author="Haddad, Rania"><w:p w14:paraId="0000000C"><w:r><w:t>First line</w:t></w:r></w:p><w:p w14:paraId="0000000D"><w:r><w:t>Done.</w:t></w:r></w:p></w:comment>
<w:comment w:id="4" w:author="Okafor, Nneka"><w:p w14:paraId="0000000E"><w:r><w:t>Reply to a resolved one</w:t></w:r></w:p></w:comment>
<w:comment w:id="5" w:author="No Extension"><w:p><w:r><w:t>Old Word</w:t></w:r></w:p></w:comment>
</w:comments>`

const commentsExtXML = `<w15:commentsEx ` + testNS + `>
<w15:commentEx w15:paraId="0000000A" w15:done="0"/>
<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/>
<w15:commentEx w15:paraId="0000000D" w15:done="1"/>
<w15:commentEx w15:paraId="0000000E" w15:paraIdParent="0000000D" w15:done="0"/>
</w15:commentsEx>`

func TestComments(t *testing.T) {
	body := para("Heading1", run("Region")) +
		para("", run("See ")+`<w:commentRangeStart w:id="1"/>`+run("the first")) +
		para("", run("and second")+`<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:r><w:commentReference w:id="2"/></w:r>`) +
		`<w:commentRangeStart w:id="3"/>` + para("", run("whole")) + `<w:commentRangeEnd w:id="3"/>` +
		para("", `<w:r><w:commentReference w:id="3"/></w:r><w:r><w:commentReference w:id="4"/></w:r><w:r><w:commentReference w:id="5"/></w:r>`)
	doc := testDoc{body: body, parts: map[string]string{"styles.xml": stylesXML, "comments.xml": commentsXML, "commentsExtended.xml": commentsExtXML}}.read(t)
	want := []struct {
		id, author, text, anchor, parent string
		resolved                         bool
		para                             int
	}{
		{"1", "Chan, Calvin", "Is there an update?", "the first\nand second", "", false, 2},
		{"2", "Sharma, Akanksha", "None yet.", "the first\nand second", "1", false, 2},
		{"3", "Haddad, Rania", "First line\nDone.", "whole", "", true, 4},
		{"4", "Okafor, Nneka", "Reply to a resolved one", "whole", "3", true, 4},
		{"5", "No Extension", "Old Word", "", "", false, 5},
	}
	if len(doc.Comments) != len(want) {
		t.Fatalf("got %d comments, want %d", len(doc.Comments), len(want))
	}
	for i, w := range want {
		c := doc.Comments[i]
		if c.ID != w.id || c.Author != w.author || c.Text != w.text || c.Anchor != w.anchor || c.Parent != w.parent || c.Resolved != w.resolved || c.Paragraph != w.para {
			t.Errorf("comment %d = %+v\nwant %+v", i, *c, w)
		}
		if c.Section != "Region" {
			t.Errorf("comment %s section %q, want Region", c.ID, c.Section)
		}
	}
	if doc.Comments[0].Initials != "CC" || doc.Comments[0].Date.IsZero() {
		t.Errorf("initials/date not read: %+v", doc.Comments[0])
	}
}

func TestFieldsLinksBookmarksMarks(t *testing.T) {
	body := para("", `<w:bookmarkStart w:id="0" w:name="_Toc1"/>`+
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ Figure \* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+run("3")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`+
		`<w:fldSimple w:instr=" REF _Toc1 \h ">`+run("Intro")+`</w:fldSimple>`+
		`<w:bookmarkEnd w:id="0"/><w:bookmarkStart w:id="1" w:name="open"/>`+
		`<w:hyperlink r:id="rIdLink">`+run("ITU")+`</w:hyperlink><w:hyperlink w:anchor="_Toc1">`+run("back")+`</w:hyperlink>`+
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> note</w:t></w:r>`+
		`<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>check</w:t></w:r>`+run(" plain ")+
		`<w:r><w:rPr><w:shd w:val="clear" w:fill="FFFF00"/></w:rPr><w:t>shaded</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown</w:t></w:r>`)
	doc := testDoc{body: body, rels: map[string]string{"rIdLink": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink|https://www.itu.int/|ext"}}.read(t)
	if len(doc.Fields) != 2 || doc.Fields[0].Instr != `SEQ Figure \* ARABIC` || doc.Fields[0].Result != "3" ||
		doc.Fields[1].Instr != `REF _Toc1 \h` || doc.Fields[1].Result != "Intro" {
		t.Errorf("fields = %+v %+v", doc.Fields[0], doc.Fields[1])
	}
	if len(doc.Hyperlinks) != 2 || doc.Hyperlinks[0].URL != "https://www.itu.int/" || doc.Hyperlinks[0].Text != "ITU" ||
		doc.Hyperlinks[1].Anchor != "_Toc1" || doc.Hyperlinks[1].URL != "" {
		t.Errorf("hyperlinks = %+v %+v", doc.Hyperlinks[0], doc.Hyperlinks[1])
	}
	if len(doc.Bookmarks) != 2 || !doc.Bookmarks[0].Closed || doc.Bookmarks[1].Closed || doc.Bookmarks[0].Name != "_Toc1" {
		t.Errorf("bookmarks = %+v %+v", doc.Bookmarks[0], doc.Bookmarks[1])
	}
	if len(doc.Hidden) != 1 || doc.Hidden[0].Text != "secret note" {
		t.Errorf("hidden = %v", marks(doc.Hidden))
	}
	if len(doc.Highlights) != 2 || doc.Highlights[0].Text != "check" || doc.Highlights[1].Text != "shaded" || doc.Highlights[1].Color != "yellow" {
		t.Errorf("highlights = %v", marks(doc.Highlights))
	}
}

func marks(ms []*Mark) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, m.Color+":"+m.Text)
	}
	return strings.Join(parts, " | ")
}

func TestNotes(t *testing.T) {
	notes := `<w:footnotes ` + testNS + `>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + run(" See ") + `<w:hyperlink r:id="rIdX">` + run("the page") + `</w:hyperlink>` +
		`<w:del w:id="9" w:author="A"><w:r><w:delText> (old)</w:delText></w:r></w:del></w:p></w:footnote>
</w:footnotes>`
	doc := testDoc{body: para("", run("Text")+`<w:r><w:footnoteReference w:id="1"/></w:r>`),
		parts: map[string]string{"footnotes.xml": notes,
			"_rels/footnotes.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`}}.read(t)
	if len(doc.Footnotes) != 1 || doc.Footnotes[0].ID != "1" || doc.Footnotes[0].Text != "See the page" ||
		doc.Footnotes[0].Original != "See the page (old)" {
		t.Fatalf("footnotes = %+v", doc.Footnotes)
	}
	if len(doc.Hyperlinks) != 1 || doc.Hyperlinks[0].URL != "https://example.org/" || doc.Hyperlinks[0].Part != "word/footnotes.xml" {
		t.Errorf("hyperlinks = %+v", doc.Hyperlinks)
	}
	if len(doc.Endnotes) != 0 || doc.Endnotes == nil {
		t.Errorf("endnotes should be an empty list: %#v", doc.Endnotes)
	}
}

// TestCommentsPreviewNamespace checks that commentsExtended written in the
// Office 2013 preview's namespace, which Word ignores, leaves the comments
// open and unthreaded, as Word shows them.
func TestCommentsPreviewNamespace(t *testing.T) {
	ext := strings.ReplaceAll(commentsExtXML, `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`, `xmlns:w15="http://schemas.microsoft.com/office/word/2010/11/wordml"`)
	doc := testDoc{body: para("", `<w:r><w:commentReference w:id="1"/></w:r><w:r><w:commentReference w:id="3"/></w:r>`),
		parts: map[string]string{"comments.xml": commentsXML, "commentsExtended.xml": ext}}.read(t)
	for _, c := range doc.Comments {
		if c.Resolved || c.Parent != "" {
			t.Errorf("comment %s: resolved %v parent %q, want open and unthreaded", c.ID, c.Resolved, c.Parent)
		}
	}
}

// TestTrackedRows checks rows inserted or deleted as a whole: their text
// is left out of Original (an inserted row) or Text (a deleted row), as
// rejecting or accepting the change removes the row, even when the runs
// are not marked themselves; the table counts them.
func TestTrackedRows(t *testing.T) {
	row := func(trPr, text string) string {
		return `<w:tr>` + trPr + `<w:tc>` + para("", run(text)) + `</w:tc></w:tr>`
	}
	inserted := `<w:trPr><w:ins w:id="1" w:author="A"/></w:trPr>`
	deleted := `<w:trPr><w:del w:id="2" w:author="A"/></w:trPr>`
	nested := `<w:tbl>` + row(inserted, "nested new") + `</w:tbl>`
	body := `<w:tbl>` + row("", "kept") + row(inserted, "new row") + row(deleted, "old row") +
		`<w:tr><w:tc>` + nested + para("", "") + `</w:tc></w:tr></w:tbl>` + para("", run("after"))
	doc := testDoc{body: body}.read(t)
	want := []struct{ text, original string }{
		{"kept", "kept"}, {"new row", ""}, {"", "old row"}, {"nested new", ""}, {"", ""}, {"after", "after"},
	}
	if len(doc.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d", len(doc.Paragraphs), len(want))
	}
	for i, w := range want {
		if p := doc.Paragraphs[i]; p.Text != w.text || p.Original != w.original {
			t.Errorf("paragraph %d: Text %q Original %q, want %q and %q", i+1, p.Text, p.Original, w.text, w.original)
		}
	}
	tbl := doc.Tables[0]
	if tbl.Rows != 4 || tbl.InsertedRows != 1 || tbl.DeletedRows != 1 {
		t.Errorf("table: %d rows, %d inserted, %d deleted; want 4, 1, 1", tbl.Rows, tbl.InsertedRows, tbl.DeletedRows)
	}
	if got := tbl.Cells[2][0]; got != "" {
		t.Errorf("deleted row's cell %q, want it empty as in Text", got)
	}
	if r := doc.Revisions[0]; r.Kind != Insertion || r.Text != "new row" || r.Paragraph != 2 {
		t.Errorf("row insertion = %+v", *r)
	}
}

// TestCommentReferences checks where a comment's reference mark stands:
// the part holding it (none for a comment nothing references), and
// whether tracked changes would take it away.
func TestCommentReferences(t *testing.T) {
	ref := func(id string) string { return `<w:r><w:commentReference w:id="` + id + `"/></w:r>` }
	body := para("", `<w:commentRangeStart w:id="1"/>`+run("plain")+`<w:commentRangeEnd w:id="1"/>`+ref("1")+
		`<w:ins w:id="10" w:author="A">`+ref("2")+`</w:ins>`+
		`<w:del w:id="11" w:author="A">`+ref("3")+`</w:del>`) +
		`<w:tbl><w:tr><w:trPr><w:del w:id="12" w:author="A"/></w:trPr><w:tc>` + para("", run("row")+ref("4")) + `</w:tc></w:tr></w:tbl>` +
		para("", `<w:commentRangeStart w:id="5"/>`+run("range only")+`<w:commentRangeEnd w:id="5"/>`)
	doc := testDoc{body: body, parts: map[string]string{"comments.xml": commentsXML}}.read(t)
	want := map[string]struct {
		part              string
		inserted, deleted bool
	}{
		"1": {"word/document.xml", false, false},
		"2": {"word/document.xml", true, false},
		"3": {"word/document.xml", false, true},
		"4": {"word/document.xml", false, true},
		"5": {"", false, false},
	}
	for _, c := range doc.Comments {
		w := want[c.ID]
		if c.Part != w.part || c.Inserted != w.inserted || c.Deleted != w.deleted {
			t.Errorf("comment %s: part %q inserted %v deleted %v, want %+v", c.ID, c.Part, c.Inserted, c.Deleted, w)
		}
	}
}
