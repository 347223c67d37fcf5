package app

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/cli"
	"electionbinder/internal/db"
)

// maxLogSize is the size past which the log file starts afresh.
const maxLogSize = 1 << 20

// startLog sends the log to stderr and to binder.log in the app's settings
// folder, where it can be found after a problem even when no console is open.
func startLog() {
	dir, err := os.UserConfigDir()
	if err != nil {
		return
	}
	path := filepath.Join(dir, "ElectionBinder", "binder.log")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return
	}
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	if st, err := os.Stat(path); err == nil && st.Size() > maxLogSize {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o600)
	if err != nil {
		return
	}
	log.SetOutput(io.MultiWriter(os.Stderr, f))
}

// showStartupError explains in a window why the data file could not be
// opened, since a clerk who started the app from an icon sees no console, and
// offers to put a backup in its place. When a restore succeeds, opened is
// called with the database and the window closes.
func showStartupError(a fyne.App, dbPath string, err error, opened func(*sql.DB)) {
	w := a.NewWindow(Name)
	msg := widget.NewLabel(fmt.Sprintf("The binder could not open its data file:\n\n%s\n\n%v\n\n"+
		"Nothing in the file was changed. You can restore a backup in its place (the file is kept "+
		"beside it), or start the binder with another file (binder --db FILE).", dbPath, err))
	msg.Wrapping = fyne.TextWrapWord
	restore := widget.NewButton("Restore a backup…", func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			backup := r.URI().Path()
			r.Close()
			conn, err := restoreAndOpen(dbPath, backup)
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			opened(conn)
			w.Close()
		}, w)
	})
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), restore, quit), nil, nil, msg))
	w.Resize(fyne.NewSize(640, 360))
	w.Show()
}

// restoreAndOpen puts the backup in place of the file at dbPath and opens it.
func restoreAndOpen(dbPath, backup string) (*sql.DB, error) {
	aside, err := db.Restore(dbPath, backup)
	if err != nil {
		return nil, err
	}
	log.Printf("restored %s from %s; the previous file is %s", dbPath, backup, aside)
	return cli.OpenBinder(dbPath)
}

// openOrExplain opens the database at dbPath and starts the window, or
// explains why it cannot (and keeps the reason in *openErr).
func openOrExplain(a fyne.App, dbPath string, start func(*sql.DB), openErr *error) {
	conn, err := cli.OpenBinder(dbPath)
	if err != nil {
		log.Printf("opening %s: %v", dbPath, err)
		*openErr = err
		showStartupError(a, dbPath, err, start)
		return
	}
	start(conn)
}

// isEmptyFile reports whether path is an existing file with nothing in it.
func isEmptyFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular() && st.Size() == 0
}

// errEmptyLeft is returned when the clerk chose not to turn an empty file
// into a binder.
var errEmptyLeft = errors.New("the file is empty and was left as it is")

// askEmptyFile asks, before anything is written, whether an empty file given
// as the data file should become a new binder: an empty file may be a
// backup that was cut short, or the wrong file. *openErr holds the error
// Run reports when no window opens. It returns the button that goes ahead.
func askEmptyFile(a fyne.App, dbPath string, start func(*sql.DB), openErr *error) *widget.Button {
	*openErr = errEmptyLeft
	w := a.NewWindow(Name)
	msg := widget.NewLabel(fmt.Sprintf("The data file\n\n%s\n\nis empty. It may be the wrong file, or a copy that was cut short.\n\n"+
		"Make it a new, empty binder? (To open another file, quit and start the binder with --db FILE.)", dbPath))
	msg.Wrapping = fyne.TextWrapWord
	create := widget.NewButton("Make a new binder", func() {
		*openErr = nil
		openOrExplain(a, dbPath, start, openErr)
		w.Close()
	})
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), create, quit), nil, nil, msg))
	w.Resize(fyne.NewSize(640, 300))
	w.Show()
	return create
}
