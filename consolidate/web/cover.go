package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"tsagmerge/templates"
)

// coverJSON is the cover as the page sends it: templates.Meta under the
// keys meta.yaml uses.
type coverJSON struct {
	TDNumber  string        `json:"td_number"`
	Place     string        `json:"place"`
	Date      string        `json:"date"`
	Title     string        `json:"title"`
	Source    string        `json:"source"`
	Purpose   string        `json:"purpose"`
	Questions string        `json:"questions"`
	Keywords  string        `json:"keywords"`
	Contacts  []contactJSON `json:"contacts"`
}

type contactJSON struct {
	Name         string `json:"name"`
	Organization string `json:"organization"`
	Country      string `json:"country"`
	Tel          string `json:"tel"`
	Email        string `json:"email"`
}

// meta is the cover given, on templates.DefaultMeta: as the consolidate
// command's flags, a value left empty keeps the default, and a contact
// left wholly empty is no contact.
func (c coverJSON) meta() templates.Meta {
	m := templates.DefaultMeta()
	for _, f := range []struct {
		from string
		to   *string
	}{{c.TDNumber, &m.TDNumber}, {c.Place, &m.Place}, {c.Date, &m.Date}, {c.Title, &m.Title}, {c.Source, &m.Source},
		{c.Purpose, &m.Purpose}, {c.Questions, &m.Questions}, {c.Keywords, &m.Keywords}} {
		if v := strings.TrimSpace(f.from); v != "" {
			*f.to = v
		}
	}
	for _, k := range c.Contacts {
		t := templates.Contact{Name: strings.TrimSpace(k.Name), Organization: strings.TrimSpace(k.Organization),
			Country: strings.TrimSpace(k.Country), Tel: strings.TrimSpace(k.Tel), Email: strings.TrimSpace(k.Email)}
		if t != (templates.Contact{}) {
			m.Contacts = append(m.Contacts, t)
		}
	}
	return m
}

// coverOf is a templates.Meta as the page shows it.
func coverOf(m templates.Meta) coverJSON {
	c := coverJSON{TDNumber: m.TDNumber, Place: m.Place, Date: m.Date, Title: m.Title, Source: m.Source,
		Purpose: m.Purpose, Questions: m.Questions, Keywords: m.Keywords, Contacts: []contactJSON{}}
	for _, k := range m.Contacts {
		c.Contacts = append(c.Contacts, contactJSON(k))
	}
	return c
}

// coverCheckJSON is what POST /api/cover/check says of a cover.
type coverCheckJSON struct {
	// Problems are templates.Meta.Validate's, each with its field's key.
	Problems []problemJSON `json:"problems"`
	// Missing names what publication needs that the cover lacks
	// (templates.Meta.Missing); a draft fills those with markers.
	Missing []string `json:"missing"`
}

// coverCheck is POST /api/cover/check: the cover judged as consolidate
// judges it.
func (s *Server) coverCheck(w http.ResponseWriter, r *http.Request) {
	var c coverJSON
	if !readJSON(w, r, &c) {
		return
	}
	m := c.meta()
	out := coverCheckJSON{Problems: problems(m.Validate(), nil), Missing: m.Missing()}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	writeJSON(w, http.StatusOK, out)
}

// coverYAML is POST /api/cover/yaml: the cover as meta.yaml, in the layout
// and with the explanations of `tsagmerge cover init` (templates.MetaSkeleton).
func (s *Server) coverYAML(w http.ResponseWriter, r *http.Request) {
	var c coverJSON
	if !readJSON(w, r, &c) {
		return
	}
	data, err := metaYAML(c.meta())
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	attach(w, "meta.yaml", "application/yaml; charset=utf-8")
	w.Write(data)
}

// metaYAML fills templates.MetaSkeleton's values with m's, keeping its
// comments. Every key of the skeleton is set from m; a key m has that the
// skeleton lacks is an error (the file would lose it).
func metaYAML(m templates.Meta) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(templates.MetaSkeleton), &doc); err != nil || len(doc.Content) == 0 {
		return nil, fmt.Errorf("the meta.yaml skeleton cannot be read: %v", err)
	}
	root := doc.Content[0]
	values := map[string]string{"td_number": m.TDNumber, "place": m.Place, "date": m.Date, "title": m.Title,
		"source": m.Source, "purpose": m.Purpose, "questions": m.Questions, "keywords": m.Keywords}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		seen[key] = true
		if key == "contacts" {
			var n yaml.Node
			if err := n.Encode(m.Contacts); err != nil {
				return nil, err
			}
			val.Content, val.Style = n.Content, n.Style
			continue
		}
		v, ok := values[key]
		if !ok {
			return nil, fmt.Errorf("the meta.yaml skeleton has a key %q the cover does not", key)
		}
		val.Kind, val.Tag, val.Value, val.Style = yaml.ScalarNode, "!!str", v, 0
	}
	for key := range values {
		if !seen[key] {
			return nil, fmt.Errorf("the meta.yaml skeleton lacks the key %q", key)
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// coverParse is POST /api/cover/parse: a meta.yaml (the body) read as
// `consolidate --meta` reads it (templates.LoadMeta), for the page's form.
func (s *Server) coverParse(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSON))
	if err != nil {
		fail(w, http.StatusRequestEntityTooLarge, "a meta.yaml is a few hundred bytes; this one is over 1 MiB")
		return
	}
	dir, err := os.MkdirTemp(s.dir, "cover-")
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "meta.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	m, err := templates.LoadMeta(path)
	if err != nil {
		msg := strings.ReplaceAll(err.Error(), path, "meta.yaml")
		body := coverErrorJSON{Error: msg, Problems: problems(err, func(s string) string { return strings.ReplaceAll(s, path, "meta.yaml") })}
		writeJSON(w, http.StatusUnprocessableEntity, body)
		return
	}
	writeJSON(w, http.StatusOK, coverOf(m))
}

// problemJSON is one problem of a cover: the key of its field
// ("contacts[1].email"), what is wrong, and where the value came from.
type problemJSON struct {
	Key   string `json:"key"`
	Text  string `json:"text"`
	Where string `json:"where,omitempty"`
}

// problems lists the problems of a *templates.MetaError (none for another
// error), their places passed through where when it is set.
func problems(err error, where func(string) string) []problemJSON {
	out := []problemJSON{}
	var me *templates.MetaError
	if !errors.As(err, &me) {
		return out
	}
	for _, p := range me.Problems {
		if where != nil {
			p.Where = where(p.Where)
		}
		out = append(out, problemJSON{Key: p.Key, Text: p.Text, Where: p.Where})
	}
	return out
}
