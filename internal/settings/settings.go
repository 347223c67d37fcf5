// Package settings keeps the jurisdiction profile and the app's preferences
// in the binder database, as keys and values.
package settings

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// Store reads and writes settings in one binder database.
type Store struct {
	db *sql.DB
}

// New returns a Store over an open, migrated binder database.
func New(db *sql.DB) *Store {
	return &Store{db: db}
}

// Keys of the preferences, read by the features they steer.
const (
	VerifyDaysKey = "contacts.verify_days" // days after which a contact needs verifying again
	PaperKey      = "binder.paper"         // "letter" or "a4"
	DuplexKey     = "binder.duplex"        // "true" when each part starts on a right-hand page
	MarkingKey    = "binder.marking"       // handling marking printed on every page
	BackupDirKey  = "backup.folder"        // folder of the automatic backups; none when empty
	BackupKeepKey = "backup.keep"          // how many automatic backups are kept
)

// Defaults of the preferences.
const (
	DefaultVerifyDays = 90
	DefaultPaper      = "letter"
	DefaultMarking    = "SENSITIVE — FOR OFFICIAL USE ONLY"
)

const upsertSQL = `INSERT INTO settings(key, value) VALUES(?, ?)
	ON CONFLICT(key) DO UPDATE SET value = excluded.value`

// Get returns the value saved under key, or def when none is saved.
func (s *Store) Get(key, def string) (string, error) {
	var v string
	err := s.db.QueryRow("SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return def, fmt.Errorf("reading setting %q: %w", key, err)
	}
	return v, nil
}

// Set saves value under key.
func (s *Store) Set(key, value string) error {
	_, err := s.db.Exec(upsertSQL, key, value)
	if err != nil {
		return fmt.Errorf("saving setting %q: %w", key, err)
	}
	return nil
}

// GetInt returns the integer saved under key, or def when none (or no number) is saved.
func (s *Store) GetInt(key string, def int) (int, error) {
	v, err := s.Get(key, "")
	if err != nil || v == "" {
		return def, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def, nil
	}
	return n, nil
}

// SetInt saves an integer under key.
func (s *Store) SetInt(key string, n int) error {
	return s.Set(key, strconv.Itoa(n))
}
