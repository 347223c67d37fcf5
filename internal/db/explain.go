package db

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

// Explain turns a SQLite error into the plain reason a clerk can act on:
// a damaged file, a full disk, a read-only folder, a disk that went away,
// or another program's long write. Other errors are returned as they are.
func Explain(err error) error {
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return ErrCorrupt
	case sqlite3.ErrFull:
		return ErrDiskFull
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrAuth:
		return ErrReadOnly
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return ErrBusy
	case sqlite3.ErrIoErr:
		return ErrDiskTrouble
	}
	return err
}
