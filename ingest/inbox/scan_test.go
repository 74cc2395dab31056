package inbox

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
)

// fakeRead opens the package for real (so refusals are opc's) but takes
// the region from the file name and the saved date from modified, so that
// these tests do not depend on the document reader.
func fakeRead(modified map[string]time.Time) func(string) (*ingest.Document, error) {
	return func(path string) (*ingest.Document, error) {
		p, err := opc.Open(path)
		if err != nil {
			return nil, err
		}
		p.Close()
		name := filepath.Base(path)
		return &ingest.Document{
			Path:   path,
			Region: ingest.DetectRegion("", name, ""),
			Meta:   ingest.Metadata{Modified: modified[name]},
		}, nil
	}
}

// oleHeader is the start of a Word 97-2003 (.doc) file.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestScanFolder(t *testing.T) {
	dir := t.TempDir()
	docx := testkit.Bytes(testkit.File{Body: testkit.P("", "text")})
	writeFiles(t, dir, map[string][]byte{
		"AFR-contribution-v1.docx": docx,
		"AFR-contribution-v2.docx": docx,
		"~$R-contribution-v2.docx": []byte("owner"),
		".~lock.AMS.docx#":         []byte("lock"),
		"~WRL0005.tmp":             []byte("temp"),
		".DS_Store":                []byte("mac"),
		"notes.md":                 []byte("# notes"),
		"AMS-contribution.docm":    docx,
		"ARB-contribution.doc":     oleHeader,
		"ASP-contribution.pdf":     []byte("%PDF-1.7"),
		"CIS-contribution.docx":    oleHeader, // a .doc renamed
		"EUR-contribution.doc":     docx,      // a .docx renamed
		"noregion-report.docx":     docx,
	})
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	in, err := ScanWith([]string{dir}, Options{Read: fakeRead(nil)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status Status
		region string
		reason string
	}{
		".DS_Store":                {Ignored, "", "hidden file"},
		".~lock.AMS.docx#":         {Ignored, "AMS", "LibreOffice lock file"},
		"AFR-contribution-v1.docx": {Superseded, "AFR", "superseded by AFR-contribution-v2.docx: its name has a later version mark (v2, not v1)"},
		"AFR-contribution-v2.docx": {Used, "AFR", ""},
		"AMS-contribution.docm":    {Used, "AMS", "macro-enabled"},
		"ARB-contribution.doc":     {Refused, "ARB", "save it as Word Document (.docx)"},
		"ASP-contribution.pdf":     {Refused, "ASP", "ask the region for its Word file"},
		"CIS-contribution.docx":    {Refused, "CIS", "is a Word 97-2003 document (.doc), not a .docx"},
		"EUR-contribution.doc":     {Refused, "EUR", "is a Word document (.docx) under another name's ending; rename it to end in .docx"},
		"notes.md":                 {Ignored, "", "not a Word document"},
		"noregion-report.docx":     {Refused, "", "put the region code (AFR, AMS, ARB, ASP, CIS, EUR) in the file name"},
		"~$R-contribution-v2.docx": {Ignored, "", "Word owner (lock) file"},
		"~WRL0005.tmp":             {Ignored, "", "Word temporary file"},
	}
	if len(in.Files) != len(want) {
		t.Errorf("got %d files, want %d: %+v", len(in.Files), len(want), in.Files)
	}
	for _, f := range in.Files {
		w, ok := want[filepath.Base(f.Path)]
		if !ok {
			t.Errorf("unexpected entry %s", f.Path)
			continue
		}
		if f.Status != w.status || f.Region != w.region || !strings.Contains(f.Reason, w.reason) {
			t.Errorf("%s: got %s %q %q; want %s %q containing %q", f.Path, f.Status, f.Region, f.Reason, w.status, w.region, w.reason)
		}
		if (f.Status == Used || f.Status == Superseded) && f.Doc == nil {
			t.Errorf("%s: %s without a document", f.Path, f.Status)
		}
	}
	if got, want := in.Missing, []string{"ARB", "ASP", "CIS", "EUR"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing = %v, want %v", got, want)
	}
	used := in.Used()
	if len(used) != 2 || filepath.Base(used[0].Path) != "AFR-contribution-v2.docx" || filepath.Base(used[1].Path) != "AMS-contribution.docm" {
		t.Errorf("Used() = %v", used)
	}
	if e := in.Entry(filepath.Join(dir, "AFR-contribution-v1.docx")); e == nil || e.SupersededBy != filepath.Join(dir, "AFR-contribution-v2.docx") {
		t.Errorf("v1 entry = %+v", e)
	}
}

func TestScanChoosesBySavedDateThenFileTime(t *testing.T) {
	dir := t.TempDir()
	docx := testkit.Bytes(testkit.File{Body: testkit.P("", "text")})
	writeFiles(t, dir, map[string][]byte{"EUR a.docx": docx, "EUR b.docx": docx, "CIS a.docx": docx, "CIS b.docx": docx})
	t0 := time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC)
	// EUR: Word's saved date decides against the file times.
	// CIS: no saved date, so the file time decides.
	os.Chtimes(filepath.Join(dir, "EUR a.docx"), t0, t0.Add(time.Hour))
	os.Chtimes(filepath.Join(dir, "CIS a.docx"), t0, t0.Add(time.Hour))
	os.Chtimes(filepath.Join(dir, "CIS b.docx"), t0, t0)
	modified := map[string]time.Time{"EUR a.docx": t0, "EUR b.docx": t0.Add(time.Minute)}
	in, err := ScanWith([]string{dir}, Options{Read: fakeRead(modified), Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, why string }{
		{"EUR a.docx", "Word saved it later"},
		{"CIS b.docx", "the file was modified later"},
	} {
		e := in.Entry(filepath.Join(dir, tc.name))
		if e.Status != Superseded || !strings.Contains(e.Reason, tc.why) {
			t.Errorf("%s: %s %q; want superseded because %q", tc.name, e.Status, e.Reason, tc.why)
		}
	}
}

func TestScanNamedFiles(t *testing.T) {
	dir := t.TempDir()
	docx := testkit.Bytes(testkit.File{Body: testkit.P("", "text")})
	writeFiles(t, dir, map[string][]byte{"AFR.docx": docx, "ASP.docx": docx, "report.md": []byte("# x")})
	afr := filepath.Join(dir, "AFR.docx")
	// The same file named twice, once through "./" and once inside its folder.
	in, err := ScanWith([]string{afr, filepath.Join(dir, ".", "AFR.docx"), filepath.Join(dir, "report.md")}, Options{Read: fakeRead(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Files) != 2 {
		t.Fatalf("files = %+v; want AFR.docx once and report.md", in.Files)
	}
	if in.Missing != nil {
		t.Errorf("Missing = %v; named files judge only themselves", in.Missing)
	}
	if f := in.Files[1]; f.Status != Refused || !strings.Contains(f.Reason, "not a Word package") {
		t.Errorf("report.md named on its own: %s %q; want refused as not a Word package", f.Status, f.Reason)
	}
	in, err = ScanWith([]string{afr, dir}, Options{Read: fakeRead(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(in.Files); n != 3 {
		t.Errorf("file and its folder: %d entries, want 3 (AFR once)", n)
	}
}

func TestScanBadArguments(t *testing.T) {
	for _, args := range [][]string{nil, {filepath.Join(t.TempDir(), "nothing-here")}} {
		if _, err := ScanWith(args, Options{Read: fakeRead(nil)}); err == nil {
			t.Errorf("ScanWith(%q) gave no error", args)
		}
	}
}

// TestTDMark: a file with the TD's mark is taken for a TD only when it
// reads as one (several regions' sections); a region's contribution
// written over last period's TD keeps the mark and is still its region's.
func TestTDMark(t *testing.T) {
	dir := t.TempDir()
	td := filepath.Join(dir, "TD.docx")
	testkit.Write(t, td, testkit.File{TD: "TSAG-TD9", Body: testkit.P("Heading1", "Africa") + testkit.P("", "a") + testkit.P("Heading1", "Europe") + testkit.P("", "b")})
	one := filepath.Join(dir, "AMS-contribution.docx")
	testkit.Write(t, one, testkit.File{TD: "TSAG-TD9", Body: testkit.Region("Americas", "The office met in Brasilia.")})
	in, err := Scan([]string{td, one})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	if in.Files[0].Status != TD || in.Files[1].Status != Used || in.Files[1].Region != "AMS" {
		t.Errorf("statuses %s, %s (%s)", in.Files[0].Status, in.Files[1].Status, in.Files[1].Region)
	}
}

// A file named to a command that reads files one by one (inspect, diff)
// reads as Scan says it: the same line for a path that is not there and
// for a file refused by its name.
func TestReadNamedAsScan(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	pdf := filepath.Join(dir, "AFR.pdf")
	os.WriteFile(text, []byte("notes"), 0o644)
	os.WriteFile(pdf, []byte("%PDF-1.7"), 0o644)
	for _, p := range []string{filepath.Join(dir, "missing.docx"), text, pdf} {
		_, err := ReadNamed(p)
		var want string
		if in, serr := Scan([]string{p}); serr != nil {
			want = serr.Error()
		} else {
			want = in.RequireUsed([]string{p}).Error()
		}
		if err == nil || err.Error() != want {
			t.Errorf("ReadNamed(%s) = %v, want %q, as Scan says it", p, err, want)
		}
	}
}
