// Package binderfile opens a binder's data file the way the window and every
// command do — migrated, with the built-in roles and partners in place — and
// names the release. The window and the command line both start here, so
// neither needs the other.
package binderfile

import (
	"database/sql"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
)

// Version is the binder's release; FyneApp.toml carries the same number.
const Version = "0.1.0"

// Open opens and migrates the database at path and makes sure the built-in
// content (the default roles and partner list) is there. A database that
// cannot be written is opened read-only as it is (see db.ReadOnly).
func Open(path string) (*sql.DB, error) {
	conn, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	if db.ReadOnly(conn) {
		return conn, nil
	}
	if err := contacts.NewStore(conn).EnsureDefaults(); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}
