package web

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"tsagmerge/consolidate/check"
)

// session is one inbox uploaded: its folder (the contributions in in/,
// what was built in out/), the check report on it and the outputs built.
type session struct {
	id              string
	dir, in, out    string
	files           []storedFile
	report          *check.Report // paths shown as the stored names
	regionsWithFile []string

	build sync.Mutex // one build at a time
	// requests counts the requests under way, so that its files are
	// removed only after them (it is added to under the server's mu, and
	// only while the session is registered).
	requests sync.WaitGroup

	mu       sync.Mutex
	stage    string // what the build under way is doing; "" when idle
	outputs  map[string]output
	lastUsed time.Time
	active   int // requests under way
}

// storedFile is one file kept: the name it is stored and shown under, the
// name the browser gave (directories and all), its size.
type storedFile struct {
	Name     string `json:"name"`
	Original string `json:"original"`
	Bytes    int64  `json:"bytes"`
}

// output is a file built for download.
type output struct {
	Kind     string `json:"kind"` // draft, td, index
	Name     string `json:"name"` // the name to save it as
	Bytes    int64  `json:"bytes"`
	path     string
	mimeType string
}

// newSession makes a session's folders in the server's private folder.
func (s *Server) newSession() (*session, error) {
	id, err := randomString(16)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(s.dir, id)
	ss := &session{id: id, dir: dir, in: filepath.Join(dir, "in"), out: filepath.Join(dir, "out"),
		outputs: map[string]output{}, lastUsed: time.Now()}
	for _, d := range []string{dir, ss.in, ss.out} {
		if err := os.Mkdir(d, 0o700); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	return ss, nil
}

// add registers a session, removing the least recently used ones beyond
// MaxSessions. It fails when the server is closed.
func (s *Server) add(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.sessions[ss.id] = ss
	for len(s.sessions) > s.cfg.Limits.MaxSessions {
		var oldest *session
		for _, o := range s.sessions {
			o.mu.Lock()
			idle := o.active == 0
			o.mu.Unlock()
			if o != ss && idle && (oldest == nil || o.lastUsed.Before(oldest.lastUsed)) {
				oldest = o
			}
		}
		if oldest == nil {
			break
		}
		s.drop(oldest, "to make room")
	}
	s.cfg.Logf("session %s: %d files", ss.id, len(ss.files))
	return true
}

// drop forgets a session and removes its folder; s.mu is held.
func (s *Server) drop(ss *session, why string) {
	delete(s.sessions, ss.id)
	s.discard(ss, why)
}

// discard removes the files of a session no longer listed.
func (s *Server) discard(ss *session, why string) {
	os.RemoveAll(ss.dir)
	s.cfg.Logf("session %s removed %s", ss.id, why)
}

// expire removes the sessions idle since longer than the TTL.
func (s *Server) expire(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ss := range s.sessions {
		ss.mu.Lock()
		old := ss.active == 0 && now.Sub(ss.lastUsed) > s.cfg.TTL
		ss.mu.Unlock()
		if old {
			s.drop(ss, "(expired)")
		}
	}
}

// withSession finds the session the path names and keeps it alive while
// h runs.
func (s *Server) withSession(h func(http.ResponseWriter, *http.Request, *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		ss := s.sessions[r.PathValue("id")]
		if ss != nil {
			ss.requests.Add(1)
			ss.mu.Lock()
			ss.active++
			ss.lastUsed = time.Now()
			ss.mu.Unlock()
		}
		s.mu.Unlock()
		if ss == nil {
			fail(w, http.StatusNotFound, "no such session (it expired, or the server was restarted); drop the contributions again")
			return
		}
		defer func() {
			ss.mu.Lock()
			ss.active--
			ss.lastUsed = time.Now()
			ss.mu.Unlock()
			ss.requests.Done()
		}()
		h(w, r, ss)
	}
}

// remove is DELETE /api/sessions/{id}: the session and its files go. A
// build or upload under way finishes first (its files would otherwise be
// written into a folder being removed, and outlive it); no new request
// finds the session meanwhile.
func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	ss := s.sessions[r.PathValue("id")]
	if ss != nil {
		delete(s.sessions, ss.id)
	}
	s.mu.Unlock()
	if ss == nil {
		fail(w, http.StatusNotFound, "no such session")
		return
	}
	ss.requests.Wait()
	s.discard(ss, "(asked)")
	w.WriteHeader(http.StatusNoContent)
}

// scrub takes the session's folder out of a message from the library, so
// that it names files as the page shows them.
func (ss *session) scrub(msg string) string {
	for _, d := range []string{ss.in, ss.out, ss.dir} {
		msg = strings.ReplaceAll(msg, d+string(filepath.Separator), "")
		msg = strings.ReplaceAll(msg, d, "the upload")
	}
	return msg
}

// setStage records what the build under way is doing.
func (ss *session) setStage(stage string) {
	ss.mu.Lock()
	ss.stage = stage
	ss.mu.Unlock()
}
