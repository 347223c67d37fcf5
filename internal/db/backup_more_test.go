package db

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// quickScrypt makes encryption cheap for the length of a test.
func quickScrypt(t *testing.T) {
	saved := ScryptWorkFactor
	ScryptWorkFactor = 10
	t.Cleanup(func() { ScryptWorkFactor = saved })
}

func TestEncryptedBackupRestores(t *testing.T) {
	quickScrypt(t)
	path, out := tempDB(t), filepath.Join(t.TempDir(), "usb-backup.db.age")
	conn := mustOpen(t, path)
	conn.Exec("INSERT INTO settings(key, value) VALUES('clerk', 'Ana Núñez, 608-555-0142')")
	if err := BackupEncrypted(conn, out, "correct horse"); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(out)
	if !IsEncrypted(out) || strings.Contains(string(raw), "608-555-0142") || strings.Contains(string(raw), "SQLite format") {
		t.Fatal("the backup file is not encrypted")
	}
	if list, _ := RecentBackups(conn, 1); len(list) != 1 || !list[0].Encrypted {
		t.Errorf("backup log = %+v, want one encrypted backup", list)
	}
	conn.Exec("UPDATE settings SET value = 'changed' WHERE key = 'clerk'")
	conn.Close()
	changed := fileHash(t, path)

	if _, err := Restore(path, out); !errors.Is(err, ErrEncrypted) {
		t.Errorf("Restore without a passphrase: %v, want ErrEncrypted", err)
	}
	if _, err := RestoreEncrypted(path, out, "wrong horse"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	if fileHash(t, path) != changed {
		t.Fatal("a refused restore changed the database")
	}
	if asides, _ := filepath.Glob(path + ".*.bak"); len(asides) != 0 {
		t.Errorf("a refused restore set copies aside: %v", asides)
	}

	aside, err := RestoreEncrypted(path, out, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if aside == "" {
		t.Error("the replaced database was not set aside")
	}
	conn = mustOpen(t, path)
	var clerk string
	conn.QueryRow("SELECT value FROM settings WHERE key = 'clerk'").Scan(&clerk)
	if clerk != "Ana Núñez, 608-555-0142" {
		t.Errorf("restored clerk = %q", clerk)
	}
}

// Seven days of work, with the window closed twice a day: one automatic
// backup a day, and only the newest three kept.
func TestAutomaticBackupsThroughAWeek(t *testing.T) {
	path, dir := tempDB(t), t.TempDir()
	conn := mustOpen(t, path)
	monday := time.Date(2026, 3, 2, 17, 0, 0, 0, time.Local)
	var written []string
	for day := range 7 {
		for _, hour := range []int{12, 17} {
			now := monday.AddDate(0, 0, day).Add(time.Duration(hour-17) * time.Hour)
			conn.Exec("INSERT OR REPLACE INTO settings(key, value) VALUES('day', ?)", now.Format("Mon"))
			out, err := AutoBackup(conn, path, dir, 3, now)
			if err != nil {
				t.Fatal(err)
			}
			if out != "" {
				written = append(written, out)
			}
		}
	}
	if len(written) != 7 {
		t.Fatalf("%d automatic backups in a week, want one a day: %v", len(written), written)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(kept)
	if want := written[4:]; strings.Join(kept, ",") != strings.Join(want, ",") {
		t.Fatalf("kept %v, want the newest three %v", kept, want)
	}
	newest := mustOpen(t, kept[2])
	var day string
	newest.QueryRow("SELECT value FROM settings WHERE key = 'day'").Scan(&day)
	if day != "Sun" {
		t.Errorf("the newest backup holds day %q, want Sun (the last noon's state)", day)
	}
	if list, _ := RecentBackups(conn, 10); len(list) != 7 || !list[0].Automatic {
		t.Errorf("backup log holds %d entries, want 7 automatic ones", len(list))
	}
}

func TestAutomaticBackupToAMissingFolderIsReported(t *testing.T) {
	path := tempDB(t)
	conn := mustOpen(t, path)
	_, err := AutoBackup(conn, path, filepath.Join(t.TempDir(), "unplugged-usb"), 3, time.Now())
	if !errors.Is(err, ErrBackupFolderMissing) {
		t.Fatalf("got %v, want ErrBackupFolderMissing", err)
	}
	if _, err := SchemaVersion(conn); err != nil {
		t.Fatal("the database is unusable after a failed backup")
	}
}
