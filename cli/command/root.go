package command

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/recondo/recondo/data"
)

// Exit codes.
const (
	ExitOK          = 0
	ExitFailed      = 1
	ExitUsage       = 2
	ExitNotFound    = 3
	ExitUnavailable = 4
	ExitInternal    = 5
)

// env is what every command gets: where data lives, output streams and the output mode.
type env struct {
	dataDir string
	json    bool
	stdout  io.Writer
	stderr  io.Writer
}

type command struct {
	summary string
	usage   string
	run     func(e *env, args []string) int
}

var commands = map[string]command{}

func register(name string, c command) { commands[name] = c }

// Run executes the command line args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprint(stdout, c.usage)
				return ExitOK
			}
		}
		printHelp(stdout)
		return ExitOK
	}
	name := args[0]
	// Two-word commands: "ca show", "keys create", "pricing add", ...
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") {
		if _, ok := commands[name+" "+args[1]]; ok {
			name, args = name+" "+args[1], args[1:]
		}
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "recondo: unknown command %q (see recondo help)\n", args[0])
		return ExitUsage
	}
	return c.run(&env{stdout: stdout, stderr: stderr}, args[1:])
}

// flags returns a flag set with the flags every command takes.
func (e *env) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, usage); fs.PrintDefaults() }
	fs.StringVar(&e.dataDir, "data-dir", data.DefaultDataDir(), "data directory (RECONDO_DATA_DIR)")
	fs.BoolVar(&e.json, "json", false, "print JSON for scripts")
	return fs
}

func (e *env) printJSON(v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(e.stderr, "recondo: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}

func (e *env) fail(code int, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "recondo: "+format+"\n", args...)
	return code
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, "recondo — set up and audit the Recondo gateway\n\nCommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, "\nEvery command takes --data-dir (default ~/.recondo, RECONDO_DATA_DIR) and --json.\nRun `recondo help <command>` for its flags and examples.\n")
}
