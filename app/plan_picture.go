package app

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// askPicture lets the clerk choose a picture (a map, a floor plan) to store
// with the plan and show in the section.
func (e *sectionEditor) askPicture() {
	req := fileRequest{title: "Add a picture", kind: "Picture", exts: []string{".png", ".jpg", ".jpeg", ".gif"}}
	e.s.u.openAndRead(req, 64<<20, func(name string, data []byte) {
		if err := e.addPicture(name, data); err != nil {
			e.s.u.showError(fmt.Errorf("the picture could not be added: %w", err))
		}
	})
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
