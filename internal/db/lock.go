package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// ErrInUse is returned by Restore while the database is open elsewhere.
var ErrInUse = errors.New("the database is open in the Election Security Binder window or in another command; close it there and try again")

// holderLock is the lock file beside a database. Every process that opens the
// database holds it shared for as long as the database is open; Restore
// holds it exclusively, so a database is never replaced under a window or
// command that would go on saving into the file set aside.
type holderLock struct {
	once sync.Once
	file *os.File
}

func lockPath(dbPath string) string { return dbPath + ".lock" }

// lockShared takes the holder lock of the database at dbPath for reading and
// writing it; it fails only while a restore is replacing the file.
func lockShared(dbPath string) (*holderLock, error) {
	return takeLock(dbPath, false)
}

// lockExclusive takes the holder lock for replacing the database, and fails
// with ErrInUse while anyone has it open.
func lockExclusive(dbPath string) (*holderLock, error) {
	return takeLock(dbPath, true)
}

func takeLock(dbPath string, exclusive bool) (*holderLock, error) {
	f, err := os.OpenFile(lockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot write in the database's folder: %w", err)
	}
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		if exclusive {
			return nil, ErrInUse
		}
		return nil, errors.New("the database is being restored from a backup right now; try again in a moment")
	}
	return &holderLock{file: f}, nil
}

// Close releases the lock; it may be called more than once.
func (l *holderLock) Close() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() { l.file.Close() })
	return nil
}

// lockedConnector opens SQLite connections to one file and holds the file's
// holder lock until the *sql.DB built on it is closed.
type lockedConnector struct {
	dsn  string
	lock *holderLock
}

var sqliteDriver = &sqlite3.SQLiteDriver{}

func (c *lockedConnector) Connect(context.Context) (driver.Conn, error) {
	return sqliteDriver.Open(c.dsn)
}

func (c *lockedConnector) Driver() driver.Driver { return sqliteDriver }

// Close is called by (*sql.DB).Close.
func (c *lockedConnector) Close() error { return c.lock.Close() }

// openLocked opens dsn as a *sql.DB that holds lock until it is closed.
func openLocked(dsn string, lock *holderLock) *sql.DB {
	return sql.OpenDB(&lockedConnector{dsn: dsn, lock: lock})
}
