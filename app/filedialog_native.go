//go:build windows || darwin

package app

import (
	"errors"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	sysdialog "github.com/sqweek/dialog"
)

// chooseSaveFile asks where to save with the system's own dialog and calls
// done, on the UI goroutine, with the path chosen; nothing happens when the
// clerk cancels.
func chooseSaveFile(win fyne.Window, req fileRequest, done func(path string)) {
	go func() {
		runtime.LockOSThread() // the system dialog runs its own message loop on this thread
		defer runtime.UnlockOSThread()
		path, err := systemFileDialog(req).SetStartFile(req.name).Save()
		deliverChoice(win, req.withExtension(path), err, done)
	}()
}

// chooseOpenFile asks which file to open with the system's own dialog and
// calls done, on the UI goroutine, with its path.
func chooseOpenFile(win fyne.Window, req fileRequest, done func(path string)) {
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		path, err := systemFileDialog(req).Load()
		deliverChoice(win, path, err, done)
	}()
}

// systemFileDialog prepares the system dialog for a request.
func systemFileDialog(req fileRequest) *sysdialog.FileBuilder {
	b := sysdialog.File().Title(req.title)
	if len(req.exts) > 0 {
		b = b.Filter(req.kind, req.extensionsWithoutDots()...)
	}
	return b
}

// deliverChoice hands the chosen path to done on the UI goroutine, or shows
// why the dialog failed; a canceled dialog does nothing.
func deliverChoice(win fyne.Window, path string, err error, done func(string)) {
	fyne.Do(func() {
		switch {
		case errors.Is(err, sysdialog.ErrCancelled):
		case err != nil:
			dialog.ShowError(err, win)
		default:
			done(path)
		}
	})
}
