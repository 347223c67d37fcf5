package db

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
)

var sqliteHeader = []byte("SQLite format 3\x00")

// inspectExisting returns 0 for a missing or empty file, the file's schema
// version for one we may open, and an error for one we must refuse. It never
// writes to the file, and its work does not grow with the file's size.
func inspectExisting(path string) (int, error) {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.IsDir() {
		return 0, fmt.Errorf("%s is a folder, not a database file", path)
	}
	if st.Size() == 0 {
		return 0, nil
	}
	return inspect(path, false)
}

// Inspect checks, without changing it, that the file at path is a sound
// binder database this version can open, and returns its schema version. It
// runs the full integrity check, which reads the whole file.
func Inspect(path string) (version int, err error) {
	return inspect(path, true)
}

// checkFile runs the full integrity check on the file at path.
func checkFile(path string) error {
	_, err := Inspect(path)
	return err
}

// inspect reads the header, the application id, the schema version and the
// schema of the file at path; full adds the integrity check of every page.
func inspect(path string, full bool) (version int, err error) {
	if err := checkHeader(path); err != nil {
		return 0, err
	}
	conn, err := sql.Open("sqlite3", readOnlyDSN(path))
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", path, err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)

	var appID int
	if err := conn.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, Explain(err)
	}
	if err := conn.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, Explain(err)
	}
	var tables int
	if err := conn.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return 0, Explain(err)
	}
	if full {
		if err := checkIntegrity(conn); err != nil {
			return 0, err
		}
	}
	if appID != ApplicationID && !(appID == 0 && version == 0 && tables == 0) {
		return 0, ErrOtherProgram
	}
	if version > LatestVersion() {
		return 0, ErrTooNew
	}
	return version, nil
}

func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return ErrNotDatabase
	}
	return nil
}

func checkIntegrity(conn *sql.DB) error {
	rows, err := conn.Query("PRAGMA integrity_check")
	if err != nil {
		return Explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return Explain(err)
		}
		if line != "ok" {
			return ErrCorrupt
		}
	}
	return Explain(rows.Err())
}

// Check runs the full integrity check (PRAGMA integrity_check) on an open
// database: it reads every page, so it takes longer the larger the file.
func Check(conn *sql.DB) error {
	return checkIntegrity(conn)
}
