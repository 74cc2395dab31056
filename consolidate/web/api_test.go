package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/validate"
	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
	"tsagmerge/templates"
)

// TestGuard: the token, the Host and the Origin are checked before any
// route, and each refusal says what is wrong in a JSON error.
func TestGuard(t *testing.T) {
	ts := startServer(t, Config{})
	port := strings.TrimPrefix(ts.base, "http://127.0.0.1:")
	noToken := http.Header{TokenHeader: {""}}
	tests := []struct {
		name, method, path string
		header             http.Header
		code               int
		want               string // in the error; "" for a success
	}{
		{"no token", "GET", "/api/config", noToken, 401, "token is missing"},
		{"no token for the page", "GET", "/", noToken, 401, "token is missing"},
		{"no token for a static file", "GET", "/static/app.js", noToken, 401, "token is missing"},
		{"a wrong token", "GET", "/api/config", http.Header{TokenHeader: {"x" + ts.Token()}}, 401, "token is wrong"},
		{"the token as a query parameter", "GET", "/api/config?token=" + ts.Token(), noToken, 200, ""},
		{"a wrong token as a query parameter", "GET", "/api/config?token=abc", noToken, 401, "token is wrong"},
		{"a foreign Host (DNS rebinding)", "GET", "/api/config", http.Header{"Host": {"evil.example:" + port}}, 403, `Host header "evil.example:`},
		{"the right host on another port", "GET", "/api/config", http.Header{"Host": {"127.0.0.1:1"}}, 403, "Host header"},
		{"localhost", "GET", "/api/config", http.Header{"Host": {"localhost:" + port}}, 200, ""},
		{"a foreign Origin", "POST", "/api/sessions", http.Header{"Origin": {"https://evil.example"}}, 403, `another site (Origin "https://evil.example")`},
		{"a null Origin", "POST", "/api/sessions", http.Header{"Origin": {"null"}}, 403, "another site"},
		{"a cross-site fetch", "GET", "/api/config", http.Header{"Sec-Fetch-Site": {"cross-site"}}, 403, "Sec-Fetch-Site"},
		{"the page's own Origin", "GET", "/api/config", http.Header{"Origin": {ts.base}}, 200, ""},
		{"an unknown route", "GET", "/etc/passwd", nil, 404, "no such page"},
		{"an unknown session", "GET", "/api/sessions/nope/report", nil, 404, "no such session"},
		{"a static folder", "GET", "/static/", nil, 404, "no such file"},
		{"not multipart", "POST", "/api/sessions", http.Header{"Content-Type": {"application/json"}}, 415, "multipart/form-data"},
	}
	for _, tt := range tests {
		code, body, h := ts.request(t, tt.method, tt.path, "", strings.NewReader("{}"), tt.header)
		if code != tt.code {
			t.Errorf("%s: status %d, want %d: %s", tt.name, code, tt.code, body)
			continue
		}
		if !strings.HasPrefix(h.Get("Content-Security-Policy"), "default-src 'self'") {
			t.Errorf("%s: CSP %q", tt.name, h.Get("Content-Security-Policy"))
		}
		if tt.want != "" {
			if msg := errorOf(t, body); !strings.Contains(msg, tt.want) {
				t.Errorf("%s: error %q lacks %q", tt.name, msg, tt.want)
			}
		}
	}
	// The page loads its script and style with the token, and has no
	// inline script or style.
	code, page, _ := ts.request(t, "GET", "/", "", nil, nil)
	if code != 200 {
		t.Fatalf("the page: %d", code)
	}
	for _, want := range []string{`src="/static/app.js?token=` + ts.Token() + `"`, `href="/static/style.css?token=` + ts.Token() + `"`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("<script>")) || bytes.Contains(page, []byte("<style")) || bytes.Contains(page, []byte(" style=")) || bytes.Contains(page, []byte("http")) && bytes.Contains(page, []byte("://")) {
		t.Errorf("the page has inline script or style, or names another site")
	}
	if _, err := Listen("0.0.0.0:0"); err == nil || !strings.Contains(err.Error(), "127.0.0.1 only") {
		t.Errorf("Listen(0.0.0.0:0): %v, want a refusal", err)
	}
}

// TestUploadSamples: the report is check's, on the same files; the index
// and each region's findings report can be downloaded.
func TestUploadSamples(t *testing.T) {
	ts := startServer(t, Config{})
	s := ts.uploadOK(t, sampleFiles(t))
	var got check.Report
	ts.getJSON(t, s.Report, &got)

	in, err := inbox.ScanWith([]string{testkit.Samples(t)}, inbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	want := check.Run(in, check.Options{})
	for i := range want.Files {
		want.Files[i].Path = filepath.Base(want.Files[i].Path)
		want.Files[i].Doc = nil
	}
	for i := range want.Findings {
		want.Findings[i].File = filepath.Base(want.Findings[i].File)
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if !bytes.Equal(wj, gj) {
		t.Errorf("the report is not check's on the same files:\n got %s\nwant %s", gj, wj)
	}

	var kinds []string
	for _, d := range s.Downloads {
		kinds = append(kinds, d.Kind+d.Region)
	}
	if w := []string{"index", "findingsAFR", "findingsAMS", "findingsARB", "findingsASP", "findingsCIS", "findingsEUR"}; !slices.Equal(kinds, w) {
		t.Errorf("downloads %v, want %v", kinds, w)
	}
	code, xlsx, h := ts.request(t, "GET", s.Downloads[0].URL, "", nil, nil)
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), "attachment") {
		t.Fatalf("the index: %d %s", code, h.Get("Content-Disposition"))
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	if sheets := f.GetSheetList(); !slices.Contains(sheets, "Activities") || !slices.Contains(sheets, "Comments") {
		t.Errorf("the index's sheets: %v", sheets)
	}
	f.Close()

	code, page, h := ts.request(t, "GET", "/api/sessions/"+s.ID+"/downloads/findings-ASP", "", nil, nil)
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), `filename=findings-ASP.html`) {
		t.Fatalf("the ASP findings report: %d %s", code, h.Get("Content-Disposition"))
	}
	for _, want := range []string{"Asia and the Pacific (ASP)", "Must be fixed", "Open comment", "Chan, Calvin", "Sharma, Akanksha", "9 January 2026", "ASP-contribution.docx"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the ASP findings report lacks %q", want)
		}
	}
	if bytes.Contains(page, []byte("<script")) || bytes.Contains(page, []byte("://")) {
		t.Errorf("the findings report has a script or a link elsewhere")
	}
	code, page, _ = ts.request(t, "GET", "/api/sessions/"+s.ID+"/downloads/findings-EUR", "", nil, nil)
	if code != 200 || !bytes.Contains(page, []byte("Nothing stops publication")) {
		t.Errorf("the EUR findings report: %d", code)
	}
	for _, bad := range []string{"findings-XYZ", "findings-../x", "draft", "../in/AFR-contribution.docx"} {
		if code, body, _ := ts.request(t, "GET", "/api/sessions/"+s.ID+"/downloads/"+bad, "", nil, nil); code != 404 {
			t.Errorf("download %s: %d %s, want 404", bad, code, body)
		}
	}
}

// TestUploadLimits: an upload too large (declared or not), with too many
// files, a zip bomb and a zip too large once expanded are refused with
// the reason, and leave no session or file behind.
func TestUploadLimits(t *testing.T) {
	ts := startServer(t, Config{Limits: Limits{MaxUpload: 1 << 20, MaxStored: 2 << 20, MaxFiles: 8}})
	big := bytes.Repeat([]byte("x"), 1<<20+1)
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*7919 + i/251)
		}
		return b
	}
	many := make([]namedFile, 9)
	for i := range many {
		many[i] = namedFile{"AFR-" + string(rune('a'+i)) + ".docx", []byte("x")}
	}
	bomb := zipOf(t, []namedFile{{"AFR-contribution.docx", make([]byte, 8<<20)}})
	tests := []struct {
		name  string
		files []namedFile
		code  int
		want  string
	}{
		{"a body over the limit", []namedFile{{"AFR.docx", big}}, 413, "larger than 1 MiB"},
		{"more files than allowed", many, 413, "more than 8 files"},
		{"a zip bomb", []namedFile{{"inbox.zip", bomb}}, 422, `"inbox.zip" has an entry "AFR-contribution.docx" that expands`},
		{"a zip too large once expanded", []namedFile{{"inbox.zip", zipOf(t, []namedFile{{"a.docx", random(900 << 10)}, {"b.docx", random(900 << 10)}, {"c.docx", random(900 << 10)}})}}, 413, "unpacks to more than the 2 MiB"},
		{"a zip with more files than allowed", []namedFile{{"inbox.zip", zipOf(t, many)}}, 413, "more than 8 files"},
		{"not a zip", []namedFile{{"inbox.zip", []byte("PK not really")}}, 422, `"inbox.zip" is not a zip archive`},
		{"no file", nil, 400, "holds no file"},
	}
	for _, tt := range tests {
		code, body := ts.upload(t, tt.files, nil)
		if code != tt.code {
			t.Errorf("%s: status %d, want %d: %.300s", tt.name, code, tt.code, body)
			continue
		}
		if msg := errorOf(t, body); !strings.Contains(msg, tt.want) {
			t.Errorf("%s: error %q lacks %q", tt.name, msg, tt.want)
		}
	}
	// A body over the limit sent without its length (chunked) is cut off
	// as it arrives.
	body, ctype := multipartBody(t, []namedFile{{"AFR.docx", big}})
	req, _ := http.NewRequest("POST", ts.base+"/api/sessions", io.MultiReader(body)) // no ContentLength
	req.Header.Set("Content-Type", ctype)
	req.Header.Set(TokenHeader, ts.Token())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 413 || !strings.Contains(errorOf(t, data), "larger than 1 MiB") {
		t.Errorf("a chunked body over the limit: %d %s", res.StatusCode, data)
	}
	if left := filesUnder(t, ts.Dir()); len(left) > 0 {
		t.Errorf("refused uploads left files behind: %v", left)
	}
	if n := len(ts.sessions); n != 0 {
		t.Errorf("refused uploads left %d sessions", n)
	}
}

// TestUploadNames: a client's file name never names a place on disk: its
// directories are dropped (whichever separator), the rest kept to a safe
// set, and the name stays what the inbox reads the region from.
func TestUploadNames(t *testing.T) {
	ts := startServer(t, Config{})
	afr := sampleFiles(t)[0].data
	s := ts.uploadOK(t, []namedFile{
		{"../../AFR-x.docx", afr}, {`..\..\AFR-y.docx`, []byte("PK")}, {"/etc/ASP-passwd.docx", []byte("x")},
		{"CON.docx", []byte("x")}, {"..", []byte("x")}, {"inbox/AFR-x.docx", []byte("x")}, {"a<b>|c:d*?.docx", []byte("x")},
		{"~$AFR-x.docx", []byte("x")},
	})
	var names, originals []string
	for _, f := range s.Files {
		names, originals = append(names, f.Name), append(originals, f.Original)
	}
	want := []string{"AFR-x.docx", "AFR-y.docx", "ASP-passwd.docx", "_CON.docx", "file", "AFR-x (copy 2).docx", "a_b__c_d__.docx", "~$AFR-x.docx"}
	if !slices.Equal(names, want) {
		t.Errorf("stored names %q, want %q", names, want)
	}
	if originals[0] != "../../AFR-x.docx" || originals[1] != `..\..\AFR-y.docx` {
		t.Errorf("the original names are not kept as sent: %q", originals)
	}
	stored := filesUnder(t, ts.tmp)
	slices.Sort(stored)
	var inDir []string
	for _, n := range want {
		inDir = append(inDir, filepath.Join(filepath.Base(ts.Dir()), s.ID, "in", n))
	}
	inDir = append(inDir, filepath.Join(filepath.Base(ts.Dir()), s.ID, "out", "activities.xlsx"))
	slices.Sort(inDir)
	if !slices.Equal(stored, inDir) {
		t.Errorf("files in TMPDIR:\n%q\nwant only the session's:\n%q", stored, inDir)
	}
	var rep check.Report
	ts.getJSON(t, s.Report, &rep)
	status := map[string]string{}
	for _, f := range rep.Files {
		status[f.Path] = string(f.Status) + " " + f.Region
		if strings.Contains(f.Reason, ts.Dir()) {
			t.Errorf("a reason names the server's folder: %s", f.Reason)
		}
	}
	for name, want := range map[string]string{"AFR-x.docx": "used AFR", "~$AFR-x.docx": "ignored AFR", "AFR-y.docx": "refused AFR"} {
		if status[name] != want {
			t.Errorf("%s: %q, want %q (the region read from the sanitised name)", name, status[name], want)
		}
	}
	for _, n := range []string{"a.docx", "../a.docx", "a/../../b", `C:\x\y.docx`, "...", " . ", "COM1.txt", "lpt9", "Contribution – Afrique (révisée) v2.docx"} {
		got := safeName(n)
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, `/\:*?"<>|`) || filepath.Base(got) != got {
			t.Errorf("safeName(%q) = %q", n, got)
		}
	}
	if got := safeName(strings.Repeat("é", 200) + ".docx"); len(got) > maxNameBytes || !strings.HasSuffix(got, "é.docx") {
		t.Errorf("a long name: %q (%d bytes)", got, len(got))
	}
}

// TestUploadFormats: a .doc alone is refused with inbox's reason; beside
// contributions it is listed refused, as check lists it; a .zip of the
// samples is as good as the samples.
func TestUploadFormats(t *testing.T) {
	ts := startServer(t, Config{})
	code, body := ts.upload(t, []namedFile{{"AFR-contribution.doc", []byte{0xd0, 0xcf, 0x11, 0xe0}}}, nil)
	if msg := errorOf(t, body); code != 422 || !strings.Contains(msg, "AFR-contribution.doc: is a Word 97-2003 document (.doc); open it in Word and save it as Word Document (.docx)") {
		t.Errorf("a .doc alone: %d %s", code, msg)
	}
	code, body = ts.upload(t, []namedFile{{"notes.txt", []byte("hello")}}, nil)
	if msg := errorOf(t, body); code != 422 || !strings.Contains(msg, "notes.txt") || strings.Contains(msg, ts.Dir()) {
		t.Errorf("a text file alone: %d %s", code, msg)
	}
	files := append(sampleFiles(t), namedFile{"CIS-contribution.doc", []byte{0xd0, 0xcf, 0x11, 0xe0}})
	s := ts.uploadOK(t, files)
	var rep check.Report
	ts.getJSON(t, s.Report, &rep)
	i := slices.IndexFunc(rep.Files, func(f inbox.FileEntry) bool { return f.Path == "CIS-contribution.doc" })
	if i < 0 || rep.Files[i].Status != inbox.Refused || !strings.Contains(rep.Files[i].Reason, "Word 97-2003") {
		t.Errorf("the .doc beside the samples: %+v", rep.Files)
	}
	if !slices.ContainsFunc(rep.Findings, func(f check.Finding) bool { return f.Kind == check.RefusedFile && f.Region == "CIS" }) {
		t.Errorf("no refused-file finding for the .doc")
	}

	// A zip, with a folder inside and the litter of a Mac.
	var zipped []namedFile
	for _, f := range sampleFiles(t) {
		zipped = append(zipped, namedFile{"inbox/" + f.name, f.data}, namedFile{"__MACOSX/inbox/._" + f.name, []byte("x")})
	}
	s = ts.uploadOK(t, []namedFile{{"Inbox 2025-H2.ZIP", zipOf(t, zipped)}})
	ts.getJSON(t, s.Report, &rep)
	var used []string
	for _, f := range rep.Files {
		if f.Status == inbox.Used {
			used = append(used, f.Region)
		}
	}
	if len(used) != 6 || len(rep.Missing) != 0 {
		t.Errorf("the zip's regions: used %v, missing %v", used, rep.Missing)
	}
	for _, f := range filesUnder(t, ts.Dir()) {
		if strings.HasSuffix(strings.ToLower(f), ".zip") {
			t.Errorf("the uploaded archive is kept: %s", f)
		}
	}
}

// TestBuild: a draft is built whatever check finds; publication is refused
// until the comments and tracked changes are decided, and needs the
// cover; a published TD is withdrawn when a later publication is refused.
func TestBuild(t *testing.T) {
	ts := startServer(t, Config{})
	s := ts.uploadOK(t, sampleFiles(t))
	build := "/api/sessions/" + s.ID + "/build"
	cover := coverJSON{TDNumber: "TSAG-TD123", Place: "Geneva", Date: "20-23 January 2026",
		Contacts: []contactJSON{{Name: "Jane Doe", Organization: "TSB", Country: "Switzerland", Email: "jane.doe@itu.int"}}}

	code, body := ts.postJSON(t, build, buildRequest{Mode: "draft"})
	var b buildJSON
	if code != 200 || json.Unmarshal(body, &b) != nil {
		t.Fatalf("the draft: %d %s", code, body)
	}
	if b.Download.Kind != "draft" || b.Download.Name != "TSAG-TD-regional-offices-draft.docx" || len(b.Regions) != 6 {
		t.Errorf("the draft: %+v", b)
	}
	ts.checkTD(t, b.Download.URL)

	code, body = ts.postJSON(t, build, buildRequest{Mode: "publish", Cover: cover})
	var refused refusedJSON
	if code != 409 || json.Unmarshal(body, &refused) != nil || refused.Report.Errors() != 3 {
		t.Fatalf("publication undecided: %d %.400s", code, body)
	}
	code, body = ts.postJSON(t, build, buildRequest{Mode: "publish", Cover: cover, Comments: "drop"})
	if code != 409 || json.Unmarshal(body, &refused) != nil || refused.Report.Errors() != 1 {
		t.Fatalf("publication with the revisions undecided: %d %.400s", code, body)
	}
	code, body = ts.postJSON(t, build, buildRequest{Mode: "publish", Comments: "drop", Revisions: "accept"})
	if msg := errorOf(t, body); code != 422 || !strings.Contains(msg, "the cover needs td_number") || !strings.Contains(string(body), `"key":"place"`) {
		t.Errorf("publication without a cover: %d %s", code, body)
	}
	bad := cover
	bad.Contacts = []contactJSON{{Name: "Jane", Email: "not an address"}}
	code, body = ts.postJSON(t, build, buildRequest{Mode: "publish", Cover: bad, Comments: "drop", Revisions: "accept"})
	if code != 422 || !strings.Contains(string(body), `"key":"contacts[1].email"`) {
		t.Errorf("a cover with a bad e-mail: %d %s", code, body)
	}
	code, body = ts.postJSON(t, build, buildRequest{Mode: "publish", Cover: cover, Comments: "drop", Revisions: "accept"})
	if code != 200 || json.Unmarshal(body, &b) != nil || b.Download.Name != "TSAG-TD123.docx" {
		t.Fatalf("publication decided: %d %.400s", code, body)
	}
	ts.checkTD(t, b.Download.URL)

	code, _ = ts.postJSON(t, build, buildRequest{Mode: "publish", Cover: cover, Comments: "keep", Revisions: "accept"})
	if code != 409 {
		t.Errorf("publication keeping the comments: %d, want 409", code)
	}
	if code, _, _ := ts.request(t, "GET", b.Download.URL, "", nil, nil); code != 404 {
		t.Errorf("the TD published with other choices is still offered (%d)", code)
	}
	for _, req := range []buildRequest{{Mode: "final"}, {Mode: "draft", Comments: "delete"}, {Mode: "draft", Revisions: "maybe"}, {Mode: "draft", Allow: []string{"typos"}}} {
		if code, body := ts.postJSON(t, build, req); code != 400 {
			t.Errorf("%+v: %d %s, want 400", req, code, body)
		}
	}
	if code, body, _ := ts.request(t, "POST", build, "application/json", strings.NewReader(`{"mode":"draft","extra":1}`), nil); code != 400 || !strings.Contains(errorOf(t, body), "unknown field") {
		t.Errorf("an unknown field: %d %s", code, body)
	}
}

// checkTD downloads a TD and holds it to Word's rules.
func (ts *testServer) checkTD(t *testing.T, url string) {
	t.Helper()
	code, data, h := ts.request(t, "GET", url, "", nil, nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "application/vnd.openxmlformats-officedocument.wordprocessingml") {
		t.Fatalf("GET %s: %d %s", url, code, h.Get("Content-Type"))
	}
	if probs := validate.Package(data); len(probs) > 0 {
		t.Errorf("%s breaks Word's rules: %v", url, probs)
	}
}

// TestCover: the cover is judged by templates.Meta.Validate, written as
// meta.yaml in cover init's layout, and read back by templates.LoadMeta.
func TestCover(t *testing.T) {
	ts := startServer(t, Config{})
	full := coverJSON{TDNumber: "TSAG-TD123R1", Place: "Geneva", Date: "20-23 January 2026", Title: "A title: with a colon",
		Source: "Director, TSB", Purpose: "Information", Questions: "N/A", Keywords: "ITU; #1 \"quoted\"",
		Contacts: []contactJSON{{"Jane Doe", "TSB", "Switzerland", "+41 22 730 0000", "jane.doe@itu.int"}, {"Li, Wei", "", "", "", "li@itu.int"}}}
	code, data, h := ts.request(t, "POST", "/api/cover/yaml", "application/json", strings.NewReader(mustJSON(t, full)), nil)
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), "meta.yaml") {
		t.Fatalf("meta.yaml: %d %s", code, data)
	}
	if !bytes.Contains(data, []byte("# The TD's number, as TSB gave it.")) {
		t.Errorf("meta.yaml lost cover init's explanations:\n%s", data)
	}
	path := filepath.Join(t.TempDir(), "meta.yaml")
	os.WriteFile(path, data, 0o600)
	m, err := templates.LoadMeta(path)
	if err != nil {
		t.Fatalf("LoadMeta: %v\n%s", err, data)
	}
	if got := coverOf(m); mustJSON(t, got) != mustJSON(t, full) {
		t.Errorf("meta.yaml read back:\n%+v\nwant\n%+v", got, full)
	}
	code, data, _ = ts.request(t, "POST", "/api/cover/parse", "application/yaml", bytes.NewReader(data), nil)
	if code != 200 || string(bytes.TrimSpace(data)) != mustJSON(t, full) {
		t.Errorf("parse: %d %s", code, data)
	}
	code, data, _ = ts.request(t, "POST", "/api/cover/parse", "application/yaml", strings.NewReader(templates.MetaSkeleton), nil)
	if code != 422 || !strings.Contains(string(data), `"where":"meta.yaml:6"`) || strings.Contains(string(data), ts.Dir()) {
		t.Errorf("parse of the empty skeleton: %d %s", code, data)
	}
	var judged coverCheckJSON
	code, data = ts.postJSON(t, "/api/cover/check", coverJSON{TDNumber: "123", Contacts: []contactJSON{{Name: "x", Email: "bad"}}})
	if code != 200 || json.Unmarshal(data, &judged) != nil {
		t.Fatalf("check: %d %s", code, data)
	}
	var keys []string
	for _, p := range judged.Problems {
		keys = append(keys, p.Key)
	}
	if !slices.Contains(keys, "td_number") || !slices.Contains(keys, "contacts[1].email") || !slices.Contains(judged.Missing, "place (--place)") {
		t.Errorf("check: %+v", judged)
	}
	if left := filesUnder(t, ts.Dir()); len(left) > 0 {
		t.Errorf("the cover's files are left: %v", left)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestConcurrentSessions: twenty uploads at once make twenty sessions,
// each its own files, and a draft each; shutting down removes them all.
func TestConcurrentSessions(t *testing.T) {
	ts := startServer(t, Config{})
	files := sampleFiles(t)
	const n = 20
	ids := make([]string, n)
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for i := range n {
		wg.Go(func() {
			body, ctype := multipartBody(t, files)
			req, _ := http.NewRequest("POST", ts.base+"/api/sessions", body)
			req.Header.Set("Content-Type", ctype)
			req.Header.Set(TokenHeader, ts.Token())
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			var s sessionJSON
			json.NewDecoder(res.Body).Decode(&s)
			res.Body.Close()
			if res.StatusCode != 201 {
				errs <- res.Status
				return
			}
			ids[i] = s.ID
			data, _ := json.Marshal(buildRequest{Mode: "draft"})
			req, _ = http.NewRequest("POST", ts.base+"/api/sessions/"+s.ID+"/build", bytes.NewReader(data))
			req.Header.Set(TokenHeader, ts.Token())
			res, err = http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			res.Body.Close()
			if res.StatusCode != 200 {
				errs <- "build: " + res.Status
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	slices.Sort(ids)
	if len(slices.Compact(slices.Clone(ids))) != n {
		t.Fatalf("session ids not distinct: %v", ids)
	}
	for _, id := range ids {
		got := filesUnder(t, filepath.Join(ts.Dir(), id))
		slices.Sort(got)
		want := []string{"in/AFR-contribution.docx", "in/AMS-contribution.docx", "in/ARB-contribution.docx", "in/ASP-contribution.docx",
			"in/CIS-contribution.docx", "in/EUR-contribution.docx", "in/EXPECTED.md", "in/activities-gold.tsv", "out/activities.xlsx", "out/draft.docx"}
		if !slices.Equal(got, want) {
			t.Errorf("session %s holds %v", id, got)
		}
	}
	if others := filesUnder(t, ts.tmp); len(others) != n*10 {
		t.Errorf("%d files in TMPDIR, want the sessions' %d", len(others), n*10)
	}
	ts.stop(t) // checks that TMPDIR is left empty
	if _, err := os.Stat(ts.Dir()); !os.IsNotExist(err) {
		t.Errorf("the server's folder is still there: %v", err)
	}
}

// TestSessionsEnd: a session deleted is removed, as is the least recently
// used beyond MaxSessions, and one idle past the TTL.
func TestSessionsEnd(t *testing.T) {
	ts := startServer(t, Config{Limits: Limits{MaxSessions: 2}})
	files := sampleFiles(t)[:1]
	a := ts.uploadOK(t, files)
	b := ts.uploadOK(t, files)
	if code, _, _ := ts.request(t, "DELETE", "/api/sessions/"+b.ID, "", nil, nil); code != 204 {
		t.Errorf("DELETE: %d", code)
	}
	c := ts.uploadOK(t, files)
	d := ts.uploadOK(t, files) // a, the least recently used, makes room
	for id, want := range map[string]int{a.ID: 404, b.ID: 404, c.ID: 200, d.ID: 200} {
		if code, _, _ := ts.request(t, "GET", "/api/sessions/"+id, "", nil, nil); code != want {
			t.Errorf("session %s: %d, want %d", id, code, want)
		}
	}
	ts.expire(time.Now().Add(time.Hour))
	if code, _, _ := ts.request(t, "GET", "/api/sessions/"+c.ID, "", nil, nil); code != 200 {
		t.Errorf("a session used a moment ago expired after an hour: %d", code)
	}
	ts.expire(time.Now().Add(3 * time.Hour))
	if left := filesUnder(t, ts.Dir()); len(left) > 0 {
		t.Errorf("sessions idle past the TTL left %v", left)
	}
	if code, body, _ := ts.request(t, "GET", "/api/sessions/"+c.ID+"/report", "", nil, nil); code != 404 || !strings.Contains(errorOf(t, body), "expired") {
		t.Errorf("an expired session: %d %s", code, body)
	}
	ts.stop(t)

	// The server expires sessions on its own.
	ts = startServer(t, Config{TTL: 50 * time.Millisecond})
	ts.uploadOK(t, files)
	deadline := time.Now().Add(20 * time.Second)
	for len(filesUnder(t, ts.Dir())) > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if left := filesUnder(t, ts.Dir()); len(left) > 0 {
		t.Errorf("a session idle past the TTL was not removed: %v", left)
	}
}

// TestDeleteWaitsForRequests removes a session while one of its requests
// (a build, say) is under way: the files go only once it has finished,
// and no new request finds the session meanwhile.
func TestDeleteWaitsForRequests(t *testing.T) {
	ts := startServer(t, Config{})
	sess := ts.uploadOK(t, sampleFiles(t)[:1])
	dir := filepath.Join(ts.Dir(), sess.ID)
	entered, release, finished := make(chan struct{}), make(chan struct{}), make(chan struct{})
	busy := httptest.NewRequest("POST", "/api/sessions/"+sess.ID+"/build", nil)
	busy.SetPathValue("id", sess.ID)
	go func() {
		defer close(finished)
		ts.withSession(func(http.ResponseWriter, *http.Request, *session) {
			close(entered)
			<-release
		})(httptest.NewRecorder(), busy)
	}()
	<-entered
	deleted := make(chan int, 1)
	go func() { // t.Fatal is not for this goroutine: a failure is a code
		req, _ := http.NewRequest("DELETE", ts.base+"/api/sessions/"+sess.ID, nil)
		req.Header.Set(TokenHeader, ts.Token())
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			deleted <- -1
			return
		}
		res.Body.Close()
		deleted <- res.StatusCode
	}()
	// The DELETE has arrived once the session is unlisted.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		ts.mu.Lock()
		_, listed := ts.sessions[sess.ID]
		ts.mu.Unlock()
		if !listed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the DELETE never unlisted the session")
		}
	}
	if code, _, _ := ts.request(t, "GET", "/api/sessions/"+sess.ID, "", nil, nil); code != 404 {
		t.Errorf("a session being removed is still found: %d", code)
	}
	time.Sleep(50 * time.Millisecond) // room for a DELETE that would not wait
	select {
	case code := <-deleted:
		t.Fatalf("DELETE returned %d while a request was under way", code)
	default:
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the session's files went while a request used them: %v", err)
	}
	close(release)
	<-finished
	if code := <-deleted; code != 204 {
		t.Errorf("DELETE: %d", code)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the session's folder is still there: %v", err)
	}
}
