package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/check"
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
// run begins the line with the command ("tsagmerge check: "), as every
// line a command writes on stderr begins: the message is the rest, the
// file first when there is one.
func failf(format string, args ...any) error {
	return &exitError{code: exitBadInput, msg: fmt.Sprintf(format, args...)}
}

// prog is the command running, "tsagmerge check", "tsagmerge cover init":
// the first words of every line it writes on stderr.
var prog = "tsagmerge"

// notef writes a line on stderr, after the command's name: what the
// command says whatever --quiet says (a file not used, a file refused).
func notef(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, prog+": "+format+"\n", args...)
}

// needs gives a command's rule for its arguments the words of what it
// needs, for cobra's "accepts 2 arg(s), received 1": what says what the
// arguments are ("needs two versions to compare, OLD and NEW").
func needs(rule cobra.PositionalArgs, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if rule(cmd, args) == nil {
			return nil
		}
		return failf("%s; see '%s --help'", what, cmd.CommandPath())
	}
}

// needInputs is what the commands that read contributions say they need.
func needInputs(verb string) string {
	return "needs the contributions to " + verb + ": a folder of them, or .docx files"
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "tsagmerge",
		Short: "Check and merge the ITU Regional Offices' contributions into one TSAG TD",
		Long: `tsagmerge turns the six ITU Regional Offices' half-yearly Word contributions
into the TSAG document "Contribution of the ITU Regional Offices to the
implementation of the ITU-T four-year rolling operational plan" and its
Excel activity index. Every command takes folders of contributions as well
as files, and --json for a report a program can read.`,
		Example: `  tsagmerge check inbox/
  tsagmerge consolidate inbox/ -o TD.docx --meta meta.yaml --index activities.xlsx
  tsagmerge check TD.docx
  tsagmerge serve                     # the same in a page in the browser`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) { prog = cmd.CommandPath() }
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors (and check's verdict)")
	for _, add := range subcommands {
		root.AddCommand(add())
	}
	return root
}

// quiet is --quiet: the commands' notes and summaries are left out.
var quiet bool

// say writes a line unless --quiet.
func say(w io.Writer, format string, args ...any) {
	if !quiet {
		fmt.Fprintf(w, format+"\n", args...)
	}
}

// sayf writes a line on stderr, after the command's name, unless --quiet.
func sayf(w io.Writer, format string, args ...any) {
	if !quiet {
		notef(w, format, args...)
	}
}

// docxArgs completes a command's arguments with .docx files and folders.
func docxArgs(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"docx", "docm"}, cobra.ShellCompDirectiveFilterFileExt
}

// completeValues completes a flag with fixed values.
func completeValues(cmd *cobra.Command, flag string, values ...string) {
	cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// completeKinds completes --allow with the kinds of finding.
func completeKinds(cmd *cobra.Command) {
	var kinds []string
	for _, k := range check.Kinds {
		kinds = append(kinds, string(k))
	}
	completeValues(cmd, "allow", kinds...)
}

// writeJSON prints v as every command's --json does: indented, with <, >
// and & left as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// subcommands holds the constructors of the commands, one per file; each
// file's init appends its own.
var subcommands []func() *cobra.Command

// run executes the command line, writing to stdout and stderr, and
// returns the exit status. main and the tests call it alike.
func run(args []string, stdout, stderr io.Writer) int {
	quiet, prog = false, "tsagmerge"
	root := newRootCmd(stdout, stderr)
	root.SetArgs(defaultArgs(runtime.GOOS, args))
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(stderr, cmd.CommandPath()+": "+ee.msg)
		}
		return ee.code
	}
	// Cobra's own errors: an unknown command or flag (the argument counts
	// say what they need, through needs).
	fmt.Fprintln(stderr, cmd.CommandPath()+": "+err.Error()+"; see '"+cmd.CommandPath()+" --help'")
	return exitBadInput
}
