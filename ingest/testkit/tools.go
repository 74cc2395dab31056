package testkit

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// toolLimit bounds one run of an external reader; LibreOffice's first
// start in a fresh profile takes tens of seconds on a loaded machine.
const toolLimit = 10 * time.Minute

// Need skips the test with the reason why when ok is false, except in CI
// (CI=true), where every test must run and so it fails instead.
func Need(t testing.TB, ok bool, why string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: CI must provide it, see .ci/run)", why)
	}
	t.Skip(why)
}

// RequireTool skips the test when an external program is missing, except
// in CI, where the test must run and so fails.
func RequireTool(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		_, err := exec.LookPath(name)
		Need(t, err == nil, name+" is not installed")
	}
}

// Run runs a program with a time limit and returns its standard output,
// failing the test with the program's standard error when it fails.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), toolLimit)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output()
	if err != nil {
		msg := err.Error()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg += ": " + string(ee.Stderr)
		}
		t.Fatalf("%s %s: %s", name, strings.Join(args, " "), msg)
	}
	return string(out)
}

// ConvertPDF has LibreOffice convert docx to PDF in outdir and returns the
// PDF's path. Each call uses a private profile in outdir, so concurrent
// runs do not collide on LibreOffice's user installation.
func ConvertPDF(t testing.TB, docx, outdir string) string {
	t.Helper()
	RequireTool(t, "soffice")
	profile := "file://" + filepath.ToSlash(filepath.Join(outdir, "lo-profile"))
	Run(t, "soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", outdir, docx)
	pdf := filepath.Join(outdir, strings.TrimSuffix(filepath.Base(docx), filepath.Ext(docx))+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("soffice wrote no PDF for %s: %v", docx, err)
	}
	return pdf
}
