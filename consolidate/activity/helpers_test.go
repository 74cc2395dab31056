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

// segsOf cuts a paragraph into activities in 2025-H2; prior are the event
// nouns of the section's activities before it.
func segsOf(text string, prior ...string) []*seg {
	var all []*facts
	for _, s := range splitSentences(text) {
		all = append(all, study(s, h2025))
	}
	nouns := map[string]bool{}
	for _, n := range prior {
		nouns[n] = true
	}
	return segmentBlock(&Block{Kind: Paragraph, Text: text}, all, nouns, h2025)
}
