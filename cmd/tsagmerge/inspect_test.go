package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCaptured calls run as main does, with stdout and stderr captured.
func runCaptured(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

const samplesDir = "../../testdata/samples"

func TestInspectJSONKeys(t *testing.T) {
	dir := t.TempDir()
	accented := filepath.Join(dir, "Contribution Région Afrique v2.docx")
	copyFile(t, filepath.Join(samplesDir, "AFR-contribution.docx"), accented)
	bad := filepath.Join(dir, "notes.docx")
	os.WriteFile(bad, []byte("plain text"), 0o644)
	files := []string{accented, filepath.Join(samplesDir, "ASP-contribution.docx"), filepath.Join(samplesDir, "CIS-contribution.docx"), bad}

	code, stdout, stderr := runCaptured(t, append([]string{"inspect", "--json"}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d, want 0 (some files were read); stderr %s", code, stderr)
	}
	if want := "tsagmerge inspect: " + bad + ": is not a Word package"; !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", stderr, want)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, stdout)
	}
	if len(docs) != 3 {
		t.Fatalf("%d objects, want 3", len(docs))
	}
	for _, d := range docs {
		for _, key := range []string{"file", "region", "title", "application"} {
			if _, ok := d[key].(string); !ok {
				t.Errorf("%v: key %q missing or not a string", d["file"], key)
			}
		}
		for _, key := range []string{"sections", "comments", "revisions", "figures", "tables", "footnotes", "endnotes", "hyperlinks", "warnings"} {
			if _, ok := d[key].([]any); !ok {
				t.Errorf("%v: key %q is %v, want a list ([] when empty)", d["file"], key, d[key])
			}
		}
	}
	afr, asp := docs[0], docs[1]
	if afr["file"] != accented || afr["region"] != "AFR" {
		t.Errorf("accented file: file %v region %v", afr["file"], afr["region"])
	}
	fig := afr["figures"].([]any)[0].(map[string]any)
	for _, key := range []string{"part", "contentType", "bytes", "width", "height", "caption", "alt"} {
		if _, ok := fig[key]; !ok {
			t.Errorf("figure lacks %q: %v", key, fig)
		}
	}
	reply := asp["comments"].([]any)[1].(map[string]any)
	for _, key := range []string{"id", "author", "date", "text", "anchor", "section", "parent", "resolved"} {
		if _, ok := reply[key]; !ok {
			t.Errorf("comment lacks %q: %v", key, reply)
		}
	}
	if reply["parent"] != "1" || reply["resolved"] != false {
		t.Errorf("reply = %v", reply)
	}
	sec := asp["sections"].([]any)[1].(map[string]any)
	if sec["level"] != float64(2) || sec["title"] == "" {
		t.Errorf("section = %v", sec)
	}
	if tb := asp["tables"].([]any)[0].(map[string]any); tb["rows"] != float64(5) || tb["caption"] == "" {
		t.Errorf("table = %v", tb)
	}
}

func TestInspectText(t *testing.T) {
	code, stdout, _ := runCaptured(t, "inspect", filepath.Join(samplesDir, "ASP-contribution.docx"), filepath.Join(samplesDir, "AMS-contribution.docx"))
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"region:       ASP (heading: Asia and the Pacific",
		"\n    Asia and the Pacific - Regional Office for Asia and the Pacific\n      New Project on Artificial Intelligence",
		"open comments:\n    #1 Chan, Calvin 2026-01-09 on",
		"\n      #2 Sharma, Akanksha 2026-01-09: I don’t have any updates on this.\n",
		"1 comment (0 open), 2 revisions",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Count(stdout, "open comments:") != 1 {
		t.Error("AMS (its only comment resolved) should list no open comments")
	}
}

func TestInspectNothingReadable(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "~$lock.docx")
	os.WriteFile(bad, []byte{1, 'x'}, 0o644)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("notes"), 0o644)
	code, stdout, stderr := runCaptured(t, "inspect", bad, text)
	if code != exitBadInput || stdout != "" {
		t.Errorf("exit %d, stdout %q; want 2 and nothing", code, stdout)
	}
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 2 || !strings.Contains(lines[0], "owner (lock) file") {
		t.Errorf("stderr %q, want one line per file", stderr)
	}
}

func TestInspectFigures(t *testing.T) {
	out := t.TempDir()
	for range 2 {
		if code, _, stderr := runCaptured(t, "inspect", "--figures", out, filepath.Join(samplesDir, "AFR-contribution.docx")); code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	got, _ := filepath.Glob(filepath.Join(out, "*"))
	want := []string{
		filepath.Join(out, "AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025-2.png"),
		filepath.Join(out, "AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025.png"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("figures written %v, want %v", got, want)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
