package consolidate

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"tsagmerge/consolidate/check"
	"tsagmerge/consolidate/merge"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
	"tsagmerge/ingest/xmltok"
	"tsagmerge/templates"
)

// filledMeta is a cover with every value publication needs.
func filledMeta() templates.Meta {
	m := templates.DefaultMeta()
	m.TDNumber, m.Place, m.Date = "TSAG-TD123", "Geneva", "20-23 January 2026"
	m.Contacts = []templates.Contact{{Name: "Jane Doe", Organization: "ITU", Country: "Switzerland", Email: "jane.doe@itu.int"}}
	return m
}

// TestPublish runs the publication policy through the library, as the
// command line and the web page do.
func TestPublish(t *testing.T) {
	samples := testkit.Samples(t)
	cis := filepath.Join(samples, "CIS-contribution.docx") // nothing to fix in it
	isRefused := func(err error) bool { var r *RefusedError; return errors.As(err, &r) && r.Check.Errors() > 0 }
	tests := []struct {
		name    string
		job     func(dir string) Job
		written bool
		err     func(error) bool // nil: no error
		note    string           // a note Publish must give
	}{
		{"the samples are refused for publication", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Meta: filledMeta()}
		}, false, isRefused, ""},
		{"a draft is written, with what check found noted", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()}
		}, true, nil, "check finds 3 errors"},
		{"forced publication is written and says so", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Mode: Forced, Options: DefaultOptions(Forced), Meta: filledMeta()}
		}, true, nil, "publishing despite 3 errors"},
		{"a clean region publishes, the others noted missing", func(dir string) Job {
			inbox := filepath.Join(dir, "inbox")
			os.Mkdir(inbox, 0o755)
			testkit.Copy(t, cis, filepath.Join(inbox, "CIS-contribution.docx"))
			return Job{Inputs: []string{inbox}, Out: filepath.Join(dir, "TD.docx"), Options: DefaultOptions(Publication), Meta: filledMeta()}
		}, true, nil, "no contribution from AFR, AMS, ARB, ASP, EUR"},
		{"explicit decisions on comments and changes publish", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Options: DefaultOptions(Publication),
				CommentsDecided: true, RevisionsDecided: true, Meta: filledMeta()}
		}, true, nil, ""},
		{"deciding the comments leaves the pending changes", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Options: DefaultOptions(Publication),
				CommentsDecided: true, Meta: filledMeta()}
		}, false, isRefused, ""},
		{"keeping the comments is no decision to publish them", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.docx"), Options: merge.Options{Comments: merge.CommentsKeep, Revisions: merge.RevisionsAccept},
				CommentsDecided: true, RevisionsDecided: true, Meta: filledMeta()}
		}, false, isRefused, ""},
		{"residue still stops publication", func(dir string) Job {
			return Job{Inputs: []string{residueInbox(t, dir)}, Out: filepath.Join(dir, "TD.docx"), Options: DefaultOptions(Publication),
				CommentsDecided: true, RevisionsDecided: true, Meta: filledMeta()}
		}, false, isRefused, ""},
		{"residue allowed by kind publishes", func(dir string) Job {
			return Job{Inputs: []string{residueInbox(t, dir)}, Out: filepath.Join(dir, "TD.docx"), Options: DefaultOptions(Publication),
				Allow: []check.Kind{check.Residue}, Meta: filledMeta()}
		}, true, nil, ""},
		{"publication needs the cover's values", func(dir string) Job {
			return Job{Inputs: []string{cis}, Out: filepath.Join(dir, "TD.docx"), Meta: templates.DefaultMeta()}
		}, false, isJobError("the cover needs td_number (--td)"), ""},
		{"a draft's cover gets markers", func(dir string) Job {
			return Job{Inputs: []string{cis}, Out: filepath.Join(dir, "TD.docx"), Mode: Draft, Meta: templates.DefaultMeta()}
		}, true, nil, "filled with markers"},
		{"the output may not replace an input", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: cis, Mode: Draft, Meta: filledMeta()}
		}, false, isJobError("is one of the contributions"), ""},
		{"the output is a .docx", func(dir string) Job {
			return Job{Inputs: []string{samples}, Out: filepath.Join(dir, "TD.doc"), Mode: Draft}
		}, false, isJobError("must end in .docx"), ""},
		{"nothing to merge", func(dir string) Job {
			return Job{Inputs: []string{dir}, Out: filepath.Join(dir, "TD.docx"), Mode: Draft, Meta: filledMeta()}
		}, false, isJobError("holds no .docx file"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			job := tt.job(dir)
			before, _ := os.ReadFile(cis)
			res, err := Publish(job)
			switch {
			case tt.err == nil && err != nil:
				t.Fatalf("Publish: %v", err)
			case tt.err != nil && !tt.err(err):
				t.Fatalf("Publish: error %v (%T), not the one expected", err, err)
			}
			if after, _ := os.ReadFile(cis); string(after) != string(before) {
				t.Fatal("an input was changed")
			}
			_, statErr := os.Stat(job.Out)
			if written := statErr == nil && job.Out != cis; written != tt.written {
				t.Errorf("written %v, want %v", written, tt.written)
			}
			if tt.written && (res.Report == nil || res.Size == 0) {
				t.Errorf("a written TD without its report: %+v", res)
			}
			if tt.note != "" && !strings.Contains(strings.Join(res.Notes, "\n"), tt.note) {
				t.Errorf("no note says %q: %q", tt.note, res.Notes)
			}
		})
	}
}

// residueInbox writes an inbox of one region whose text holds a bookmark
// pasted as text, and returns its folder.
func residueInbox(t *testing.T, dir string) string {
	inbox := filepath.Join(dir, "inbox")
	if err := os.Mkdir(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	testkit.Write(t, filepath.Join(inbox, "EUR-contribution.docx"), testkit.File{
		Body: testkit.Region("Europe", "The forum met in Geneva [bookmark: _Toc12345] in May 2025.")})
	return inbox
}

// isJobError matches a *JobError whose message holds want.
func isJobError(want string) func(error) bool {
	return func(err error) bool {
		var je *JobError
		return errors.As(err, &je) && strings.Contains(je.Msg, want)
	}
}

// TestPublishRefusesAnUnwritableOutputFirst: an output or index that is a
// folder, or whose name is too long, is refused before any work (nothing
// read, nothing written).
func TestPublishRefusesAnUnwritableOutputFirst(t *testing.T) {
	samples := testkit.Samples(t)
	tests := []struct {
		name       string
		out, index string // under the test's folder; a name ending in / is made a folder
		want       string
	}{
		{"output a folder", "TD.docx/", "", "TD.docx: is a folder, not a file"},
		{"index a folder", "TD.docx", "index.xlsx/", "index.xlsx: is a folder, not a file"},
		{"output name too long", strings.Repeat("n", 300) + ".docx", "", "more than the 255 a file name may have"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := func(name string) string {
				if name == "" {
					return ""
				}
				p := filepath.Join(dir, strings.TrimSuffix(name, "/"))
				if strings.HasSuffix(name, "/") {
					os.Mkdir(p, 0o755)
				}
				return p
			}
			var stages []string
			job := Job{Inputs: []string{samples}, Out: path(tt.out), Index: path(tt.index), Mode: Draft, Options: DefaultOptions(Draft),
				Meta: filledMeta(), Progress: func(s string) { stages = append(stages, s) }}
			_, err := Publish(job)
			if !isJobError(tt.want)(err) {
				t.Fatalf("Publish: %v, want a JobError saying %q", err, tt.want)
			}
			if len(stages) > 0 {
				t.Errorf("work done before the refusal: %q", stages)
			}
			if info, err := os.Stat(job.Out); err == nil && !info.IsDir() {
				t.Errorf("the TD was written")
			}
		})
	}
}

// TestPublishUTF16: a region whose XML parts are stored in UTF-16 is
// merged, and every part of the TD is UTF-8.
func TestPublishUTF16(t *testing.T) {
	dir := t.TempDir()
	parts := testkit.Parts(testkit.Bytes(testkit.File{Body: testkit.Region("Europe", "Réunion à Genève, 😀.")}))
	for name, data := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			parts[name] = testkit.UTF16(data, false, true)
		}
	}
	inbox := filepath.Join(dir, "inbox")
	os.Mkdir(inbox, 0o755)
	os.WriteFile(filepath.Join(inbox, "EUR-contribution.docx"), testkit.Zip(parts), 0o644)
	out := filepath.Join(dir, "TD.docx")
	if _, err := Publish(Job{Inputs: []string{inbox}, Out: out, Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()}); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	data, _ := os.ReadFile(out)
	for name, part := range testkit.Parts(data) {
		if (strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")) && (strings.ContainsRune(part, 0) || !utf8.ValidString(part)) {
			t.Errorf("%s is not UTF-8", name)
		}
		if name == "word/document.xml" && !strings.Contains(part, "Réunion à Genève, 😀.") {
			t.Errorf("the region's text is not in the TD")
		}
	}
}

// TestPublishEscapedTargets: a figure whose part name needs escaping, its
// target and content-type override written escaped (or, as some writers
// do, not), is found and merged, and the TD's target for it is escaped and
// resolves.
func TestPublishEscapedTargets(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(testkit.Samples(t), "AFR-contribution.docx"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, entry, written string }{
		{"escaped", "word/media/my figure é.png", "media/my%20figure%20%C3%A9.png"},
		{"as it is", "word/media/my figure.png", "media/my figure.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := testkit.Parts(src)
			parts[tt.entry] = parts["word/media/rId20.png"]
			delete(parts, "word/media/rId20.png")
			for _, p := range []string{"word/_rels/document.xml.rels", "[Content_Types].xml"} {
				parts[p] = strings.ReplaceAll(parts[p], "media/rId20.png", tt.written)
			}
			dir := t.TempDir()
			inbox := filepath.Join(dir, "inbox")
			os.Mkdir(inbox, 0o755)
			os.WriteFile(filepath.Join(inbox, "AFR-contribution.docx"), testkit.Zip(parts), 0o644)
			out := filepath.Join(dir, "TD.docx")
			res, err := Publish(Job{Inputs: []string{inbox}, Out: out, Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()})
			if err != nil {
				t.Fatalf("Publish: %v", err)
			}
			if res.Report.Regions[0].Figures != 1 {
				t.Errorf("%d figures merged, want 1", res.Report.Regions[0].Figures)
			}
			data, _ := os.ReadFile(out)
			rels := testkit.Parts(data)["word/_rels/document.xml.rels"]
			if want := `Target="media/afr-` + opc.EscapeTarget(path.Base(tt.entry)) + `"`; !strings.Contains(rels, want) {
				t.Errorf("the TD's relationships lack %s", want)
			}
		})
	}
}

// TestPublishDeepestInput: a region nested as deep as an input may be
// (256 levels) is merged, and the TD is no deeper: validate holds every
// part of it to the 256 levels common readers take.
func TestPublishDeepestInput(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	os.Mkdir(inbox, 0o755)
	k := 124 // w:document, w:body, 124 × (w:sdt, w:sdtContent), w:p, w:r, w:ruby, w:rubyBase, w:r, w:t: 256
	body := testkit.P("Heading1", "Europe") + strings.Repeat("<w:sdt><w:sdtContent>", k) +
		`<w:p><w:r><w:ruby><w:rubyBase><w:r><w:t>deep</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>` +
		strings.Repeat("</w:sdtContent></w:sdt>", k)
	testkit.Write(t, filepath.Join(inbox, "EUR-contribution.docx"), testkit.File{Body: body})
	out := filepath.Join(dir, "TD.docx")
	if _, err := Publish(Job{Inputs: []string{inbox}, Out: out, Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()}); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	data, _ := os.ReadFile(out)
	doc := testkit.Parts(data)["word/document.xml"]
	sc := xmltok.New([]byte(doc), xmltok.Options{MaxDepth: xmltok.ReadersMaxDepth})
	deepest := 0
	for sc.Next() {
		deepest = max(deepest, sc.Depth())
	}
	if sc.Err() != nil || deepest > 256 {
		t.Fatalf("the TD nests %d levels deep (%v)", deepest, sc.Err())
	}
}

// BenchmarkPublish times the whole draft job on the bench sets, as
// "consolidate --draft" runs it: reading, check, merge, validation,
// read-back and the atomic write.
func BenchmarkPublish(b *testing.B) {
	for _, set := range []string{"x40", "x400"} {
		b.Run(set, func(b *testing.B) {
			inbox := testkit.Shared(b, "bench/"+set)
			out := filepath.Join(b.TempDir(), "TD.docx")
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Publish(Job{Inputs: []string{inbox}, Out: out, Mode: Draft, Options: DefaultOptions(Draft), Meta: templates.DefaultMeta()}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestForcedNeedsTheCover refuses a forced publication whose cover lacks
// values before anything is said of publishing it.
func TestForcedNeedsTheCover(t *testing.T) {
	job := Job{Inputs: []string{testkit.Samples(t)}, Out: filepath.Join(t.TempDir(), "TD.docx"), Mode: Forced,
		Options: DefaultOptions(Forced), Meta: templates.DefaultMeta()}
	res, err := Publish(job)
	if !isJobError("the cover needs")(err) {
		t.Fatalf("Publish: %v, want the cover's refusal", err)
	}
	for _, n := range res.Notes {
		if strings.Contains(n, "publishing despite") {
			t.Errorf("a refused forced publication notes %q", n)
		}
	}
}

// TestPublishReplacesOnlyATD writes over the TD a run wrote, but not over
// another file (a contribution copied out of the inbox), which stays as it
// was.
func TestPublishReplacesOnlyATD(t *testing.T) {
	samples := testkit.Samples(t)
	out := filepath.Join(t.TempDir(), "TD.docx")
	testkit.Copy(t, filepath.Join(samples, "CIS-contribution.docx"), out)
	before, _ := os.ReadFile(out)
	job := Job{Inputs: []string{samples}, Out: out, Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()}
	if _, err := Publish(job); !isJobError("is not a TD tsagmerge wrote")(err) {
		t.Fatalf("Publish over a contribution: %v", err)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Fatal("the file was replaced")
	}
	os.Remove(out)
	for i := range 2 { // the second run replaces the first's TD
		if _, err := Publish(job); err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
	}
}

// TestPublishReplacesOnlyAnIndex refuses, before writing anything, an
// --index that names a file tsagmerge did not write, and leaves it as it
// was.
func TestPublishReplacesOnlyAnIndex(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "activities.xlsx")
	if err := os.WriteFile(sheet, []byte("kept by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "TD.docx")
	job := Job{Inputs: []string{testkit.Samples(t)}, Out: out, Index: sheet, Mode: Draft, Options: DefaultOptions(Draft), Meta: filledMeta()}
	if _, err := Publish(job); !isJobError("--index " + sheet + ": the file is there and is not an activity index tsagmerge wrote")(err) {
		t.Fatalf("Publish over a workbook kept by hand: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the TD was written")
	}
	if data, _ := os.ReadFile(sheet); string(data) != "kept by hand" {
		t.Error("the workbook was replaced")
	}
}
