package merge

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// TestMergeAddsNoSchemaError validates merged TDs against the schemas and
// Word's reference rules (xsdcheck.py): every kind of error the TD has,
// the template or one of its inputs had before. Inboxes: the samples, as
// a draft and published, and corpus files dressed as regions (right to
// left, several sections, drawings on theme colours, custom styles).
func TestMergeAddsNoSchemaError(t *testing.T) {
	dir := t.TempDir()
	dressedInbox := samplesExcept(t,
		testkit.ReadDoc(t, dressed(t, dir, "Open-Xml-PowerTools__TestFiles_RP_RP051-Arabic.docx", "AFR")),
		testkit.ReadDoc(t, dressed(t, dir, "poi__test-data_integration_stress011.docx", "ARB")),
		testkit.ReadDoc(t, dressed(t, dir, multiSection[3], "AMS")),
		testkit.ReadDoc(t, dressed(t, dir, multiSection[0], "ASP")),
		testkit.ReadDoc(t, dressed(t, dir, "safe-docx__tests_test_documents_nvca-regression_source.docx", "EUR")))
	tpl := filepath.Join(dir, "template.docx")
	if err := os.WriteFile(tpl, templates.Default(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		docs []*ingest.Document
		opts Options
		// broken, when set, spoils the TD: the test must then find an
		// error, which shows the check can fail.
		broken func(string) string
	}{
		{"samples, draft", samplesExcept(t), Options{}, nil},
		{"samples, published", samplesExcept(t), Options{Comments: CommentsDrop, Revisions: RevisionsAccept}, nil},
		{"dressed corpus files", dressedInbox, Options{}, nil},
		{"a spoilt TD (the control)", samplesExcept(t), Options{}, func(doc string) string {
			return strings.Replace(doc, "<w:pPr>", "<w:pPr><w:spoilt/>", 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := merge(t, tc.docs, tc.opts)
			if tc.broken != nil {
				out = rewriteBytes(t, out, "word/document.xml", tc.broken)
			}
			td := filepath.Join(t.TempDir(), "TD.docx")
			if err := os.WriteFile(td, out, 0o644); err != nil {
				t.Fatal(err)
			}
			files := []string{td, tpl}
			for _, d := range tc.docs {
				files = append(files, d.Path)
			}
			errs := testkit.SchemaErrors(t, files...)
			var added []string
			for p := range errs[td] {
				inherited := false
				for _, f := range files[1:] {
					inherited = inherited || errs[f][p]
				}
				if !inherited {
					added = append(added, p)
				}
			}
			sort.Strings(added)
			if tc.broken != nil {
				if len(added) == 0 {
					t.Error("the spoilt TD passes")
				}
				return
			}
			for _, p := range added {
				t.Errorf("the TD has an error no input has: %s", p)
			}
		})
	}
}
