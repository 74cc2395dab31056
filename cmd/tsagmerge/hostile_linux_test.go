package main_test

// The hostile set: files built here, each an attack on a reader of .docx
// or a trap for the file system walk, given to every command of the
// built binary in a child process bounded in time and memory.
//
// The bound: the child runs under RLIMIT_AS (set by this test binary in
// itself, re-executed, just before it becomes tsagmerge: see init), so
// the kernel stops a runaway before it takes the shared machine; and the
// kernel's own account of the child's peak resident memory (wait4's
// ru_maxrss, what /usr/bin/time -v prints) is held to the 1 GiB the
// limits promise. RLIMIT_AS alone cannot say "1 GiB": Go's runtime
// reserves some 0.7 GB of address space it never touches and each cgo
// thread 8 MB, so the address-space cap sits at 4 GiB, and the resident
// peak, which is what memory costs, carries the assertion. Measuring in
// this process (runtime/metrics) would bound nothing, and a hang there
// would hang the test; a child is killed at its deadline.

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest/testkit"
)

const (
	// rlimitEnv, when set in this test binary's environment, makes it a
	// launcher: its arguments are the program and its arguments, run under
	// an address-space limit of rlimitEnv's value in bytes.
	rlimitEnv = "TSAGMERGE_TEST_RLIMIT_AS"
	// addressLimit is the child's RLIMIT_AS; peakLimit its resident peak.
	addressLimit = 4 << 30
	peakLimit    = 1 << 30
	// runLimit is how long one command may take on one hostile file.
	runLimit = 20 * time.Second
)

// init turns this test binary into the launcher rlimitEnv describes,
// before TestMain builds anything. The limit is inherited across exec.
func init() {
	v := os.Getenv(rlimitEnv)
	if v == "" {
		return
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err == nil {
		err = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: n})
	}
	if err == nil {
		env := slices.DeleteFunc(os.Environ(), func(kv string) bool { return kv == rlimitEnv+"="+v })
		err = syscall.Exec(os.Args[1], os.Args[1:], env)
	}
	fmt.Fprintln(os.Stderr, "launcher:", err)
	os.Exit(127)
}

// boundedRun is what one bounded run of the binary did.
type boundedRun struct {
	result
	peak int64 // resident peak, bytes
	took time.Duration
}

// runBounded runs the binary with args in the empty folder cwd, with its
// own empty TMPDIR, under the limits above; cwd and TMPDIR must still be
// empty afterwards.
func runBounded(t *testing.T, args ...string) boundedRun {
	t.Helper()
	cwd, tmp := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), runLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{binary}, args...)...)
	cmd.Dir = cwd
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, rlimitEnv+"="+strconv.Itoa(addressLimit))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := boundedRun{result: result{stdout: stdout.String(), stderr: stderr.String()}, took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("tsagmerge %s: still running after %s", strings.Join(args, " "), runLimit)
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("tsagmerge %s: %v", strings.Join(args, " "), err)
	}
	// The peak spans the exec: it counts the launcher's own few MiB too,
	// which only errs on the safe side.
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.peak = ru.Maxrss << 10 // Linux counts kilobytes
	}
	if r.code == 127 || strings.Contains(r.stderr, "launcher:") {
		t.Fatalf("the launcher failed: %s", r.stderr)
	}
	for _, dir := range []string{cwd, tmp} {
		if left, _ := os.ReadDir(dir); len(left) > 0 {
			t.Errorf("tsagmerge %s wrote %s outside its output", strings.Join(args, " "), filepath.Join(dir, left[0].Name()))
		}
	}
	return r
}

// fileState is what a folder entry is, without opening what is not a
// regular file (a FIFO would block the reading).
func fileState(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil {
		return "", err
	}
	switch {
	case info.Mode().IsRegular():
		data, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("file %x", sha256.Sum256(data)), nil
	case info.Mode()&os.ModeSymlink != 0:
		to, err := os.Readlink(path)
		return "link " + to, err
	}
	return info.Mode().Type().String(), nil
}

// folderState maps a folder's entries to their state.
func folderState(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		s, err := fileState(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = s
	}
	return out
}

// hostileCase is one input of the hostile set.
type hostileCase struct {
	// name names the case.
	name string
	// make writes the input into the empty folder dir and returns what
	// the commands are given: the file (named as AFR's contribution, so
	// that a legal one is merged), or dir itself.
	make func(t *testing.T, dir string) string
	// refused, when set, is what the one line must say besides the file's
	// name.
	refused string
	// legal, for an input the commands must read (a folder with a trap
	// beside a good file, a picture that is not one), is what each of
	// hostileCommands must do, in their order.
	legal []outcome
}

// outcome is what a command must do with a legal input: exit with code,
// and say each of says (the trap, the broken picture) on either output.
type outcome struct {
	code int
	says []string
}

// trapNamed is the outcome of the commands on a folder holding a clean
// CIS contribution and a trap: each reads CIS and says what the trap is,
// and diff finds that the folder differs from the six samples.
func trapNamed(says ...string) []outcome {
	return []outcome{{0, says}, {0, says}, {0, says}, {0, says}, {1, says}}
}

// afrParts returns the parts of the AFR sample, to change some.
func afrParts(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samples, "AFR-contribution.docx"))
	if err != nil {
		t.Fatal(err)
	}
	return testkit.Parts(data)
}

// withPart writes the AFR sample with one part's content changed by edit
// (or added), as dir/AFR-contribution.docx.
func withPart(part string, edit func(string) string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		parts := afrParts(t)
		old, ok := parts[part]
		if parts[part] = edit(old); ok && parts[part] == old {
			t.Fatalf("the edit of %s changed nothing", part)
		}
		return writeInput(t, dir, testkit.Zip(parts))
	}
}

// writeInput writes data as dir/AFR-contribution.docx and returns its path.
func writeInput(t *testing.T, dir string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, "AFR-contribution.docx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// textOpen opens the sample's texts.
const textOpen = `<w:t xml:space="preserve">`

// withDoctype puts a document type declaration before document.xml's root.
func withDoctype(doctype, entity string) func(*testing.T, string) string {
	return withPart("word/document.xml", func(s string) string {
		i := strings.Index(s, "<w:document")
		s = s[:i] + doctype + s[i:]
		return strings.Replace(s, textOpen, textOpen+entity, 1)
	})
}

// bombByTotal adds entries that declare 500 MiB each from 3 MiB (so no
// single part is over the size or ratio caps), 2.5 GiB in all.
func bombByTotal(t *testing.T, dir string) string {
	sample := testkit.Zip(afrParts(t))
	zr, err := zip.NewReader(bytes.NewReader(sample), int64(len(sample)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	filler := bytes.Repeat([]byte{0x55}, 3<<20)
	for i := range 5 {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("word/media/big%d.bin", i), Method: zip.Deflate,
			CompressedSize64: uint64(len(filler)), UncompressedSize64: 500 << 20})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(filler)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return writeInput(t, dir, buf.Bytes())
}

// cut writes the AFR sample cut to the length keep gives for its own.
func cut(keep func(int) int) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		data, err := os.ReadFile(filepath.Join(samples, "AFR-contribution.docx"))
		if err != nil {
			t.Fatal(err)
		}
		return writeInput(t, dir, data[:keep(len(data))])
	}
}

// renamedLocalHeader writes the AFR sample with its first entry's name
// changed in the local header only: the central directory says otherwise.
func renamedLocalHeader(t *testing.T, dir string) string {
	data := testkit.Zip(afrParts(t))
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t.Fatal("no local header at the start")
	}
	data[30] = 'X' // the first byte of the name, after the 30-byte header
	return writeInput(t, dir, data)
}

// beside puts a clean sample (CIS) in dir and, beside it, the trap that
// trap makes; dir is the input.
func beside(trap func(t *testing.T, dir string)) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		testkit.Copy(t, filepath.Join(samples, "CIS-contribution.docx"), filepath.Join(dir, "CIS-contribution.docx"))
		trap(t, dir)
		return dir
	}
}

func fifo(t *testing.T, dir string) {
	if err := syscall.Mkfifo(filepath.Join(dir, "AFR-contribution.docx"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func linkLoop(t *testing.T, dir string) {
	for _, l := range [][2]string{{"AFR-a.docx", "AFR-b.docx"}, {"AFR-b.docx", "AFR-a.docx"}} {
		if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileSet is every attack, with what each refusal says.
func hostileSet() []hostileCase {
	body := func(edit func(string) string) func(*testing.T, string) string {
		return withPart("word/document.xml", edit)
	}
	return []hostileCase{
		{name: "bomb-ratio", refused: "zip bomb", make: withPart("word/media/zeros.bin", func(string) string {
			return strings.Repeat("\x00", 16<<20) // 16 MiB deflating 1000 times
		})},
		{name: "bomb-total", refused: "zip bomb", make: bombByTotal},
		{name: "xxe", refused: "declares a DTD",
			make: withDoctype(`<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`, "&xxe;")},
		{name: "billion-laughs", refused: "declares a DTD",
			make: withDoctype(`<!DOCTYPE w:document [<!ENTITY l0 "lol">`+laughs(9)+`]>`, "&l9;")},
		{name: "deep-nesting", refused: "256", make: body(func(s string) string {
			deep := strings.Repeat("<w:sdt><w:sdtContent>", 150) + testkit.P("", "deep") + strings.Repeat("</w:sdtContent></w:sdt>", 150)
			return strings.Replace(s, "<w:body>", "<w:body>"+deep, 1)
		})},
		{name: "zip-slip", refused: "..", make: withPart("../../evil.txt", func(string) string { return "out of the package" })},
		{name: "zip-absolute", refused: "absolute", make: withPart("/tmp/evil.txt", func(string) string { return "out of the package" })},
		{name: "truncated-half", refused: "truncated", make: cut(func(n int) int { return n / 2 })},
		{name: "truncated-tail", refused: "truncated", make: cut(func(n int) int { return n - 10 })},
		// A picture part that is no picture is the sender's to mend, not a
		// broken package: read, named by inspect and check, carried.
		// diff compares pictures by their bytes: the sample's, replaced,
		// is another picture under the same caption.
		{name: "fake-image", legal: []outcome{{0, []string{"rId20.png"}}, {1, []string{"rId20.png"}}, {0, nil}, {0, nil}, {1, []string{"another picture"}}}, make: withPart("word/media/rId20.png", func(string) string {
			return "<html><body>not a picture</body></html>"
		})},
		{name: "bad-utf8", refused: "UTF-8", make: body(func(s string) string {
			return strings.Replace(s, textOpen, textOpen+"\xff\xfe\xc3(", 1)
		})},
		{name: "local-header", refused: "local header", make: renamedLocalHeader},
		{name: "huge-paragraph", refused: "more than 1 MiB of text", make: func(t *testing.T, dir string) string {
			return writeInput(t, dir, testkit.Bytes(testkit.File{Body: testkit.Region("Africa", randomWords(1<<20+1))}))
		}},
		// Legal, and Word would open it: 20,000 comments, each a reply to
		// the one before, all in one thread. Walking each comment's chain
		// to its top made the reader and check quadratic: reading took
		// 14 s of CPU for 10,000.
		{name: "reply-chain", legal: []outcome{{0, nil}, {1, []string{"A: reply 20000"}}, {0, nil}, {0, nil}, {1, nil}}, make: replyChain(20000)},
		{name: "fifo", refused: "pipe", make: func(t *testing.T, dir string) string {
			fifo(t, dir)
			return filepath.Join(dir, "AFR-contribution.docx")
		}},
		{name: "fifo-in-folder", legal: trapNamed("AFR-contribution.docx", "is a named pipe"), make: beside(fifo)},
		{name: "link-loop-in-folder", legal: trapNamed("AFR-a.docx", "AFR-b.docx", "symbolic link"), make: beside(linkLoop)},
	}
}

// randomWords returns n bytes of lower-case words, random enough that
// they deflate less than 200 times (repeated words would be refused as a
// zip bomb before the paragraph limit is reached).
func randomWords(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		if b[i] = 'a' + byte(x%26); x%7 == 0 {
			b[i] = ' '
		}
	}
	return string(b)
}

// replyChain writes AFR's contribution with n comments on one paragraph,
// each replying to the one before, the first open.
func replyChain(n int) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		var refs, comments, ext strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&refs, `<w:r><w:commentReference w:id="%d"/></w:r>`, i)
			fmt.Fprintf(&comments, `<w:comment w:id="%d" w:author="A"><w:p w14:paraId="%08X">%s</w:p></w:comment>`, i, i, testkit.R(fmt.Sprint("reply ", i)))
			fmt.Fprintf(&ext, `<w15:commentEx w15:paraId="%08X"`, i)
			if i > 1 {
				fmt.Fprintf(&ext, ` w15:paraIdParent="%08X"`, i-1)
			}
			ext.WriteString(`/>`)
		}
		return writeInput(t, dir, testkit.Bytes(testkit.File{
			Body:     testkit.Region("Africa", "A paragraph under review.") + `<w:p>` + testkit.R("commented") + refs.String() + `</w:p>`,
			Comments: comments.String(), CommentsExtended: ext.String(),
		}))
	}
}

// laughs declares l1..ln, each ten of the one before.
func laughs(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<!ENTITY l%d "%s">`, i, strings.Repeat(fmt.Sprintf("&l%d;", i-1), 10))
	}
	return b.String()
}

// TestHostileInputs gives every command each input of the hostile set.
// A refused input gets exit status 2 and one line naming the file and
// what is wrong; a folder holding a trap beside a good file is read, the
// trap named. Always: within the time and memory bounds, the inputs
// unchanged, nothing written but the output (and for a refused input,
// not that either).
func TestHostileInputs(t *testing.T) {
	start := time.Now()
	var worst boundedRun
	for _, hc := range hostileSet() {
		t.Run(hc.name, func(t *testing.T) {
			in := t.TempDir()
			input := hc.make(t, in)
			before := folderState(t, in)
			for i, c := range hostileCommands(t, input) {
				out := t.TempDir()
				args := append([]string{}, c.args...)
				for i, a := range args {
					if a == "OUT" {
						args[i] = filepath.Join(out, c.output)
					}
				}
				r := runBounded(t, args...)
				if r.peak > worst.peak {
					worst = r
				}
				if r.peak > peakLimit {
					t.Errorf("%s: resident peak %d MiB, over %d MiB", c.args[0], r.peak>>20, peakLimit>>20)
				}
				judge(t, hc, i, c, r, input, filepath.Join(out, c.output))
				if entries, _ := os.ReadDir(out); len(entries) > 1 || len(entries) == 1 && (hc.refused != "" || entries[0].Name() != c.output) {
					t.Errorf("%s: the output folder holds %v", c.args[0], entries)
				}
			}
			after := folderState(t, in)
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("the input folder changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
	t.Logf("hostile set in %s; largest resident peak %d MiB (%s)", time.Since(start).Round(time.Millisecond), worst.peak>>20, worst.took)
}

// hostileCommand is one command to run on an input; OUT in args stands
// for the output folder joined with output.
type hostileCommand struct {
	args   []string
	output string
}

func hostileCommands(t *testing.T, input string) []hostileCommand {
	dir, err := filepath.Abs(samples) // the commands run elsewhere
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "AFR-contribution.docx")
	if info, err := os.Lstat(input); err == nil && info.IsDir() {
		other = dir
	}
	return []hostileCommand{
		{args: []string{"inspect", input}},
		{args: []string{"check", input}},
		{args: []string{"consolidate", "--draft", "-o", "OUT", input}, output: "TD.docx"},
		{args: []string{"index", "-o", "OUT", input}, output: "activities.xlsx"},
		{args: []string{"diff", other, input}},
	}
}

// judge holds the run of the i-th command to what the case expects; out
// is the command's output file, if it writes one.
func judge(t *testing.T, hc hostileCase, i int, c hostileCommand, r boundedRun, input, out string) {
	t.Helper()
	if testing.Verbose() {
		t.Logf("%s: exit %d in %s, peak %d MiB: %s", c.args[0], r.code, r.took.Round(time.Millisecond), r.peak>>20, strings.TrimSpace(r.stderr))
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("%s panicked: %s", c.args[0], r)
	}
	if hc.refused != "" {
		line := strings.TrimSuffix(r.stderr, "\n")
		if r.code != 2 || strings.Contains(line, "\n") || !strings.Contains(line, input) || !strings.Contains(line, hc.refused) {
			t.Errorf("%s: want exit 2 and one line naming %s and saying %q, got %s", c.args[0], input, hc.refused, r)
		}
		return
	}
	want := hc.legal[i]
	if r.code != want.code {
		t.Errorf("%s: want exit %d, got %s", c.args[0], want.code, r)
	}
	for _, s := range want.says {
		if !strings.Contains(r.stdout+r.stderr, s) {
			t.Errorf("%s: %q is not said: %s", c.args[0], s, r)
		}
	}
	if c.output == "" {
		return
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%s: %v", c.args[0], err)
	}
	if strings.HasSuffix(out, ".docx") {
		for _, p := range validate.Package(data) {
			t.Errorf("%s: the TD breaks Word's rules: %s", c.args[0], p.Error())
		}
	}
}
