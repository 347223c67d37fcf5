package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// editorEntry is the multi-line field of the plan editor, where Ctrl+Home
// and Ctrl+End (Cmd on a Mac) go to the start and the end of the text, as
// in a word processor.
type editorEntry struct {
	widget.Entry
}

func newEditorEntry() *editorEntry {
	e := &editorEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut moves to the start or the end on Ctrl+Home and Ctrl+End
// (with Shift, selecting on the way); every other shortcut goes to the field.
func (e *editorEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && c.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierShortcutDefault {
		switch c.KeyName {
		case fyne.KeyHome: // the field's own Page Up goes to the start of the text
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
			return
		case fyne.KeyEnd:
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
			return
		}
	}
	e.Entry.TypedShortcut(s)
}
