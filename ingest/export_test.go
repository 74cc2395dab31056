package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestFigureFileName(t *testing.T) {
	tests := []struct {
		region string
		n      int
		fig    Figure
		want   string
	}{
		{"AFR", 1, Figure{Part: "word/media/rId20.png", Caption: "Figure 1: DFS Security Clinic participants"}, "AFR-fig1-dfs-security-clinic-participants.png"},
		{"EUR", 2, Figure{Part: "word/media/x.JPEG", Caption: "Fig. 2 – Réunion à Genève"}, "EUR-fig2-reunion-a-geneve.jpeg"},
		{"ASP", 3, Figure{Part: "word/media/a", ContentType: "image/png", Alt: "Alt only"}, "ASP-fig3-alt-only.png"},
		{"", 4, Figure{Part: "word/media/b.gif"}, "UNKNOWN-fig4.gif"},
		{"CIS", 5, Figure{Part: "m.png", Caption: "Figure 5: " + "averyveryverylongwordthatgoeson andanotherveryveryverylongwordthatgoeson third"}, "CIS-fig5-averyveryverylongwordthatgoeson.png"},
	}
	for _, tt := range tests {
		if got := FigureFileName(tt.region, tt.n, &tt.fig); got != tt.want {
			t.Errorf("FigureFileName(%s, %d, %+v) = %q, want %q", tt.region, tt.n, tt.fig, got, tt.want)
		}
	}
}

func TestWriteFiguresNeverOverwrites(t *testing.T) {
	doc, err := Read("../testdata/samples/AFR-contribution.docx")
	if err != nil {
		t.Fatal(err)
	}
	defer doc.Package.Close()
	dir := t.TempDir()
	existing := filepath.Join(dir, "AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025.png")
	if err := os.WriteFile(existing, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := WriteFigures(doc, dir); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{
		"AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025-2.png",
		"AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025-3.png",
		"AFR-fig1-dfs-security-clinic-participants-by-month-july-december-2025.png",
	}
	if len(names) != len(want) {
		t.Fatalf("files %v, want %v (no temporary files left)", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("file %d = %s, want %s", i, names[i], want[i])
		}
	}
	if data, _ := os.ReadFile(existing); string(data) != "keep me" {
		t.Error("an existing file was overwritten")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, want[0])); len(data) != int(doc.Figures[0].Bytes) {
		t.Errorf("written figure has %d bytes, want %d", len(data), doc.Figures[0].Bytes)
	}
}
