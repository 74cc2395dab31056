package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tsagmerge/ingest/testkit"
)

// testServer is a Server serving on a free loopback port, as serve runs
// it, with TMPDIR pointed at a folder of the test's own: when it stops,
// that folder must be empty (nothing stored elsewhere, nothing left).
type testServer struct {
	*Server
	base   string // http://127.0.0.1:port
	tmp    string // TMPDIR while it runs
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

func startServer(t *testing.T, cfg Config) *testServer {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cfg.Logf = t.Logf
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(s.Dir()) != filepath.Clean(tmp) {
		t.Fatalf("the server's folder %s is not in TMPDIR %s", s.Dir(), tmp)
	}
	if info, err := os.Stat(s.Dir()); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("the server's folder: %v, mode %v; want 0700", err, info.Mode().Perm())
	}
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: s, tmp: tmp, cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	go func() { ts.done <- s.Serve(ctx, ln, func(url string) { ready <- url }) }()
	url := <-ready
	if want := "http://" + ln.Addr().String() + "/?token=" + s.Token(); url != want {
		t.Fatalf("ready says %s, want %s", url, want)
	}
	ts.base = "http://" + ln.Addr().String()
	t.Cleanup(func() { ts.stop(t) })
	return ts
}

// stop shuts the server down and checks that it left nothing in TMPDIR.
func (ts *testServer) stop(t *testing.T) {
	t.Helper()
	ts.once.Do(func() {
		ts.cancel()
		select {
		case err := <-ts.done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("the server did not shut down")
		}
		left, _ := os.ReadDir(ts.tmp)
		for _, e := range left {
			t.Errorf("left behind in TMPDIR after shutdown: %s", e.Name())
		}
	})
}

// request sends a request with the token (unless header says otherwise)
// and returns the status and body.
func (ts *testServer) request(t *testing.T, method, path, contentType string, body io.Reader, header http.Header) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, ts.base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set(TokenHeader, ts.Token())
	for k, v := range header {
		req.Header[k] = v
	}
	if h := header.Get("Host"); h != "" {
		req.Host = h
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, data, res.Header
}

// getJSON GETs path into v, which must answer 200.
func (ts *testServer) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	code, data, _ := ts.request(t, "GET", path, "", nil, nil)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, data)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("GET %s: %v: %s", path, err, data)
	}
}

// postJSON POSTs v and returns the status and body.
func (ts *testServer) postJSON(t *testing.T, path string, v any) (int, []byte) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	code, body, _ := ts.request(t, "POST", path, "application/json", bytes.NewReader(data), nil)
	return code, body
}

// upload posts the files (name → content) as a multipart upload.
func (ts *testServer) upload(t *testing.T, files []namedFile, header http.Header) (int, []byte) {
	t.Helper()
	body, ctype := multipartBody(t, files)
	code, data, _ := ts.request(t, "POST", "/api/sessions", ctype, body, header)
	return code, data
}

// uploadOK uploads and expects a session.
func (ts *testServer) uploadOK(t *testing.T, files []namedFile) sessionJSON {
	t.Helper()
	code, data := ts.upload(t, files, nil)
	if code != http.StatusCreated {
		t.Fatalf("upload: %d %s", code, data)
	}
	var s sessionJSON
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

type namedFile struct {
	name string
	data []byte
}

// multipartBody is the files as a multipart/form-data body, each under
// the file name given, as sent.
func multipartBody(t *testing.T, files []namedFile) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files"; filename="%s"`, strings.ReplaceAll(f.name, `"`, `\"`)))
		h.Set("Content-Type", "application/octet-stream")
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

// sampleFiles are the files of testdata/samples.
func sampleFiles(t *testing.T) []namedFile {
	t.Helper()
	dir := testkit.Samples(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []namedFile
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedFile{e.Name(), data})
	}
	return out
}

// zipOf makes a zip archive of the files, deflated.
func zipOf(t *testing.T, files []namedFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// errorOf is the error message of a JSON refusal; it fails the test when
// the body is not one.
func errorOf(t *testing.T, body []byte) string {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(body, &e); err != nil || e.Error == "" {
		t.Fatalf("not a JSON error: %s", body)
	}
	return e.Error
}

// filesUnder lists the files below dir, relative to it.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}
