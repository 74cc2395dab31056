package validate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
	"tsagmerge/ingest/testkit"
)

// build makes a Document from lines: "front: …" is front matter, "# …" a
// level-1 heading, "## …" a level-2 one, anything else a body paragraph.
// "old→new" is a paragraph with a tracked change (Original old, Text new).
func build(code string, lines ...string) *ingest.Document {
	d := &ingest.Document{Path: code + ".docx", Region: ingest.Region{Code: code}}
	for _, l := range lines {
		p := &ingest.Paragraph{Index: len(d.Paragraphs) + 1}
		switch {
		case strings.HasPrefix(l, "front: "):
			l = strings.TrimPrefix(l, "front: ")
			d.FrontMatter = append(d.FrontMatter, p)
		case strings.HasPrefix(l, "## "):
			l, p.Heading = strings.TrimPrefix(l, "## "), 2
		case strings.HasPrefix(l, "# "):
			l, p.Heading = strings.TrimPrefix(l, "# "), 1
		}
		p.Original, p.Text = l, l
		if o, n, ok := strings.Cut(l, "→"); ok {
			p.Original, p.Text = o, n
		}
		d.Paragraphs = append(d.Paragraphs, p)
	}
	return d
}

// content runs Content with, unless e has its own, the claims a correct
// merge's report makes of the sources: their "front: " lines dropped,
// their first level-1 heading made the region heading.
func content(out *ingest.Document, in []*ingest.Document, e Expectations) []Problem {
	if e.Regions == nil {
		e.Regions = claimsOf(in)
	}
	return Content(out, in, e)
}

func claimsOf(in []*ingest.Document) map[string]RegionClaims {
	out := map[string]RegionClaims{}
	for _, d := range in {
		var c RegionClaims
		for _, p := range d.FrontMatter {
			c.Dropped = append(c.Dropped, Drop{Paragraph: p.Index, Text: p.Text})
		}
		for _, p := range d.Paragraphs {
			if p.Heading == 1 {
				c.Heading = p.Index
				break
			}
		}
		out[d.Region.Code] = c
	}
	return out
}

// merged is what a correct merge of afr and ams makes of them on a
// template with two sections of its own.
func sources() []*ingest.Document {
	afr := build("AFR", "front: Contribution of the ITU Regional Office for Africa", "front: ITU Regional Office for Africa",
		"# Africa – Regional Office for Africa", "The Office worked with TSB.", "", "## 8.1 Workshops", "Two workshops were held.")
	ams := build("AMS", "front: Contribution of the ITU Regional Office for the Americas",
		"# Americas - Regional Office for the Americas", "RED-AMS in September 2025→RED-AMS in October 2025", "Closing  words.")
	return []*ingest.Document{afr, ams}
}

func merged(revisions RevisionMode) *ingest.Document {
	ams := "RED-AMS in September 2025→RED-AMS in October 2025"
	switch revisions {
	case AcceptRevisions:
		ams = "RED-AMS in October 2025"
	case RejectRevisions:
		ams = "RED-AMS in September 2025"
	}
	return build("", "Cover", "# 1 Introduction", "Standard text.", "# 2 Background", "More standard text.",
		"# 3 Africa – Regional Office for Africa", "The Office worked with TSB.", "## 3.1 Workshops", "Two workshops were held.",
		"# 4 Americas – Regional Office for the Americas", ams, "Closing\u00a0words.")
}

func rules(probs []Problem) []string {
	var out []string
	for _, p := range probs {
		out = append(out, p.Part+" "+p.Rule)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestContentClean(t *testing.T) {
	for _, mode := range []RevisionMode{KeepRevisions, AcceptRevisions, RejectRevisions} {
		if probs := content(merged(mode), sources(), Expectations{Revisions: mode}); len(probs) > 0 {
			t.Errorf("mode %d:\n%s", mode, lines(probs))
		}
	}
}

func TestContentText(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(out *ingest.Document)
		mode   RevisionMode
		want   []string
		phrase string
	}{
		{"paragraph lost", func(out *ingest.Document) {
			out.Paragraphs = slices.Delete(out.Paragraphs, 8, 9) // "Two workshops were held."
		}, KeepRevisions, []string{"AFR text-lost"}, "Two workshops"},
		{"word changed", func(out *ingest.Document) {
			out.Paragraphs[6].Text = "The Office worked with BDT."
			out.Paragraphs[6].Original = out.Paragraphs[6].Text
		}, KeepRevisions, []string{"AFR text-lost"}, `Office worked with TSB." became "… Office worked with BDT."`},
		{"paragraph added", func(out *ingest.Document) {
			out.Paragraphs[11].Text, out.Paragraphs[11].Original = "Closing words. Extra.", "Closing words. Extra."
		}, KeepRevisions, []string{"AMS text-lost"}, "became"},
		{"front matter carried in", func(out *ingest.Document) {
			p := &ingest.Paragraph{Text: "ITU Regional Office for Africa", Original: "ITU Regional Office for Africa"}
			out.Paragraphs = slices.Insert(out.Paragraphs, 6, p)
			renumber(out)
		}, KeepRevisions, []string{"AFR text-added"}, "ITU Regional Office for Africa"},
		{"region missing", func(out *ingest.Document) {
			out.Paragraphs = out.Paragraphs[:9]
		}, KeepRevisions, []string{"AMS region-missing"}, "AMS.docx"},
		{"tracked change accepted in a draft", func(out *ingest.Document) {
			out.Paragraphs[10].Original = out.Paragraphs[10].Text
		}, KeepRevisions, []string{"AMS text-lost"}, "before its tracked changes"},
		{"rejected where accepting was asked", func(out *ingest.Document) {
			out.Paragraphs[10].Text = "RED-AMS in September 2025"
		}, AcceptRevisions, []string{"AMS text-lost"}, "October"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := merged(tt.mode)
			tt.edit(out)
			probs := content(out, sources(), Expectations{Revisions: tt.mode})
			if got := rules(probs); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v:\n%s", got, tt.want, lines(probs))
			}
			if !strings.Contains(lines(probs), tt.phrase) {
				t.Errorf("no problem mentions %q:\n%s", tt.phrase, lines(probs))
			}
		})
	}
}

// cleanPackage opens the small clean package, whose comments part is
// word/comments.xml.
func cleanPackage(t *testing.T) *opc.Package {
	p, err := opc.OpenBytes("clean.docx", testkit.Zip(clean()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// TestContentHeadings checks how headings compare: typed numbers by
// ingest's rule, headings inferred from bold text as the paragraphs they
// stay, and the region heading in the view the revision mode gives.
func TestContentHeadings(t *testing.T) {
	tests := []struct {
		name     string
		src, out *ingest.Document
		mode     RevisionMode
		want     []string
		phrase   string
	}{
		{"a year opens the region heading",
			build("AMS", "# 2010 Word features", "Body."),
			build("", "Cover", "# 1 Introduction", "# 2 2010 Word features", "Body."), KeepRevisions, nil, ""},
		{"a styled sub-heading's typed number does not count",
			build("AMS", "# Harbour", "## 1.2 Details", "Body."),
			build("", "Cover", "# 2 Harbour", "## 2.1 Details", "Body."), KeepRevisions, nil, ""},
		{"an inferred heading's typed number is text",
			inferred(build("AMS", "# Harbour", "## 1.2 PROJECT DETAILS", "Body.")),
			build("", "Cover", "# 2 Harbour", "1.2 PROJECT DETAILS", "Body."), KeepRevisions, nil, ""},
		{"an inferred heading's typed number lost",
			inferred(build("AMS", "# Harbour", "## 1.2 PROJECT DETAILS", "Body.")),
			build("", "Cover", "# 2 Harbour", "PROJECT DETAILS", "Body."), KeepRevisions, []string{"AMS text-lost"}, `"1.2 PROJECT DETAILS" became "PROJECT DETAILS"`},
		{"the region heading as it was before its changes",
			build("AMS", "# Harbour DOCX editing→Harbour web native editing", "Body."),
			build("", "Cover", "# 2 Harbour DOCX editing", "Body."), RejectRevisions, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := content(tt.out, []*ingest.Document{tt.src}, Expectations{Revisions: tt.mode})
			if got := rules(probs); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v:\n%s", got, tt.want, lines(probs))
			}
			if !strings.Contains(lines(probs), tt.phrase) {
				t.Errorf("no problem mentions %q:\n%s", tt.phrase, lines(probs))
			}
		})
	}
}

// inferred marks every heading of d as ingest marks those it infers from
// bold text in a file without heading styles.
func inferred(d *ingest.Document) *ingest.Document {
	for _, p := range d.Paragraphs {
		if p.Heading > 0 {
			d.Sections = append(d.Sections, &ingest.Section{Level: p.Heading, Paragraph: p.Index, Inferred: true})
		}
	}
	return d
}

func renumber(d *ingest.Document) {
	for i, p := range d.Paragraphs {
		p.Index = i + 1
	}
}

func TestContentItems(t *testing.T) {
	fig := func(p int) *ingest.Figure {
		return &ingest.Figure{Part: "word/media/image1.png", ContentType: "image/png", Bytes: 998, Width: 480, Height: 240, Caption: "Participants", Paragraph: p}
	}
	comment := func(p int) *ingest.Comment {
		return &ingest.Comment{ID: "1", Author: "Okafor, Nneka", Text: "Please confirm.", Paragraph: p, Part: "word/document.xml"}
	}
	tracked := func(c *ingest.Comment, inserted, deleted bool) *ingest.Comment {
		c.Inserted, c.Deleted = inserted, deleted
		return c
	}
	unreferenced := comment(0)
	unreferenced.Part = ""
	note := &ingest.Note{ID: "1", Text: "See the workshop page.", Original: "See the workshop page."}
	deletedNote := &ingest.Note{ID: "1", Original: "See the workshop page."}
	emptyNote := &ingest.Note{ID: "1"}
	table := func(p, rows, inserted, deleted int) *ingest.Table {
		return &ingest.Table{Rows: rows, Cols: 2, Paragraph: p, Cells: [][]string{{"Date", "Event"}}, InsertedRows: inserted, DeletedRows: deleted}
	}
	rejected := Expectations{Revisions: RejectRevisions}
	accepted := Expectations{Revisions: AcceptRevisions}
	tests := []struct {
		name   string
		src    func(afr *ingest.Document)
		out    func(out *ingest.Document)
		expect Expectations
		want   []string
		phrase string
	}{
		{"figure kept", func(afr *ingest.Document) { afr.Figures = append(afr.Figures, fig(4)) },
			func(out *ingest.Document) { out.Figures = append(out.Figures, fig(7)) }, Expectations{}, nil, ""},
		{"figure lost", func(afr *ingest.Document) { afr.Figures = append(afr.Figures, fig(4)) },
			func(out *ingest.Document) {}, Expectations{}, []string{"AFR count"}, "figures: 1 in the sources, 0 in the output; missing: \"Participants\""},
		{"figure moved to another region", func(afr *ingest.Document) { afr.Figures = append(afr.Figures, fig(4)) },
			func(out *ingest.Document) { out.Figures = append(out.Figures, fig(11)) }, Expectations{}, []string{"AFR count", "AMS count"}, "not in any source"},
		{"template's own table not counted", func(afr *ingest.Document) {},
			func(out *ingest.Document) {
				out.Tables = append(out.Tables, &ingest.Table{Rows: 9, Cols: 3, Paragraph: 1})
			}, Expectations{}, nil, ""},
		{"front matter's comment left out", func(afr *ingest.Document) { afr.Comments = append(afr.Comments, comment(1)) },
			func(out *ingest.Document) {}, Expectations{}, nil, ""},
		{"comment kept in a draft", func(afr *ingest.Document) { afr.Comments = append(afr.Comments, comment(5)) },
			func(out *ingest.Document) { out.Comments = append(out.Comments, comment(7)) }, Expectations{}, nil, ""},
		{"comment lost in a draft", func(afr *ingest.Document) { afr.Comments = append(afr.Comments, comment(5)) },
			func(out *ingest.Document) {}, Expectations{}, []string{"AFR count"}, "comments: 1 in the sources, 0 in the output"},
		{"comment kept where comments were dropped", func(afr *ingest.Document) { afr.Comments = append(afr.Comments, comment(5)) },
			func(out *ingest.Document) { out.Comments = append(out.Comments, comment(7)) }, Expectations{DropComments: true},
			[]string{"AFR count"}, "which were to be left out"},
		{"revision left where accepting was asked", func(afr *ingest.Document) {},
			func(out *ingest.Document) {
				out.Revisions = append(out.Revisions, &ingest.Revision{Kind: ingest.Insertion, Text: "October 2025", Paragraph: 11})
			}, Expectations{Revisions: AcceptRevisions}, []string{"AMS count"}, "tracked changes"},
		{"footnote lost", func(afr *ingest.Document) { afr.Footnotes = append(afr.Footnotes, note) },
			func(out *ingest.Document) {}, Expectations{}, []string{" count"}, "footnotes: 1 in the sources, 0 in the output"},
		{"template's own footnote allowed", func(afr *ingest.Document) {},
			func(out *ingest.Document) { out.Footnotes = append(out.Footnotes, note) }, Expectations{}, nil, ""},
		{"comment referenced nowhere left out", func(afr *ingest.Document) { afr.Comments = append(afr.Comments, unreferenced) },
			func(out *ingest.Document) {}, Expectations{}, nil, ""},
		{"comment in a rejected insertion left out", func(afr *ingest.Document) {
			afr.Comments = append(afr.Comments, tracked(comment(5), true, false))
		}, func(out *ingest.Document) {}, rejected, nil, ""},
		{"comment in a kept insertion lost", func(afr *ingest.Document) {
			afr.Comments = append(afr.Comments, tracked(comment(5), true, false))
		}, func(out *ingest.Document) {}, Expectations{}, []string{"AFR count"}, "comments: 1 in the sources, 0 in the output"},
		{"comment in an accepted deletion left out", func(afr *ingest.Document) {
			afr.Comments = append(afr.Comments, tracked(comment(5), false, true))
		}, func(out *ingest.Document) {}, accepted, nil, ""},
		{"comment in a rejected deletion lost", func(afr *ingest.Document) {
			afr.Comments = append(afr.Comments, tracked(comment(5), false, true))
		}, func(out *ingest.Document) {}, rejected, []string{"AFR count"}, "comments: 1 in the sources, 0 in the output"},
		{"hyperlink in a comment goes with it", func(afr *ingest.Document) {
			afr.Package = cleanPackage(t)
			afr.Hyperlinks = append(afr.Hyperlinks, &ingest.Hyperlink{URL: "https://www.itu.int/", Text: "ITU", Part: "word/comments.xml"})
		}, func(out *ingest.Document) {}, Expectations{DropComments: true}, nil, ""},
		{"deleted footnote restored by rejection", func(afr *ingest.Document) { afr.Footnotes = append(afr.Footnotes, deletedNote) },
			func(out *ingest.Document) { out.Footnotes = append(out.Footnotes, note) }, rejected, nil, ""},
		{"deleted footnote's text lost by rejection", func(afr *ingest.Document) { afr.Footnotes = append(afr.Footnotes, deletedNote) },
			func(out *ingest.Document) { out.Footnotes = append(out.Footnotes, emptyNote) }, rejected, []string{" count"}, "footnotes: 1 in the sources, 1 in the output"},
		{"table kept in a draft", func(afr *ingest.Document) { afr.Tables = append(afr.Tables, table(5, 3, 1, 1)) },
			func(out *ingest.Document) { out.Tables = append(out.Tables, table(7, 3, 1, 1)) }, Expectations{}, nil, ""},
		{"table's deleted row gone when accepting", func(afr *ingest.Document) { afr.Tables = append(afr.Tables, table(5, 3, 1, 1)) },
			func(out *ingest.Document) { out.Tables = append(out.Tables, table(7, 2, 0, 0)) }, accepted, nil, ""},
		{"table's inserted row gone when rejecting", func(afr *ingest.Document) { afr.Tables = append(afr.Tables, table(5, 3, 1, 1)) },
			func(out *ingest.Document) { out.Tables = append(out.Tables, table(7, 2, 0, 0)) }, rejected, nil, ""},
		{"table's row lost when accepting", func(afr *ingest.Document) { afr.Tables = append(afr.Tables, table(5, 3, 1, 0)) },
			func(out *ingest.Document) { out.Tables = append(out.Tables, table(7, 2, 0, 0)) }, accepted, []string{"AFR count"}, "missing: \"Date\""},
		{"inserted table left empty when rejecting", func(afr *ingest.Document) { afr.Tables = append(afr.Tables, table(5, 2, 2, 0)) },
			func(out *ingest.Document) { out.Tables = append(out.Tables, table(7, 0, 0, 0)) }, rejected, []string{"AFR count"}, "not in any source"},
		{"hyperlink in a footnote kept", func(afr *ingest.Document) {
			afr.Hyperlinks = append(afr.Hyperlinks, &ingest.Hyperlink{URL: "https://www.itu.int/", Text: "ITU", Part: "word/footnotes.xml"})
		}, func(out *ingest.Document) {
			out.Hyperlinks = append(out.Hyperlinks, &ingest.Hyperlink{URL: "https://www.itu.int/", Text: "ITU", Part: "word/footnotes.xml"})
		}, Expectations{}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := sources()
			tt.src(in[0])
			mode := tt.expect.Revisions
			out := merged(mode)
			tt.out(out)
			probs := content(out, in, tt.expect)
			if got := rules(probs); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v:\n%s", got, tt.want, lines(probs))
			}
			if !strings.Contains(lines(probs), tt.phrase) {
				t.Errorf("no problem mentions %q:\n%s", tt.phrase, lines(probs))
			}
		})
	}
}

// TestContentReadBackSelf reads each sample back from its bytes and
// compares it with itself read from its file: its own front matter stands
// where a template would, and nothing may differ.
func TestContentReadBackSelf(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "samples", "*.docx"))
	if len(files) == 0 {
		t.Fatal("no samples")
	}
	for _, file := range files {
		in, err := ingest.Read(file)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		out, err := ReadBack("self.docx", data)
		if err != nil {
			t.Fatal(err)
		}
		if probs := content(out, []*ingest.Document{in}, Expectations{}); len(probs) > 0 {
			t.Errorf("%s:\n%s", filepath.Base(file), lines(probs))
		}
		in.Package.Close()
	}
}

// TestIsNormal holds isNormal's ASCII path to what normalise promises.
func TestIsNormal(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "é b", "é  b", "a b é", "a\nb", "x\u2003y"} {
		if got, want := isNormal(s), strings.Join(strings.Fields(s), " ") == s; got != want {
			t.Errorf("isNormal(%q) = %v, want %v", s, got, want)
		}
	}
}
