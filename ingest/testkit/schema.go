package testkit

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"
)

// schemaScript runs ../shared/ooxml/xsdcheck.py with its reference rules on
// the files named and prints, for each, the patterns of its messages (the
// values and positions blanked, as xsdcheck.pattern does), so that an
// output's errors can be set against its inputs'.
const schemaScript = `
import contextlib, io, json, sys
sys.path.insert(0, sys.argv[1])
import xsdcheck
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        xsdcheck.main(['--json', '--rules'] + sys.argv[2:])
    except SystemExit:
        pass
res = json.loads(out.getvalue())
print(json.dumps({f: sorted({xsdcheck.pattern(m) for ms in parts.values() for m in ms}) for f, parts in res.items()}))
`

// SchemaErrors validates .docx files against the ISO 29500 and Microsoft
// schemas and the reference rules (../shared/ooxml/xsdcheck.py, which
// needs Debian's python3-lxml) and returns, by file, the set of its
// messages' patterns.
func SchemaErrors(t testing.TB, files ...string) map[string]map[string]bool {
	t.Helper()
	dir := Shared(t, "ooxml")
	py := "/usr/bin/python3"
	err := exec.Command(py, "-c", "import lxml").Run()
	Need(t, err == nil, "python3-lxml is not installed (xsdcheck.py needs it)")
	args := append([]string{"-c", schemaScript, dir}, files...)
	var res map[string][]string
	if err := json.Unmarshal([]byte(Run(t, py, args...)), &res); err != nil {
		t.Fatalf("xsdcheck's output: %v", err)
	}
	out := map[string]map[string]bool{}
	for _, f := range files {
		set := map[string]bool{}
		for _, p := range res[f] {
			set[p] = true
		}
		if _, ok := res[f]; !ok {
			if abs, err := filepath.Abs(f); err == nil {
				for _, p := range res[abs] {
					set[p] = true
				}
			}
		}
		out[f] = set
	}
	return out
}
