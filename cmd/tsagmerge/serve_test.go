package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestServeCommand: serve prints the page's address with its token as the
// first line of its output, answers there, and stops cleanly when its
// context ends (as on Ctrl-C), leaving nothing in TMPDIR.
func TestServeCommand(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	root := newRootCmd(pw, &stderr)
	root.SetArgs([]string{"serve", "--no-browser", "--addr", "127.0.0.1:0"})
	done := make(chan error, 1)
	go func() {
		err := root.ExecuteContext(ctx)
		pw.Close()
		done <- err
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatalf("serve printed nothing; stderr: %s", stderr.String())
	}
	url := lines.Text()
	go io.Copy(io.Discard, pr)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.Contains(url, "/?token=") {
		t.Fatalf("the first line is not the page's address: %q", url)
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !bytes.Contains(page, []byte("Regional Offices' contributions to TSAG")) {
		t.Errorf("the page: %d %.200s", res.StatusCode, page)
	}
	if res, err := http.Get(strings.Split(url, "?")[0]); err != nil || res.StatusCode != 401 {
		t.Errorf("the page without the token: %v %v", res.Status, err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 1 || !strings.HasPrefix(left[0].Name(), "tsagmerge-serve-") {
		t.Errorf("TMPDIR while serving: %v", left)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("serve left %v in TMPDIR", left)
	}
	if !strings.Contains(stderr.String(), "stopped; the files dropped are deleted") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestServeArguments: serve listens on the loopback interface only, and
// its help has examples.
func TestServeArguments(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.168.1.1:80", "[::]:0", "example.com:80", "8080", "127.0.0.1:99999"} {
		out, code := execute(t, "serve", "--no-browser", "--addr", addr)
		if code != exitBadInput || !strings.Contains(out, "tsagmerge serve: ") {
			t.Errorf("serve --addr %s: exit %d: %s", addr, code, out)
		}
	}
	out, _ := execute(t, "serve", "--no-browser", "--addr", "0.0.0.0:0")
	if !strings.Contains(out, "127.0.0.1 only") {
		t.Errorf("serve --addr 0.0.0.0:0 does not say why: %s", out)
	}
	if out, code := execute(t, "serve", "inbox/"); code != exitBadInput {
		t.Errorf("serve with an argument: exit %d: %s", code, out)
	}
	if help, _ := execute(t, "serve", "--help"); !strings.Contains(help, "Examples:") {
		t.Errorf("serve --help has no examples")
	}
	if root, _ := execute(t, "--help"); !strings.Contains(root, "serve") {
		t.Errorf("the root help does not name serve")
	}
}

// TestDefaultArgs: on Windows, no arguments (a double-click) means serve.
func TestDefaultArgs(t *testing.T) {
	tests := []struct {
		goos string
		args []string
		want []string
	}{
		{"windows", nil, []string{"serve"}},
		{"windows", []string{}, []string{"serve"}},
		{"windows", []string{"check", "inbox"}, []string{"check", "inbox"}},
		{"linux", []string{}, []string{}},
		{"darwin", nil, nil},
	}
	for _, tt := range tests {
		if got := defaultArgs(tt.goos, tt.args); !slices.Equal(got, tt.want) {
			t.Errorf("defaultArgs(%s, %q) = %q, want %q", tt.goos, tt.args, got, tt.want)
		}
	}
}

// TestBrowserCommand: the program each system opens a page with.
func TestBrowserCommand(t *testing.T) {
	const url = "http://127.0.0.1:8724/?token=x"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", url},
		"darwin":  {"open", url},
		"linux":   {"xdg-open", url},
		"freebsd": {"xdg-open", url},
	} {
		if got := browserCommand(goos, url).Args; !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}
