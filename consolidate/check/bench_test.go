package check

import (
	"testing"

	"tsagmerge/ingest/inbox"
	"tsagmerge/ingest/testkit"
)

// BenchmarkRunX400 times every check on ../shared/bench/x400, the six
// regions at about 1,000 pages each (skipped when absent, except under
// CI). Reading the files is not timed.
func BenchmarkRunX400(b *testing.B) {
	in, err := inbox.Scan([]string{testkit.Shared(b, "bench/x400")})
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	b.ReportAllocs()
	for b.Loop() {
		Run(in, Options{All: true})
	}
}
