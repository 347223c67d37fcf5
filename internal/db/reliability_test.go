package db

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/growth"

	"github.com/mattn/go-sqlite3"
)

// fillDB writes a database of about rows×100 bytes, with an index to check.
func fillDB(t *testing.T, path string, rows int) {
	t.Helper()
	conn := mustOpen(t, path)
	err := InTx(conn, func(tx *sql.Tx) error {
		if _, err := tx.Exec("CREATE TABLE filler(id INTEGER PRIMARY KEY, word TEXT); CREATE INDEX filler_word ON filler(word)"); err != nil {
			return err
		}
		for i := range rows {
			if _, err := tx.Exec("INSERT INTO filler(word) VALUES(?)", fmt.Sprintf("%080d", i*7919%rows)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

// Opening takes about the same work for a file four times as large: the full
// integrity check is not part of it.
func TestOpenDoesNotGrowWithTheFile(t *testing.T) {
	small, large := tempDB(t), tempDB(t)
	fillDB(t, small, 20_000)
	fillDB(t, large, 4*20_000)
	open := func(path string) time.Duration {
		return growth.Measure([]byte(path), func(p []byte) {
			conn := mustOpen(t, string(p))
			conn.Close()
		}).CPU
	}
	open(small)
	a, b := open(small), open(large)
	t.Logf("open: %v for the small file, %v for the large one", a, b)
	if float64(b) > 2*float64(a) {
		t.Errorf("opening a file four times as large took %.1f times the work", float64(b)/float64(a))
	}
}

// makeReadOnly makes the folder and the file unwritable even for root (with
// chattr), as on a write-protected USB stick, and undoes it at the end.
func makeReadOnly(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Dir(path)
	if os.Geteuid() != 0 {
		os.Chmod(path, 0o400)
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(path, 0o600) })
		return
	}
	if out, err := exec.Command("chattr", "+i", path, dir).CombinedOutput(); err != nil {
		t.Skipf("cannot make a read-only folder here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path, dir).Run() })
}

func TestReadOnlyFolderOpensReadOnly(t *testing.T) {
	path := tempDB(t)
	conn := mustOpen(t, path)
	if _, err := conn.Exec("INSERT INTO settings(key, value) VALUES('jurisdiction', 'Dane County')"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := fileHash(t, path)
	makeReadOnly(t, path)

	ro, err := Open(path)
	if err != nil {
		t.Fatalf("a sound database in a read-only folder was refused: %v", err)
	}
	defer ro.Close()
	if !ReadOnly(ro) {
		t.Error("ReadOnly = false for a database in a read-only folder")
	}
	var value string
	if err := ro.QueryRow("SELECT value FROM settings WHERE key = 'jurisdiction'").Scan(&value); err != nil || value != "Dane County" {
		t.Fatalf("reading: %q, %v", value, err)
	}
	_, err = ro.Exec("UPDATE settings SET value = 'x'")
	if err == nil {
		t.Fatal("a write to a read-only database succeeded")
	}
	if errors.Is(Explain(err), ErrCorrupt) {
		t.Errorf("a write to a read-only database is explained as damage: %v", Explain(err))
	}
	if fileHash(t, path) != before {
		t.Error("the read-only file changed")
	}
}

func TestFullDiskIsNotCalledDamage(t *testing.T) {
	conn := mustOpen(t, tempDB(t))
	conn.SetMaxOpenConns(1)
	if _, err := conn.Exec("PRAGMA max_page_count = 1"); err != nil {
		t.Fatal(err)
	}
	_, err := conn.Exec("INSERT INTO settings(key, value) VALUES('x', ?)", strings.Repeat("y", 100_000))
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrFull {
		t.Fatalf("got %v, want SQLite's disk-full error", err)
	}
	if got := Explain(err); !errors.Is(got, ErrDiskFull) {
		t.Errorf("Explain = %v, want ErrDiskFull", got)
	}
}

// A restore cannot replace a database another holder has open (here a
// second connection opened as the window and every command open it), so
// nothing saved there can land in a file already set aside.
func TestRestoreRefusedWhileOpenElsewhere(t *testing.T) {
	path, backup := tempDB(t), filepath.Join(t.TempDir(), "backup.db")
	conn := mustOpen(t, path)
	if err := Backup(conn, backup); err != nil {
		t.Fatal(err)
	}
	conn.Exec("INSERT INTO settings(key, value) VALUES('after', 'backup')")
	before := fileHash(t, path)

	if _, err := Restore(path, backup); !errors.Is(err, ErrInUse) {
		t.Fatalf("Restore while open: %v, want ErrInUse", err)
	}
	if fileHash(t, path) != before {
		t.Error("a refused restore changed the database")
	}
	var n int
	conn.QueryRow("SELECT count(*) FROM settings WHERE key = 'after'").Scan(&n)
	if n != 1 {
		t.Error("the open database lost an edit")
	}

	conn.Close()
	if _, err := Restore(path, backup); err != nil {
		t.Fatalf("Restore once closed: %v", err)
	}
	if _, err := Open(path + "x"); err != nil { // another database is not held by this one's lock
		t.Fatal(err)
	}
}

// Every restore keeps the replaced file under a name of its own, even
// several in the same second.
func TestRestoresInTheSameSecondKeepEveryCopy(t *testing.T) {
	path, backup := tempDB(t), filepath.Join(t.TempDir(), "backup.db")
	conn := mustOpen(t, path)
	if err := Backup(conn, backup); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	var asides []string
	for i := range 3 {
		c := mustOpen(t, path)
		c.Exec("INSERT INTO settings(key, value) VALUES(?, 'v')", fmt.Sprintf("restore-%d", i))
		c.Close()
		aside, err := Restore(path, backup)
		if err != nil {
			t.Fatal(err)
		}
		asides = append(asides, aside)
	}
	for i, aside := range asides {
		c := mustOpen(t, aside)
		var n int
		c.QueryRow("SELECT count(*) FROM settings WHERE key = ?", fmt.Sprintf("restore-%d", i)).Scan(&n)
		c.Close()
		if n != 1 {
			t.Errorf("copy %d (%s) does not hold the edit made before restore %d", i, filepath.Base(aside), i)
		}
	}
}

// The fallback for a file SQLite cannot copy (a damaged one) renames it, and
// never over another copy.
func TestMoveAsideNeverReplacesACopy(t *testing.T) {
	path := tempDB(t)
	first, second := []byte("first damaged file"), []byte("second damaged file")
	os.WriteFile(path, first, 0o600)
	a, err := moveAside(path)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, second, 0o600)
	b, err := moveAside(path)
	if err != nil {
		t.Fatal(err)
	}
	got1, _ := os.ReadFile(a)
	got2, _ := os.ReadFile(b)
	if a == b || string(got1) != string(first) || string(got2) != string(second) {
		t.Fatalf("copies %s and %s hold %q and %q", a, b, got1, got2)
	}
}

// A writer that meets another process's long transaction is told plainly to
// wait, instead of "database is locked".
func TestBusyWriterIsToldToWait(t *testing.T) {
	saved := BusyTimeout
	BusyTimeout = 100 * time.Millisecond
	t.Cleanup(func() { BusyTimeout = saved })
	path := tempDB(t)
	importer, other := mustOpen(t, path), mustOpen(t, path)
	tx, err := importer.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.Exec("INSERT INTO settings(key, value) VALUES('import', 'running')")
	_, err = other.Exec("INSERT INTO settings(key, value) VALUES('other', 'edit')")
	if got := Explain(err); !errors.Is(got, ErrBusy) {
		t.Fatalf("got %v, want ErrBusy", got)
	}
	if !strings.Contains(ErrBusy.Error(), "wait") {
		t.Error("the message does not say to wait")
	}
}
