package inbox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"tsagmerge/ingest"
	"tsagmerge/ingest/opc"
)

// Options tune a scan. The zero value reads with ingest.Read on as many
// goroutines as there are processors.
type Options struct {
	// Read reads one file into a document; nil means ingest.Read.
	Read func(path string) (*ingest.Document, error)
	// Workers is how many files are read at once; 0 means GOMAXPROCS.
	Workers int
	// TDs takes every readable file for a TD, as if it carried
	// ingest.TDProperty: a TD made by hand on the template.
	TDs bool
}

// Scan reads the contributions named by args, folders and/or files, with
// the default Options. See ScanWith.
func Scan(args []string) (*Inbox, error) {
	return ScanWith(args, Options{})
}

// ScanWith reads the contributions named by args. A folder's .docx (and
// .docm) files are read, not its sub-folders; lock, temporary and hidden
// files are ignored with a note; .doc, .odt, .pdf, .rtf, .pages and the
// like are refused with what to do; any other file is ignored. A file named
// on its own is read unless its name says it is one of those. Each readable
// file is given its region; a file with no region is refused. When a region
// has several files the latest is used and the others are superseded. A
// file named twice is read once.
//
// The error is for arguments that cannot be scanned at all (none given, a
// path that does not exist, a folder that cannot be listed); a file that
// cannot be read is an entry with status Refused, not an error.
func ScanWith(args []string, opts Options) (*Inbox, error) {
	if len(args) == 0 {
		return nil, errors.New("no contributions named; give a folder of .docx files or the files themselves")
	}
	if opts.Read == nil {
		opts.Read = ingest.Read
	}
	found, folders, err := expand(args)
	if err != nil {
		return nil, err
	}
	in := &Inbox{Files: make([]FileEntry, len(found))}
	for i, f := range found {
		in.Files[i] = FileEntry{Path: f.path}
	}
	readAll(in.Files, found, opts)
	chooseVersions(in.Files, found)
	if folders {
		in.Missing = missing(in.Files)
	}
	return in, nil
}

// found is a file to consider: where it is, whether it was found in a
// folder (rather than named), and its file information.
type found struct {
	path     string
	inFolder bool
	info     fs.FileInfo
	// problem, when set, is why a folder's entry cannot be read at all (a
	// link that loops, no permission): the entry is refused with it.
	problem string
}

// expand lists the files the arguments name, each once, and reports
// whether any argument was a folder.
func expand(args []string) (files []found, folders bool, err error) {
	seen := map[string]bool{}
	var infos []fs.FileInfo
	add := func(f found) {
		abs, err := filepath.Abs(f.path)
		if err != nil {
			abs = filepath.Clean(f.path)
		}
		if seen[abs] {
			return
		}
		if f.info == nil {
			seen[abs] = true
			files = append(files, f)
			return
		}
		for _, other := range infos { // the same file by another name (a link)
			if os.SameFile(other, f.info) {
				return
			}
		}
		seen[abs] = true
		infos = append(infos, f.info)
		files = append(files, f)
	}
	for _, arg := range args {
		info, err := Lookup(arg)
		if err != nil {
			return nil, false, err
		}
		if !info.IsDir() {
			add(found{path: arg, info: info})
			continue
		}
		folders = true
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, false, opc.PathError(arg, err)
		}
		for _, e := range entries { // ReadDir sorts by name
			if e.IsDir() {
				continue
			}
			p := filepath.Join(arg, e.Name())
			info, err := os.Stat(p)
			switch {
			case err == nil && info.IsDir():
				continue // a link to a folder
			case errors.Is(err, fs.ErrNotExist):
				continue // a dangling link (an editor's lock, often)
			case err != nil:
				if k, _ := classify(p); k == kindDocx || k == kindRefused {
					add(found{path: p, inFolder: true, problem: unreadable(err)})
				}
				continue
			}
			add(found{path: p, inFolder: true, info: info})
		}
	}
	return files, folders, nil
}

// unreadable says why a folder's entry cannot even be looked at.
func unreadable(err error) string {
	if errors.Is(err, syscall.ELOOP) {
		return "is a symbolic link that loops (it leads back to itself); remove the link or point it at the file"
	}
	e := opc.PathError("", err)
	return e.Problem + "; " + e.Remedy
}

// Lookup looks at a path the user named as input (a folder of
// contributions, or a file), as every command does before anything is
// read: the error, for a path that does not exist or cannot be looked at,
// is one line naming it, what is wrong and what to do.
func Lookup(path string) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		e := opc.PathError(path, err)
		if errors.Is(err, fs.ErrNotExist) {
			e.Remedy += " (a folder of contributions, or .docx files)"
		}
		return nil, e
	}
	return info, nil
}

// ReadNamed reads a file named on its own, for the commands that look at
// files one by one (inspect, diff), as Scan judges a file named: one whose
// name says another format (.doc, .pdf, .txt) or a Word owner file is
// refused with Scan's reason, anything else read with ingest.Read. The
// error is one line naming the file, what is wrong and what to do.
func ReadNamed(path string) (*ingest.Document, error) {
	if _, err := Lookup(path); err != nil {
		return nil, err
	}
	switch k, reason := classify(path); k {
	case kindRefused:
		return nil, &opc.Error{Path: path, Problem: misnamed(path, reason)}
	case kindNoise:
		return nil, &opc.Error{Path: path, Problem: reason}
	}
	return ingest.Read(path)
}

// readAll settles every entry that its name decides (ignored, refused) and
// reads the others, opts.Workers at a time.
func readAll(files []FileEntry, list []found, opts Options) {
	var todo []int
	for i, f := range list {
		k, reason := classify(f.path)
		switch {
		case f.problem != "":
			files[i].Status, files[i].Reason = Refused, f.problem
		case k == kindNoise:
			files[i].Status, files[i].Reason = Ignored, reason
		case k == kindRefused:
			files[i].Status, files[i].Reason = Refused, misnamed(f.path, reason)
		case k == kindOther && f.inFolder:
			files[i].Status, files[i].Reason = Ignored, reason
		default:
			todo = append(todo, i)
		}
		if k != kindDocx {
			files[i].Region = regionFromName(f.path)
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(todo)) {
		wg.Go(func() {
			for i := range jobs {
				readOne(&files[i], opts)
			}
		})
	}
	for _, i := range todo {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// readOne reads one file and gives it its region, or refuses it.
func readOne(f *FileEntry, opts Options) {
	doc, err := opts.Read(f.Path)
	if err != nil {
		f.Status, f.Reason = Refused, refusal(f.Path, err)
		f.Region = regionFromName(f.Path)
		return
	}
	f.Doc = doc
	switch {
	// The mark alone is not enough: Word keeps it through every save, so
	// a region that wrote its contribution over last period's TD sends
	// it too. A TD also holds several regions' sections.
	case doc.Meta.TD != "" && doc.RegionSections() > 1:
		f.Status, f.Reason = TD, "the TD "+doc.Meta.TD+" written by tsagmerge, not a contribution: left out"
		return
	case opts.TDs:
		f.Status, f.Reason = TD, "a TD (--td), not a contribution"
		return
	}
	f.Region = doc.Region.Code
	if f.Region == "" {
		f.Status = Refused
		f.Reason = "cannot tell which region; put the region code (AFR, AMS, ARB, ASP, CIS, EUR) in the file name"
	}
}

// regionFromName is the region a file's name gives, for files that are
// not read, so that a refused file still shows under its region.
func regionFromName(path string) string {
	return ingest.DetectRegion("", filepath.Base(path), "").Code
}

// chooseVersions makes the latest readable file of each region Used and
// the region's others Superseded, saying why.
func chooseVersions(files []FileEntry, list []found) {
	byRegion := map[string][]candidate{}
	for i := range files {
		f := &files[i]
		if f.Status != "" {
			continue
		}
		c := candidate{entry: f, mark: parseMarker(f.Path), modified: f.Doc.Meta.Modified, mtime: list[i].info.ModTime()}
		byRegion[f.Region] = append(byRegion[f.Region], c)
	}
	for _, cands := range byRegion {
		best := cands[0]
		for _, c := range cands[1:] {
			if n, _ := newer(c, best); n > 0 {
				best = c
			}
		}
		best.entry.Status = Used
		if strings.EqualFold(filepath.Ext(best.entry.Path), ".docm") {
			best.entry.Reason = macroNote
		}
		for _, c := range cands {
			if c.entry == best.entry {
				continue
			}
			_, why := newer(best, c)
			c.entry.Status = Superseded
			c.entry.SupersededBy = best.entry.Path
			c.entry.Reason = "superseded by " + filepath.Base(best.entry.Path) + ": " + why
			c.entry.Unordered = why == undecided
		}
	}
}

// missing lists the regions no used file speaks for, in report order.
func missing(files []FileEntry) []string {
	have := map[string]bool{}
	for _, f := range files {
		if f.Status == Used {
			have[f.Region] = true
		}
	}
	var out []string
	for _, r := range ingest.Regions {
		if !have[r.Code] {
			out = append(out, r.Code)
		}
	}
	return out
}

// List names the Word documents the arguments name: each file named, and
// in each folder named its .docx and .docm files (not lock, temporary or
// hidden files), by name; each file once. Commands that look at files one
// by one (inspect, diff) take folders through it, as Scan does.
func List(args []string) ([]string, error) {
	found, _, err := expand(args)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range found {
		if k, _ := classify(f.path); !f.inFolder || k == kindDocx {
			out = append(out, f.path)
		}
	}
	return out, nil
}
