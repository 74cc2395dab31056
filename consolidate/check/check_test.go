package check

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// doc builds a document with a region heading, the given paragraphs under
// it and the given review marks.
func doc(path, region string, body ...string) *ingest.Document {
	d := &ingest.Document{
		Path: path, Region: ingest.Region{Code: region},
		Sections: []*ingest.Section{{Level: 1, Title: "Region", Parent: -1, Paragraph: 1}},
	}
	d.Paragraphs = append(d.Paragraphs, &ingest.Paragraph{Index: 1, Text: "Region", Heading: 1, Section: 0})
	for i, t := range body {
		d.Paragraphs = append(d.Paragraphs, &ingest.Paragraph{Index: i + 2, Text: t, Section: 0})
	}
	return d
}

func used(docs ...*ingest.Document) *inbox.Inbox {
	in := &inbox.Inbox{}
	for _, d := range docs {
		in.Files = append(in.Files, inbox.FileEntry{Path: d.Path, Region: d.Region.Code, Status: inbox.Used, Doc: d})
	}
	return in
}

func kinds(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Kind)+"/"+string(f.Severity))
	}
	return out
}

func TestCommentThreads(t *testing.T) {
	at := time.Date(2025, 12, 1, 10, 0, 0, 0, time.UTC)
	d := doc("ASP.docx", "ASP", "text")
	d.Comments = []*ingest.Comment{
		{ID: "0", Author: "Chan, Calvin", Date: at, Text: "Anything to add?", Anchor: "BICMA is evaluating", Section: "Region", Paragraph: 2},
		{ID: "1", Author: "Sharma, Akanksha", Date: at.Add(time.Hour), Text: "No updates.", Parent: "0", Section: "Region", Paragraph: 2},
		{ID: "2", Author: "Chan, Calvin", Text: "Thanks.", Parent: "1"}, // a reply to the reply
		{ID: "3", Author: "Haddad, Rania", Text: "Done.", Resolved: true},
		{ID: "4", Author: "Orphan", Text: "Parent gone.", Parent: "99"},
	}
	for _, tc := range []struct {
		all  bool
		want []string
	}{
		{false, []string{"unresolved-comment/error", "unresolved-comment/error"}},
		{true, []string{"unresolved-comment/error", "unresolved-comment/error", "resolved-comment/info"}},
	} {
		r := Run(used(d), Options{All: tc.all})
		if got := kinds(r.Findings); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("All=%v: findings %v; want %v", tc.all, got, tc.want)
			continue
		}
		f := r.Findings[1] // the orphan (no paragraph) comes first
		if len(f.Thread) != 3 || f.Thread[1].Author != "Sharma, Akanksha" || f.Author != "Chan, Calvin" || f.Context != "BICMA is evaluating" {
			t.Errorf("thread finding = %+v", f)
		}
		if !strings.Contains(f.Text, "2 replies") {
			t.Errorf("thread text %q does not count the replies", f.Text)
		}
	}
}

func TestPendingRevisionsGroupedByAuthor(t *testing.T) {
	d := doc("AMS.docx", "AMS", "text")
	d.Revisions = []*ingest.Revision{
		{Kind: ingest.Insertion, Author: "Silva, Marcos", Text: "in October 2025", Paragraph: 2},
		{Kind: ingest.Deletion, Author: "Silva, Marcos", Text: "in 2025", Paragraph: 2},
		{Kind: ingest.Insertion, Author: "Silva, Marcos", Text: "again", Paragraph: 3},
		{Kind: ingest.Format, Author: "Other", Paragraph: 4},
	}
	r := Run(used(d), Options{})
	if len(r.Findings) != 2 {
		t.Fatalf("findings = %+v; want one per author", r.Findings)
	}
	if f := r.Findings[0]; f.Author != "Silva, Marcos" || !strings.HasPrefix(f.Text, "2 insertions, 1 deletion not yet accepted: inserted “in October 2025”; deleted “in 2025”") {
		t.Errorf("Silva's finding = %q", f.Text)
	}
	if f := r.Findings[1]; f.Author != "Other" || f.Text != "1 formatting change not yet accepted" {
		t.Errorf("Other's finding = %q", f.Text)
	}
}

func TestEmptySections(t *testing.T) {
	d := &ingest.Document{Path: "ARB.docx", Region: ingest.Region{Code: "ARB"}}
	add := func(text string, heading int) {
		p := &ingest.Paragraph{Index: len(d.Paragraphs) + 1, Text: text, Heading: heading, Section: len(d.Sections) - 1}
		if heading > 0 {
			d.Sections = append(d.Sections, &ingest.Section{Level: heading, Title: text, Paragraph: p.Index})
			p.Section = len(d.Sections) - 1
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	add("Arab States", 1)
	add("Intro.", 0)
	add("Empty one", 2) // followed by a heading of the same level
	add("  ", 0)
	add("Parent", 2) // only sub-sections: not itself empty
	add("Child with a figure", 3)
	add("", 0)
	add("Empty child", 3)
	add("A numbered clause in a heading style, as legal texts have them.", 2)
	add("Last and empty", 2)
	d.Figures = []*ingest.Figure{{Paragraph: 7}}
	var got []string
	for _, f := range emptySections(d, Options{}) {
		got = append(got, f.Section)
	}
	if want := "Empty one|Empty child|Last and empty"; strings.Join(got, "|") != want {
		t.Errorf("empty sections %q; want %q", got, want)
	}
}

func TestFrontMatter(t *testing.T) {
	p := func(i int, style, text string) *ingest.Paragraph {
		return &ingest.Paragraph{Index: i, Style: style, Text: text, Section: -1}
	}
	tests := []struct {
		name  string
		front []*ingest.Paragraph
		want  string // part of the finding's text; "" for none
	}{
		{"title and author", []*ingest.Paragraph{p(1, "Title", "Contribution"), p(2, "Author", "ITU"), p(3, "Normal", "")}, ""},
		{"three lines", []*ingest.Paragraph{p(1, "Title", "A"), p(2, "Subtitle", "B"), p(3, "Date", "C")}, "3 paragraphs"},
		{"normal style", []*ingest.Paragraph{p(1, "Normal", "Note to the secretariat")}, `style "Normal"`},
		{"table", []*ingest.Paragraph{p(1, "Title", "A"), {Index: 2, Text: "cell", InTable: true, Section: -1}}, "a table"},
		{"long title", []*ingest.Paragraph{p(1, "Title", strings.Repeat("long ", 40))}, "200 characters long"},
	}
	for _, tc := range tests {
		d := doc("EUR.docx", "EUR")
		d.FrontMatter = tc.front
		fs := frontMatter(d, Options{})
		switch {
		case tc.want == "" && len(fs) > 0:
			t.Errorf("%s: unexpected finding %q", tc.name, fs[0].Text)
		case tc.want != "" && (len(fs) != 1 || !strings.Contains(fs[0].Text, tc.want)):
			t.Errorf("%s: findings %+v; want one saying %q", tc.name, fs, tc.want)
		}
	}
}

func TestRunGradesSortsAndReportsFiles(t *testing.T) {
	afr := doc("AFR.docx", "AFR", "Held for Ghana, Kenya, Ghana and Benin.", "See [bookmark: _Toc1] here.")
	asp := doc("ASP.docx", "ASP", "Clean text.")
	asp.Comments = []*ingest.Comment{{ID: "0", Author: "Chan, Calvin", Text: "?"}}
	old := doc("AFR-v1.docx", "AFR", "Held for Ghana and Kenya.")
	in := used(asp, afr)
	in.Files = append(in.Files,
		inbox.FileEntry{Path: "AFR-v1.docx", Region: "AFR", Status: inbox.Superseded, SupersededBy: "AFR.docx", Reason: "superseded by AFR.docx: v2", Doc: old},
		inbox.FileEntry{Path: "CIS.doc", Region: "CIS", Status: inbox.Refused, Reason: "is a Word 97-2003 document"},
		inbox.FileEntry{Path: "~$R.docx", Status: inbox.Ignored, Reason: "owner file"},
	)
	in.Missing = []string{"AMS", "ARB", "CIS", "EUR"}

	r := Run(in, Options{})
	want := []string{
		"residue/error", "duplicate-in-list/warning", "superseded/info", // AFR
		"missing-region/warning", "missing-region/warning", // AMS, ARB
		"unresolved-comment/error",                       // ASP
		"missing-region/warning", "refused-file/warning", // CIS
		"missing-region/warning", // EUR
	}
	if got := kinds(r.Findings); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}
	if r.Errors() != 2 {
		t.Errorf("Errors() = %d, want 2", r.Errors())
	}
	for _, f := range r.Findings {
		switch f.Kind {
		case SupersededFile:
			if !strings.Contains(f.Text, "changes in the used file: 1 paragraph changed, 1 added") {
				t.Errorf("superseded text %q lacks the diff summary", f.Text)
			}
		case MissingRegion:
			if f.Region == "CIS" && !strings.Contains(f.Text, "CIS.doc was refused") {
				t.Errorf("missing CIS text %q does not name the refused file", f.Text)
			}
		}
	}

	r = Run(in, Options{Allow: []Kind{Residue, UnresolvedComment}})
	if r.Errors() != 0 || r.Count(Warning) != 8 {
		t.Errorf("with --allow: %d errors, %d warnings; want 0 and 8", r.Errors(), r.Count(Warning))
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds {
		if got, ok := ParseKind(string(k)); !ok || got != k {
			t.Errorf("ParseKind(%q) = %q, %v", k, got, ok)
		}
	}
	if _, ok := ParseKind("residues"); ok {
		t.Error(`ParseKind("residues") accepted an unknown kind`)
	}
}

// TestThreadShapes: threads are found from each comment's parent, a loop
// of replies making one thread that starts at its first comment in
// document order, and a long chain of replies in linear time.
func TestThreadShapes(t *testing.T) {
	chain := func(n int) []*ingest.Comment {
		cs := make([]*ingest.Comment, n)
		for i := range cs {
			cs[i] = &ingest.Comment{ID: strconv.Itoa(i)}
			if i > 0 {
				cs[i].Parent = strconv.Itoa(i - 1)
			}
		}
		return cs
	}
	loop := chain(3)
	loop[0].Parent = "2" // 0 → 2 → 1 → 0
	reversed := []*ingest.Comment{{ID: "b", Parent: "a"}, {ID: "a"}, {ID: "c", Parent: "b"}}
	tests := []struct {
		name string
		cs   []*ingest.Comment
		want string
	}{
		{"a chain", chain(4), "0 1 2 3"},
		{"a loop", loop, "0 1 2"},
		{"a reply before its parent", reversed, "a b c"},
		{"a loop into itself", []*ingest.Comment{{ID: "x", Parent: "x"}, {ID: "y", Parent: "x"}}, "x y"},
	}
	for _, tt := range tests {
		var got []string
		for _, th := range threads(tt.cs) {
			var ids []string
			for _, c := range th {
				ids = append(ids, c.ID)
			}
			got = append(got, strings.Join(ids, " "))
		}
		if strings.Join(got, " | ") != tt.want {
			t.Errorf("%s: threads %q, want %q", tt.name, got, tt.want)
		}
	}
	// Walking each comment's chain to its top was quadratic: 100,000 took
	// minutes.
	start := time.Now()
	if th := threads(chain(100000)); len(th) != 1 || len(th[0]) != 100000 {
		t.Errorf("a chain of 100,000 gives %d threads", len(th))
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("a chain of 100,000 took %s", took)
	}
}

// TestUnorderedVersions warns of two versions of a region that nothing
// orders (no mark in their names, the same times) when their texts
// differ: the names' order chose, perhaps the wrong one. The same text
// chosen so is only information.
func TestUnorderedVersions(t *testing.T) {
	for _, tt := range []struct {
		name  string
		other string
		want  Severity
	}{
		{"different texts", "The workshop met in Lomé in June 2025.", Warning},
		{"the same text", "The workshop met in Cotonou in June 2025.", Info},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			same := time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC)
			for name, text := range map[string]string{"AFR-contribution.docx": "The workshop met in Cotonou in June 2025.", "africa.docx": tt.other} {
				path := filepath.Join(dir, name)
				testkit.Write(t, path, testkit.File{Body: testkit.Region("Africa", text)})
				if err := os.Chtimes(path, same, same); err != nil {
					t.Fatal(err)
				}
			}
			in, err := inbox.Scan([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			found := 0
			for _, f := range Run(in, Options{}).Findings {
				if f.Kind != SupersededFile {
					continue
				}
				found++
				if f.Severity != tt.want || !strings.Contains(f.Text, "nothing tells the versions apart") {
					t.Errorf("superseded is %s, want %s: %s", f.Severity, tt.want, f.Text)
				}
			}
			if found != 1 {
				t.Errorf("%d superseded findings, want 1", found)
			}
		})
	}
}
