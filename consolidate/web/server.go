// Package web is tsagmerge serve: a page on the user's own machine where
// the regional contributions are dropped, checked, given a cover and merged,
// and a small JSON API behind it. Every result it shows comes from the
// library (inbox.ScanWith, check.Run, index.Build, consolidate.Publish,
// templates); the package only stores the uploads, calls those and shows
// what they say.
//
// It listens on the loopback interface only, requires a random per-process
// token on every request, refuses foreign Host and Origin headers, caps
// uploads as the reader caps packages, and keeps the files in a private
// temporary folder that it removes when a session expires or the server
// stops.
package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"tsagmerge/ingest/opc"
)

// Limits caps what one upload may cost.
type Limits struct {
	// MaxUpload is the largest request body of an upload, in bytes.
	MaxUpload int64
	// MaxStored is the most an upload may store once its .zip archives
	// are expanded, in bytes.
	MaxStored int64
	// MaxFiles is the most files an upload may hold, those in its .zip
	// archives counted one by one.
	MaxFiles int
	// MaxRatio is the largest uncompressed/compressed ratio of an entry
	// over 1 MiB in an uploaded .zip, MaxEntries the most entries (folders
	// included) one may have: the reader's caps on a package.
	MaxRatio   uint64
	MaxEntries int
	// MaxSessions is how many sessions are kept; the least recently used
	// is removed to make room.
	MaxSessions int
}

// DefaultLimits are those of tsagmerge serve: 200 MiB and 200 files an
// upload, and the zip caps of ingest/opc.
var DefaultLimits = Limits{
	MaxUpload:   200 << 20,
	MaxStored:   200 << 20,
	MaxFiles:    200,
	MaxRatio:    opc.DefaultLimits.MaxRatio,
	MaxEntries:  1000,
	MaxSessions: 32,
}

// Config tunes a Server. The zero value is the default.
type Config struct {
	// Limits caps uploads; zero fields take DefaultLimits' values.
	Limits Limits
	// TTL is how long a session is kept after its last request; 0 means
	// two hours.
	TTL time.Duration
	// TempDir is where the private folder is made; "" means os.TempDir.
	TempDir string
	// Logf, when set, is told each request refused and each session made
	// or removed.
	Logf func(format string, args ...any)
}

// Server is one tsagmerge serve: its token, its private folder and its
// sessions.
type Server struct {
	cfg   Config
	token string
	dir   string // the private folder, 0700

	mu       sync.Mutex
	port     string // the port served, once known
	sessions map[string]*session
	closed   bool
}

// New makes a server: a fresh random token and a private folder.
func New(cfg Config) (*Server, error) {
	d := DefaultLimits
	l := &cfg.Limits
	for _, f := range []struct{ v, def *int64 }{{&l.MaxUpload, &d.MaxUpload}, {&l.MaxStored, &d.MaxStored}} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	for _, f := range []struct{ v, def *int }{{&l.MaxFiles, &d.MaxFiles}, {&l.MaxEntries, &d.MaxEntries}, {&l.MaxSessions, &d.MaxSessions}} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	if l.MaxRatio == 0 {
		l.MaxRatio = d.MaxRatio
	}
	if cfg.TTL <= 0 {
		cfg.TTL = 2 * time.Hour
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	token, err := randomString(32)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(cfg.TempDir, "tsagmerge-serve-")
	if err != nil {
		return nil, fmt.Errorf("cannot make the server's temporary folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Server{cfg: cfg, token: token, dir: dir, sessions: map[string]*session{}}, nil
}

// randomString is n random bytes from crypto/rand, base64url without
// padding.
func randomString(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("no randomness for the token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Token is the secret every request must carry.
func (s *Server) Token() string { return s.token }

// Dir is the private folder the sessions are kept in.
func (s *Server) Dir() string { return s.dir }

// PreferredAddr is where serve listens unless told otherwise, when the port
// is free: a fixed port keeps the page's origin, and so the cover the
// browser saved for it, from one run to the next.
const PreferredAddr = "127.0.0.1:8724"

// Listen listens on addr, which must be on the loopback interface
// (127.0.0.1 or localhost; port 0 for any free port). An empty addr tries
// PreferredAddr, then any free port.
func Listen(addr string) (net.Listener, error) {
	if addr == "" {
		if ln, err := net.Listen("tcp4", PreferredAddr); err == nil {
			return ln, nil
		}
		addr = "127.0.0.1:0"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("%s is not host:port (e.g. 127.0.0.1:8724): %v", addr, err)
	}
	if host != "127.0.0.1" && host != "localhost" {
		return nil, fmt.Errorf("%s: tsagmerge serve listens on 127.0.0.1 only, never on another interface", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return nil, fmt.Errorf("%s: the port must be a number from 0 to 65535", addr)
	}
	return net.Listen("tcp4", net.JoinHostPort("127.0.0.1", port))
}

// URL is the page's address on ln, with the token.
func (s *Server) URL(ln net.Listener) string {
	return "http://" + ln.Addr().String() + "/?token=" + s.token
}

// Serve answers on ln until ctx is done, then shuts down (letting the
// requests under way finish, for up to ten seconds) and removes the
// private folder. ready, when set, is called with the page's URL once the
// server accepts requests. ln must be on the loopback interface.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(url string)) error {
	defer s.Close()
	tcp, ok := ln.Addr().(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		ln.Close()
		return fmt.Errorf("%s is not a loopback address; tsagmerge serve listens on 127.0.0.1 only", ln.Addr())
	}
	s.mu.Lock()
	s.port = strconv.Itoa(tcp.Port)
	s.mu.Unlock()
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	stop := make(chan struct{})
	defer close(stop)
	go s.expireLoop(stop)
	if ready != nil {
		ready(s.URL(ln))
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// Close removes every session and the private folder. The server answers
// no upload after it.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	s.sessions = map[string]*session{}
	s.mu.Unlock()
	return os.RemoveAll(s.dir)
}

// expireLoop removes the sessions idle for longer than the TTL, every
// minute (or tenth of the TTL), until stop is closed.
func (s *Server) expireLoop(stop <-chan struct{}) {
	every := min(time.Minute, max(s.cfg.TTL/10, 10*time.Millisecond))
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			s.expire(now)
		}
	}
}
