package check

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// minCommentAgreement is the share of readable corpus files whose open and
// resolved comment counts must agree with MANIFEST.tsv.
const minCommentAgreement = 0.95

// TestCorpus runs every check on the real-world corpus: nothing may panic,
// and the open/resolved comment counts must agree with the manifest's
// comments and comments_done columns for nearly every file read.
func TestCorpus(t *testing.T) {
	corpus := testkit.Shared(t, "corpus")
	dir := filepath.Join(corpus, "docx")
	manifest := readManifest(t, filepath.Join(corpus, "MANIFEST.tsv"))
	var read, agree, unreadable int
	for name, want := range manifest {
		path := filepath.Join(dir, name)
		d, err := ingest.Read(path)
		if err != nil {
			unreadable++
			t.Logf("not read: %v", err)
			continue
		}
		read++
		in := &inbox.Inbox{Files: []inbox.FileEntry{{Path: path, Region: "AFR", Status: inbox.Used, Doc: d}}}
		r := Run(in, Options{All: true})
		open, resolved := 0, 0
		for _, f := range r.Findings {
			switch f.Kind {
			case UnresolvedComment:
				open += len(f.Thread)
			case ResolvedComment:
				resolved += len(f.Thread)
			}
		}
		if open == want.comments-want.done && resolved == want.done {
			agree++
		} else {
			t.Logf("%s: %d open, %d resolved; manifest %d comments, %d done", name, open, resolved, want.comments, want.done)
		}
		d.Package.Close()
	}
	if read == 0 {
		t.Fatal("no corpus file could be read")
	}
	share := float64(agree) / float64(read)
	t.Logf("%d files: %d read, %d not; comment counts agree for %d of %d read (%.1f%%)", len(manifest), read, unreadable, agree, read, 100*share)
	if share < minCommentAgreement {
		t.Errorf("comment counts agree for %.1f%% of the files read; want at least %.0f%%", 100*share, 100*minCommentAgreement)
	}
}

// manifestRow is what MANIFEST.tsv says of a file's comments.
type manifestRow struct{ comments, done int }

func readManifest(t *testing.T, path string) map[string]manifestRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	col := map[string]int{}
	out := map[string]manifestRow{}
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "\t")
		if len(col) == 0 {
			for i, c := range cells {
				col[c] = i
			}
			continue
		}
		num := func(name string) int {
			n, err := strconv.Atoi(cells[col[name]])
			if err != nil {
				t.Fatalf("%s: %s %q is not a number", path, name, cells[col[name]])
			}
			return n
		}
		out[cells[col["file"]]] = manifestRow{num("comments"), num("comments_done")}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
