package diff

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

func TestWords(t *testing.T) {
	tests := []struct {
		old, new string
		want     string // rendered with markers
	}{
		{"the same text", "the same text", "the same text"},
		{"held in Thimphu, Bhutan", "held in Paro, Bhutan", "held in [-Thimphu-]{+Paro+}, Bhutan"},
		{"a training in 2024", "a training in 2025 online", "a training in [-2024-]{+2025 online+}"},
		{"", "new", "{+new+}"},
		{"QoS/QoE networks", "QoS networks", "QoS[-/QoE-] networks"},
	}
	for _, tc := range tests {
		edits := Words(tc.old, tc.new)
		if got := markWords(style{}, edits); got != tc.want {
			t.Errorf("Words(%q, %q) = %q; want %q", tc.old, tc.new, got, tc.want)
		}
		if a, b := apply(edits); a != tc.old || b != tc.new {
			t.Errorf("Words(%q, %q) gives %q and %q back", tc.old, tc.new, a, b)
		}
	}
}

// build makes a document from headings ("# Title", "## Title") and
// paragraphs, with Sections and Paragraph.Section filled in.
func build(path string, lines ...string) *ingest.Document {
	d := &ingest.Document{Path: path}
	sec := -1
	for i, l := range lines {
		p := &ingest.Paragraph{Index: i + 1, Text: l, Section: sec}
		if level := len(l) - len(strings.TrimLeft(l, "#")); level > 0 {
			p.Text, p.Heading = strings.TrimSpace(l[level:]), level
			d.Sections = append(d.Sections, &ingest.Section{Level: level, Title: p.Text, Paragraph: p.Index})
			sec = len(d.Sections) - 1
			p.Section = sec
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	return d
}

func TestCompare(t *testing.T) {
	old := build("v1.docx",
		"# Africa",
		"The Office coordinated with TSB.",
		"Clinics were held for Ghana and Kenya.",
		"A paragraph that goes away entirely, with nothing like it after.",
		"## Old name",
		"Webinars were organised.",
	)
	new := build("v2.docx",
		"# Africa",
		"The Office coordinated with TSB.",
		"Clinics were held for Ghana, Kenya and Benin.",
		"## New name",
		"Webinars were organised.",
		"A new closing paragraph about something else.",
	)
	old.Comments = []*ingest.Comment{{ID: "1", Author: "Okafor", Text: "Confirm?"}, {ID: "2", Author: "Chan", Text: "Gone"}}
	new.Comments = []*ingest.Comment{{ID: "7", Author: "Okafor", Text: "Confirm?", Resolved: true}}
	old.Revisions = []*ingest.Revision{{Kind: ingest.Insertion, Author: "Silva", Text: "2025"}}
	new.Figures = []*ingest.Figure{{Part: "word/media/image1.png"}}

	r := Compare(old, new)
	wantSummary := "1 section renamed; 1 paragraph changed, 1 added, 1 removed; 1 comment resolved, 1 removed; 1 tracked change gone (accepted or rejected); 1 figure added"
	if got := r.Summary(); got != wantSummary {
		t.Errorf("Summary() = %q\n want %q", got, wantSummary)
	}
	if r.Identical() {
		t.Error("Identical() = true for different versions")
	}
	var changed *ParagraphChange
	for i := range r.Paragraphs {
		if r.Paragraphs[i].Change == Changed {
			changed = &r.Paragraphs[i]
		}
	}
	if changed == nil || changed.OldIndex != 3 || changed.NewIndex != 3 || changed.Section != "Africa" {
		t.Fatalf("changed paragraph = %+v", changed)
	}
	if a, b := apply(changed.Words); a != changed.Old || b != changed.New {
		t.Errorf("word diff %+v gives %q and %q back", changed.Words, a, b)
	}
	if want := []SectionChange{{Change: Renamed, Level: 2, Old: "Old name", New: "New name"}}; !reflect.DeepEqual(r.Sections, want) {
		t.Errorf("sections = %+v", r.Sections)
	}

	var out bytes.Buffer
	if err := r.WriteText(&out, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--- v1.docx", "+++ v2.docx", "§ Africa", "- A paragraph that goes away", "+ A new closing paragraph", "[-Kenya-]{+Benin+}", wantSummary} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("colour codes without a terminal")
	}
	out.Reset()
	r.WriteText(&out, true)
	if !strings.Contains(out.String(), "\x1b[31m[-Kenya-]\x1b[0m") {
		t.Errorf("coloured report lacks a red deletion:\n%s", out.String())
	}
}

// apply rebuilds the old and the new text from a word diff.
func apply(edits []Edit) (old, new string) {
	for _, e := range edits {
		if e.Op != Insert {
			old += e.Text
		}
		if e.Op != Delete {
			new += e.Text
		}
	}
	return old, new
}

func TestPairUpKeepsOrder(t *testing.T) {
	// old 0 is most like new 1, old 1 like new 0: only one pair can keep
	// the order, the better one.
	score := map[[2]int]float64{{0, 1}: 0.9, {1, 0}: 0.6}
	got := pairUp([]int{0, 1}, []int{0, 1}, func(i, j int) float64 { return score[[2]int{i, j}] }, 0.5)
	if want := []pair{{0, 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("pairUp = %v; want %v", got, want)
	}
}

func TestSamples(t *testing.T) {
	dir := testkit.Samples(t)
	tmp := t.TempDir()
	for _, name := range []string{"AFR-contribution.docx", "ASP-contribution.docx", "AMS-contribution.docx"} {
		path := filepath.Join(dir, name)
		a, b := testkit.ReadDoc(t, path), testkit.ReadDoc(t, path)
		if r := Compare(a, b); !r.Identical() || r.Summary() != "identical" {
			t.Errorf("%s against itself: %s", name, r.Summary())
		}
	}
	// A copy of ASP with one word changed in the body and one heading renamed.
	src, dst := filepath.Join(dir, "ASP-contribution.docx"), filepath.Join(tmp, "ASP-v2.docx")
	testkit.Rewrite(t, src, dst, "word/document.xml", func(b []byte) []byte {
		b = bytes.Replace(b, []byte("In Thimphu, Bhutan"), []byte("In Paro, Bhutan"), 1)
		return bytes.Replace(b, []byte("Communications Activities"), []byte("Communication Activities"), 1)
	})
	r := Compare(testkit.ReadDoc(t, src), testkit.ReadDoc(t, dst))
	if got, want := r.Summary(), "1 section renamed; 1 paragraph changed"; got != want {
		t.Errorf("modified ASP: %q; want %q", got, want)
	}
	if len(r.Paragraphs) == 1 && !strings.Contains(markWords(style{}, r.Paragraphs[0].Words), "In [-Thimphu-]{+Paro+}, Bhutan") {
		t.Errorf("modified ASP word diff: %+v", r.Paragraphs[0].Words)
	}
}
