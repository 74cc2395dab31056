package web

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// uploadError is an upload refused: the status to answer and why.
type uploadError struct {
	code int
	msg  string
}

func (e *uploadError) Error() string { return e.msg }

func refusef(code int, format string, args ...any) error {
	return &uploadError{code: code, msg: fmt.Sprintf(format, args...)}
}

// store keeps an upload's files in a session's in/ folder, under names
// of its own choosing, within the limits.
type store struct {
	lim    Limits
	dir    string // the session's in/ folder
	tmp    string // the session's folder, for archives being expanded
	files  []storedFile
	taken  map[string]bool // stored names, folded
	stored int64
	zips   int
}

// receive reads a multipart upload part by part (nothing is spooled
// elsewhere) into st. Every part with a file name is a file; a .zip is
// expanded.
func receive(r *http.Request, st *store) error {
	mr, err := r.MultipartReader()
	if err != nil {
		return refusef(http.StatusUnsupportedMediaType, "the upload must be multipart/form-data with the files in it (%v)", err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return bodyError(err)
		}
		original := partFileName(part.Header.Get("Content-Disposition"))
		if original == "" {
			part.Close()
			continue // a form field, not a file
		}
		if strings.EqualFold(filepath.Ext(baseName(original)), ".zip") {
			err = st.addZip(original, part)
		} else {
			err = st.add(original, part, -1)
		}
		part.Close()
		if err != nil {
			return err
		}
	}
	if len(st.files) == 0 {
		return refusef(http.StatusBadRequest, "the upload holds no file; send the contributions (.docx, a folder of them or a .zip) as multipart form files")
	}
	return nil
}

// partFileName is the file name a part's Content-Disposition gives, as
// sent (multipart.Part.FileName would drop its directories already).
func partFileName(cd string) string {
	_, params, err := mime.ParseMediaType(cd)
	if err != nil {
		return ""
	}
	return params["filename"]
}

// bodyError turns an error reading the request into a refusal.
func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return refusef(http.StatusRequestEntityTooLarge, "the upload is larger than %d MiB; send fewer or smaller files", mbe.Limit>>20)
	}
	return refusef(http.StatusBadRequest, "the upload could not be read: %v", err)
}

// add stores one file read from r. declared is the size an archive
// declares for it (-1 when unknown), which must not be exceeded.
func (st *store) add(original string, r io.Reader, declared int64) error {
	if len(st.files) >= st.lim.MaxFiles {
		return refusef(http.StatusRequestEntityTooLarge, "the upload holds more than %d files; send the contributions only", st.lim.MaxFiles)
	}
	name := st.unique(safeName(original))
	path := filepath.Join(st.dir, name)
	if filepath.Dir(path) != st.dir { // safeName makes this impossible; be sure
		return refusef(http.StatusBadRequest, "%s: the file name cannot be stored", quote(original))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	room := st.lim.MaxStored - st.stored
	n, err := io.Copy(f, io.LimitReader(r, room+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	st.stored += n
	switch {
	case err != nil && declared >= 0:
		return refusef(http.StatusUnprocessableEntity, "%s could not be expanded: %v", quote(baseName(original)), err)
	case err != nil:
		return bodyError(err)
	case n > room:
		return refusef(http.StatusRequestEntityTooLarge, "the upload holds more than %d MiB once expanded; send fewer or smaller files", st.lim.MaxStored>>20)
	case declared >= 0 && n != declared:
		return refusef(http.StatusUnprocessableEntity, "%s: the archive is damaged (an entry is not the size it declares)", quote(baseName(original)))
	}
	st.files = append(st.files, storedFile{Name: name, Original: original, Bytes: n})
	return nil
}

// addZip stores an uploaded .zip in the session's folder under a name of
// its own, then stores its files, each capped as ingest/opc caps a
// package's parts: no more entries than MaxEntries, none expanding more
// than MaxRatio times, none past the upload's room.
func (st *store) addZip(original string, r io.Reader) error {
	st.zips++
	path := filepath.Join(st.tmp, fmt.Sprintf("upload-%03d.zip", st.zips))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(path)
	defer f.Close()
	room := st.lim.MaxStored - st.stored
	n, err := io.Copy(f, io.LimitReader(r, room+1))
	switch {
	case err != nil:
		return bodyError(err)
	case n > room:
		return refusef(http.StatusRequestEntityTooLarge, "the upload holds more than %d MiB; send fewer or smaller files", st.lim.MaxStored>>20)
	}
	name := quote(baseName(original))
	zr, err := zip.NewReader(f, n)
	if err != nil {
		return refusef(http.StatusUnprocessableEntity, "%s is not a zip archive that can be read (%v); zip the contributions again, or drop them one by one", name, err)
	}
	if len(zr.File) > st.lim.MaxEntries {
		return refusef(http.StatusUnprocessableEntity, "%s has %d entries, more than the %d allowed; it is not a folder of contributions", name, len(zr.File), st.lim.MaxEntries)
	}
	var total uint64
	for _, e := range zr.File {
		total += e.UncompressedSize64
		switch {
		case e.UncompressedSize64 > 1<<20 && e.CompressedSize64 > 0 && e.UncompressedSize64/e.CompressedSize64 > st.lim.MaxRatio:
			return refusef(http.StatusUnprocessableEntity, "%s has an entry %s that expands %d times; it looks like a zip bomb and was not expanded",
				name, quote(e.Name), e.UncompressedSize64/e.CompressedSize64)
		case total > uint64(room):
			return refusef(http.StatusRequestEntityTooLarge, "%s unpacks to more than the %d MiB an upload may hold; it looks like a zip bomb, or holds more than contributions", name, st.lim.MaxStored>>20)
		}
	}
	for _, e := range zr.File {
		if e.FileInfo().IsDir() || !e.Mode().IsRegular() {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return refusef(http.StatusUnprocessableEntity, "%s: the entry %s cannot be read (%v)", name, quote(e.Name), err)
		}
		err = st.add(e.Name, rc, int64(e.UncompressedSize64))
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// unique returns name, or name with " (copy N)" before its extension when
// a file of that name (in any case) is stored already.
func (st *store) unique(name string) string {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 2; st.taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s (copy %d)%s", stem, i, ext)
	}
	st.taken[strings.ToLower(name)] = true
	return name
}

// baseName is a client-sent name without its directories, whichever
// separator they use.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// maxNameBytes caps a stored name.
const maxNameBytes = 120

// safeName is the name a client-sent file name is stored under: its base
// name, with only letters, digits, spaces and - _ . , ( ) [ ] + ~ $ kept
// (others become _), no trailing dots or spaces, not a Windows device
// name, at most maxNameBytes. The characters that tell a region, a version
// and a Word owner file (~$) survive, since inbox reads them from the name.
func safeName(name string) string {
	var b strings.Builder
	for _, r := range baseName(name) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r), strings.ContainsRune(" -_.,()[]+~$", r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.TrimRight(strings.TrimSpace(b.String()), ". ")
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		s = "file" + s // "..", "", "...": nothing to go by
	}
	if len(s) > maxNameBytes {
		ext := filepath.Ext(s)
		if len(ext) > 10 {
			ext = ""
		}
		stem := s[:maxNameBytes-len(ext)]
		for !validEnd(stem) {
			stem = stem[:len(stem)-1]
		}
		s = stem + ext
	}
	stem, _, _ := strings.Cut(s, ".")
	if windowsDevice(strings.TrimSpace(stem)) {
		s = "_" + s
	}
	return s
}

// validEnd reports whether s does not end inside a UTF-8 sequence.
func validEnd(s string) bool {
	return strings.ToValidUTF8(s, "\uFFFD") == s
}

// windowsDevice reports whether a name's stem is one Windows keeps for a
// device (CON, NUL, COM1…), which no file may be called there.
func windowsDevice(stem string) bool {
	switch u := strings.ToUpper(stem); {
	case u == "CON", u == "PRN", u == "AUX", u == "NUL":
		return true
	case len(u) == 4 && (strings.HasPrefix(u, "COM") || strings.HasPrefix(u, "LPT")) && u[3] >= '0' && u[3] <= '9':
		return true
	}
	return false
}
