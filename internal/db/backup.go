package db

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Backup writes a consistent copy of the open database to out, even while it
// is in use. The copy appears under its final name only once it is complete.
// An existing file at out is never replaced. The backup is noted in the
// database's backup log.
func Backup(conn *sql.DB, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", out)
	}
	tmp, err := tempPathBeside(out)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if _, err := conn.Exec("VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("writing the backup: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("saving the backup as %s: %w", out, err)
	}
	return RecordBackup(conn, BackupRecord{TakenAt: time.Now(), Path: out})
}

// Restore replaces the database file at dst with the backup at src, after
// checking that src is a sound binder database this version can open. The
// database at dst must be closed. The file being replaced is first set aside
// beside dst, and its path is returned so the clerk can go back.
func Restore(dst, src string) (aside string, err error) {
	if _, err := Inspect(src); err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Base(src), err)
	}
	tmp, err := tempPathBeside(dst)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	if err := snapshot(src, tmp); err != nil {
		return "", fmt.Errorf("copying the backup: %w", err)
	}
	if _, err := os.Stat(dst); err == nil {
		if aside, err = setAside(dst, -1); err != nil {
			// A damaged file cannot be copied through SQLite: keep its bytes as they are.
			if aside, err = moveAside(dst); err != nil {
				return "", err
			}
		}
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("clearing the old journal: %w", err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return "", fmt.Errorf("putting the backup in place: %w", err)
	}
	return aside, nil
}

// setAside copies the database at path, with whatever its journal holds, to a
// dated file beside it and returns that file's path. version < 0 means the
// copy is kept before a restore rather than a migration.
func setAside(path string, version int) (string, error) {
	label := "before-restore"
	if version >= 0 {
		label = fmt.Sprintf("v%d-before-upgrade", version)
	}
	stamp := time.Now().Format("20060102-150405")
	aside := fmt.Sprintf("%s.%s-%s.bak", path, label, stamp)
	if err := snapshot(path, aside); err != nil {
		return "", fmt.Errorf("setting a copy of the database aside: %w", err)
	}
	return aside, nil
}

// moveAside renames the file at path to a dated name beside it.
func moveAside(path string) (string, error) {
	aside := fmt.Sprintf("%s.before-restore-%s.bak", path, time.Now().Format("20060102-150405"))
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("setting the current file aside: %w", err)
	}
	return aside, nil
}

// snapshot writes a consistent copy of the database file at src, including
// what its write-ahead log holds, to the new file dst. src is opened read-only.
func snapshot(src, dst string) error {
	conn, err := sql.Open("sqlite3", readOnlyDSN(src))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Exec("VACUUM INTO ?", dst)
	return err
}

func tempPathBeside(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", filepath.Dir(path), err)
	}
	name := f.Name()
	f.Close()
	return name, os.Remove(name)
}
