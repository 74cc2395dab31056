package merge

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tsagmerge/ingest"
	"tsagmerge/ingest/testkit"
)

// themedCorpus are corpus files whose theme is not the TD's and whose
// content uses theme colours (w:themeColor, a:schemeClr), one per region.
var themedCorpus = map[string]string{
	"AFR": "ooxml_parser__spec_document_background_document_background_fill.docx",   // accent1 7FD13B
	"AMS": "ooxml_parser__spec_document_elements_table_row_border_color_nil_2.docx", // Office 2007 theme
	"ARB": "Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Complex01.docx",
	"ASP": "SuperDoc__packages_super-editor_src_tests_data_shape_group.docx", // accent1 18A303
	"CIS": "docx2python__tests_resources_example_numbering.docx",             // Office 2023 theme
	"EUR": "Open-XML-SDK__test_DocumentFormat.OpenXml.Tests.Assets_assets_TestFiles_Document.docx",
}

// TestThemedInbox dresses the themed corpus files as the six regions,
// merges them, and holds the output to the read-back (whose colour check
// resolves each region's colours under its own theme and the output's).
// With soffice installed the TD is rendered; with TSAGMERGE_RENDER_DIR set
// the TD and its sources are rendered there as page PNGs (pdftoppm), to
// be looked at beside each other.
func TestThemedInbox(t *testing.T) {
	corpus := testkit.Shared(t, "corpus/docx")
	dir := t.TempDir()
	var docs []*ingest.Document
	rewritten := 0
	for code, name := range themedCorpus {
		info, _, _ := ingest.RegionByCode(code)
		path := filepath.Join(dir, code+"-contribution.docx")
		testkit.Dress(t, filepath.Join(corpus, name), path, info.Heading, 0)
		d := testkit.ReadDoc(t, path)
		if d.Region.Code != code {
			t.Fatalf("%s dressed as %s reads as region %q (%s)", name, code, d.Region.Code, d.Region.Evidence)
		}
		if d.Theme == nil {
			t.Fatalf("%s has no theme", name)
		}
		if newPalette(d.Theme, d.ColorMap, ingest.OfficeTheme(), ingest.DefaultColorMap()) != nil {
			rewritten++
		}
		docs = append(docs, d)
	}
	if rewritten < 5 {
		t.Errorf("only %d of the themed files have a theme that differs from the TD's", rewritten)
	}
	out, rep := merge(t, docs, Options{})
	back := valid(t, out)
	sameContent(t, back, docs, Options{}, rep)
	doc := part(t, out, "word/document.xml")
	if n := strings.Count(doc, "srgbClr"); n == 0 {
		t.Error("no scheme colour of the regions was written as RGB")
	}
	td := filepath.Join(dir, "TD.docx")
	if err := os.WriteFile(td, out, 0o644); err != nil {
		t.Fatal(err)
	}
	render := os.Getenv("TSAGMERGE_RENDER_DIR")
	if render == "" {
		if _, err := exec.LookPath("soffice"); err == nil {
			testkit.ConvertPDF(t, td, dir)
		}
		return
	}
	testkit.RequireTool(t, "soffice", "pdftoppm")
	files := []string{td}
	for code := range themedCorpus {
		files = append(files, filepath.Join(dir, code+"-contribution.docx"))
	}
	for _, f := range files {
		testkit.Copy(t, f, filepath.Join(render, filepath.Base(f)))
		pdf := testkit.ConvertPDF(t, f, render)
		stem := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		testkit.Run(t, "pdftoppm", "-png", "-r", "60", pdf, filepath.Join(render, stem))
	}
	t.Logf("pages rendered in %s", render)
}
