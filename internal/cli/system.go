package cli

import (
	"flag"
	"fmt"

	"electionbinder/internal/db"
)

// Version is the binder's release; FyneApp.toml carries the same number.
const Version = "0.1.0"

func init() {
	Register(Command{Name: "version", Summary: "print the version", NoDB: true, Run: runVersion})
	Register(Command{Name: "backup", Args: "--out FILE", Summary: "write a backup copy of the database", Run: runBackup})
	Register(Command{Name: "restore", Args: "FILE", Summary: "replace the database with a backup (the current file is set aside)", NoDB: true, Run: runRestore})
}

func runVersion(env *Env, args []string) error {
	if _, err := parseArgs("version", args, 0, 0); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Election Security Binder %s (database schema %d)\n", Version, db.LatestVersion())
	return nil
}

func runBackup(env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	out := fs.String("out", "", "backup file to write")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *out == "" {
		return UsageError{"--out FILE is required"}
	}
	if err := db.Backup(env.DB, *out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

func runRestore(env *Env, args []string) error {
	pos, err := parseArgs("restore", args, 1, 1)
	if err != nil {
		return err
	}
	aside, err := db.Restore(env.DBPath, pos[0])
	if err != nil {
		return err
	}
	conn, err := OpenBinder(env.DBPath)
	if err != nil {
		return err
	}
	defer conn.Close()
	if aside != "" {
		fmt.Fprintf(env.Stdout, "The previous database was kept as %s\n", aside)
	}
	fmt.Fprintf(env.Stdout, "Restored %s\n", pos[0])
	return nil
}
