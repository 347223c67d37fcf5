package app

import (
	_ "embed"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

//go:embed help/guide.md
var guideText string

// showGuide shows the short guide that comes with the app (no network needed).
func (u *ui) showGuide() {
	text := widget.NewRichText(markdownSegments(guideText)...)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Guide", "Close", container.NewVScroll(text), u.win)
	d.Resize(fyne.NewSize(720, 560))
	u.showKeyed(d, d.Hide, d.Hide)
}

// shortcutRow is one line of the list of keyboard shortcuts.
type shortcutRow struct{ keys, does string }

// shortcutRows lists the main menu's shortcuts, then the keys that work
// in the editor and in dialogs.
func (u *ui) shortcutRows() []shortcutRow {
	var rows []shortcutRow
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				rows = append(rows, shortcutRow{shortcutText(it.Shortcut), it.Label + " (" + m.Label + " menu)"})
			}
		}
	}
	mod := modifierName()
	return append(rows,
		shortcutRow{mod + "+Y", "Redo"},
		shortcutRow{mod + "+Home / " + mod + "+End", "Go to the start or the end of the text"},
		shortcutRow{"Enter", "In a dialog: the highlighted answer"},
		shortcutRow{"Escape", "In a dialog: cancel"},
		shortcutRow{"Tab / Shift+Tab", "Next or previous field"},
	)
}

// showShortcuts lists the keyboard shortcuts.
func (u *ui) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, r := range u.shortcutRows() {
		grid.Add(widget.NewLabelWithStyle(r.keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(r.does))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), u.win)
	d.Resize(fyne.NewSize(620, 560))
	u.showKeyed(d, d.Hide, d.Hide)
}

// modifierName is what the shortcut key is called on this computer.
func modifierName() string {
	if runtime.GOOS == "darwin" {
		return "Cmd"
	}
	return "Ctrl"
}

// shortcutText writes a shortcut the way a clerk reads it: "Ctrl+Shift+Z".
func shortcutText(s fyne.Shortcut) string {
	mod := modifierName()
	switch s.(type) {
	case *fyne.ShortcutUndo:
		return mod + "+Z"
	case *fyne.ShortcutRedo:
		return mod + "+Y"
	case *fyne.ShortcutCut:
		return mod + "+X"
	case *fyne.ShortcutCopy:
		return mod + "+C"
	case *fyne.ShortcutPaste:
		return mod + "+V"
	case *fyne.ShortcutSelectAll:
		return mod + "+A"
	}
	c, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	if c.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		parts = append(parts, mod)
	}
	if c.Modifier&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	if c.Modifier&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	return strings.Join(append(parts, string(c.KeyName)), "+")
}
