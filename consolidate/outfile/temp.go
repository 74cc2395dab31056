package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The temporary files of this process, so that Cleanup can remove them
// when the process is stopped (SIGINT, SIGTERM) in the middle of a write.
var temps = struct {
	sync.Mutex
	live    map[string]bool
	stopped bool
}{live: map[string]bool{}}

// tempPrefix starts the name of every temporary file tsagmerge writes:
// .tsagmerge-PID-RANDOM.tmp, hidden, and 32 bytes whatever the output.
const tempPrefix = ".tsagmerge-"

// staleAge is how old a temporary file of ours must be to be removed
// beside a new output when its process cannot be asked whether it runs.
const staleAge = time.Hour

// createTemp creates a new temporary file in dir and records it.
func createTemp(dir string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	if temps.stopped {
		return nil, fmt.Errorf("the program is stopping")
	}
	for range 10000 {
		var r [4]byte
		rand.Read(r[:]) // never fails
		name := filepath.Join(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(r[:])+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		temps.live[name] = true
		return f, nil
	}
	return nil, fmt.Errorf("no free temporary name")
}

// forget drops a temporary file from the record once it was renamed into
// place or removed.
func forget(name string) {
	temps.Lock()
	delete(temps.live, name)
	temps.Unlock()
}

// Cleanup removes the temporary files being written and makes any later
// Write fail: the command line calls it when it is told to stop, before
// it exits.
func Cleanup() {
	temps.Lock()
	defer temps.Unlock() // held to the end: no Write creates one after
	temps.stopped = true
	for name := range temps.live {
		os.Remove(name)
		delete(temps.live, name)
	}
}

// removeStale removes, in dir, the temporary files an earlier tsagmerge
// left there when it was killed: ours whose process is gone or that are
// older than staleAge, and, older than staleAge, those earlier versions
// named after the output (".OUT.docx.123456.tmp").
func removeStale(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".tmp") {
			continue
		}
		ours := strings.HasPrefix(name, tempPrefix)
		if !ours && !(strings.HasPrefix(name, "."+base+".") && isDigits(strings.TrimSuffix(strings.TrimPrefix(name, "."+base+"."), ".tmp"))) {
			continue
		}
		full := filepath.Join(dir, name)
		temps.Lock()
		live := temps.live[full]
		temps.Unlock()
		if live {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		old := now.Sub(info.ModTime()) > staleAge
		if old || ours && processGone(tempPID(name)) {
			os.Remove(full)
		}
	}
}

// tempPID is the process id in one of our temporary names, 0 if none.
func tempPID(name string) int {
	rest := strings.TrimPrefix(name, tempPrefix)
	pid, _, _ := strings.Cut(rest, "-")
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
