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

// fileInfo is what a read-only look at an existing database found.
type fileInfo struct {
	version int
}

// inspectExisting returns nil for a missing or empty file, the file's schema
// version for one we may open, and an error for one we must refuse. It never
// writes to the file.
func inspectExisting(path string) (*fileInfo, error) {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a database file", path)
	}
	if st.Size() == 0 {
		return nil, nil
	}
	return Inspect(path)
}

// Inspect checks, without changing it, that the file at path is a sound
// binder database this version can open, and returns its schema version.
func Inspect(path string) (*fileInfo, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	conn, err := sql.Open("sqlite3", readOnlyDSN(path))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)

	var appID, version int
	if err := conn.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return nil, ErrCorrupt
	}
	if err := conn.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return nil, ErrCorrupt
	}
	if err := checkIntegrity(conn); err != nil {
		return nil, err
	}
	if appID != ApplicationID && !(appID == 0 && version == 0 && isEmptySchema(conn)) {
		return nil, ErrOtherProgram
	}
	if version > LatestVersion() {
		return nil, ErrTooNew
	}
	return &fileInfo{version: version}, nil
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
		return ErrCorrupt
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil || line != "ok" {
			return ErrCorrupt
		}
	}
	if rows.Err() != nil {
		return ErrCorrupt
	}
	return nil
}

func isEmptySchema(conn *sql.DB) bool {
	var n int
	err := conn.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&n)
	return err == nil && n == 0
}

// Check runs PRAGMA integrity_check on an open database.
func Check(conn *sql.DB) error {
	return checkIntegrity(conn)
}
