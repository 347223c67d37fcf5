// Package cli runs the binder's command-line commands: the same binary as the
// window, for county IT scripts and for testing every feature without a display.
//
// Exit codes: 0 success, 1 an error (one plain line on stderr), 2 bad usage,
// 3 a plan check that found gaps.
package cli

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"electionbinder/internal/db"
)

// Exit codes of the binder command.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
	ExitGaps  = 3
)

// Command is one command of the binder's command line.
type Command struct {
	Name    string // words that call it, such as "contacts import"
	Args    string // what follows the name, for the usage text
	Summary string
	// NoDB is set for commands that must not open the database themselves.
	NoDB bool
	Run  func(env *Env, args []string) error
}

// Env is what a command runs with.
type Env struct {
	DBPath string
	Stdout io.Writer
	Stderr io.Writer
	DB     *sql.DB // open and migrated, unless the command has NoDB
}

// UsageError is returned when the command line is malformed; it exits 2.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// ExitCodeError carries a specific exit code with its message.
type ExitCodeError struct {
	Code int
	Msg  string
}

func (e ExitCodeError) Error() string { return e.Msg }

var commands = map[string]Command{}

// Register adds a command; each command's file registers itself in init.
func Register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// ParseGlobal reads the options before the command (--db FILE), falling back
// to BINDER_DB and then to the default location, and returns the rest.
func ParseGlobal(args []string) (dbPath string, rest []string, err error) {
	dbPath = os.Getenv("BINDER_DB")
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--db" || a == "-db":
			if len(args) < 2 {
				return "", nil, UsageError{"--db needs a file name"}
			}
			dbPath, args = args[1], args[2:]
		case strings.HasPrefix(a, "--db="):
			dbPath, args = strings.TrimPrefix(a, "--db="), args[1:]
		case a == "-h" || a == "--help" || a == "help":
			return dbPath, []string{"help"}, nil
		case strings.HasPrefix(a, "-"):
			return "", nil, UsageError{fmt.Sprintf("unknown option %s", a)}
		default:
			rest = args
			args = nil
		}
	}
	if dbPath == "" {
		dbPath, err = db.DefaultPath()
	}
	return dbPath, rest, err
}

// Run runs the command in args (without the global options) and returns the
// process exit code.
func Run(dbPath string, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" {
		Usage(stdout)
		return ExitOK
	}
	cmd, rest, ok := lookup(args)
	if !ok {
		fmt.Fprintf(stderr, "binder: unknown command %q\n\n", strings.Join(args[:min(2, len(args))], " "))
		Usage(stderr)
		return ExitUsage
	}
	env := &Env{DBPath: dbPath, Stdout: stdout, Stderr: stderr}
	if !cmd.NoDB {
		if st, err := os.Stat(dbPath); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
			fmt.Fprintf(stderr, "binder: %s was an empty file; it is now a new, empty binder database\n", dbPath)
		}
		conn, err := OpenBinder(dbPath)
		if err != nil {
			fmt.Fprintf(stderr, "binder: %s: %v\n", dbPath, err)
			return ExitError
		}
		defer conn.Close()
		env.DB = conn
	}
	return report(cmd, cmd.Run(env, rest), stderr)
}

func report(cmd Command, err error, stderr io.Writer) int {
	var usage UsageError
	var coded ExitCodeError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "binder %s: %v\nusage: binder [--db FILE] %s %s\n", cmd.Name, err, cmd.Name, cmd.Args)
		return ExitUsage
	case errors.As(err, &coded):
		if coded.Msg != "" {
			fmt.Fprintf(stderr, "binder %s: %s\n", cmd.Name, coded.Msg)
		}
		return coded.Code
	default:
		fmt.Fprintf(stderr, "binder %s: %v\n", cmd.Name, db.Explain(err))
		return ExitError
	}
}

func lookup(args []string) (Command, []string, bool) {
	if len(args) >= 2 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c, args[2:], true
		}
	}
	c, ok := commands[args[0]]
	return c, args[1:], ok
}

// usageColumn is the width of the command column in the usage text.
const usageColumn = 44

// Usage prints every command with its arguments.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "usage: binder [--db FILE] [COMMAND]")
	fmt.Fprintln(w, "With no command, the window opens. Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		call := strings.TrimSpace(c.Name + " " + c.Args)
		if len(call) > usageColumn {
			fmt.Fprintf(w, "  %s\n  %-*s %s\n", call, usageColumn, "", c.Summary)
			continue
		}
		fmt.Fprintf(w, "  %-*s %s\n", usageColumn, call, c.Summary)
	}
}

// ParseFlags parses fs from args, allowing flags before, between and after
// the positional arguments, and checks the count of positional arguments.
func ParseFlags(fs *flag.FlagSet, args []string, minPos, maxPos int) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, UsageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	if len(positional) < minPos {
		return nil, UsageError{"missing argument"}
	}
	if maxPos >= 0 && len(positional) > maxPos {
		return nil, UsageError{fmt.Sprintf("unexpected argument %q", positional[maxPos])}
	}
	return positional, nil
}
