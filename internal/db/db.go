// Package db opens the binder's SQLite file, migrates it with the numbered
// migrations embedded in the binary, checks it, and backs it up and restores it.
//
// A file is refused, and left byte-for-byte untouched, when it is not a SQLite
// database, fails PRAGMA integrity_check, belongs to another program, or was
// written by a newer version of the binder.
package db

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// ApplicationID marks a SQLite file as ours (PRAGMA application_id, "EBSS").
const ApplicationID = 1162166867

// Errors that explain to the clerk why a file was refused.
var (
	ErrNotDatabase  = errors.New("this file is not an Election Security Binder database")
	ErrOtherProgram = errors.New("this database belongs to another program, not Election Security Binder")
	ErrCorrupt      = errors.New("this database is damaged (the integrity check failed); restore it from a backup")
	ErrTooNew       = errors.New("this database was written by a newer version of Election Security Binder; update the app to open it")
	ErrNotFound     = errors.New("not found")
	ErrReadOnly     = errors.New("this database is on a disk or in a folder that cannot be written (a locked-down share or a write-protected USB stick)")
	ErrDiskFull     = errors.New("the disk holding the database is full; free some space (or move the database to another disk) and try again")
	ErrBusy         = errors.New("another window or command is saving a large change to this database (such as an import); wait until it finishes, then try again")
	ErrDiskTrouble  = errors.New("the disk holding the database could not be read or written; check that the USB stick or network folder is still connected")
)

// DefaultPath is where the binder keeps its data when no --db or BINDER_DB is given.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the settings folder: %w", err)
	}
	return filepath.Join(dir, "ElectionBinder", "binder.db"), nil
}

// BusyTimeout is how long a write waits for another process's write to end
// before it gives up with ErrBusy.
var BusyTimeout = 10 * time.Second

// Open opens (or creates) the database at path, refuses a file it must not
// touch, sets a copy of an older file aside, and migrates it to the latest
// version. A database on a read-only disk or in a read-only folder is opened
// read-only (see ReadOnly). Opening takes the same time whatever the size of
// the file: the full integrity check runs on backup, restore and Check.
func Open(path string) (*sql.DB, error) {
	version, err := inspectExisting(path)
	if err != nil {
		return nil, err
	}
	if version > 0 && !writable(path) {
		return openReadOnly(path, version)
	}
	if version > 0 && version < LatestVersion() {
		if err := checkFile(path); err != nil {
			return nil, err
		}
		if _, err := setAside(path, version); err != nil {
			return nil, Explain(err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the data folder: %w", err)
	}
	lock, err := lockShared(path)
	if err != nil {
		return nil, err
	}
	conn := openLocked(readWriteDSN(path), lock)
	if err := migrate(conn); err != nil {
		conn.Close()
		return nil, Explain(err)
	}
	return conn, nil
}

// openReadOnly opens a sound, up-to-date database that cannot be written.
func openReadOnly(path string, version int) (*sql.DB, error) {
	if version < LatestVersion() {
		return nil, fmt.Errorf("%w, and it was written by an older version that must upgrade it first; copy it to a folder you can write to", ErrReadOnly)
	}
	conn, err := sql.Open("sqlite3", readOnlyDSN(path)+"&_query_only=1")
	if err != nil {
		return nil, err
	}
	if _, err := SchemaVersion(conn); err != nil {
		conn.Close()
		return nil, Explain(err)
	}
	return conn, nil
}

// ReadOnly reports whether conn was opened read-only, because its file or
// folder cannot be written.
func ReadOnly(conn *sql.DB) bool {
	var on bool
	return conn.QueryRow("PRAGMA query_only").Scan(&on) == nil && on
}

// writable reports whether the database file and its folder (where SQLite
// keeps its journal) can both be written.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return folderWritable(path)
}

func folderWritable(path string) bool {
	tmp, err := tempPathBeside(path)
	return err == nil && tmp != ""
}

func readWriteDSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", strconv.FormatInt(BusyTimeout.Milliseconds(), 10))
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	return "file:" + escapePath(path) + "?" + q.Encode()
}

// readOnlyDSN opens path for reading only. On a read-only disk, where SQLite
// cannot make the shared-memory file a WAL database needs, the file is
// opened as immutable.
func readOnlyDSN(path string) string {
	dsn := "file:" + escapePath(path) + "?mode=ro"
	if _, err := os.Stat(path + "-shm"); err != nil && !folderWritable(path) {
		dsn += "&immutable=1"
	}
	return dsn
}

// escapePath keeps characters such as '?' and '#' in a file name from being
// read as parts of the URI.
func escapePath(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
}
