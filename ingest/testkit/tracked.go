package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// trackedScript has LibreOffice, through its Python bridge, open each file
// twice, accept every tracked change the first time and reject every one
// the second (its own Accept All and Reject All), and save the text of
// each as FILE.accept.txt and FILE.reject.txt in outdir. One LibreOffice
// serves all the files: its start is most of the cost. It runs on the
// headless display plugin (svp), with its messages discarded.
const trackedScript = `
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
profile, outdir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
pipe = "tsagmerge%d" % os.getpid()
env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
proc = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless", "--invisible", "--norestore",
                         "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
ctx = None
for i in range(1200):
    try:
        ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe); break
    except Exception:
        time.sleep(0.25)
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
try:
    for f in files:
        for mode in ("Accept", "Reject"):
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(f)), "_blank", 0, (prop("Hidden", True),))
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:%sAllTrackedChanges" % mode, "", 0, ())
            out = os.path.join(outdir, os.path.basename(f) + "." + mode.lower() + ".txt")
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF")))
            doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    proc.wait()
`

// TrackedTexts has LibreOffice accept, and then reject, every tracked
// change of each file (Accept All, Reject All) and returns, by file, the
// text it then holds: [0] with the changes accepted, [1] rejected. The
// files' base names must differ.
func TrackedTexts(t testing.TB, files ...string) map[string][2]string {
	t.Helper()
	RequireTool(t, "soffice")
	outdir := t.TempDir()
	profile := "file://" + filepath.ToSlash(filepath.Join(outdir, "lo-profile"))
	Run(t, "/usr/bin/python3", append([]string{"-c", trackedScript, profile, outdir}, files...)...)
	out := map[string][2]string{}
	for _, f := range files {
		var texts [2]string
		for i, mode := range []string{"accept", "reject"} {
			data, err := os.ReadFile(filepath.Join(outdir, filepath.Base(f)+"."+mode+".txt"))
			if err != nil {
				t.Fatalf("LibreOffice wrote no text for %s: %v", f, err)
			}
			texts[i] = string(data)
		}
		out[f] = texts
	}
	return out
}
