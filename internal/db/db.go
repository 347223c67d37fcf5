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
)

// DefaultPath is where the binder keeps its data when no --db or BINDER_DB is given.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the settings folder: %w", err)
	}
	return filepath.Join(dir, "ElectionBinder", "binder.db"), nil
}

// Open opens (or creates) the database at path, refuses a file it must not
// touch, sets a copy of an older file aside, and migrates it to the latest version.
func Open(path string) (*sql.DB, error) {
	version, err := inspectExisting(path)
	if err != nil {
		return nil, err
	}
	if version > 0 && version < LatestVersion() {
		if _, err := setAside(path, version); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the data folder: %w", err)
	}
	conn, err := sql.Open("sqlite3", readWriteDSN(path))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := migrate(conn); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func readWriteDSN(path string) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	return "file:" + escapePath(path) + "?" + q.Encode()
}

func readOnlyDSN(path string) string {
	return "file:" + escapePath(path) + "?mode=ro"
}

// escapePath keeps characters such as '?' and '#' in a file name from being
// read as parts of the URI.
func escapePath(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).EscapedPath()
}
