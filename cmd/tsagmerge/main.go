// Command tsagmerge reads the ITU Regional Offices' half-yearly Word
// contributions, checks them for what must not be published, merges them
// into one TSAG TD on the ITU-T template and keeps the activity index.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"tsagmerge/consolidate/outfile"
)

func main() {
	go stopOnSignal()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// signalsTaken is set by a command that stops on signals itself (serve,
// which shuts its server down and removes its sessions' files).
var signalsTaken atomic.Bool

// stopOnSignal waits for SIGINT (Ctrl-C) or SIGTERM, then removes the
// temporary files being written and exits with 128 + the signal's number,
// as a shell reports a process the signal killed; unless a command has
// taken the signals over.
func stopOnSignal() {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	s := <-stop
	for signalsTaken.Load() {
		s = <-stop
	}
	outfile.Cleanup()
	fmt.Fprintf(os.Stderr, "tsagmerge: stopped (%v); the output being written was not put in place\n", s)
	code := 130
	if n, ok := s.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	os.Exit(code)
}
