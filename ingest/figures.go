package ingest

import (
	"bufio"
	"image"
	_ "image/gif" // register decoders for image.DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"regexp"
	"strings"
	"sync"

	"tsagmerge/ingest/opc"
)

// resolveFigures ties each picture to its image part: name, content type,
// size from the zip header, and pixel size from the image's first bytes.
func (r *reader) resolveFigures() {
	var sized []*Figure
	for _, so := range []*storyOut{r.body, r.footnotes, r.endnotes} {
		if so == nil {
			continue
		}
		for _, ref := range so.figures {
			if r.resolveFigure(ref) {
				sized = append(sized, ref.fig)
			}
			r.doc.Figures = append(r.doc.Figures, ref.fig)
		}
	}
	r.pixelSizes(sized)
}

// resolveFigure fills a figure from its relationship; it returns true when
// the image part is in the package.
func (r *reader) resolveFigure(ref *figRef) bool {
	fig := ref.fig
	rel, ok := r.rel(ref.part, ref.relID)
	switch {
	case !ok:
		r.warn("picture in %s names the missing relationship %s", ref.part, ref.relID)
		return false
	case rel.External:
		fig.Part, fig.External = rel.Target, true
		return false
	}
	part := r.p.Part(rel.Part)
	if part == nil {
		fig.Part = rel.Part // checkRels has warned of the dangling relationship
		return false
	}
	fig.Part, fig.ContentType, fig.Bytes = part.Name, part.ContentType, part.Size
	return true
}

// pixelSizes reads the pixel size of each figure's image, decoding only
// the header of each distinct image part, two parts at a time.
func (r *reader) pixelSizes(figs []*Figure) {
	type size struct{ w, h int }
	sizes := map[string]*size{}
	var names []string
	for _, f := range figs {
		if _, ok := sizes[f.Part]; !ok {
			sizes[f.Part] = &size{}
			names = append(names, f.Part)
		}
	}
	var wg sync.WaitGroup
	work := make(chan string)
	for range min(2, len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range work {
				w, h, err := imageSize(r.p.Part(name))
				if err != nil {
					if supportedImage(name) {
						r.warn("picture %s: its size cannot be read (%v)", name, err)
					}
					continue
				}
				sizes[name].w, sizes[name].h = w, h
			}
		}()
	}
	for _, n := range names {
		work <- n
	}
	close(work)
	wg.Wait()
	for _, f := range figs {
		f.Width, f.Height = sizes[f.Part].w, sizes[f.Part].h
	}
}

// imageSize decodes an image part's header; the rest of the image is
// never inflated.
func imageSize(part *opc.Part) (int, int, error) {
	rc, err := part.File.Open()
	if err != nil {
		return 0, 0, err
	}
	defer rc.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReaderSize(rc, 1024))
	if err != nil {
		return 0, 0, err
	}
	return cfg.Width, cfg.Height, nil
}

// supportedImage reports whether the reader has a decoder for the part's
// kind, so that failing to size it is worth a warning.
func supportedImage(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range []string{".png", ".jpg", ".jpeg", ".gif"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	return false
}

// captions gives figures and tables their captions.
func (r *reader) captions() {
	paras := r.body.paras
	at := func(index int) *paraInfo {
		if index < 1 || index > len(paras) {
			return nil
		}
		return paras[index-1]
	}
	for _, f := range r.doc.Figures {
		if f.Paragraph == 0 {
			continue
		}
		for _, c := range []*paraInfo{at(f.Paragraph + 1), at(f.Paragraph - 1)} {
			if c != nil && isCaption(c, "figure") {
				f.Caption = captionText(c.own)
				break
			}
		}
	}
	r.tableCaptions()
}

// tableCaptions gives each table without a w:tblCaption the caption
// paragraph standing right before it, else right after it.
func (r *reader) tableCaptions() {
	blocks := r.body.blocks
	for i, b := range blocks {
		if b.Table == nil || b.Table.Caption != "" {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(blocks) || blocks[j].Paragraph == nil {
				continue
			}
			if info := r.body.paras[blocks[j].Paragraph.Index-1]; isCaption(info, "table") {
				b.Table.Caption = captionText(info.own)
				break
			}
		}
	}
}

// captionLead matches the start of a numbered caption of each kind:
// "Figure 3", "Fig. 3", "Table 1", "Tableau 2", "Table A-1".
var captionLead = map[string]*regexp.Regexp{
	"figure": regexp.MustCompile(`(?i)^(figure|fig\.|image|photo|graph|chart)\s*[0-9]`),
	"table":  regexp.MustCompile(`(?i)^(table|tableau)\s*([0-9]|[A-Z]+[-.]?[0-9])`),
}

// isCaption reports whether a paragraph is a caption of the given kind
// ("figure" or "table"): Caption-styled (and not for the other kind),
// starting with the kind's word, or holding a SEQ field of that kind.
func isCaption(info *paraInfo, kind string) bool {
	text := strings.TrimSpace(info.own)
	if text == "" {
		return false
	}
	for _, seq := range info.seqs {
		if strings.EqualFold(seq, kind) {
			return true
		}
	}
	if captionLead[kind].MatchString(text) {
		return true
	}
	style := strings.ToLower(info.p.Style)
	if !strings.Contains(style, "caption") {
		return false
	}
	other := "table"
	if kind == "table" {
		other = "figure"
	}
	return !strings.Contains(style, other) && !(kind == "table" && strings.Contains(style, "image"))
}

// captionText is a caption paragraph's text on one line.
func captionText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
