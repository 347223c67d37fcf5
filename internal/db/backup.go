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
	if err := writeCopy(conn, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("saving the backup as %s: %w", out, err)
	}
	return RecordBackup(conn, BackupRecord{TakenAt: time.Now(), Path: out})
}

// writeCopy checks the whole database, then writes a consistent copy of it
// to the new file path.
func writeCopy(conn *sql.DB, path string) error {
	if err := Check(conn); err != nil {
		return fmt.Errorf("the database was not backed up: %w", err)
	}
	if _, err := conn.Exec("VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("writing the backup: %w", Explain(err))
	}
	return nil
}

// Restore replaces the database file at dst with the backup at src, after
// checking that src is a sound binder database this version can open. The
// database at dst must be closed everywhere: while any window or command has
// it open, Restore fails with ErrInUse and changes nothing. The file being
// replaced is first set aside beside dst, under a name no other file has,
// and its path is returned so the clerk can go back.
func Restore(dst, src string) (aside string, err error) {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", fmt.Errorf("creating the data folder: %w", err)
	}
	if IsEncrypted(src) {
		return "", ErrEncrypted
	}
	return restorePlain(dst, src, filepath.Base(src))
}

// restorePlain restores the unencrypted backup src (named name to the
// clerk) over dst, holding dst's lock exclusively throughout.
func restorePlain(dst, src, name string) (aside string, err error) {
	lock, err := lockExclusive(dst)
	if err != nil {
		return "", err
	}
	defer lock.Close()
	if _, err := Inspect(src); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
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
	aside, err := freeName(path, label)
	if err != nil {
		return "", err
	}
	if err := snapshot(path, aside); err != nil {
		os.Remove(aside)
		return "", fmt.Errorf("setting a copy of the database aside: %w", Explain(err))
	}
	return aside, nil
}

// moveAside renames the file at path to a dated name beside it that no
// other file has.
func moveAside(path string) (string, error) {
	aside, err := freeName(path, "before-restore")
	if err != nil {
		return "", err
	}
	if err := os.Rename(path, aside); err != nil {
		os.Remove(aside)
		return "", fmt.Errorf("setting the current file aside: %w", err)
	}
	return aside, nil
}

// freeName claims a new, empty file named after path, label and the time
// ("binder.db.before-restore-20260105-142501.bak", then "…-2.bak", …) and
// returns its name, so that a copy set aside never replaces another.
func freeName(path, label string) (string, error) {
	stamp := time.Now().Format("20060102-150405")
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s.%s-%s.bak", path, label, stamp)
		if n > 1 {
			name = fmt.Sprintf("%s.%s-%s-%d.bak", path, label, stamp, n)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return name, f.Close()
		}
		if !errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("setting a copy of the database aside: %w", err)
		}
	}
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
