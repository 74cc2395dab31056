package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// maxSlug caps the caption part of a figure's file name.
const maxSlug = 60

// figurePrefix matches a caption's "Figure 3:" / "Fig. 3 –" lead, which the
// file name already says.
var figurePrefix = regexp.MustCompile(`(?i)^(figure|fig\.?|image)\s*\d*(\.\d+)*\s*[:.\-–—]?\s*`)

// Slug turns text into a lower-case ASCII file-name fragment of at most
// limit bytes: accents folded, words joined by '-', cut at a word boundary.
func Slug(text string, limit int) string {
	var b strings.Builder
	for _, w := range foldWords(text) {
		w = asciiOnly(w)
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			if b.Len()+1+len(w) > limit {
				break
			}
			b.WriteByte('-')
		} else if len(w) > limit {
			w = w[:limit]
		}
		b.WriteString(w)
	}
	return b.String()
}

func asciiOnly(w string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 {
			return r
		}
		return -1
	}, w)
}

// FigureFileName names the n-th figure (from 1) of a region's document:
// "AFR-fig1-dfs-security-clinic-participants.png". The caption (without its
// "Figure N:" lead), else the alt text, gives the slug.
func FigureFileName(region string, n int, fig *Figure) string {
	if region == "" {
		region = "UNKNOWN"
	}
	name := fmt.Sprintf("%s-fig%d", region, n)
	text := figurePrefix.ReplaceAllString(strings.TrimSpace(fig.Caption), "")
	if text == "" {
		text = fig.Alt
	}
	if slug := Slug(text, maxSlug); slug != "" {
		name += "-" + slug
	}
	return name + figureExt(fig)
}

// figureExt is the extension of a figure's image part, or one from its
// content type.
func figureExt(fig *Figure) string {
	if ext := strings.ToLower(path.Ext(fig.Part)); ext != "" && len(ext) <= 6 {
		return ext
	}
	if exts, _ := mime.ExtensionsByType(fig.ContentType); len(exts) > 0 {
		return exts[0]
	}
	return ".bin"
}

// WriteFigures writes every embedded figure of doc into dir, named by
// FigureFileName, creating dir when needed. An existing file is never
// overwritten: the name gets "-2", "-3" … instead. Each file appears whole
// or not at all (written to a temporary file, then linked into place), and
// readable by all (0644), as any picture saved. It returns the paths
// written.
func WriteFigures(doc *Document, dir string) ([]string, error) {
	var written []string
	if len(doc.Figures) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("the figures' folder cannot be made: %w", err)
		}
	}
	for i, fig := range doc.Figures {
		if fig.External || doc.Package == nil || doc.Package.Part(fig.Part) == nil {
			continue
		}
		data, err := doc.Package.Read(fig.Part)
		if err != nil {
			return written, err
		}
		p, err := writeNew(dir, FigureFileName(doc.Region.Code, i+1, fig), data)
		if err != nil {
			return written, fmt.Errorf("%s: figure %d cannot be written: %w", doc.Path, i+1, err)
		}
		written = append(written, p)
	}
	return written, nil
}

// writeNew writes data to dir/name, or to name-2, name-3 … when taken,
// atomically and without ever replacing a file.
func writeNew(dir, name string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, ".tsagmerge-*.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600, for a secret; a figure is none.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 10000; n++ {
		candidate := name
		if n > 1 {
			candidate = stem + "-" + strconv.Itoa(n) + ext
		}
		target := filepath.Join(dir, candidate)
		// A hard link fails when the target exists, so it cannot replace
		// a file that appeared since we looked.
		err := os.Link(tmp.Name(), target)
		if err == nil {
			return target, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("too many files named %s-N%s", stem, ext)
}
