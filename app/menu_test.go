package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestBackupAndRestoreFromTheWindow(t *testing.T) {
	dir := t.TempDir()
	u := openTestUI(t, filepath.Join(dir, "binder.db"))
	s := openSettings(u)
	test.Type(s.fields["profile.county"], "Dane")

	backup := filepath.Join(dir, "backup.db")
	os.WriteFile(backup, nil, 0o600) // the save dialog leaves an empty file
	if err := u.backupTo(backup, ""); err != nil {
		t.Fatal(err)
	}
	if err := u.backupTo(backup, ""); err == nil {
		t.Error("a backup replaced an existing backup file")
	}

	test.Type(s.fields["profile.county"], " changed later")
	u.restoreFrom(backup, "")
	restored := openSettings(u)
	if restored == s {
		t.Fatal("the screens were not rebuilt over the restored database")
	}
	if got := restored.fields["profile.county"].Text; got != "Dane" {
		t.Errorf("after restore county = %q, want Dane", got)
	}
	if asides, _ := filepath.Glob(filepath.Join(dir, "binder.db.before-restore-*.bak")); len(asides) != 1 {
		t.Errorf("the replaced data was not kept aside: %v", asides)
	}
}
