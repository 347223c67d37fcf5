package app

import (
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runWithProgress runs work off the UI goroutine behind a dialog with a
// progress bar; work reports progress from 0 to 1. When work has written a
// file, the clerk is offered to open it in the system viewer.
func (u *ui) runWithProgress(title string, work func(progress func(float64)) (file string, err error)) {
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(title, bar, u.win)
	d.Show()
	go func() {
		file, err := work(func(p float64) { fyne.Do(func() { bar.SetValue(p) }) })
		fyne.Do(d.Hide)
		if err != nil {
			u.showError(err)
			return
		}
		if file != "" {
			u.offerToOpen(file)
		}
	}()
}

// offerToOpen asks whether to open a file just written; safe from any goroutine.
func (u *ui) offerToOpen(path string) {
	u.status.set("Written to " + path)
	fyne.Do(func() {
		dialog.ShowConfirm("Saved", "Written to\n"+path+"\n\nOpen it now?", func(open bool) {
			if open {
				u.openFile(path)
			}
		}, u.win)
	})
}

// openFile opens a file in the program the system uses for it.
func (u *ui) openFile(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		u.showError(err)
		return
	}
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}); err != nil {
		u.showError(err)
	}
}
