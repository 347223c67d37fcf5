package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// readOnlyNotice says why edits are off when the database cannot be written.
const readOnlyNotice = "Read-only: the data file's disk or folder cannot be written, so edits are off. " +
	"You can read, search and print. To make changes, copy the file to a folder you can write to and open that copy."

// showReadOnly marks the window as read-only when the database cannot be
// written, and says why.
func (u *ui) showReadOnly() {
	if !u.readOnly() {
		u.win.SetTitle(Name)
		return
	}
	u.win.SetTitle(Name + " (read-only)")
	u.status.set("Read-only: edits are off")
	u.showInfo("Opened read-only", readOnlyNotice)
}

// readOnlyActions are the words of buttons that only read: they stay on in
// a read-only window.
var readOnlyActions = []string{"Print", "Export", "PDF", "Preview", "Compare", "Report", "Sign-in", "Copy", "Search", "Show"}

// guardEdits turns off, in a read-only window, every control in obj that
// changes the data, and returns obj.
func (u *ui) guardEdits(obj fyne.CanvasObject) fyne.CanvasObject {
	if u.readOnly() {
		disableEdits(obj)
	}
	return obj
}

func disableEdits(obj fyne.CanvasObject) {
	switch o := obj.(type) {
	case *fyne.Container:
		for _, child := range o.Objects {
			disableEdits(child)
		}
	case *container.Scroll:
		disableEdits(o.Content)
	case *container.Split:
		disableEdits(o.Leading)
		disableEdits(o.Trailing)
	case *container.AppTabs:
		for _, item := range o.Items {
			disableEdits(item.Content)
		}
	case *widget.Card:
		disableEdits(o.Content)
	case *widget.Form:
		for _, item := range o.Items {
			disableEdits(item.Widget)
		}
	case *widget.Entry:
		if !strings.Contains(o.PlaceHolder, "Search") {
			o.Disable()
		}
	case *widget.Button:
		if !onlyReads(o.Text) {
			o.Disable()
		}
	case fyne.Disableable:
		o.Disable()
	}
}

func onlyReads(label string) bool {
	for _, word := range readOnlyActions {
		if strings.Contains(label, word) {
			return true
		}
	}
	return false
}
