package app

import (
	"database/sql"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/cli"
	"electionbinder/internal/db"
)

// menuItems are the main menu's items that follow the screen in view.
type menuItems struct {
	newItem, importItem, exportItem, printItem, findItem *fyne.MenuItem
}

// mainMenu is the File, Edit and Help menus. Their shortcuts work wherever
// the focus is, also in a text field, because the window gives a shortcut
// to the main menu before the field.
func (u *ui) mainMenu() *fyne.MainMenu {
	m := &u.menu
	m.newItem = menuItem("New", u.createNew, ctrl(fyne.KeyN))
	m.importItem = menuItem("Import…", u.importFile, nil)
	m.exportItem = menuItem("Export…", u.exportFile, nil)
	m.printItem = menuItem("Print…", u.print, ctrl(fyne.KeyP))
	m.findItem = menuItem("Find", u.find, ctrl(fyne.KeyF))
	quit := menuItem("Quit", u.quit, ctrl(fyne.KeyQ))
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			m.newItem, m.importItem, m.exportItem, m.printItem,
			fyne.NewMenuItemSeparator(),
			menuItem("Save", u.saveNow, ctrl(fyne.KeyS)),
			menuItem("Settings", func() { u.nav.showTitled("Settings") }, ctrl(fyne.KeyComma)),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Backup…", u.askBackup),
			fyne.NewMenuItem("Restore…", u.askRestore),
			fyne.NewMenuItem("Check the database", func() { u.checkDatabase() }),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("Edit",
			menuItem("Undo", u.undo, &fyne.ShortcutUndo{}),
			menuItem("Redo", u.redo, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}),
			fyne.NewMenuItemSeparator(),
			menuItem("Cut", func() { u.toFocused(&fyne.ShortcutCut{Clipboard: u.app.Clipboard()}) }, &fyne.ShortcutCut{}),
			menuItem("Copy", func() { u.toFocused(&fyne.ShortcutCopy{Clipboard: u.app.Clipboard()}) }, &fyne.ShortcutCopy{}),
			menuItem("Paste", func() { u.toFocused(&fyne.ShortcutPaste{Clipboard: u.app.Clipboard()}) }, &fyne.ShortcutPaste{}),
			menuItem("Select all", func() { u.toFocused(&fyne.ShortcutSelectAll{}) }, &fyne.ShortcutSelectAll{}),
			fyne.NewMenuItemSeparator(),
			m.findItem,
		),
		fyne.NewMenu("Help",
			fyne.NewMenuItem("Guide", u.showGuide),
			fyne.NewMenuItem("Keyboard shortcuts", u.showShortcuts),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("About", u.showAbout),
		),
	)
}

func menuItem(label string, action func(), shortcut fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = shortcut
	return it
}

// ctrl is the shortcut Ctrl+key (Cmd+key on a Mac).
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// followScreen enables the menu items the screen in view can do.
func (u *ui) followScreen() {
	s := u.nav.current()
	_, canNew := s.(creator)
	_, canImport := s.(importer)
	_, canExport := s.(exporter)
	_, canPrint := s.(printer)
	_, canFind := s.(searcher)
	m := &u.menu
	for it, on := range map[*fyne.MenuItem]bool{m.newItem: canNew, m.importItem: canImport,
		m.exportItem: canExport, m.printItem: canPrint, m.findItem: canFind} {
		it.Disabled = !on
	}
	if menu := u.win.MainMenu(); menu != nil {
		menu.Refresh()
	}
}

// toFocused gives a shortcut to the field that has the focus.
func (u *ui) toFocused(s fyne.Shortcut) {
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
	}
}

func (u *ui) askBackup() {
	form := newPassphraseForm()
	dialog.ShowForm("Write a backup", "Choose where to save…", "Cancel", form.items(), func(ok bool) {
		if !ok {
			return
		}
		passphrase, err := form.passphrase()
		if err != nil {
			u.showError(err)
			return
		}
		u.askBackupFile(passphrase)
	}, u.win)
}

func (u *ui) askBackupFile(passphrase string) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			u.showError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := u.backupTo(path, passphrase); err != nil {
			u.showError(err)
			return
		}
		u.status.set("Backup written to " + path)
	}, u.win)
	name, ext := fmt.Sprintf("binder-backup-%s", time.Now().Format("2006-01-02")), ".db"
	if passphrase != "" {
		ext = ".db.age"
	}
	save.SetFileName(name + ext)
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	save.Show()
}

// backupTo writes a backup to path, encrypted when passphrase is not empty,
// replacing the empty file the save dialog created there.
func (u *ui) backupTo(path, passphrase string) error {
	if err := removeEmptyFile(path); err != nil {
		return err
	}
	write := db.Backup
	if passphrase != "" {
		write = func(conn *sql.DB, out string) error { return db.BackupEncrypted(conn, out, passphrase) }
	}
	if err := write(u.db, path); err != nil {
		return err
	}
	u.showLastBackup()
	return nil
}

func (u *ui) askRestore() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		if db.IsEncrypted(path) {
			u.askPassphrase(path, func(passphrase string) { u.confirmRestore(path, passphrase) })
			return
		}
		if _, err := db.Inspect(path); err != nil {
			u.showError(fmt.Errorf("This backup cannot be restored: %w", err))
			return
		}
		u.confirmRestore(path, "")
	}, u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".bak", ".sqlite", ".age"}))
	open.Show()
}

func (u *ui) confirmRestore(path, passphrase string) {
	u.askDestructive("Restore this backup?",
		"Everything in the binder will be replaced by the backup\n"+path+
			"\n\nThe current data is kept in a copy beside the database file.", "Restore",
		func(ok bool) {
			if ok {
				u.restoreFrom(path, passphrase)
			}
		})
}

// restoreFrom closes the database, puts the backup (encrypted when
// passphrase is not empty) in its place and reopens it. Closing releases
// the window's hold on the file, so the restore can take it.
func (u *ui) restoreFrom(path, passphrase string) {
	if err := u.db.Close(); err != nil {
		u.showError(err)
	}
	var aside string
	var restoreErr error
	if passphrase != "" {
		aside, restoreErr = db.RestoreEncrypted(u.dbPath, path, passphrase)
	} else {
		aside, restoreErr = db.Restore(u.dbPath, path)
	}
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
	d := dialog.NewCustom("About "+Name, "Close", text, u.win)
	u.showKeyed(d, d.Hide, d.Hide)
}
