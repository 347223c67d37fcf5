package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
)

// unsavedValue is a value typed on a screen that could not be saved (a
// date that does not read): what is wrong, how to go back to it, and how to
// put the saved value back in the field.
type unsavedValue struct {
	problem string
	focus   func()
	discard func()
}

// holdsUnsaved is a screen that may hold an unsaved value.
type holdsUnsaved interface{ unsaved() *unsavedValue }

// unsaved is the value the screen in view could not save, if any.
func (u *ui) unsaved() *unsavedValue {
	if h, ok := u.nav.current().(holdsUnsaved); ok {
		return h.unsaved()
	}
	return nil
}

// whenSaved runs proceed at once when nothing typed is left unsaved;
// otherwise it asks first. Going back to fix the value is the default
// (Enter, Escape); it runs stay, then puts the cursor in the field.
// Leaving puts the saved value back in the field, then runs proceed.
func (u *ui) whenSaved(proceed, stay func()) {
	v := u.unsaved()
	if v == nil {
		proceed()
		return
	}
	u.leaving = u.askDestructiveWith("Not saved", v.problem+"\n\nGo back and fix it, or leave and keep what was saved before?",
		"Leave without saving", "Go back and fix it", func(leave bool) {
			if leave {
				v.discard()
				proceed()
				return
			}
			if stay != nil {
				stay()
			}
			v.focus()
		})
}

// saveNow is File → Save (Ctrl+S). Every change saves itself as it is
// typed; a value that could not be saved is shown, with the cursor put in
// its field once the message is closed.
func (u *ui) saveNow() {
	v := u.unsaved()
	if v == nil {
		u.status.set("Saved. Every change is saved as you type.")
		return
	}
	d := dialog.NewError(errors.New(v.problem), u.win)
	d.SetOnClosed(v.focus)
	u.showKeyed(d, d.Hide, d.Hide)
}
