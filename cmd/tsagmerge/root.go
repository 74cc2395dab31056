package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit statuses, the same for every command.
const (
	exitOK       = 0 // done, nothing of severity error found
	exitFindings = 1 // check (or a publication refused) found errors
	exitBadInput = 2 // bad arguments, or no input could be read
)

// exitError carries an exit status out of a command's RunE; its message, if
// any, has already been printed or is printed by run.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// failf reports bad input or arguments: one line on stderr, exit status 2.
func failf(format string, args ...any) error {
	return &exitError{code: exitBadInput, msg: fmt.Sprintf(format, args...)}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "tsagmerge",
		Short: "Check and merge the ITU Regional Offices' contributions into one TSAG TD",
		Long: `tsagmerge turns the six ITU Regional Offices' half-yearly Word contributions
into the TSAG document "Contribution of the ITU Regional Offices to the
implementation of the ITU-T four-year rolling operational plan" and its
Excel activity index.

  inspect      read contributions and show what is in them
  check        find what must not be published (exit 1 when something is)
  consolidate  merge the regions into one TD on the TSAG template
  index        write the Excel activity index
  diff         show what changed between two versions of a contribution`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	return root
}

// subcommands holds the constructors of the commands, one per file; each
// file's init appends its own.
var subcommands []func() *cobra.Command

// run executes the command line, writing to stdout and stderr, and
// returns the exit status. main and the tests call it alike.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, "tsagmerge: "+ee.msg)
		}
		return ee.code
	}
	// Cobra's own errors: unknown command or flag, wrong argument count.
	fmt.Fprintln(stderr, "tsagmerge: "+err.Error()+" (see 'tsagmerge --help')")
	return exitBadInput
}
