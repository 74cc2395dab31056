package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"tsagmerge/consolidate"
	"tsagmerge/consolidate/activity"
	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/index"
	"tsagmerge/consolidate/merge"
	"tsagmerge/ingest"
	"tsagmerge/ingest/inbox"
	"tsagmerge/templates"
)

// maxJSON caps a JSON request body: a cover and choices need a few KB.
const maxJSON = 1 << 20

// regionJSON is one region as the page names it.
type regionJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// configJSON is GET /api/config: what the page needs to know before any
// upload.
type configJSON struct {
	Regions  []regionJSON      `json:"regions"`
	Kinds    []kindJSON        `json:"kinds"`
	Purposes []string          `json:"purposes"`
	Cover    coverJSON         `json:"cover"` // the defaults
	Limits   map[string]uint64 `json:"limits"`
}

type kindJSON struct {
	Kind  check.Kind `json:"kind"`
	Label string     `json:"label"`
}

func (s *Server) config(w http.ResponseWriter, r *http.Request) {
	c := configJSON{Purposes: templates.Purposes, Cover: coverOf(templates.DefaultMeta()),
		Limits: map[string]uint64{"upload_bytes": uint64(s.cfg.Limits.MaxUpload), "files": uint64(s.cfg.Limits.MaxFiles)}}
	for _, reg := range ingest.Regions {
		c.Regions = append(c.Regions, regionJSON{reg.Code, reg.Name})
	}
	for _, k := range check.Kinds {
		c.Kinds = append(c.Kinds, kindJSON{k, kindLabel(k)})
	}
	writeJSON(w, http.StatusOK, c)
}

// upload is POST /api/sessions: the files are stored in a new session,
// scanned and checked, and the activity index written.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	lim := s.cfg.Limits
	if r.ContentLength > lim.MaxUpload {
		fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the upload is larger than %d MiB; send fewer or smaller files", lim.MaxUpload>>20))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, lim.MaxUpload)
	ss, err := s.newSession()
	if err != nil {
		fail(w, http.StatusInternalServerError, "cannot store the upload: "+err.Error())
		return
	}
	st := &store{lim: lim, dir: ss.in, tmp: ss.dir, taken: map[string]bool{}}
	err = receive(r, st)
	ss.files = st.files
	if err == nil {
		err = ss.scan()
	}
	if err == nil && !s.add(ss) {
		err = refusef(http.StatusServiceUnavailable, "the server is stopping")
	}
	if err != nil {
		os.RemoveAll(ss.dir)
		var ue *uploadError
		if errors.As(err, &ue) {
			s.cfg.Logf("upload refused: %s", ue.msg)
			fail(w, ue.code, ue.msg)
			return
		}
		fail(w, http.StatusInternalServerError, ss.scrub(err.Error()))
		return
	}
	writeJSON(w, http.StatusCreated, ss.describe())
}

// scan reads the session's inbox, keeps check's report on it and writes
// the activity index. An inbox with no contribution (and no TD to check)
// is refused with inbox's reason.
func (ss *session) scan() error {
	in, err := inbox.ScanWith([]string{ss.in}, inbox.Options{})
	if err != nil {
		return err
	}
	defer in.Close()
	rep := check.Run(in, check.Options{})
	docs := in.Used()
	if len(docs) == 0 && len(in.TDs()) == 0 {
		return refusef(http.StatusUnprocessableEntity, "%s", ss.scrub(in.RequireUsed([]string{ss.in}).Error()))
	}
	ss.report = ss.shown(rep)
	for _, f := range ss.report.Files {
		if f.Region != "" && !slices.Contains(ss.regionsWithFile, f.Region) {
			ss.regionsWithFile = append(ss.regionsWithFile, f.Region)
		}
	}
	if len(docs) > 0 {
		path := filepath.Join(ss.out, "activities.xlsx")
		if err := index.Build(docs, activity.Options{}).WriteFile(path); err != nil {
			return err
		}
		ss.keep(output{Kind: "index", Name: "TSAG-regional-activities.xlsx", path: path,
			mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
	}
	return nil
}

// shown is a check report as the page shows it: files named as stored,
// without the session's folder, and no document kept in memory.
func (ss *session) shown(rep *check.Report) *check.Report {
	out := &check.Report{Missing: slices.Clone(rep.Missing), Files: make([]inbox.FileEntry, len(rep.Files)),
		Findings: make([]check.Finding, len(rep.Findings))}
	base := func(p string) string {
		if p == "" {
			return ""
		}
		return filepath.Base(p)
	}
	for i, f := range rep.Files {
		f.Doc = nil
		f.Path, f.SupersededBy, f.Reason = base(f.Path), base(f.SupersededBy), ss.scrub(f.Reason)
		out.Files[i] = f
	}
	for i, f := range rep.Findings {
		f.File, f.Text, f.Context = base(f.File), ss.scrub(f.Text), ss.scrub(f.Context)
		out.Findings[i] = f
	}
	return out
}

// keep records an output built, with its size.
func (ss *session) keep(o output) {
	if info, err := os.Stat(o.path); err == nil {
		o.Bytes = info.Size()
	}
	ss.mu.Lock()
	ss.outputs[o.Kind] = o
	ss.mu.Unlock()
}

// forget withdraws an output (a published TD that the latest choices no
// longer allow).
func (ss *session) forget(kind string) {
	ss.mu.Lock()
	if o, ok := ss.outputs[kind]; ok {
		os.Remove(o.path)
		delete(ss.outputs, kind)
	}
	ss.mu.Unlock()
}

// sessionJSON is what POST /api/sessions and GET /api/sessions/{id} say.
type sessionJSON struct {
	ID    string       `json:"id"`
	Files []storedFile `json:"files"`
	// Busy is true while a build runs; Stage says what it is doing.
	Busy      bool           `json:"busy"`
	Stage     string         `json:"stage"`
	Report    string         `json:"report"`
	Downloads []downloadJSON `json:"downloads"`
}

// downloadJSON is one file to download.
type downloadJSON struct {
	Kind   string `json:"kind"` // draft, td, index, findings
	Region string `json:"region,omitempty"`
	Name   string `json:"name"`
	URL    string `json:"url"`
	Bytes  int64  `json:"bytes,omitempty"`
}

func (ss *session) describe() sessionJSON {
	base := "/api/sessions/" + ss.id
	j := sessionJSON{ID: ss.id, Files: ss.files, Report: base + "/report", Downloads: []downloadJSON{}}
	ss.mu.Lock()
	j.Stage, j.Busy = ss.stage, ss.stage != ""
	for _, kind := range []string{"draft", "td", "index"} {
		if o, ok := ss.outputs[kind]; ok {
			j.Downloads = append(j.Downloads, downloadJSON{Kind: kind, Name: o.Name, URL: base + "/downloads/" + kind, Bytes: o.Bytes})
		}
	}
	ss.mu.Unlock()
	for _, code := range ss.reportRegions() {
		j.Downloads = append(j.Downloads, downloadJSON{Kind: "findings", Region: code, Name: findingsName(code),
			URL: base + "/downloads/findings-" + code})
	}
	return j
}

// status is GET /api/sessions/{id}.
func (s *Server) status(w http.ResponseWriter, r *http.Request, ss *session) {
	writeJSON(w, http.StatusOK, ss.describe())
}

// report is GET /api/sessions/{id}/report: check's report, as check
// --json prints it.
func (s *Server) report(w http.ResponseWriter, r *http.Request, ss *session) {
	writeJSON(w, http.StatusOK, ss.report)
}

// buildRequest is the body of POST /api/sessions/{id}/build.
type buildRequest struct {
	// Mode is draft or publish.
	Mode  string    `json:"mode"`
	Cover coverJSON `json:"cover"`
	// Comments is keep or drop, Revisions keep, accept or reject; empty
	// when the user has not decided (the mode's default is taken).
	Comments  string `json:"comments"`
	Revisions string `json:"revisions"`
	// Allow are kinds of finding that may not stop publication.
	Allow []string `json:"allow"`
}

// buildJSON is the answer to a build.
type buildJSON struct {
	Mode      string               `json:"mode"`
	Download  downloadJSON         `json:"download"`
	Notes     []string             `json:"notes"`
	Regions   []merge.RegionReport `json:"regions"`
	Warnings  []string             `json:"warnings"`
	TookMilli int64                `json:"took_ms"`
	Session   sessionJSON          `json:"session"`
}

// refusedJSON is a publication refused: check's report with the choices
// made, whose errors are what still stops it.
type refusedJSON struct {
	Error  string        `json:"error"`
	Report *check.Report `json:"report"`
}

// coverErrorJSON is a cover refused, each problem with its field.
type coverErrorJSON struct {
	Error    string        `json:"error"`
	Problems []problemJSON `json:"problems"`
}

// build is POST /api/sessions/{id}/build: consolidate.Publish, as a draft
// or for publication, with the cover and the choices given.
func (s *Server) build(w http.ResponseWriter, r *http.Request, ss *session) {
	var req buildRequest
	if !readJSON(w, r, &req) {
		return
	}
	job, kind, err := ss.job(req)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	ss.build.Lock()
	defer ss.build.Unlock()
	defer ss.setStage("")
	ss.setStage("starting")
	job.Progress = ss.setStage
	if kind == "td" {
		ss.forget("td") // offered again only if this publication goes through
	}
	res, err := consolidate.Publish(job)
	var (
		refused *consolidate.RefusedError
		me      *templates.MetaError
		je      *consolidate.JobError
		inv     *consolidate.InvalidError
	)
	switch {
	case errors.As(err, &refused):
		writeJSON(w, http.StatusConflict, refusedJSON{Error: err.Error() + "; decide what becomes of the comments and tracked changes, or fix the files", Report: ss.shown(refused.Check)})
		return
	case errors.As(err, &me):
		writeJSON(w, http.StatusUnprocessableEntity, coverErrorJSON{Error: "the cover: " + me.Error(), Problems: problems(me, nil)})
		return
	case errors.As(err, &je):
		writeJSON(w, http.StatusUnprocessableEntity, coverErrorJSON{Error: ss.scrub(je.Msg), Problems: problems(job.Meta.Validate(), nil)})
		return
	case errors.As(err, &inv):
		fail(w, http.StatusUnprocessableEntity, ss.scrub(err.Error()))
		return
	case err != nil:
		fail(w, http.StatusInternalServerError, ss.scrub(err.Error()))
		return
	}
	ss.keep(output{Kind: kind, Name: tdFileName(job.Meta, kind), path: job.Out,
		mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"})
	out := buildJSON{Mode: req.Mode, Notes: []string{}, Warnings: []string{}, TookMilli: res.Took.Milliseconds()}
	for _, n := range res.Notes {
		out.Notes = append(out.Notes, ss.scrub(n))
	}
	if res.Report != nil {
		out.Regions = res.Report.Regions
		for i := range out.Regions {
			out.Regions[i].File = filepath.Base(out.Regions[i].File)
		}
		for _, wn := range res.Report.Warnings {
			out.Warnings = append(out.Warnings, ss.scrub(wn))
		}
	}
	out.Session = ss.describe()
	for _, d := range out.Session.Downloads {
		if d.Kind == kind {
			out.Download = d
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// job turns a build request into a consolidate.Job, as the consolidate
// command turns its flags into one: the mode's default options, and the
// choices made where made. kind is the output's: draft or td.
func (ss *session) job(req buildRequest) (job consolidate.Job, kind string, err error) {
	job = consolidate.Job{Inputs: []string{ss.in}, Meta: req.Cover.meta()}
	switch req.Mode {
	case "draft":
		job.Mode, kind = consolidate.Draft, "draft"
	case "publish":
		job.Mode, kind = consolidate.Publication, "td"
	default:
		return job, "", fmt.Errorf("mode %s: say draft or publish", quote(req.Mode))
	}
	job.Out = filepath.Join(ss.out, kind+".docx")
	job.Options = consolidate.DefaultOptions(job.Mode)
	comments := map[string]merge.CommentMode{"keep": merge.CommentsKeep, "drop": merge.CommentsDrop}
	revisions := map[string]merge.RevisionMode{"keep": merge.RevisionsKeep,
		"accept": merge.RevisionsAccept, "reject": merge.RevisionsReject}
	if req.Comments != "" {
		m, ok := comments[req.Comments]
		if !ok {
			return job, "", fmt.Errorf("comments %s: say keep or drop (or leave it empty, undecided)", quote(req.Comments))
		}
		job.Options.Comments, job.CommentsDecided = m, true
	}
	if req.Revisions != "" {
		m, ok := revisions[req.Revisions]
		if !ok {
			return job, "", fmt.Errorf("revisions %s: say keep, accept or reject (or leave it empty, undecided)", quote(req.Revisions))
		}
		job.Options.Revisions, job.RevisionsDecided = m, true
	}
	for _, a := range req.Allow {
		k, ok := check.ParseKind(a)
		if !ok {
			return job, "", fmt.Errorf("allow %s: no such kind of finding", quote(a))
		}
		job.Allow = append(job.Allow, k)
	}
	return job, kind, nil
}

// tdFileName is the name a TD is saved as: its number (a draft's marked
// so), or the report's usual name when the number is not given yet.
func tdFileName(m templates.Meta, kind string) string {
	name := "TSAG-TD-regional-offices"
	if strings.TrimSpace(m.TDNumber) != "" {
		name = safeName(m.TDNumber)
	}
	if kind == "draft" {
		name += "-draft"
	}
	return name + ".docx"
}

// download is GET /api/sessions/{id}/downloads/{name}: a TD, the index or
// a region's findings report, as an attachment.
func (s *Server) download(w http.ResponseWriter, r *http.Request, ss *session) {
	name := r.PathValue("name")
	if code, ok := strings.CutPrefix(name, "findings-"); ok {
		if !slices.Contains(ss.reportRegions(), code) {
			fail(w, http.StatusNotFound, "no findings report for "+quote(code)+"; the regions are those the upload has files for")
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		attach(w, findingsName(code), "text/html; charset=utf-8")
		if err := writeFindings(w, ss.report, code); err != nil {
			s.cfg.Logf("findings report %s: %v", code, err)
		}
		return
	}
	ss.mu.Lock()
	o, ok := ss.outputs[name]
	ss.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, "nothing to download as "+quote(name)+" yet; build it first")
		return
	}
	f, err := os.Open(o.path)
	if err != nil {
		fail(w, http.StatusNotFound, "the file is gone; build it again")
		return
	}
	defer f.Close()
	attach(w, o.Name, o.mimeType)
	io.Copy(w, f)
}

// attach names an answer as a file to save.
func attach(w http.ResponseWriter, name, mimeType string) {
	w.Header().Set("Content-Type", mimeType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

// readJSON decodes a JSON body into v, refusing unknown fields; false when
// it answered with the refusal.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		fail(w, http.StatusBadRequest, "the request is not the JSON expected: "+err.Error())
		return false
	}
	return true
}
