package db

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultKeepBackups is how many automatic backups are kept when the clerk
// has not chosen a number.
const DefaultKeepBackups = 7

// ErrBackupFolderMissing is wrapped by the error for a backup folder that
// cannot be found, such as a USB stick that is not plugged in.
var ErrBackupFolderMissing = errors.New("the backup folder cannot be found")

// AutoBackup writes the day's automatic backup of the open database at dbPath
// into dir, unless one was already written on now's date, and then deletes
// the oldest automatic backups of this database in dir beyond the newest
// keep. It returns the new backup's path, or "" when none was due. A missing
// folder is an error wrapping ErrBackupFolderMissing, for the window to
// report; it is never fatal.
func AutoBackup(conn *sql.DB, dbPath, dir string, keep int, now time.Time) (string, error) {
	if dir == "" {
		return "", nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("%w: %s (is the USB stick or network folder connected?)", ErrBackupFolderMissing, dir)
	}
	last, err := lastAutomatic(conn)
	if err != nil {
		return "", err
	}
	if sameDay(last, now) {
		return "", nil
	}
	out := filepath.Join(dir, autoPrefix(dbPath)+now.Format("20060102-150405")+".db")
	tmp, err := tempPathBeside(out)
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	if err := writeCopy(conn, tmp); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		return "", fmt.Errorf("saving the backup as %s: %w", out, err)
	}
	if err := RecordBackup(conn, BackupRecord{TakenAt: now, Path: out, Automatic: true}); err != nil {
		return out, err
	}
	return out, rotate(dir, autoPrefix(dbPath), max(keep, 1))
}

// autoPrefix starts the names of the automatic backups of the database at
// dbPath ("binder-auto-"), so that several databases can share a folder.
func autoPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-auto-"
}

// rotate deletes the oldest files named prefix…".db" in dir beyond the newest keep.
func rotate(dir, prefix string, keep int) error {
	matches, err := filepath.Glob(filepath.Join(dir, prefix+"*.db"))
	if err != nil {
		return err
	}
	sort.Strings(matches) // the names hold the date and time
	for _, old := range matches[:max(len(matches)-keep, 0)] {
		if err := os.Remove(old); err != nil {
			return fmt.Errorf("removing an old backup: %w", err)
		}
	}
	return nil
}

// lastAutomatic returns when the last automatic backup was written, or the
// zero time.
func lastAutomatic(conn *sql.DB) (time.Time, error) {
	var taken sql.NullString
	if err := conn.QueryRow("SELECT max(taken_at) FROM backup_log WHERE automatic = 1").Scan(&taken); err != nil {
		return time.Time{}, fmt.Errorf("reading the backup log: %w", err)
	}
	if !taken.Valid {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339, taken.String)
}

func sameDay(a, b time.Time) bool {
	if a.IsZero() {
		return false
	}
	a = a.In(b.Location())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}
