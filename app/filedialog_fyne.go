//go:build !windows && !darwin

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// chooseSaveFile asks where to save with Fyne's dialog and calls done with
// the path chosen; nothing happens when the clerk cancels. The dialog
// leaves an empty file at the path (see removeEmptyFile).
func chooseSaveFile(win fyne.Window, req fileRequest, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		if err := w.Close(); err != nil {
			dialog.ShowError(err, win)
			return
		}
		done(req.withExtension(path))
	}, win)
	d.SetFileName(req.name)
	if len(req.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(req.exts))
	}
	d.Show()
}

// chooseOpenFile asks which file to open with Fyne's dialog and calls done
// with its path; nothing happens when the clerk cancels.
func chooseOpenFile(win fyne.Window, req fileRequest, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		if err := r.Close(); err != nil {
			dialog.ShowError(err, win)
			return
		}
		done(path)
	}, win)
	if len(req.exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(req.exts))
	}
	d.Show()
}
