package inbox

import (
	"archive/zip"
	"path/filepath"
	"strings"
)

// kind is what a file's name says it is, before it is opened.
type kind int

const (
	kindDocx    kind = iota // a Word document to read
	kindNoise               // a lock, temporary or hidden file: ignored
	kindRefused             // a document in a format tsagmerge does not read
	kindOther               // any other file
)

// refusedFormats names the document formats that regions send by mistake,
// with what to do about each.
var refusedFormats = map[string]string{
	".doc":   "is a Word 97-2003 document (.doc); open it in Word and save it as Word Document (.docx)",
	".dot":   "is a Word 97-2003 template (.dot); open it in Word and save it as Word Document (.docx)",
	".dotx":  "is a Word template (.dotx); open it in Word and save it as Word Document (.docx)",
	".dotm":  "is a Word template (.dotm); open it in Word and save it as Word Document (.docx)",
	".odt":   "is an OpenDocument text (.odt); save it as Word Document (.docx)",
	".fodt":  "is an OpenDocument text (.fodt); save it as Word Document (.docx)",
	".rtf":   "is an RTF file; open it in Word and save it as Word Document (.docx)",
	".pdf":   "is a PDF; ask the region for its Word file (.docx)",
	".pages": "is an Apple Pages document; export it as Word (.docx)",
	".wpd":   "is a WordPerfect document; save it as Word Document (.docx)",
	".txt":   "is plain text; the contribution must be a Word document (.docx)",
}

// classify tells from its name what a file is, with the reason to show
// for a file that is not read.
func classify(path string) (kind, string) {
	base := filepath.Base(path)
	lower := strings.ToLower(base)
	ext := filepath.Ext(lower)
	switch {
	case strings.HasPrefix(base, "~$"):
		return kindNoise, "Word owner (lock) file, not a document; Word deletes it when the document is closed"
	case strings.HasPrefix(base, ".~lock.") && strings.HasSuffix(base, "#"):
		return kindNoise, "LibreOffice lock file, not a document"
	case strings.HasPrefix(base, "~") && ext == ".tmp":
		return kindNoise, "Word temporary file, not a document"
	case strings.HasPrefix(base, "~"):
		return kindNoise, "temporary file (its name starts with ~), not a document"
	case strings.HasPrefix(base, "."):
		return kindNoise, "hidden file"
	case ext == ".docx" || ext == ".docm":
		return kindDocx, ""
	}
	if reason, ok := refusedFormats[ext]; ok {
		return kindRefused, reason
	}
	return kindOther, "not a Word document"
}

// macroNote is the note on a used .docm.
const macroNote = "macro-enabled document (.docm): its text is used, its macros are not"

// misnamed is the reason to refuse a file whose name says another format:
// reason, unless the file is in fact a Word package (a .docx renamed .doc
// by hand), which the user need only rename.
func misnamed(path, reason string) string {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return reason
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "word/document.xml") {
			return "is a Word document (.docx) under another name's ending; rename it to end in .docx"
		}
	}
	return reason
}
