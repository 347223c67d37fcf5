package binder

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"electionbinder/internal/db"
)

// openTestDB opens a fresh binder database in a temporary folder; it is
// closed when the test ends.
func openTestDB(t testing.TB) *sql.DB {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// writeTempFile writes data to a file called name in a temporary folder, for
// the PDF readers to open, and returns its path.
func writeTempFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// keepPDF copies a test's PDF into the folder named by BINDER_KEEP_PDF, when
// set, so it can be looked at.
func keepPDF(t testing.TB, name, path string) {
	dir := os.Getenv("BINDER_KEEP_PDF")
	if dir == "" {
		return
	}
	data, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}
