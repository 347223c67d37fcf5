package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/atomicfile"
)

// The pieces every command's file shares: reading arguments, ids and dates,
// and writing what a command produces.

// dayLayout is how dates are written on the command line and in its output.
const dayLayout = "2006-01-02"

// parseArgs reads the command line of a command that takes no options, only
// between minPos and maxPos arguments (maxPos < 0: no limit).
func parseArgs(name string, args []string, minPos, maxPos int) ([]string, error) {
	return ParseFlags(flag.NewFlagSet(name, flag.ContinueOnError), args, minPos, maxPos)
}

// parseID reads a positive whole number; bad is the usage message when arg is not one.
func parseID(arg, bad string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, UsageError{bad}
	}
	return id, nil
}

// parseDay reads an optional YYYY-MM-DD date (empty: the zero time); bad is
// the usage message when s is not such a date.
func parseDay(s, bad string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		return time.Time{}, UsageError{bad}
	}
	return t, nil
}

// dayText writes t as YYYY-MM-DD, or none when t is the zero time.
func dayText(t time.Time, none string) string {
	if t.IsZero() {
		return none
	}
	return t.Format(dayLayout)
}

// oneLine folds runs of white space, line breaks and tabs included, into
// single spaces, so a value keeps to one tab-separated line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// readInput reads a file named on the command line.
func readInput(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return data, nil
}

// saveFile writes data to the file out in one step and prints its name.
func saveFile(env *Env, out string, data []byte) error {
	if err := atomicfile.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, out)
	return nil
}

// writeOut writes with write to the file out in one step and prints its
// name, or writes to standard output when out is empty.
func writeOut(env *Env, out string, write func(io.Writer) error) error {
	if out == "" {
		return write(env.Stdout)
	}
	if err := atomicfile.Write(out, write); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, out)
	return nil
}
