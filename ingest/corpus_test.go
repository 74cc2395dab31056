package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tsagmerge/ingest/opc"
)

// sharedDir returns ../shared/<sub> seen from the repository root, skipping
// the test when it is absent (failing under CI, where it must be there).
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: %v", dir, err)
		}
		t.Skipf("%s is missing", dir)
	}
	return dir
}

// manifestRow is one line of corpus/MANIFEST.tsv by column name.
type manifestRow map[string]string

func readManifest(t *testing.T, path string) []manifestRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var header []string
	var rows []manifestRow
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = cols
			continue
		}
		row := manifestRow{}
		for i, h := range header {
			if i < len(cols) {
				row[h] = cols[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// corpusCounts are the MANIFEST.tsv columns the reader can be held to.
// The manifest counts elements in word/document.xml, so the reader's
// counts are restricted to the main part; tables count nested ones too.
var corpusCounts = []string{"comments", "comments_done", "comment_replies", "ins", "del", "footnotes", "endnotes", "tables", "hyperlinks"}

// TestCorpus reads every file of the corpus: each must be read, or refused
// with an *opc.Error when the manifest calls it encrypted or broken, and
// none may panic. The reader's counts are compared with the manifest's;
// the known reasons they differ (the manifest counts raw elements: both
// branches of mc:AlternateContent, w:ins inside a w:rPrChange's old
// properties, not w:cellIns) are few, so agreement must stay high.
func TestCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus")
	rows := readManifest(t, filepath.Join(dir, "MANIFEST.tsv"))
	agree, total := map[string]int{}, map[string]int{}
	for _, row := range rows {
		path := filepath.Join(dir, "docx", row["file"])
		doc, err := Read(path)
		refusable := row["kind"] == "encrypted" || row["kind"] == "broken"
		if err != nil {
			var oe *opc.Error
			if !errors.As(err, &oe) {
				t.Errorf("%s: error is not an *opc.Error: %v", row["file"], err)
			}
			if !refusable {
				t.Errorf("%s (%s) refused: %v", row["file"], row["kind"], err)
			}
			if strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), path+": ") {
				t.Errorf("%s: message is not one line naming the file: %q", row["file"], err)
			}
			continue
		}
		if refusable {
			t.Errorf("%s (%s: %s) was read, want refused", row["file"], row["kind"], row["note"])
		}
		checkKind(t, row, doc)
		got := corpusCountsOf(t, doc)
		var diffs []string
		for _, col := range corpusCounts {
			total[col]++
			if strconv.Itoa(got[col]) == row[col] {
				agree[col]++
			} else {
				diffs = append(diffs, fmt.Sprintf("%s %d/%s", col, got[col], row[col]))
			}
		}
		if len(diffs) > 0 {
			t.Logf("disagrees with MANIFEST (reader/manifest): %s: %s", row["file"], strings.Join(diffs, ", "))
		}
		doc.Package.Close()
	}
	sumAgree, sumTotal := 0, 0
	for _, col := range corpusCounts {
		rate := float64(agree[col]) / float64(max(1, total[col]))
		t.Logf("agreement %-16s %3d/%3d = %.1f%%", col, agree[col], total[col], 100*rate)
		if rate < 0.97 {
			t.Errorf("agreement on %s is %.1f%%, want at least 97%%", col, 100*rate)
		}
		sumAgree += agree[col]
		sumTotal += total[col]
	}
	t.Logf("agreement overall %d/%d = %.2f%%", sumAgree, sumTotal, 100*float64(sumAgree)/float64(max(1, sumTotal)))
}

// checkKind checks what the manifest's kind column promises.
func checkKind(t *testing.T, row manifestRow, doc *Document) {
	switch row["kind"] {
	case "strict":
		if !doc.Strict {
			t.Errorf("%s: a Strict Open XML file not marked Strict", row["file"])
		}
	case "macro":
		if !doc.Macros {
			t.Errorf("%s: a macro-enabled file not marked Macros", row["file"])
		}
	}
}

// corpusCountsOf counts what MANIFEST.tsv counts, in the main part.
func corpusCountsOf(t *testing.T, doc *Document) map[string]int {
	main, _ := doc.Package.MainDocument()
	got := map[string]int{"comments": len(doc.Comments), "footnotes": len(doc.Footnotes), "endnotes": len(doc.Endnotes)}
	for _, r := range doc.Revisions {
		if r.Part != main {
			continue
		}
		switch r.Kind {
		case Insertion:
			got["ins"]++
		case Deletion:
			got["del"]++
		}
	}
	for _, tb := range doc.Tables {
		got["tables"] += 1 + tb.Nested
	}
	for _, h := range doc.Hyperlinks {
		if h.Part == main {
			got["hyperlinks"]++
		}
	}
	done := commentsDone(t, doc)
	for _, c := range doc.Comments {
		if c.Parent != "" {
			got["comment_replies"]++
		}
		if done[c.ParaID] {
			got["comments_done"]++
		}
	}
	return got
}

// commentsDone reads commentsExtended's own done flags (the manifest
// counts those; Resolved also covers the replies of a resolved comment).
func commentsDone(t *testing.T, doc *Document) map[string]bool {
	main, _ := doc.Package.MainDocument()
	part := doc.Package.RelatedPart(main, opc.RelCommentsExt)
	if part == "" {
		return nil
	}
	data, err := doc.Package.Read(part)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := parseCommentsEx(doc.Path, part, data)
	if err != nil {
		return nil
	}
	done := map[string]bool{}
	for id, e := range ex {
		done[id] = e.done
	}
	return done
}
