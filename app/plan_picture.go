package app

import (
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// askPicture lets the clerk choose a picture (a map, a floor plan) to store
// with the plan and show in the section.
func (e *sectionEditor) askPicture() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			e.s.u.showError(err)
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, 64<<20))
		if err == nil {
			err = e.addPicture(r.URI().Name(), data)
		}
		if err != nil {
			e.s.u.showError(fmt.Errorf("the picture could not be added: %w", err))
		}
	}, e.s.u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".gif"}))
	open.Show()
}

// addPicture stores a picture with the plan and adds a line showing it at
// the end of the section, where the clerk can move it.
func (e *sectionEditor) addPicture(name string, data []byte) error {
	if e.long != "" || e.s.plan == nil {
		return errors.New("this section cannot be edited here")
	}
	img, err := e.s.store.AddImage(e.s.plan.ID, name, data)
	if err != nil {
		return err
	}
	text := strings.TrimRight(e.body.Text, "\n")
	if text != "" {
		text += "\n\n"
	}
	e.body.SetText(fmt.Sprintf("%s![%s](%s)\n", text, strings.TrimSuffix(img.Name, path.Ext(img.Name)), img.Name))
	e.s.u.status.set("Added the picture " + img.Name)
	return nil
}
