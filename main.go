// Command binder is Election Security Binder: an offline desktop app in which
// election clerks write their election-security contingency plan, keep the
// directory of who to call in an incident, track security trainings and print
// it all as a binder. With no command it opens the window; with one it runs
// that command (see binder help).
package main

import (
	"fmt"
	"os"

	"electionbinder/app"
	"electionbinder/internal/cli"
)

func main() {
	dbPath, rest, err := cli.ParseGlobal(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "binder: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	if len(rest) > 0 {
		os.Exit(cli.Run(dbPath, rest, os.Stdout, os.Stderr))
	}
	if err := app.Run(dbPath); err != nil {
		fmt.Fprintf(os.Stderr, "binder: %s: %v\n", dbPath, err)
		os.Exit(cli.ExitError)
	}
}
