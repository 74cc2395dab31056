package main_test

// End-to-end tests: the tsagmerge binary, built once, run as a user runs
// it, its output read back by the validator and opened by two independent
// readers (LibreOffice and pandoc).

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tsagmerge/consolidate/merge"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// binary is the tsagmerge built by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tsagmerge-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "tsagmerge")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building tsagmerge:", err)
		os.RemoveAll(dir)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const samples = "../../testdata/samples"

// result is what one run of the binary did.
type result struct {
	stdout, stderr string
	code           int
}

// tsagmerge runs the binary with the arguments, with its own empty TMPDIR
// (checked empty afterwards: no temporary file may be left behind).
func tsagmerge(t *testing.T, args ...string) result {
	t.Helper()
	tmp := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("tsagmerge %s: %v", strings.Join(args, " "), err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("tsagmerge %s left %d temporary files behind, e.g. %s", strings.Join(args, " "), len(left), left[0].Name())
	}
	return r
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, clip(r.stdout), clip(r.stderr))
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// snapshot returns the names and hashes of a folder's files.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][32]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(data)
	}
	return out
}

// unchanged fails the test if the folder's files changed, or files were
// added to it, since before was taken.
func unchanged(t *testing.T, dir string, before map[string][32]byte) {
	t.Helper()
	after := snapshot(t, dir)
	for name, sum := range after {
		if old, ok := before[name]; !ok {
			t.Errorf("%s appeared in the input folder %s", name, dir)
		} else if old != sum {
			t.Errorf("input %s was modified", filepath.Join(dir, name))
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("input %s was removed", filepath.Join(dir, name))
		}
	}
}

// copyDocx copies the named samples (all when none are named) into a new
// folder.
func copyDocx(t *testing.T, from string, names ...string) string {
	t.Helper()
	if len(names) == 0 {
		matches, _ := filepath.Glob(filepath.Join(from, "*.docx"))
		for _, m := range matches {
			names = append(names, filepath.Base(m))
		}
	}
	dir := t.TempDir()
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(from, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// claims reads the merge's report printed by consolidate --json and
// returns what it says was left out, for the read-back.
func claims(t *testing.T, stdout string) map[string]validate.RegionClaims {
	t.Helper()
	var rep struct {
		Regions []merge.RegionReport `json:"regions"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("consolidate --json printed no report: %v\n%s", err, stdout)
	}
	return (&merge.Report{Regions: rep.Regions}).Claims()
}

// checkOutput holds a written TD to the validator's two checks; the
// expectations take what the run's --json report says it left out.
func checkOutput(t *testing.T, out string, inputs []*ingest.Document, expect validate.Expectations, r result) {
	t.Helper()
	expect.Regions = claims(t, r.stdout)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("no output: %v", err)
	}
	for _, p := range validate.Package(data) {
		t.Errorf("Word invariant broken: %s", p.Error())
	}
	doc, err := validate.ReadBack(out, data)
	if err != nil {
		t.Fatalf("the output cannot be read back: %v", err)
	}
	for _, p := range validate.Content(doc, inputs, expect) {
		t.Errorf("content: %s", p.Error())
	}
}

// render converts a .docx to PDF with LibreOffice, in a private profile,
// and returns the PDF's page count.
func render(t *testing.T, docx string) int {
	t.Helper()
	pdf := testkit.ConvertPDF(t, docx, t.TempDir())
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("soffice wrote no PDF for %s: %v", docx, err)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, err := exec.Command("pdfinfo", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", pdf, err)
		}
		if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
		t.Fatalf("pdfinfo gave no page count:\n%s", info)
	}
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1))
}

// plainText has pandoc read a .docx and returns its plain text.
func plainText(t *testing.T, docx string) string {
	t.Helper()
	testkit.RequireTool(t, "pandoc")
	return testkit.Run(t, "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", docx)
}

var dashes = strings.NewReplacer("–", "-", "—", "-")

// hasHeading reports whether text holds a region's heading, in the report's
// spelling or the source's own (dashes do not count).
func hasHeading(text string, in *ingest.Document) bool {
	text = dashes.Replace(text)
	if info, _, ok := ingest.RegionByCode(in.Region.Code); ok && strings.Contains(text, dashes.Replace(info.Heading)) {
		return true
	}
	for _, s := range in.Sections {
		if s.Level == 1 && strings.Contains(text, dashes.Replace(s.Title)) {
			return true
		}
	}
	return false
}

// readable renders the TD and has pandoc read it: both must succeed, the
// PDF must have pages and pandoc's text every region's heading.
func readable(t *testing.T, docx string, inputs []*ingest.Document) {
	t.Helper()
	pages := render(t, docx)
	if pages < 1 {
		t.Errorf("the PDF of %s has no pages", docx)
	}
	t.Logf("%s: %d pages in LibreOffice", filepath.Base(docx), pages)
	text := plainText(t, docx)
	for _, in := range inputs {
		if !hasHeading(text, in) {
			t.Errorf("pandoc's reading of %s lacks the heading of %s", docx, in.Region.Code)
		}
	}
}

func TestConsolidateDraft(t *testing.T) {
	before := snapshot(t, samples)
	out := filepath.Join(t.TempDir(), "out.docx")
	r := tsagmerge(t, "consolidate", samples, "-o", out, "--draft", "--json")
	if r.code != 0 {
		t.Fatalf("consolidate --draft: %s", r)
	}
	unchanged(t, samples, before)
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("the output folder holds %d entries, want only out.docx", len(entries))
	}
	inputs := testkit.ReadDir(t, samples)
	checkOutput(t, out, inputs, validate.Expectations{}, r)
	readable(t, out, inputs)
}

func TestConsolidatePublicationRefused(t *testing.T) {
	before := snapshot(t, samples)
	outDir := t.TempDir()
	r := tsagmerge(t, "consolidate", samples, "-o", filepath.Join(outDir, "out.docx"))
	if r.code != 1 {
		t.Errorf("consolidate of samples with open comments, for publication: want exit 1, got %s", r)
	}
	if entries, _ := os.ReadDir(outDir); len(entries) > 0 {
		t.Errorf("a refused publication wrote %s", entries[0].Name())
	}
	unchanged(t, samples, before)
}

// TestConsolidateForce publishes despite check's findings; the cover must
// still be whole (--force does not override it).
func TestConsolidateForce(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.docx")
	r := tsagmerge(t, "consolidate", samples, "-o", out, "--force", "--json", "--meta", "../../templates/testdata/meta.yaml")
	if r.code != 0 {
		t.Fatalf("consolidate --force: %s", r)
	}
	// Published: comments left out, tracked changes accepted.
	inputs := testkit.ReadDir(t, samples)
	checkOutput(t, out, inputs, validate.Expectations{DropComments: true, Revisions: validate.AcceptRevisions}, r)
	readable(t, out, inputs)
}

// TestConsolidateModes writes drafts with each handling of review marks
// and holds each to what it promises.
func TestConsolidateModes(t *testing.T) {
	tests := []struct {
		comments, revisions string
		expect              validate.Expectations
	}{
		{"keep", "keep", validate.Expectations{}},
		{"drop", "accept", validate.Expectations{DropComments: true, Revisions: validate.AcceptRevisions}},
		{"keep", "reject", validate.Expectations{Revisions: validate.RejectRevisions}},
		{"drop", "reject", validate.Expectations{DropComments: true, Revisions: validate.RejectRevisions}},
	}
	inputs := testkit.ReadDir(t, samples)
	for _, tt := range tests {
		t.Run(tt.comments+" comments, "+tt.revisions, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.docx")
			r := tsagmerge(t, "consolidate", samples, "-o", out, "--draft", "--comments", tt.comments, "--revisions", tt.revisions, "--json")
			if r.code != 0 {
				t.Fatalf("consolidate: %s", r)
			}
			checkOutput(t, out, inputs, tt.expect, r)
		})
	}
}

func TestConsolidateMissingRegion(t *testing.T) {
	in := copyDocx(t, samples, "AFR-contribution.docx", "AMS-contribution.docx", "ARB-contribution.docx",
		"ASP-contribution.docx", "EUR-contribution.docx") // no CIS
	out := filepath.Join(t.TempDir(), "out.docx")
	r := tsagmerge(t, "consolidate", in, "-o", out, "--draft", "--json")
	if r.code != 0 {
		t.Fatalf("consolidate --draft without CIS: %s", r)
	}
	if !strings.Contains(r.stdout+r.stderr, "CIS") {
		t.Errorf("nothing says that CIS is missing: %s", r)
	}
	inputs := testkit.ReadDir(t, in)
	checkOutput(t, out, inputs, validate.Expectations{}, r)
	readable(t, out, inputs)
	cis, err := ingest.Read(filepath.Join(samples, "CIS-contribution.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer cis.Package.Close()
	if hasHeading(plainText(t, out), cis) {
		t.Error("the TD has a CIS section though CIS sent nothing")
	}
}

func TestConsolidateBench(t *testing.T) {
	if testing.Short() {
		t.Skip("the 100-page bench is skipped in -short mode")
	}
	dir := testkit.Shared(t, "bench/x40")
	out := filepath.Join(t.TempDir(), "x40.docx")
	start := time.Now()
	r := tsagmerge(t, "consolidate", dir, "-o", out, "--draft", "--json")
	if r.code != 0 {
		t.Fatalf("consolidate --draft of the x40 bench: %s", r)
	}
	t.Logf("x40 consolidated in %v", time.Since(start).Round(time.Millisecond))
	inputs := testkit.ReadDir(t, dir)
	checkOutput(t, out, inputs, validate.Expectations{}, r)
	readable(t, out, inputs)
}

func TestOutputOverInputRefused(t *testing.T) {
	in := copyDocx(t, samples)
	before := snapshot(t, in)
	r := tsagmerge(t, "consolidate", in, "-o", filepath.Join(in, "AFR-contribution.docx"), "--draft")
	if r.code != 2 {
		t.Errorf("an output path equal to an input: want exit 2, got %s", r)
	}
	unchanged(t, in, before)
}

func TestCheckSamples(t *testing.T) {
	before := snapshot(t, samples)
	r := tsagmerge(t, "check", samples)
	if r.code != 1 {
		t.Errorf("check of the samples (open comments, pending changes): want exit 1, got %s", r)
	}
	unchanged(t, samples, before)
}

func TestInspectJSON(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(samples, "*.docx"))
	r := tsagmerge(t, append([]string{"inspect", "--json"}, files...)...)
	if r.code != 0 {
		t.Fatalf("inspect --json: %s", r)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil {
		t.Fatalf("inspect --json printed no JSON array: %v\n%s", err, clip(r.stdout))
	}
	if len(docs) != len(files) {
		t.Errorf("inspect --json gave %d objects for %d files", len(docs), len(files))
	}
}

func TestIndex(t *testing.T) {
	out := filepath.Join(t.TempDir(), "index.xlsx")
	r := tsagmerge(t, "index", samples, "-o", out)
	if r.code != 0 {
		t.Fatalf("index: %s", r)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatalf("the index is not an .xlsx: %v", err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "xl/workbook.xml"
	}
	if !found {
		t.Error("the index has no xl/workbook.xml")
	}
}

// badInputs makes files that are not .docx contributions, each named as
// if it were one.
func badInputs(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	sample, err := os.ReadFile(filepath.Join(samples, "AFR-contribution.docx"))
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	files := map[string][]byte{
		"legacy.doc":         ole,
		"AFR-legacy.docx":    ole,
		"AMS-random.docx":    random,
		"ARB-truncated.docx": sample[:len(sample)/2],
	}
	paths := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

func TestBadInput(t *testing.T) {
	commands := [][]string{{"inspect"}, {"consolidate", "--draft", "-o", "OUT"}}
	for name, path := range badInputs(t) {
		for _, c := range commands {
			t.Run(c[0]+" "+name, func(t *testing.T) {
				out := filepath.Join(t.TempDir(), "out.docx")
				args := append([]string{}, c...)
				for i, a := range args {
					if a == "OUT" {
						args[i] = out
					}
				}
				r := tsagmerge(t, append(args, path)...)
				if r.code != 2 {
					t.Errorf("want exit 2, got %s", r)
				}
				msg := strings.TrimSuffix(r.stderr, "\n")
				if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, name) {
					t.Errorf("want one line on stderr naming %s, got %q", name, r.stderr)
				}
				if _, err := os.Stat(out); err == nil {
					t.Error("an output was written from a bad input")
				}
			})
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	for name, path := range badInputs(t) {
		r := tsagmerge(t, "check", path)
		if r.code != 2 || !strings.Contains(r.stdout+r.stderr, name) {
			t.Errorf("check %s: want exit 2 and the file named, got %s", name, r)
		}
	}
}
