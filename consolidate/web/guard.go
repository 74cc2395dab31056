package web

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"
)

// TokenHeader is the header that may carry the token instead of the token
// query parameter.
const TokenHeader = "X-Tsagmerge-Token"

// csp lets the page load its own script, style and images and nothing
// else: no inline script, no other origin, no frames.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Handler is the server's routes behind its guard: the page, its static
// files and the API (see the README's "serve" section).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.Handle("GET /static/", staticFiles())
	mux.HandleFunc("GET /api/config", s.config)
	mux.HandleFunc("POST /api/sessions", s.upload)
	mux.HandleFunc("GET /api/sessions/{id}", s.withSession(s.status))
	mux.HandleFunc("DELETE /api/sessions/{id}", s.remove)
	mux.HandleFunc("GET /api/sessions/{id}/report", s.withSession(s.report))
	mux.HandleFunc("POST /api/sessions/{id}/build", s.withSession(s.build))
	mux.HandleFunc("GET /api/sessions/{id}/downloads/{name}", s.withSession(s.download))
	mux.HandleFunc("POST /api/cover/check", s.coverCheck)
	mux.HandleFunc("POST /api/cover/yaml", s.coverYAML)
	mux.HandleFunc("POST /api/cover/parse", s.coverParse)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no such page or API route: "+r.Method+" "+r.URL.Path)
	})
	return s.guard(mux)
}

// guard refuses, before any route sees it, a request whose Host is not
// this server's loopback address (DNS rebinding), whose Origin is another
// site's (a cross-site post), or that lacks the token; and sets the
// security headers on every answer.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		s.mu.Lock()
		port := s.port
		s.mu.Unlock()
		if !s.ownHost(r.Host, port) {
			s.refuse(w, r, http.StatusForbidden, "the Host header "+quote(r.Host)+" is not this server's; open the page at http://127.0.0.1:"+port+"/ as tsagmerge serve printed it")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && !s.ownOrigin(o, port) {
			s.refuse(w, r, http.StatusForbidden, "the request comes from another site (Origin "+quote(o)+"); only the page tsagmerge serve opened may use it")
			return
		}
		if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" {
			s.refuse(w, r, http.StatusForbidden, "the request comes from another site (Sec-Fetch-Site: cross-site); only the page tsagmerge serve opened may use it")
			return
		}
		got := r.Header.Get(TokenHeader)
		if got == "" {
			got = r.URL.Query().Get("token")
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.token)) != 1 {
			what := "the token is wrong"
			if got == "" {
				what = "the token is missing"
			}
			s.refuse(w, r, http.StatusUnauthorized, what+"; open the URL tsagmerge serve printed (it ends in ?token=…), or send the token in the "+TokenHeader+" header")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ownHost reports whether host is 127.0.0.1:port or localhost:port.
func (s *Server) ownHost(host, port string) bool {
	if port == "" {
		return false
	}
	h := strings.ToLower(host)
	return h == "127.0.0.1:"+port || h == "localhost:"+port
}

// ownOrigin reports whether origin is the page's own.
func (s *Server) ownOrigin(origin, port string) bool {
	o := strings.ToLower(origin)
	return o == "http://127.0.0.1:"+port || o == "http://localhost:"+port
}

func (s *Server) refuse(w http.ResponseWriter, r *http.Request, code int, msg string) {
	s.cfg.Logf("refused %s %s: %s", r.Method, r.URL.Path, msg)
	fail(w, code, msg)
}

// apiError is the body of every refusal: what is wrong and what to do.
type apiError struct {
	Error string `json:"error"`
}

// fail answers with a status and a JSON error.
func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}

// writeJSON answers with a status and v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// quote shows a client-sent value in a message, cut short.
func quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return `"` + strings.ToValidUTF8(s, "?") + `"`
}
