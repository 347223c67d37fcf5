package db

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "binder.db")
}

func mustOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	conn, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenEmptyMigratesToLatest(t *testing.T) {
	conn := mustOpen(t, tempDB(t))
	v, err := SchemaVersion(conn)
	if err != nil || v != LatestVersion() {
		t.Fatalf("version = %d, %v; want %d", v, err, LatestVersion())
	}
	var appID int
	conn.QueryRow("PRAGMA application_id").Scan(&appID)
	if appID != ApplicationID {
		t.Errorf("application_id = %d, want %d", appID, ApplicationID)
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2"} {
		var got string
		conn.QueryRow("PRAGMA " + pragma).Scan(&got)
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}

// writeOldFile builds a database as the release with schema version
// `version` left it, with one setting saved.
func writeOldFile(t *testing.T, path string, version int) {
	t.Helper()
	conn, err := sql.Open("sqlite3", readWriteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, m := range migrations[:version] {
		if err := apply(conn, m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.Exec("INSERT INTO settings(key, value) VALUES('profile.jurisdiction', 'Dane County')"); err != nil {
		t.Fatal(err)
	}
}

func TestOpenMigratesPreviousVersionAndSetsCopyAside(t *testing.T) {
	if LatestVersion() < 2 {
		t.Skip("only one schema version exists")
	}
	for from := 1; from < LatestVersion(); from++ {
		path := tempDB(t)
		writeOldFile(t, path, from)
		conn := mustOpen(t, path)
		if v, _ := SchemaVersion(conn); v != LatestVersion() {
			t.Errorf("from v%d: version after open = %d, want %d", from, v, LatestVersion())
		}
		var name string
		if err := conn.QueryRow("SELECT value FROM settings WHERE key = 'profile.jurisdiction'").Scan(&name); err != nil || name != "Dane County" {
			t.Errorf("from v%d: data after migration = %q, %v", from, name, err)
		}
		asides, _ := filepath.Glob(path + ".v*-before-upgrade-*.bak")
		if len(asides) != 1 {
			t.Fatalf("from v%d: copies set aside = %v, want one", from, asides)
		}
		version, err := Inspect(asides[0])
		if err != nil || version != from {
			t.Errorf("from v%d: the copy set aside is at version %d, %v", from, version, err)
		}
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := tempDB(t)
	conn, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("INSERT INTO settings(key, value) VALUES('k', 'Núñez')"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	again := mustOpen(t, path)
	var v string
	if err := again.QueryRow("SELECT value FROM settings WHERE key = 'k'").Scan(&v); err != nil || v != "Núñez" {
		t.Fatalf("after reopen: %q, %v", v, err)
	}
	if asides, _ := filepath.Glob(path + ".*.bak"); len(asides) != 0 {
		t.Errorf("reopening a current file set copies aside: %v", asides)
	}
}

func TestRefusedFilesAreLeftUntouched(t *testing.T) {
	cases := []struct {
		name  string
		write func(t *testing.T, path string)
		want  error
	}{
		{"newer version", writeNewerFile, ErrTooNew},
		{"random bytes", writeRandomFile, ErrNotDatabase},
		{"text file", func(t *testing.T, p string) { os.WriteFile(p, []byte("Name,Phone\nAna,555\n"), 0o600) }, ErrNotDatabase},
		{"another program's database", writeForeignFile, ErrOtherProgram},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := tempDB(t)
			c.write(t, path)
			before := fileHash(t, path)
			conn, err := Open(path)
			if err == nil {
				conn.Close()
				t.Fatal("Open accepted the file")
			}
			if !errors.Is(err, c.want) {
				t.Errorf("error = %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), "sqlite3") || strings.Contains(err.Error(), "SQL logic") {
				t.Errorf("error is not in plain words: %v", err)
			}
			if fileHash(t, path) != before {
				t.Error("the refused file was changed")
			}
			if asides, _ := filepath.Glob(path + ".*.bak"); len(asides) != 0 {
				t.Errorf("copies were set aside for a refused file: %v", asides)
			}
		})
	}
}

// Damage in the pages of a table is not looked for on open, which must not
// grow with the file, but the full check finds it: Check, Backup and Inspect
// (which Restore runs) refuse the file.
func TestDamagedPagesFoundByFullCheck(t *testing.T) {
	path := tempDB(t)
	writeCorruptFile(t, path)
	if _, err := Inspect(path); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Inspect: %v, want ErrCorrupt", err)
	}
	conn, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer conn.Close()
	if err := Check(conn); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Check: %v, want ErrCorrupt", err)
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := Backup(conn, out); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Backup: %v, want ErrCorrupt", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a backup of a damaged database was written")
	}
}

func writeNewerFile(t *testing.T, path string) {
	conn := mustOpen(t, path)
	if _, err := conn.Exec("PRAGMA user_version = 9999"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

func writeCorruptFile(t *testing.T, path string) {
	conn := mustOpen(t, path)
	for i := 0; i < 2000; i++ {
		conn.Exec("INSERT INTO settings(key, value) VALUES(?, ?)", strings.Repeat("k", 10)+string(rune('a'+i%26))+strings.Repeat("x", i%50)+string(rune(i)), strings.Repeat("v", 200))
	}
	conn.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	conn.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 8*4096 {
		t.Fatalf("test file too small to corrupt: %d bytes", len(b))
	}
	copy(b[3*4096:], bytes.Repeat([]byte{0xA5}, 3*4096))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func writeRandomFile(t *testing.T, path string) {
	b := make([]byte, 8192)
	for i := range b {
		b[i] = byte(i*7919 + i/3)
	}
	os.WriteFile(path, b, 0o600)
}

func writeForeignFile(t *testing.T, path string) {
	conn, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)"); err != nil {
		t.Fatal(err)
	}
}

func TestBackupThenRestoreRoundTrips(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "binder.db")
	conn := mustOpen(t, path)
	conn.Exec("INSERT INTO settings(key, value) VALUES('profile.county', 'Dane')")
	backup := filepath.Join(dir, "backup.db")
	if err := Backup(conn, backup); err != nil {
		t.Fatal(err)
	}
	conn.Exec("UPDATE settings SET value = 'Changed after backup' WHERE key = 'profile.county'")
	conn.Close()

	aside, err := Restore(path, backup)
	if err != nil {
		t.Fatal(err)
	}
	restored := mustOpen(t, path)
	var county string
	restored.QueryRow("SELECT value FROM settings WHERE key = 'profile.county'").Scan(&county)
	if county != "Dane" {
		t.Errorf("after restore county = %q, want Dane", county)
	}
	kept := mustOpen(t, aside)
	kept.QueryRow("SELECT value FROM settings WHERE key = 'profile.county'").Scan(&county)
	if county != "Changed after backup" {
		t.Errorf("the data replaced by the restore was not kept aside: %q", county)
	}
}

func TestRestoreRefusesBadBackupAndKeepsCurrentData(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "binder.db")
	conn := mustOpen(t, path)
	conn.Exec("INSERT INTO settings(key, value) VALUES('profile.county', 'Dane')")
	conn.Close()
	before := fileHash(t, path)
	for name, write := range map[string]func(*testing.T, string){
		"random": writeRandomFile, "newer": writeNewerFile, "corrupt": writeCorruptFile, "foreign": writeForeignFile,
	} {
		bad := filepath.Join(dir, name+".db")
		write(t, bad)
		if _, err := Restore(path, bad); err == nil {
			t.Errorf("%s: Restore accepted a bad backup", name)
		}
		if fileHash(t, path) != before {
			t.Fatalf("%s: a refused restore changed the database", name)
		}
	}
}

func TestBackupWhileInUseIsConsistent(t *testing.T) {
	dir := t.TempDir()
	conn := mustOpen(t, filepath.Join(dir, "binder.db"))
	tx, _ := conn.Begin()
	for i := 0; i < 500; i++ {
		tx.Exec("INSERT INTO settings(key, value) VALUES(?, 'x')", "key"+string(rune('A'+i%26))+strings.Repeat("z", i))
	}
	tx.Commit()
	out := filepath.Join(dir, "b.db")
	if err := Backup(conn, out); err != nil {
		t.Fatal(err)
	}
	copyConn := mustOpen(t, out)
	var n int
	copyConn.QueryRow("SELECT count(*) FROM settings").Scan(&n)
	if n != 500 {
		t.Errorf("backup holds %d settings, want 500", n)
	}
	if err := Backup(conn, out); err == nil {
		t.Error("Backup overwrote an existing file")
	}
}

func TestRestoreOverADamagedFileKeepsItsBytes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "binder.db")
	writeRandomFile(t, path)
	damaged := fileHash(t, path)
	backup := filepath.Join(dir, "good.db")
	conn := mustOpen(t, backup)
	conn.Close()
	aside, err := Restore(path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if fileHash(t, aside) != damaged {
		t.Error("the damaged file was not kept byte for byte")
	}
	mustOpen(t, path)
}

func TestBackupIsLogged(t *testing.T) {
	dir := t.TempDir()
	conn, err := Open(filepath.Join(dir, "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if list, err := RecentBackups(conn, 5); err != nil || len(list) != 0 {
		t.Fatalf("a new database has backups %v (%v)", list, err)
	}
	for _, name := range []string{"one.db", "two.db"} {
		if err := Backup(conn, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	list, err := RecentBackups(conn, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || filepath.Base(list[0].Path) != "two.db" || list[0].TakenAt.IsZero() {
		t.Fatalf("backup log = %+v, want two.db first", list)
	}
}
