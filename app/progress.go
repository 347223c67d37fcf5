package app

import (
	"errors"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runWithProgress runs work off the UI goroutine behind a dialog with a
// progress bar; work reports progress from 0 to 1. When work has written a
// file, the clerk is offered to open it in the system viewer.
func (u *ui) runWithProgress(title string, work func(progress func(float64)) (file string, err error)) {
	u.runThen(title, func(progress func(float64)) (func(), error) {
		file, err := work(progress)
		if err != nil || file == "" {
			return nil, err
		}
		return func() { u.offerToOpen(file) }, nil
	})
}

// runThen runs work off the UI goroutine behind a progress bar; once the
// bar is gone, it shows the error, or runs on the UI goroutine what work
// returned to do next (show a preview, offer to open a file). The bar
// goes first: hiding a dialog also hides every dialog shown over it.
func (u *ui) runThen(title string, work func(progress func(float64)) (next func(), err error)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(title, bar, u.win)
	d.Show()
	u.inBackground(func() {
		next, err := work(func(p float64) { fyne.Do(func() { bar.SetValue(p) }) })
		fyne.Do(func() {
			d.Hide()
			switch {
			case err != nil:
				u.showError(err)
			case next != nil:
				next()
			}
		})
	})
}

// offerToOpen asks whether to open a file just written; safe from any goroutine.
func (u *ui) offerToOpen(path string) {
	u.status.set("Written to " + path)
	fyne.Do(func() {
		u.ask("Saved", "Written to\n"+path+"\n\nOpen it now?", "Open", "Not now", func(open bool) {
			if open {
				u.openFile(path)
			}
		})
	})
}

// openFile opens a file in the program the system uses for it; when that
// fails the clerk is told why and where the file is.
func (u *ui) openFile(path string) {
	abs, err := filepath.Abs(path)
	if err == nil {
		_, err = os.Stat(abs)
	}
	if err == nil {
		open := u.app.OpenURL
		if u.openURL != nil {
			open = u.openURL
		}
		err = open(&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)})
	}
	if err != nil {
		log.Printf("opening %s: %v", path, err)
		u.showError(fmt.Errorf("The file could not be opened: %s.\n\nIt is at\n%s", openProblem(err), path))
	}
}

// openProblem says in plain words why a file could not be opened.
func openProblem(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "it is no longer there (it may have been moved or deleted)"
	case errors.Is(err, os.ErrPermission):
		return "this account is not allowed to read it"
	case errors.Is(err, exec.ErrNotFound):
		return "this computer has no program set up to open it; open it from its folder instead"
	}
	return "the system did not open it (" + err.Error() + "); open it from its folder instead"
}
