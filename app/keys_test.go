package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The desktop driver sends a key to the field that has the focus, or to the
// window when none has; a shortcut goes first to the main menu, then to the
// focused field, then to the window. Fyne's test window does not route keys,
// so these helpers do what the desktop driver does (internal/driver/glfw,
// processKeyPressed and triggersShortcut).

// pressKey types a key (Escape, Enter, Home…) where the focus is.
func pressKey(u *ui, name fyne.KeyName) {
	c := u.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if on := c.OnTypedKey(); on != nil {
		on(ev)
	}
}

// pressShortcut types a shortcut as the desktop driver routes it.
func pressShortcut(u *ui, s fyne.Shortcut) {
	if menu := u.win.MainMenu(); menu != nil {
		for _, m := range menu.Items {
			if triggerMenuShortcut(m, s) {
				return
			}
		}
	}
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func triggerMenuShortcut(m *fyne.Menu, s fyne.Shortcut) bool {
	for _, it := range m.Items {
		if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() && it.Action != nil {
			it.Action()
			return true
		}
		if it.ChildMenu != nil && triggerMenuShortcut(it.ChildMenu, s) {
			return true
		}
	}
	return false
}

// topDialogTitle is a check that a keyed dialog is in front.
func mustHaveDialog(t *testing.T, u *ui) *keyedDialog {
	t.Helper()
	k := u.topDialog()
	if k == nil {
		t.Fatal("no dialog is open")
	}
	return k
}

func mustHaveNoDialog(t *testing.T, u *ui) {
	t.Helper()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is still open: %T", top)
	}
}
