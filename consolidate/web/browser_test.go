package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// TestPageInChromium drives the page in a real browser, as a secretary
// would: the samples are dropped (picked) on it, the findings read, the
// draft and the index downloaded, the cover filled, and the TD published
// once, and only once, the comments and tracked changes are decided.
// TSM_SHOT names where the screenshot goes (default: the test's folder).
func TestPageInChromium(t *testing.T) {
	testkit.RequireTool(t, "chromium")
	exe, _ := exec.LookPath("chromium")
	ts := startServer(t, Config{})

	// The browser's profile and temporary files stay out of the server's
	// TMPDIR, which must be empty once the server stops.
	outside := filepath.Dir(ts.tmp)
	profile, err := os.MkdirTemp(outside, "chromium-profile-")
	if err != nil {
		t.Fatal(err)
	}
	chromeTmp, err := os.MkdirTemp(outside, "chromium-tmp-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless,
		chromedp.DisableGPU, chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 800), chromedp.Env("TMPDIR="+chromeTmp))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	defer func() {
		cancelTab()
		cancelAlloc()
		for _, d := range []string{profile, chromeTmp} { // the browser's helpers may still be writing
			for i := 0; i < 50 && os.RemoveAll(d) != nil; i++ {
				time.Sleep(100 * time.Millisecond)
			}
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	var (
		mu       sync.Mutex
		problems []string
	)
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	go func() {
		for ev, err := range chromedp.Events(ctx, cdplog.EntryAdded) {
			if err != nil {
				return
			}
			// The refused publications answer 409, on purpose.
			if ev.Entry.Level == cdplog.EntryLevelError && !(ev.Entry.Source == cdplog.EntrySourceNetwork && strings.Contains(ev.Entry.Text, "409")) {
				mu.Lock()
				problems = append(problems, string(ev.Entry.Source)+": "+ev.Entry.Text)
				mu.Unlock()
			}
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ExceptionThrown) {
			if err != nil {
				return
			}
			mu.Lock()
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
			mu.Unlock()
		}
	}()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(step, steps...); err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#status').textContent + ' | ' + document.querySelector('#build-result').textContent`))
			t.Fatalf("%s: %v (the page says: %s)", what, err, state)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("the text of %s: %v", sel, err)
		}
		return s
	}
	js := func(expr string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	href := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(`+jsString(sel)+`).href`))
		if err != nil {
			t.Fatalf("the link %s: %v", sel, err)
		}
		return v
	}
	fill := func(sel, value string) {
		t.Helper()
		do("fill "+sel, chromedp.Click(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), value))
	}

	page := ts.base + "/?token=" + ts.Token()
	do("open the page", chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS(`body[data-ready="true"]`)))
	if js(`document.styleSheets.length === 0 || getComputedStyle(document.querySelector('.top')).display !== 'flex'`) {
		t.Fatal("the page's style sheet is not applied")
	}

	// Drop the samples: every file of the folder, as picked.
	var files []string
	entries, _ := os.ReadDir(testkit.Samples(t))
	for _, e := range entries {
		files = append(files, filepath.Join(testkit.Samples(t), e.Name()))
	}
	start := time.Now()
	do("pick the samples", chromedp.SetUploadFiles(chromedp.ID("files"), files),
		chromedp.WaitVisible(chromedp.CSS("#findings .finding")))
	t.Logf("the samples, from the drop to the findings: %v", time.Since(start).Round(time.Millisecond))

	asp := text("#findings-ASP")
	for _, want := range []string{"Open comment", "Chan, Calvin", "Sharma, Akanksha", "9 January 2026", "Akanksha - is there anything we can add here on updates?",
		"I don’t have any updates on this.", "Anchored at", "a formal response from them is awaited"} {
		if !strings.Contains(asp, want) {
			t.Errorf("the ASP findings lack %q:\n%s", want, asp)
		}
	}
	afr := text("#findings-AFR")
	for _, want := range []string{"Open comment", "Okafor, Nneka", "Please confirm the participant figure", "Item named twice in a list", "Ethiopia and Eswatini named twice"} {
		if !strings.Contains(afr, want) {
			t.Errorf("the AFR findings lack %q:\n%s", want, afr)
		}
	}
	if i, j := strings.Index(afr, "Open comment"), strings.Index(afr, "Item named twice"); i < 0 || j < i {
		t.Errorf("the AFR findings are not the most serious first:\n%s", afr)
	}
	if v := text("#verdict"); !strings.Contains(v, "3 errors, 1 warning in 6 files") {
		t.Errorf("the verdict: %q", v)
	}
	if r := text("#region-AMS"); !strings.Contains(r, "AMS-contribution.docx") || !strings.Contains(strings.ToLower(r), "1 error") {
		t.Errorf("the AMS region: %q", r)
	}
	if o := text("#other-files"); !strings.Contains(o, "EXPECTED.md") || !strings.Contains(o, "not a Word document") {
		t.Errorf("the other files: %q", o)
	}
	if !js(`document.documentElement.scrollWidth <= window.innerWidth`) {
		t.Errorf("the page scrolls sideways at 1280×800")
	}

	// The index and the ASP findings report, as the page offers them.
	if f, err := excelize.OpenReader(bytes.NewReader(fetch(t, href("#dl-index")))); err != nil {
		t.Errorf("the index the page offers does not open: %v", err)
	} else {
		if rows, _ := f.GetRows("Comments"); len(rows) < 3 {
			t.Errorf("the index's Comments sheet: %v", rows)
		}
		f.Close()
	}
	if report := fetch(t, href("#region-ASP a.report-link")); !bytes.Contains(report, []byte("Sharma, Akanksha")) {
		t.Errorf("the ASP findings report lacks the thread")
	}

	// The draft, whatever check found.
	do("build the draft", chromedp.Click(chromedp.ID("build-draft")), chromedp.WaitVisible(chromedp.ID("dl-draft")))
	if probs := validate.Package(fetch(t, href("#dl-draft"))); len(probs) > 0 {
		t.Errorf("the draft breaks Word's rules: %v", probs)
	}

	// The cover; publication is refused while the review marks are not
	// decided, then offered.
	fill("#c-td_number", "TSAG-TD123")
	fill("#c-place", "Geneva")
	fill("#c-date", "20-23 January 2026")
	fill("#c-contact1-name", "Jane Doe")
	fill("#c-contact1-email", "jane.doe@itu.int")
	do("publish undecided", chromedp.Click(chromedp.ID("build-td")), chromedp.WaitVisible(chromedp.ID("refused")))
	if js(`document.querySelector('#dl-td') !== null`) {
		t.Fatal("the published TD is offered before the review marks are decided")
	}
	if r := text("#refused"); !strings.Contains(r, "3 findings still stop it") || !strings.Contains(r, "ASP: Open comment (Chan, Calvin)") {
		t.Errorf("the refusal: %q", r)
	}
	// The refusal is already shown: wait for the new one's words, not for
	// it to be visible.
	do("drop the comments", chromedp.Click(chromedp.CSS(`input[name="comments"][value="drop"]`)),
		chromedp.Click(chromedp.ID("build-td")),
		chromedp.Poll[chromedp.Void](`(document.querySelector('#refused')?.innerText ?? '').includes('1 finding')`, chromedp.WithPollingTimeout(20*time.Second)))
	if r := text("#refused"); !strings.Contains(r, "1 finding still stops it") || js(`document.querySelector('#dl-td') !== null`) {
		t.Errorf("with the tracked changes undecided: %q", r)
	}
	do("accept the tracked changes", chromedp.Click(chromedp.CSS(`input[name="revisions"][value="accept"]`)),
		chromedp.Click(chromedp.ID("build-td")), chromedp.WaitVisible(chromedp.ID("dl-td")))
	td := fetch(t, href("#dl-td"))
	if probs := validate.Package(td); len(probs) > 0 {
		t.Errorf("the published TD breaks Word's rules: %v", probs)
	}
	path := filepath.Join(t.TempDir(), "TSAG-TD123.docx")
	os.WriteFile(path, td, 0o600)
	in, err := inbox.ScanWith([]string{path}, inbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep := check.Run(in, check.Options{}); rep.Errors() > 0 {
		t.Errorf("check finds errors in the published TD: %+v", rep.Findings)
	}
	in.Close()

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("TSM_SHOT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "serve.png")
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", out)

	// Another choice withdraws the TD; the cover is there on the next visit.
	do("keep the comments", chromedp.Click(chromedp.CSS(`input[name="comments"][value="keep"]`)), chromedp.WaitNotPresent(chromedp.ID("dl-td")))
	do("come back", chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS(`body[data-ready="true"]`)))
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("c-td_number"))); v != "TSAG-TD123" {
		t.Errorf("the TD number on the next visit: %q", v)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("c-contact1-email"))); v != "jane.doe@itu.int" {
		t.Errorf("the contact on the next visit: %q", v)
	}

	// A folder dropped on the drop zone: its own files are read.
	do("drop the samples' folder", dropFiles("#drop", []string{testkit.Samples(t)}),
		chromedp.WaitVisible(chromedp.CSS("#findings .finding")))
	if v := text("#verdict"); !strings.Contains(v, "3 errors, 1 warning in 6 files") {
		t.Errorf("the verdict on the folder dropped: %q", v)
	}
	mu.Lock()
	for _, p := range problems {
		t.Errorf("the browser reports %s", p)
	}
	mu.Unlock()
}

// dropFiles drops files (or folders) on the element sel, as a drag from
// the file manager does.
func dropFiles(sel string, paths []string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		center, err := chromedp.Evaluate[[]float64](`(() => { const e = document.querySelector(`+jsString(sel)+`);
			e.scrollIntoView(); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		data := &input.DragData{Items: []*input.DragDataItem{}, Files: paths, DragOperationsMask: 1}
		for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
			if _, err := cdp.Call(ctx, t, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: center[0], Y: center[1], Data: data}); err != nil {
				return chromedp.Void{}, err
			}
		}
		return chromedp.Void{}, nil
	}
}

// fetch GETs a URL the page offers (its token included).
func fetch(t *testing.T, url string) []byte {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return data
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
