package training

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"electionbinder/internal/db"
)

// FileImport says what importing one file did.
type FileImport struct {
	Name        string
	Roster      bool         // a roster rather than a calendar
	Sessions    ImportResult // for a calendar
	RosterLines int          // for a roster
}

// ImportFiles imports calendars (.ics) and rosters (.csv) together, in one
// transaction: when any file is refused, nothing from any of them is saved.
// A roster may name sessions that a calendar given before it adds.
func (s *Store) ImportFiles(names []string) ([]FileImport, error) {
	reads := make([]func(tx *sql.Tx) (FileImport, error), len(names))
	for i, name := range names {
		read, err := s.readImportFile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w; nothing was imported", name, err)
		}
		reads[i] = read
	}
	var done []FileImport
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		for i, apply := range reads {
			res, err := apply(tx)
			if err != nil {
				return fmt.Errorf("%s: %w; nothing was imported", names[i], err)
			}
			done = append(done, res)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return done, nil
}

// readImportFile reads one file and returns what saves it in a transaction.
func (s *Store) readImportFile(name string) (func(tx *sql.Tx) (FileImport, error), error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ics", ".ical", ".ifb":
		events, notes, err := ReadICS(f, DefaultTimeZone)
		if err != nil {
			return nil, err
		}
		return func(tx *sql.Tx) (FileImport, error) {
			res := ImportResult{Notes: notes}
			for _, e := range events {
				if err := importEvent(tx, e, &res); err != nil {
					return FileImport{}, err
				}
			}
			return FileImport{Name: name, Sessions: res}, nil
		}, nil
	case ".csv":
		rows, err := s.readRoster(f)
		if err != nil {
			return nil, err
		}
		return func(tx *sql.Tx) (FileImport, error) {
			if err := s.applyRoster(tx, rows); err != nil {
				return FileImport{}, err
			}
			return FileImport{Name: name, Roster: true, RosterLines: len(rows)}, nil
		}, nil
	}
	return nil, ErrUnknownImport
}

// ErrUnknownImport is returned for a file that is neither a calendar nor a roster.
var ErrUnknownImport = fmt.Errorf("give a .ics calendar or a .csv roster")
