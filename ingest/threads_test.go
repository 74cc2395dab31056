package ingest

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// threadDoc builds a document whose comments 1..n are anchored (ranged)
// when ranged says so, done when done says so, each replying to the
// comment parent gives (0: none), through commentsExtended.
func threadDoc(n int, ranged, done func(i int) bool, parent func(i int) int) testDoc {
	var body, comments, ext strings.Builder
	body.WriteString(para("Heading1", run("Region")))
	for i := 1; i <= n; i++ {
		if ranged(i) {
			fmt.Fprintf(&body, `<w:p><w:commentRangeStart w:id="%d"/>%s<w:commentRangeEnd w:id="%d"/></w:p>`, i, run(fmt.Sprintf("text %d", i)), i)
		}
		fmt.Fprintf(&comments, `<w:comment w:id="%d" w:author="A"><w:p w14:paraId="%08X">%s</w:p></w:comment>`, i, i, run(fmt.Sprintf("c%d", i)))
		fmt.Fprintf(&ext, `<w15:commentEx w15:paraId="%08X"`, i)
		if p := parent(i); p > 0 {
			fmt.Fprintf(&ext, ` w15:paraIdParent="%08X"`, p)
		}
		if done(i) {
			ext.WriteString(` w15:done="1"`)
		}
		ext.WriteString(`/>`)
	}
	body.WriteString(`<w:p>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&body, `<w:r><w:commentReference w:id="%d"/></w:r>`, i)
	}
	body.WriteString(`</w:p>`)
	return testDoc{body: body.String(), parts: map[string]string{
		"comments.xml":         `<w:comments ` + testNS + `>` + comments.String() + `</w:comments>`,
		"commentsExtended.xml": `<w15:commentsEx ` + testNS + `>` + ext.String() + `</w15:commentsEx>`,
	}}
}

func is(set ...int) func(int) bool {
	return func(i int) bool {
		for _, s := range set {
			if s == i {
				return true
			}
		}
		return false
	}
}

// TestThreadResolution: a comment is resolved when any comment up its
// thread is, and without a range of its own shows the nearest ranged
// one's anchor; a loop of replies is settled as one thread.
func TestThreadResolution(t *testing.T) {
	tests := []struct {
		name         string
		n            int
		ranged, done func(int) bool
		parent       func(int) int
		resolved     string // the resolved comments' ids
		anchors      string // each comment's anchor text number, 0 for none
	}{
		{"a chain under a done first comment", 4, is(1, 3), is(1), func(i int) int { return i - 1 }, "1 2 3 4", "1 1 3 3"},
		{"done in the middle of a chain", 4, is(1), is(2), func(i int) int { return i - 1 }, "2 3 4", "1 1 1 1"},
		{"a loop of three, one done", 3, is(2), is(3), func(i int) int { return i%3 + 1 }, "1 2 3", "2 2 2"},
		{"a chain into a loop", 4, is(4), is(), func(i int) int { return map[int]int{1: 2, 2: 3, 3: 4, 4: 3}[i] }, "", "4 4 4 4"},
		{"no range anywhere", 2, is(), is(), func(i int) int { return i - 1 }, "", "0 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := threadDoc(tt.n, tt.ranged, tt.done, tt.parent).read(t)
			var resolved, anchors []string
			for _, c := range doc.Comments {
				if c.Resolved {
					resolved = append(resolved, c.ID)
				}
				a := "0"
				if c.Anchor != "" {
					a = strings.TrimPrefix(c.Anchor, "text ")
				}
				anchors = append(anchors, a)
			}
			if got := strings.Join(resolved, " "); got != tt.resolved {
				t.Errorf("resolved %q, want %q", got, tt.resolved)
			}
			if got := strings.Join(anchors, " "); got != tt.anchors {
				t.Errorf("anchors %q, want %q", got, tt.anchors)
			}
		})
	}
}

// TestLongReplyChain: 40,000 comments, each replying to the one before,
// read in linear time (settling each comment by walking its whole chain
// took over two minutes).
func TestLongReplyChain(t *testing.T) {
	const n = 40000
	td := threadDoc(n, is(1), is(1), func(i int) int { return i - 1 })
	start := time.Now()
	doc := td.read(t)
	t.Logf("read in %s", time.Since(start))
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("reading took %s", took)
	}
	last := doc.Comments[n-1]
	if !last.Resolved || last.Anchor != "text 1" {
		t.Errorf("the last reply: resolved %v, anchor %q", last.Resolved, last.Anchor)
	}
}
