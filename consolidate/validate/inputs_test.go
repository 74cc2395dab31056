package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestInputsBreakRules runs the validator on the contributions themselves:
// their writers break some invariants (which consolidate must repair), so
// this proves the rules fire on real files and stay quiet on clean ones.
func TestInputsBreakRules(t *testing.T) {
	samples := filepath.Join("..", "..", "testdata", "samples")
	tests := []struct {
		file string
		// want maps each rule reported to a phrase one of its details has.
		want map[string]string
	}{
		// pandoc refers to comment styles it does not define.
		{filepath.Join(samples, "AFR-contribution.docx"), map[string]string{RuleStyle: `"CommentReference"`}},
		{filepath.Join(samples, "ARB-contribution.docx"), map[string]string{RuleStyle: `"CommentText"`}},
		{filepath.Join(samples, "ASP-contribution.docx"), map[string]string{RuleStyle: `"CommentText"`}},
		{filepath.Join(samples, "AMS-contribution.docx"), nil},
		{filepath.Join(samples, "EUR-contribution.docx"), nil},
		// LibreOffice left a bookmark open and reused its name.
		{filepath.Join(samples, "CIS-contribution.docx"), map[string]string{
			RuleBookmarkPair: "bookmark start 0 has no end",
			RuleBookmarkName: "X3919556b8528c45b8f09eeb75df8ddb93c21de5",
		}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) { expectRules(t, tt.file, tt.want) })
	}
	t.Run("bench AMS", func(t *testing.T) {
		// The bench's pandoc-written Americas file gives an insertion and
		// the deletion beside it one id.
		file := filepath.Join(testkit.Shared(t, "bench/x40"), "AMS-contribution.docx")
		expectRules(t, file, map[string]string{RuleRevisionID: "revision id 1 (w:del)", RuleStyle: `"CommentReference"`})
	})
}

func expectRules(t *testing.T, file string, want map[string]string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	probs := Package(data)
	got := map[string]bool{}
	for _, p := range probs {
		if phrase, ok := want[p.Rule]; ok && strings.Contains(p.Detail, phrase) {
			got[p.Rule] = true
		}
		if _, ok := want[p.Rule]; !ok {
			t.Errorf("unexpected: %s", p.Error())
		}
	}
	for rule, phrase := range want {
		if !got[rule] {
			t.Errorf("want a %s problem mentioning %s; got:\n%s", rule, phrase, lines(probs))
		}
	}
}

// TestCorpus runs the validator over the real-world corpus: it must never
// panic, and Word's own files must come out clean where Word does by design
// what a naive check would flag.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	dir := testkit.Shared(t, "corpus/docx")
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		Package(data)
	}
	clean := []struct{ file, why string }{
		{"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Complex01.docx", `SmartArt writes r:blip=""`},
		{"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Strict01.docx", "Strict namespaces; pictures repeated in mc:Fallback"},
		{"Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Document.docx", "paraIds repeated in mc:Fallback"},
		{"Open-Xml-PowerTools__TestFiles_WC_WC066-Textbox-Before-Ins-Mod.docx", "a text box's bookmark repeated in mc:Fallback"},
	}
	for _, c := range clean {
		data, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		if probs := Package(data); len(probs) > 0 {
			t.Errorf("%s (%s) should be clean:\n%s", c.file, c.why, lines(probs))
		}
	}
}

// BenchmarkPackage validates the largest bench contribution (a 4.8 MB
// document part); a consolidated x400 TD is about three times as much.
func BenchmarkPackage(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "bench", "x400", "ASP-contribution.docx"))
	if err != nil {
		b.Skip("../shared/bench/x400 is missing")
	}
	for b.Loop() {
		Package(data)
	}
}
