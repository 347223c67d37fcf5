package cli

import (
	"database/sql"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
)

// OpenBinder opens and migrates the database at path and makes sure the
// built-in content (the default roles and partner list) is there; the window
// and every command open the binder through it. A database that cannot be
// written is opened read-only as it is (see db.ReadOnly).
func OpenBinder(path string) (*sql.DB, error) {
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
