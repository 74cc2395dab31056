package check

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// summary lists findings as "REGION kind author: text" lines, sorted, for
// comparing a report with what is expected of it.
func summary(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		line := f.Region + " " + string(f.Kind) + "/" + string(f.Severity)
		if f.Author != "" {
			line += " " + f.Author
		}
		if f.Kind == DuplicateInList || f.Kind == Residue {
			line += ": " + f.Text
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

func scan(t *testing.T, args ...string) *inbox.Inbox {
	t.Helper()
	in, err := inbox.Scan(args)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close() })
	return in
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestSamples checks the sample inbox against EXPECTED.md: the two open
// threads (AFR; ASP with its reply), AMS's pending revisions (one finding
// for its one author), the repeated countries in AFR, and nothing else.
func TestSamples(t *testing.T) {
	in := scan(t, testkit.Samples(t))
	r := Run(in, Options{})
	sameLines(t, "sample findings", summary(r.Findings), []string{
		"AFR duplicate-in-list/warning: Ethiopia and Eswatini named twice in one list",
		"AFR unresolved-comment/error Okafor, Nneka",
		"AMS pending-revision/error Silva, Marcos",
		"ASP unresolved-comment/error Chan, Calvin",
	})
	for _, f := range r.Findings {
		switch {
		case f.Region == "ASP":
			if len(f.Thread) != 2 || f.Thread[1].Author != "Sharma, Akanksha" || f.Thread[0].Date.IsZero() {
				t.Errorf("ASP thread = %+v; want Chan's comment and Sharma's reply, dated", f.Thread)
			}
		case f.Region == "AFR" && f.Kind == UnresolvedComment:
			if len(f.Thread) != 1 || !strings.Contains(f.Context, "70 participants") {
				t.Errorf("AFR comment = %+v", f)
			}
		case f.Region == "AMS":
			if !strings.HasPrefix(f.Text, "1 insertion, 1 deletion not yet accepted") {
				t.Errorf("AMS revisions = %q", f.Text)
			}
		}
	}
	if len(r.Missing) != 0 || r.Errors() != 3 {
		t.Errorf("missing %v, %d errors; want none missing and 3 errors", r.Missing, r.Errors())
	}

	r = Run(in, Options{All: true})
	var resolved []string
	for _, f := range r.Findings {
		if f.Kind == ResolvedComment {
			resolved = append(resolved, f.Region+" "+f.Author)
		}
	}
	sameLines(t, "resolved comments with All", resolved, []string{"AMS Silva, Marcos", "ARB Haddad, Rania"})
}

// TestMixedInbox checks a folder as it arrives in real life: two versions
// of AFR, an owner file, a .doc, a PDF, a contribution with review residue
// pasted into it, and no file at all for AMS.
func TestMixedInbox(t *testing.T) {
	samples, dir := testkit.Samples(t), t.TempDir()
	afr := filepath.Join(samples, "AFR-contribution.docx")
	testkit.Copy(t, afr, filepath.Join(dir, "AFR-contribution-v1.docx"))
	testkit.Rewrite(t, afr, filepath.Join(dir, "AFR-contribution-v2.docx"), "word/document.xml", func(b []byte) []byte {
		return bytes.Replace(b, []byte("Benin on Quality of service"), []byte("Benin on Quality of Service"), 1)
	})
	testkit.Copy(t, filepath.Join(samples, "ASP-contribution.docx"), filepath.Join(dir, "ASP-contribution.docx"))
	testkit.Write(t, filepath.Join(dir, "ARB-contribution.docx"), testkit.File{Body: testkit.Region(
		"Arab States – Regional Office for the Arab States",
		"The Office promoted TSB activities.\tComment by Chan, Calvin: is there anything to add?",
		"[bookmark: _Toc123]Smart Sustainable Cities and Communities were discussed.",
	)})
	for name, data := range map[string][]byte{
		"~$B-contribution.docx": []byte("owner file"),
		"CIS-contribution.doc":  {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0},
		"EUR-contribution.pdf":  []byte("%PDF-1.7\n"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	in := scan(t, dir)
	r := Run(in, Options{})
	sameLines(t, "mixed inbox findings", summary(r.Findings), []string{
		"AFR duplicate-in-list/warning: Ethiopia and Eswatini named twice in one list",
		"AFR superseded/info",
		"AFR unresolved-comment/error Okafor, Nneka",
		"AMS missing-region/warning",
		"ARB residue/error: a Word bookmark pasted as text: “[bookmark: _Toc123]”",
		"ARB residue/error: a reviewer's comment pasted into the text: “Comment by Chan, Calvin:”",
		"ASP unresolved-comment/error Chan, Calvin",
		"CIS missing-region/warning",
		"CIS refused-file/warning",
		"EUR missing-region/warning",
		"EUR refused-file/warning",
	})
	for _, f := range r.Findings {
		if f.Kind == SupersededFile && (filepath.Base(f.File) != "AFR-contribution-v1.docx" ||
			!strings.Contains(f.Text, "v2, not v1") || !strings.Contains(f.Text, "changes in the used file: 1 paragraph changed")) {
			t.Errorf("superseded finding = %s %q", f.File, f.Text)
		}
	}
	ignored := in.Entry(filepath.Join(dir, "~$B-contribution.docx"))
	if ignored == nil || ignored.Status != inbox.Ignored {
		t.Errorf("owner file entry = %+v; want ignored", ignored)
	}
}
