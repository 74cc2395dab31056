package activity

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallelChunk is how many paragraphs a worker takes at a time: enough to
// make taking them cheap, few enough to share a document's end evenly.
const parallelChunk = 32

// forEach calls fn(i) for every i in [0, n), spread over as many goroutines
// as there are processors. Each call must write only its own results (slot
// i of a slice), so that they come out in order whatever ran first.
func forEach(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+parallelChunk-1)/parallelChunk)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				start := int(next.Add(parallelChunk)) - parallelChunk
				if start >= n {
					return
				}
				for i := start; i < min(start+parallelChunk, n); i++ {
					fn(i)
				}
			}
		})
	}
	wg.Wait()
}
