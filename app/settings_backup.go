package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/settings"
)

// backupSettings are the Settings controls of the automatic backups.
type backupSettings struct {
	folder *widget.Entry
	choose *widget.Button
	keep   *widget.Entry
}

func (s *settingsScreen) backupForm() fyne.CanvasObject {
	st := s.u.settings
	dir, keep := s.u.backupSettings()
	b := &backupSettings{folder: widget.NewEntry(), keep: widget.NewEntry()}
	s.backups = b
	b.folder.SetPlaceHolder("No folder: automatic backups are off")
	b.folder.SetText(dir)
	b.folder.OnChanged = func(v string) { s.u.saved(st.Set(settings.BackupDirKey, v)) }
	b.choose = widget.NewButton("Choose…", func() {
		dialog.ShowFolderOpen(func(uri fyne.ListableURI, err error) {
			if err != nil || uri == nil {
				s.u.showError(err)
				return
			}
			b.folder.SetText(uri.Path())
		}, s.u.win)
	})
	b.keep.SetText(strconv.Itoa(keep))
	b.keep.Validator = backupKeepChoice
	b.keep.OnChanged = func(v string) {
		if backupKeepChoice(v) == nil {
			s.u.saved(st.Set(settings.BackupKeepKey, v))
		}
	}
	about := widget.NewLabel("On closing the window, at most once a day, a copy of the binder is written to this " +
		"folder (a USB stick or a network folder); the oldest beyond the number kept are deleted.")
	about.Wrapping = fyne.TextWrapWord
	return container.NewVBox(about, widget.NewForm(
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, b.choose, b.folder)),
		widget.NewFormItem("Backups kept", b.keep),
	))
}
