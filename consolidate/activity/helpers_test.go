package activity

import (
	"os"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// textDocs builds documents from testdata/regions.txt, the paragraph texts
// of the sample contributions, so that extraction can be tested without the
// reader.
func textDocs(t testing.TB) []*ingest.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/regions.txt")
	if err != nil {
		t.Fatal(err)
	}
	return testkit.TextDocs(string(data))
}

// testkitDoc builds the one document of a text markup.
func testkitDoc(markup string) *ingest.Document { return testkit.TextDocs(markup)[0] }
