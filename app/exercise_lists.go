package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowList is a list of one-line (or wrapped) rows with buttons to add,
// change and delete rows; the change and delete buttons, and any extra
// ones, act on the chosen row and are enabled only while one is chosen.
type rowList struct {
	rows    []string
	chosen  int
	list    *widget.List
	addBtn  *widget.Button
	editBtn *widget.Button
	delBtn  *widget.Button
	extra   []*widget.Button
	content fyne.CanvasObject
}

// newRowList builds a row list; what names a row in the buttons' labels
// ("objective" gives "Add objective").
func newRowList(what string, add func(), edit, remove func(i int), extra ...*widget.Button) *rowList {
	l := &rowList{chosen: -1, extra: extra}
	l.list = widget.NewList(func() int { return len(l.rows) }, func() fyne.CanvasObject {
		label := widget.NewLabel("Row")
		label.Truncation = fyne.TextTruncateEllipsis
		return label
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.rows[i]) })
	l.list.OnSelected = func(i widget.ListItemID) { l.chosen = i; l.enable() }
	l.list.OnUnselected = func(widget.ListItemID) { l.chosen = -1; l.enable() }
	l.addBtn = widget.NewButtonWithIcon("Add "+what, theme.ContentAddIcon(), add)
	l.editBtn = widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() { l.act(edit) })
	l.delBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { l.act(remove) })
	buttons := container.NewHBox(l.addBtn, l.editBtn, l.delBtn)
	for _, b := range extra {
		buttons.Add(b)
	}
	l.content = container.NewBorder(nil, buttons, nil, nil, l.list)
	l.enable()
	return l
}

func (l *rowList) view() fyne.CanvasObject { return l.content }

// set shows rows, keeping the chosen row when it is still there.
func (l *rowList) set(rows []string) {
	l.rows = rows
	if l.chosen >= len(rows) {
		l.list.UnselectAll()
		l.chosen = -1
	}
	l.list.Refresh()
	l.enable()
}

func (l *rowList) act(fn func(int)) {
	if l.chosen >= 0 && l.chosen < len(l.rows) {
		fn(l.chosen)
	}
}

func (l *rowList) enable() {
	for _, b := range append([]*widget.Button{l.editBtn, l.delBtn}, l.extra...) {
		if l.chosen >= 0 {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// formDialog shows a form in a dialog; on Save, save runs, and when it fails
// the clerk sees why and gets the same form back with what was typed.
func (u *ui) formDialog(title string, items []*widget.FormItem, save func() error) {
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		err := save()
		u.saved(err)
		if err != nil {
			u.formDialog(title, items, save)
		}
	}, u.win)
	d.Resize(fyne.NewSize(620, 100))
	u.showKeyed(d, d.Submit, d.Dismiss)
}

// deleteAfterAsking asks before deleting, then deletes and reports.
func (u *ui) deleteAfterAsking(title, question string, remove func() error, after func()) {
	u.askDestructive(title, question, "Delete", func(ok bool) {
		if !ok {
			return
		}
		err := remove()
		u.saved(err)
		if err == nil {
			after()
		}
	})
}

// exMultiLine is a wrapped entry of a few lines.
func exMultiLine(text string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.SetText(text)
	return e
}
