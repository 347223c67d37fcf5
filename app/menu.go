package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/cli"
	"electionbinder/internal/db"
)

func (u *ui) mainMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem("Quit", u.quit)
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			fyne.NewMenuItem("Backup…", u.askBackup),
			fyne.NewMenuItem("Restore…", u.askRestore),
			fyne.NewMenuItem("Open the sample county…", u.askSampleCounty),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("About", u.showAbout),
		),
	)
}

func (u *ui) askBackup() {
	req := fileRequest{title: "Save a backup", name: fmt.Sprintf("binder-backup-%s.db", time.Now().Format("2006-01-02")),
		kind: "Binder backup", exts: []string{".db"}}
	chooseSaveFile(u.win, req, func(path string) {
		if err := u.backupTo(path); err != nil {
			u.showError(err)
			return
		}
		u.status.set("Backup written to " + path)
	})
}

// backupTo writes a backup to path, replacing the empty file the save
// dialog created there.
func (u *ui) backupTo(path string) error {
	if err := removeEmptyFile(path); err != nil {
		return err
	}
	return db.Backup(u.db, path)
}

func (u *ui) askRestore() {
	req := fileRequest{title: "Restore a backup", kind: "Binder backup", exts: []string{".db", ".bak", ".sqlite"}}
	chooseOpenFile(u.win, req, func(path string) {
		if _, err := db.Inspect(path); err != nil {
			u.showError(fmt.Errorf("This backup cannot be restored: %w", err))
			return
		}
		dialog.ShowConfirm("Restore this backup?",
			"Everything in the binder will be replaced by the backup\n"+path+
				"\n\nThe current data is kept in a copy beside the database file.",
			func(ok bool) {
				if ok {
					u.restoreFrom(path)
				}
			}, u.win)
	})
}

// restoreFrom closes the database, puts the backup in its place and reopens it.
func (u *ui) restoreFrom(path string) {
	if err := u.db.Close(); err != nil {
		u.showError(err)
	}
	aside, restoreErr := db.Restore(u.dbPath, path)
	conn, err := cli.OpenBinder(u.dbPath)
	if err != nil {
		u.showError(fmt.Errorf("reopening the database after a restore: %w", err))
		return
	}
	u.setDB(conn)
	if restoreErr != nil {
		u.showError(restoreErr)
		return
	}
	u.status.set("Restored from " + path)
	u.showInfo("Backup restored", "The binder now holds the data of\n"+path+"\n\nThe previous data was kept as\n"+aside)
}

func (u *ui) showAbout() {
	text := widget.NewLabel(fmt.Sprintf("%s %s\n\nWrite and keep your election-security contingency plan,\n"+
		"the directory of who to call in an incident, and your security trainings,\n"+
		"and print it all as a binder. Everything stays on this computer.\n\nData file: %s",
		Name, cli.Version, u.dbPath))
	dialog.ShowCustom("About "+Name, "Close", text, u.win)
}
