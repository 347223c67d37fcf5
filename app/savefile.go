package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// askSaveFile asks where to save a file named name (with one of exts) and
// writes it there with write, off the UI goroutine behind a progress bar;
// a failed write leaves no empty file behind.
func (u *ui) askSaveFile(title, name string, exts []string, write func(path string) error) {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			u.showError(err)
			return
		}
		path := w.URI().Path()
		w.Close()
		u.runWithProgress(title, func(progress func(float64)) (string, error) {
			progress(0.1)
			if err := removeEmptyFile(path); err != nil {
				return "", err
			}
			if err := write(path); err != nil {
				return "", err
			}
			progress(1)
			return path, nil
		})
	}, u.win)
	save.SetFileName(name)
	save.SetFilter(storage.NewExtensionFileFilter(exts))
	save.Show()
}
