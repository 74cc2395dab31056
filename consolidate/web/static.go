package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

// static holds the page: its HTML, script, style and icon, served from the
// binary; nothing is fetched from elsewhere.
//
//go:embed static
var static embed.FS

var pageTemplate = template.Must(template.ParseFS(static, "static/index.html"))

// page is GET /: the page, given the token so that it can load its script
// and style and call the API.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pageTemplate.Execute(w, struct{ Token string }{s.token})
}

// staticFiles serves the embedded static folder, without listing it.
func staticFiles() http.Handler {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err)
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") || r.URL.Path == "/static/index.html" {
			fail(w, http.StatusNotFound, "no such file")
			return
		}
		files.ServeHTTP(w, r)
	})
}
