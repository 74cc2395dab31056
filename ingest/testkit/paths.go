package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the module's root folder, found by walking up from the
// test's folder to go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// Samples returns the folder of the six sample contributions.
func Samples(t testing.TB) string {
	return filepath.Join(Root(t), "testdata", "samples")
}

// Shared returns ../shared/sub next to the module root, skipping the test
// when it is absent, unless CI=true, where it fails.
func Shared(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join(Root(t), "..", "shared", sub)
	_, err := os.Stat(dir)
	Need(t, err == nil, dir+" is absent")
	return dir
}
