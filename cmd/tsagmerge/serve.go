package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/spf13/cobra"

	"tsagmerge/consolidate/web"
)

func init() { subcommands = append(subcommands, newServeCmd) }

func newServeCmd() *cobra.Command {
	var (
		addr      string
		noBrowser bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Open the page: drop the contributions, read the findings, download the TD",
		Long: `serve starts a page on this computer, in the default browser: drop the
regions' files there (several .docx, a folder or a .zip), read what check
finds in each, fill the cover, decide what becomes of the comments and
tracked changes, and download the draft TD, the published TD (once nothing
stops it), the activity index and, per region, a findings report to send
back. The page does what check, consolidate and index do, with the same
rules.

It listens on 127.0.0.1 only (port 8724 when free, so that the browser
finds the cover it kept; else any free port), and prints the page's
address, with the secret token that every request must carry, as the
first line of its output. The files dropped are kept in a private
temporary folder, deleted when they have not been used for two hours and
when serve stops (Ctrl-C).

On Windows, starting tsagmerge.exe without arguments (a double-click)
runs serve.`,
		Example: `  tsagmerge serve
  tsagmerge serve --no-browser --addr 127.0.0.1:8080`,
		Args: needs(cobra.NoArgs, "takes no arguments: drop the files on the page it opens"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return serveRun(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), addr, !noBrowser)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "", "listen on `127.0.0.1:PORT` (port 0: any free one; default 8724 when free)")
	cmd.Flags().BoolVar(&noBrowser, "no-browser", false, "do not open the page in the default browser")
	return cmd
}

// serveRun serves the page until ctx is done or the process is
// interrupted (Ctrl-C, SIGTERM), then removes what it stored.
func serveRun(ctx context.Context, stdout, stderr io.Writer, addr string, browser bool) error {
	ln, err := web.Listen(addr)
	if err != nil {
		return failf("%v; choose another with --addr 127.0.0.1:PORT", err)
	}
	srv, err := web.New(web.Config{Logf: func(format string, args ...any) {
		sayf(stderr, format, args...)
	}})
	if err != nil {
		ln.Close()
		return failf("%v", err)
	}
	signalsTaken.Store(true) // Ctrl-C shuts the server down, then it returns
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = srv.Serve(ctx, ln, func(url string) {
		fmt.Fprintln(stdout, url)
		sayf(stderr, "serving the page on %s; press Ctrl-C to stop (the files dropped there are then deleted)", ln.Addr())
		if browser {
			if err := openBrowser(url); err != nil {
				sayf(stderr, "cannot open a browser (%v); open the address above in one", err)
			}
		}
	})
	if err != nil {
		return failf("%v", err)
	}
	sayf(stderr, "stopped; the files dropped are deleted")
	return nil
}

// browserCommand is the command that opens url in the default browser on
// goos.
func browserCommand(goos, url string) *exec.Cmd {
	switch goos {
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		return exec.Command("open", url)
	}
	return exec.Command("xdg-open", url)
}

// openBrowser opens url in the default browser, without waiting for it.
func openBrowser(url string) error {
	cmd := browserCommand(runtime.GOOS, url)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// defaultArgs is the command line to run when tsagmerge is started with
// args on goos: on Windows, none (a double-click on tsagmerge.exe) means
// serve.
func defaultArgs(goos string, args []string) []string {
	if goos == "windows" && len(args) == 0 {
		return []string{"serve"}
	}
	return args
}
