package db

import "database/sql"

// InTx runs fn in one transaction on conn (IMMEDIATE, as Open sets it in the
// connection string) and commits only when fn succeeds; otherwise nothing fn
// wrote is kept.
func InTx(conn *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
