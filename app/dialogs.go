package app

import (
	"log"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/db"
)

// showError tells the clerk what went wrong in a dialog and logs the detail;
// safe to call from any goroutine.
func (u *ui) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("error: %+v", err)
	err = db.Explain(err)
	fyne.Do(func() {
		d := dialog.NewError(err, u.win)
		u.showKeyed(d, d.Dismiss, d.Dismiss)
	})
}

// showInfo shows a short message in a dialog; safe to call from any goroutine.
func (u *ui) showInfo(title, message string) {
	fyne.Do(func() {
		d := dialog.NewInformation(title, message, u.win)
		u.showKeyed(d, d.Dismiss, d.Dismiss)
	})
}

// keyedDialog is an open dialog with what Enter and Escape do to it.
type keyedDialog struct {
	popup         fyne.CanvasObject // the dialog's layer on the canvas
	enter, escape func()
}

// showKeyed shows a dialog that answers the keyboard as Office dialogs do:
// Enter takes the default answer, Escape cancels. A field that has the
// focus keeps Enter for itself (a form's field submits the form instead).
func (u *ui) showKeyed(d dialog.Dialog, enter, escape func()) {
	d.Show()
	u.keyedDialogs = append(u.keyedDialogs, &keyedDialog{popup: u.win.Canvas().Overlays().Top(), enter: enter, escape: escape})
}

// showForm shows a form dialog with the cursor in its first field; its
// one-line fields submit it on Enter, and Escape in any field cancels it.
func (u *ui) showForm(d *dialog.FormDialog, fields ...*formEntry) {
	for _, f := range fields {
		f.onEscape = d.Dismiss
		if !f.MultiLine && f.OnSubmitted == nil {
			f.OnSubmitted = func(string) { d.Submit() }
		}
	}
	u.showKeyed(d, d.Submit, d.Dismiss)
	if len(fields) > 0 {
		u.win.Canvas().Focus(fields[0])
	}
}

// topDialog is the keyed dialog in front, if the front layer is one.
func (u *ui) topDialog() *keyedDialog {
	overlays := u.win.Canvas().Overlays()
	open := overlays.List()
	u.keyedDialogs = slices.DeleteFunc(u.keyedDialogs, func(k *keyedDialog) bool {
		return !slices.Contains(open, k.popup)
	})
	top := overlays.Top()
	for _, k := range u.keyedDialogs {
		if k.popup == top && top != nil {
			return k
		}
	}
	return nil
}

// typedKey receives the keys typed while no field has the focus.
func (u *ui) typedKey(ev *fyne.KeyEvent) {
	k := u.topDialog()
	if k == nil {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		k.escape()
	case fyne.KeyReturn, fyne.KeyEnter:
		k.enter()
	}
}

// formEntry is a text field for dialogs: Escape in it cancels the dialog.
type formEntry struct {
	widget.Entry
	onEscape func()
}

func newFormEntry() *formEntry {
	e := &formEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineFormEntry() *formEntry {
	e := newFormEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey cancels the dialog on Escape and types every other key.
func (e *formEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// question is a yes-or-no dialog. For a destructive question the safe
// answer (keep) is the highlighted default that Enter takes, and the
// destructive button is marked as dangerous.
type question struct {
	dialog  *dialog.CustomDialog
	answer  func(bool)
	chose   bool // yes was chosen
	done    bool // the answer was given
	yes, no *widget.Button
}

// ask shows a question whose default is the action, for a question that
// harms nothing (print, open, restore a copy kept aside…).
func (u *ui) ask(title, message, yes, no string, answer func(bool)) *question {
	q := u.newQuestion(title, message, yes, no, answer)
	q.yes.Importance = widget.HighImportance
	u.showKeyed(q.dialog, q.Confirm, q.Dismiss)
	return q
}

// askDestructive shows a question about deleting or replacing something:
// Enter and Escape both keep it; only the red button goes ahead.
func (u *ui) askDestructive(title, message, action string, answer func(bool)) *question {
	return u.askDestructiveWith(title, message, action, "Cancel", answer)
}

// askDestructiveWith is askDestructive with its own words for the safe answer.
func (u *ui) askDestructiveWith(title, message, action, keep string, answer func(bool)) *question {
	q := u.newQuestion(title, message, action, keep, answer)
	q.yes.Importance = widget.DangerImportance
	q.no.Importance = widget.HighImportance
	u.showKeyed(q.dialog, q.Dismiss, q.Dismiss)
	return q
}

func (u *ui) newQuestion(title, message, yes, no string, answer func(bool)) *question {
	q := &question{answer: answer}
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	q.dialog = dialog.NewCustomWithoutButtons(title, text, u.win)
	q.yes = widget.NewButton(yes, q.Confirm)
	q.no = widget.NewButton(no, q.Dismiss)
	q.dialog.SetButtons([]fyne.CanvasObject{q.no, q.yes})
	q.dialog.SetOnClosed(q.reply)
	q.dialog.Resize(fyne.NewSize(460, 0))
	return q
}

// Confirm answers yes.
func (q *question) Confirm() {
	q.chose = true
	q.dialog.Hide()
}

// Dismiss answers no.
func (q *question) Dismiss() {
	q.dialog.Hide()
}

// reply gives the answer once the dialog is gone, so that the answer can
// put the cursor in a field of the window.
func (q *question) reply() {
	if q.done {
		return
	}
	q.done = true
	if q.answer != nil {
		q.answer(q.chose)
	}
}

// choice is one button of a dialog that offers several ways to go on.
type choice struct {
	label string
	do    func()
}

// choose offers several ways to go on and Cancel; the first way is the
// highlighted default that Enter takes, Escape cancels.
func (u *ui) choose(title, text string, choices ...choice) {
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(title, label, u.win)
	buttons := []fyne.CanvasObject{widget.NewButton("Cancel", d.Hide)}
	for i := len(choices) - 1; i >= 0; i-- {
		c := choices[i]
		b := widget.NewButton(c.label, func() {
			d.Hide()
			c.do()
		})
		if i == 0 {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	d.Resize(fyne.NewSize(480, 0))
	first := buttons[len(buttons)-1].(*widget.Button)
	d.SetButtons(buttons)
	u.showKeyed(d, first.OnTapped, d.Hide)
}
