//go:build unix

package outfile

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the id pid (signal 0 asks
// without sending anything).
func processGone(pid int) bool {
	return pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
