package cli

import (
	"database/sql"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
)

// OpenBinder opens and migrates the database at path and makes sure the
// built-in content (the default roles and partner list) is there; the window
// and every command open the binder through it.
func OpenBinder(path string) (*sql.DB, error) {
	conn, err := db.Open(path)
	if err != nil {
		return nil, err
	}
	if err := contacts.NewStore(conn).EnsureDefaults(); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}
