package check

import (
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest/testkit"
)

// TestHeadersFootersReported: a contribution whose headers and footers
// show text is told that they do not reach the TD; one without any is not.
func TestHeadersFootersReported(t *testing.T) {
	corpus := testkit.Shared(t, "corpus/docx")
	d := testkit.ReadDoc(t, filepath.Join(corpus, "Open-Xml-PowerTools__TestFiles_RP_RP051-Arabic.docx"))
	found := headersFooters(d, Options{})
	if len(found) == 0 {
		t.Fatalf("no finding for %d header and footer parts", len(d.HeadersFooters))
	}
	for _, f := range found {
		if f.Kind != HeaderFooter || !strings.Contains(f.Text, "is not carried") {
			t.Errorf("finding %+v", f)
		}
	}
	plain := testkit.ReadDoc(t, filepath.Join(testkit.Samples(t), "AFR-contribution.docx"))
	if got := headersFooters(plain, Options{}); len(got) != 0 {
		t.Errorf("the AFR sample has no header text, yet: %+v", got)
	}
}
