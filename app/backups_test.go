package app

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/db"
)

func quickScrypt(t *testing.T) {
	saved := db.ScryptWorkFactor
	db.ScryptWorkFactor = 10
	t.Cleanup(func() { db.ScryptWorkFactor = saved })
}

func TestPassphraseFormRefusesShortOrDifferentPassphrases(t *testing.T) {
	test.NewTempApp(t)
	f := newPassphraseForm()
	test.Type(f.first, "short")
	test.Type(f.repeat, "short")
	if _, err := f.passphrase(); err == nil {
		t.Error("a five-letter passphrase was accepted")
	}
	test.Type(f.first, " but long now")
	if _, err := f.passphrase(); err == nil || !strings.Contains(err.Error(), "differ") {
		t.Errorf("two different passphrases: %v", err)
	}
	test.Type(f.repeat, " but long now")
	if p, err := f.passphrase(); err != nil || p != "short but long now" {
		t.Errorf("got %q, %v", p, err)
	}
	test.Tap(f.encrypt)
	if p, err := f.passphrase(); err != nil || p != "" || !f.first.Disabled() {
		t.Errorf("unencrypted: %q, %v, entry disabled %v", p, err, f.first.Disabled())
	}
}

func TestEncryptedBackupAndRestoreFromTheWindow(t *testing.T) {
	quickScrypt(t)
	dir := t.TempDir()
	u := openTestUI(t, filepath.Join(dir, "binder.db"))
	test.Type(openSettings(u).fields["profile.county"], "Dane")
	backup := filepath.Join(dir, "usb.db.age")
	if err := u.backupTo(backup, "county clerk 2026"); err != nil {
		t.Fatal(err)
	}
	if !db.IsEncrypted(backup) {
		t.Fatal("the backup is not encrypted")
	}
	if got := u.status.backup.Text; !strings.HasPrefix(got, "Last backup: ") {
		t.Errorf("status bar: %q", got)
	}
	test.Type(openSettings(u).fields["profile.county"], " later")

	u.restoreFrom(backup, "wrong passphrase")
	if got := openSettings(u).fields["profile.county"].Text; got != "Dane later" {
		t.Fatalf("a wrong passphrase changed the data: county = %q", got)
	}
	u.restoreFrom(backup, "county clerk 2026")
	if got := openSettings(u).fields["profile.county"].Text; got != "Dane" {
		t.Errorf("after restore county = %q, want Dane", got)
	}
}

func TestAutomaticBackupsChosenInSettings(t *testing.T) {
	dir, folder := t.TempDir(), t.TempDir()
	u := openTestUI(t, filepath.Join(dir, "binder.db"))
	s := openSettings(u)
	if got := u.status.backup.Text; got != "No backup yet" {
		t.Errorf("status bar before any backup: %q", got)
	}
	test.Type(s.backups.folder, folder)
	s.backups.keep.SetText("")
	test.Type(s.backups.keep, "2")
	closed := false
	u.autoBackup(func() { closed = true })
	files, _ := filepath.Glob(filepath.Join(folder, "binder-auto-*.db"))
	if !closed || len(files) != 1 {
		t.Fatalf("closed %v, backups %v", closed, files)
	}
	if dirKept, keep := u.backupSettings(); dirKept != folder || keep != 2 {
		t.Errorf("settings kept %q, %d", dirKept, keep)
	}
	if list, _ := db.RecentBackups(u.db, 1); len(list) != 1 || !list[0].Automatic {
		t.Errorf("backup log: %+v", list)
	}
}

func TestMissingBackupFolderIsReportedNotFatal(t *testing.T) {
	u := openTestUI(t, filepath.Join(t.TempDir(), "binder.db"))
	s := openSettings(u)
	test.Type(s.backups.folder, filepath.Join(t.TempDir(), "unplugged"))
	closed := false
	report := u.autoBackup(func() { closed = true })
	if report == nil || u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the missing folder was not reported")
	}
	if closed {
		t.Error("the window closed before the clerk read the report")
	}
	report.Dismiss()
	if !closed {
		t.Error("the window did not close after the report")
	}
}

func TestCheckTheDatabaseFromTheMenu(t *testing.T) {
	u := openTestUI(t, filepath.Join(t.TempDir(), "binder.db"))
	<-u.checkDatabase()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("the result was not shown")
	}
	if got := u.status.label.Text; got != "The database is sound" {
		t.Errorf("status after the check: %q", got)
	}
}

// A database on a write-protected disk opens read-only: the window says so
// and its edit controls are off.
func TestReadOnlyDatabaseOpensWithEditsOff(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "binder.db")
	conn, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if out, err := exec.Command("chattr", "+i", path, dir).CombinedOutput(); err != nil || os.Geteuid() != 0 {
		t.Skipf("cannot write-protect a folder here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path, dir).Run() })
	u := openTestUI(t, path)
	if !strings.Contains(u.win.Title(), "read-only") {
		t.Errorf("title %q does not say read-only", u.win.Title())
	}
	s := openSettings(u)
	if !s.fields["profile.county"].Disabled() || !s.backups.folder.Disabled() {
		t.Error("settings can be edited in a read-only window")
	}
}

// An empty file given as the data file becomes a binder only when the clerk
// says so; until then it is left as it is.
func TestEmptyDataFileIsAskedAbout(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	var opened *sql.DB
	var openErr error
	create := askEmptyFile(a, path, func(conn *sql.DB) { opened = conn }, &openErr)
	if st, _ := os.Stat(path); st.Size() != 0 || openErr == nil {
		t.Fatalf("the empty file was changed before the clerk answered (size %d, %v)", st.Size(), openErr)
	}
	test.Tap(create)
	if opened == nil || openErr != nil {
		t.Fatalf("opened %v, error %v", opened, openErr)
	}
	defer opened.Close()
	if v, err := db.SchemaVersion(opened); err != nil || v != db.LatestVersion() {
		t.Errorf("the new binder is at version %d, %v", v, err)
	}
}
