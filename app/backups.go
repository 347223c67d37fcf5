package app

import (
	"errors"
	"fmt"
	"log"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/db"
	"electionbinder/internal/settings"
)

// minPassphrase is the shortest passphrase an encrypted backup accepts.
const minPassphrase = 8

// passphraseForm asks whether to encrypt a backup and with what passphrase.
type passphraseForm struct {
	encrypt *widget.Check
	first   *widget.Entry
	repeat  *widget.Entry
}

func newPassphraseForm() *passphraseForm {
	f := &passphraseForm{first: widget.NewPasswordEntry(), repeat: widget.NewPasswordEntry()}
	f.encrypt = widget.NewCheck("Encrypt with a passphrase (for a USB stick or a shared folder: the directory holds personal phone numbers)", func(on bool) {
		if on {
			f.first.Enable()
			f.repeat.Enable()
		} else {
			f.first.Disable()
			f.repeat.Disable()
		}
	})
	f.encrypt.SetChecked(true)
	f.first.SetPlaceHolder(fmt.Sprintf("at least %d characters", minPassphrase))
	return f
}

// passphrase returns the passphrase to encrypt with ("" for none), or why
// the form cannot be used as filled in.
func (f *passphraseForm) passphrase() (string, error) {
	if !f.encrypt.Checked {
		return "", nil
	}
	switch {
	case len([]rune(f.first.Text)) < minPassphrase:
		return "", fmt.Errorf("The passphrase must have at least %d characters.", minPassphrase)
	case f.first.Text != f.repeat.Text:
		return "", errors.New("The two passphrases differ; type the same one twice.")
	}
	return f.first.Text, nil
}

func (f *passphraseForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("", f.encrypt),
		widget.NewFormItem("Passphrase", f.first),
		widget.NewFormItem("Type it again", f.repeat),
	}
}

// askPassphrase asks for the passphrase of an encrypted backup, then calls use.
func (u *ui) askPassphrase(path string, use func(passphrase string)) {
	entry := widget.NewPasswordEntry()
	dialog.ShowForm("This backup is encrypted", "Restore", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Passphrase", entry)},
		func(ok bool) {
			if ok {
				use(entry.Text)
			}
		}, u.win)
	u.win.Canvas().Focus(entry)
}

// checkDatabase runs the full integrity check off the window's goroutine and
// says what it found; the channel closes once it has.
func (u *ui) checkDatabase() <-chan struct{} {
	u.status.set("Checking the database…")
	conn, done := u.db, make(chan struct{})
	u.inBackground(func() {
		defer close(done)
		if err := db.Check(conn); err != nil {
			u.status.set("The database check found a problem")
			u.showError(fmt.Errorf("The check found a problem: %w", err))
			return
		}
		u.status.set("The database is sound")
		u.showInfo("Database checked", "Every page of the database was read and checked: it is sound.")
	})
	return done
}

// showLastBackup puts the time of the last backup in the status line.
func (u *ui) showLastBackup() {
	list, err := db.RecentBackups(u.db, 1)
	if err != nil {
		log.Print(err)
		return
	}
	text := "No backup yet"
	if len(list) > 0 {
		text = "Last backup: " + list[0].TakenAt.Local().Format("Jan 2, 2006 3:04 PM")
	}
	fyne.Do(func() { u.status.backup.SetText(text) })
}

// backupSettings returns the automatic backups' folder ("" when they are
// off) and how many are kept.
func (u *ui) backupSettings() (dir string, keep int) {
	dir, _ = u.settings.Get(settings.BackupDirKey, "")
	keep, _ = u.settings.GetInt(settings.BackupKeepKey, db.DefaultKeepBackups)
	return dir, keep
}

// autoBackup writes the day's automatic backup when one is due, then runs
// done. A folder that cannot be found is reported, never fatal: done runs
// once the clerk closes the report, which autoBackup returns (nil when
// there was nothing to report).
func (u *ui) autoBackup(done func()) dialog.Dialog {
	dir, keep := u.backupSettings()
	if dir == "" || u.readOnly() {
		done()
		return nil
	}
	out, err := db.AutoBackup(u.db, u.dbPath, dir, keep, time.Now())
	if err != nil {
		log.Printf("automatic backup: %v", err)
		d := dialog.NewError(fmt.Errorf("The automatic backup was not written: %w. Your data is safe in the binder; "+
			"check the backup folder in Settings.", db.Explain(err)), u.win)
		d.SetOnClosed(done)
		d.Show()
		return d
	}
	if out != "" {
		log.Printf("automatic backup written to %s", out)
	}
	done()
	return nil
}

// backupKeepChoice checks the number of automatic backups to keep.
func backupKeepChoice(v string) error {
	if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 365 {
		return errors.New("Give a number of backups between 1 and 365.")
	}
	return nil
}

// readOnly reports whether the binder's database cannot be written.
func (u *ui) readOnly() bool {
	return db.ReadOnly(u.db)
}
