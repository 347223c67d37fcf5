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
	Register(Command{Name: "backup", Args: "--out FILE [--encrypt [--passphrase-file FILE]]", Summary: "write a backup copy of the database, encrypted with a passphrase if asked", Run: runBackup})
	Register(Command{Name: "restore", Args: "FILE [--passphrase-file FILE]", Summary: "replace the database with a backup (the current file is set aside)", NoDB: true, Run: runRestore})
	Register(Command{Name: "check", Summary: "run the full integrity check of the database", Run: runCheck})
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
	encrypt := fs.Bool("encrypt", false, "encrypt the backup with a passphrase")
	passFile := fs.String("passphrase-file", "", "file holding the passphrase")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *out == "" {
		return UsageError{"--out FILE is required"}
	}
	if !*encrypt {
		if err := db.Backup(env.DB, *out); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, *out)
		return nil
	}
	pass, err := passphrase(*passFile)
	if err != nil {
		return err
	}
	if err := db.BackupEncrypted(env.DB, *out, pass); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

func runRestore(env *Env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	passFile := fs.String("passphrase-file", "", "file holding the passphrase of an encrypted backup")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	aside, err := restoreFile(env.DBPath, pos[0], *passFile)
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

// restoreFile restores backup over the database at dbPath, asking an
// encrypted backup's passphrase of --passphrase-file or the environment.
func restoreFile(dbPath, backup, passFile string) (string, error) {
	if !db.IsEncrypted(backup) {
		return db.Restore(dbPath, backup)
	}
	pass, err := passphrase(passFile)
	if err != nil {
		return "", fmt.Errorf("%s is encrypted: %w", backup, err)
	}
	return db.RestoreEncrypted(dbPath, backup, pass)
}

func runCheck(env *Env, args []string) error {
	if _, err := parseArgs("check", args, 0, 0); err != nil {
		return err
	}
	if err := db.Check(env.DB); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "The database is sound.")
	return nil
}
