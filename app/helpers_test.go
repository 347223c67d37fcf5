package app

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/db"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// Tests run the window's background work on their own goroutine, and the
// undo offer never runs out while they look at it: Fyne's test driver runs
// fyne.Do on whichever goroutine calls it, so a timer or a goroutine left
// running would lay out widgets while the test does.
func init() {
	workInBackground = false
	undoWindow = time.Hour
}

// openTestConn opens (creating it if need be) the binder database at path;
// it is closed when the test ends.
func openTestConn(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	conn, err := db.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { conn.Close() })
	return conn
}

// newTestDB opens a fresh binder database in a temporary folder.
func newTestDB(tb testing.TB) (path string, conn *sql.DB) {
	tb.Helper()
	path = filepath.Join(tb.TempDir(), "binder.db")
	return path, openTestConn(tb, path)
}

// newTestWindow builds the main window over conn with Fyne's test driver.
func newTestWindow(tb testing.TB, path string, conn *sql.DB) *ui {
	return newUI(test.NewTempApp(tb), path, conn)
}

// openTestUI builds the main window over the database at path.
func openTestUI(tb testing.TB, path string) *ui {
	tb.Helper()
	return newTestWindow(tb, path, openTestConn(tb, path))
}

// addTestPlan gives the database a Lakeshore County profile and a plan from
// the built-in template, and returns the plan's id.
func addTestPlan(tb testing.TB, conn *sql.DB) int64 {
	tb.Helper()
	if err := settings.New(conn).SaveProfile(settings.Profile{Jurisdiction: "Lakeshore County", County: "Lakeshore County",
		State: "Wisconsin", ClerkName: "Ana Núñez"}); err != nil {
		tb.Fatal(err)
	}
	id, err := plan.NewStore(conn).CreateFromTemplate(plan.BuiltinTemplate, "Test plan")
	if err != nil {
		tb.Fatal(err)
	}
	return id
}
