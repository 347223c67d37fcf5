package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/training"
)

// The window-wide shortcuts reach the menu while the cursor is in the plan
// text, where they used to be typed into the text or lost.
func TestShortcutsWorkWhileThePlanTextHasTheFocus(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	u := s.u
	s.tree.selectSection(s.plan.Sections[1].ID)
	body := s.section.body
	focusBody := func() {
		u.win.Canvas().Focus(body)
		if u.win.Canvas().Focused() != body {
			t.Fatal("the plan text does not have the focus")
		}
	}
	focusBody()
	text := body.Text

	pressShortcut(u, ctrl(fyne.KeyF))
	if u.win.Canvas().Focused() != s.tree.filter || body.Text != text {
		t.Fatalf("Ctrl+F in the plan text: focus %T, text changed %v", u.win.Canvas().Focused(), body.Text != text)
	}

	focusBody()
	pressShortcut(u, ctrl(fyne.KeyP))
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)

	focusBody()
	pressShortcut(u, ctrl(fyne.KeyN))
	if s.newPlan == nil {
		t.Fatal("Ctrl+N in the plan text did not offer a new plan")
	}
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyEscape) // the focus is on no field of the dialog yet
	mustHaveNoDialog(t, u)

	focusBody()
	pressShortcut(u, ctrl(fyne.KeyS))
	if !strings.HasPrefix(u.status.label.Text, "Saved") {
		t.Errorf("Ctrl+S: status %q", u.status.label.Text)
	}

	focusBody()
	body.CursorRow, body.CursorColumn = 0, 0
	test.Type(body, "Zz")
	typed := body.Text
	pressShortcut(u, &fyne.ShortcutUndo{})
	if body.Text == typed {
		t.Error("Ctrl+Z in the plan text did not undo the typing")
	}
	pressShortcut(u, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if body.Text != typed {
		t.Error("Ctrl+Shift+Z in the plan text did not redo the typing")
	}

	body.SetText("first line\nsecond line\nlast line")
	body.CursorRow, body.CursorColumn = 1, 3
	pressShortcut(u, ctrl(fyne.KeyEnd))
	if body.CursorTextOffset() != len(body.Text) {
		t.Errorf("Ctrl+End left the cursor at %d of %d", body.CursorTextOffset(), len(body.Text))
	}
	pressShortcut(u, ctrl(fyne.KeyHome))
	if body.CursorTextOffset() != 0 {
		t.Errorf("Ctrl+Home left the cursor at %d", body.CursorTextOffset())
	}

	pressShortcut(u, ctrl(fyne.KeyComma))
	if _, ok := u.nav.current().(*settingsScreen); !ok {
		t.Errorf("Ctrl+, shows %T, not Settings", u.nav.current())
	}
}

// The Edit menu's Cut, Copy and Paste act on the field that has the focus.
func TestEditMenuCopiesAndPastesInTheFocusedField(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	u := s.u
	u.win.Canvas().Focus(s.title)
	s.title.SetText("County plan")
	pressShortcut(u, &fyne.ShortcutSelectAll{})
	pressShortcut(u, &fyne.ShortcutCopy{})
	if got := u.app.Clipboard().Content(); got != "County plan" {
		t.Fatalf("Copy put %q on the clipboard", got)
	}
	u.win.Canvas().Focus(s.tree.filter)
	pressShortcut(u, &fyne.ShortcutPaste{})
	if s.tree.filter.Text != "County plan" {
		t.Errorf("Paste gave %q", s.tree.filter.Text)
	}
}

// The File menu's New, Import, Export, Print and Find follow the screen.
func TestFileMenuFollowsTheScreen(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	u := s.u
	for _, c := range []struct {
		page string
		on   bool
	}{{"Plans", true}, {"Contacts", true}, {"Training", true}, {"Settings", false}} {
		u.nav.showTitled(c.page)
		m := u.menu
		if m.printItem.Disabled == (c.page == "Plans" || c.page == "Training") {
			t.Errorf("on %s, File → Print… is enabled: %v", c.page, !m.printItem.Disabled)
		}
		for _, it := range []*fyne.MenuItem{m.newItem, m.importItem, m.exportItem, m.findItem} {
			if it.Disabled == c.on {
				t.Errorf("on %s, File or Edit → %s is enabled: %v", c.page, it.Label, !it.Disabled)
			}
		}
	}
	u.nav.showTitled("Contacts")
	u.menu.exportItem.Action()
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)
}

// Help has the guide and the list of shortcuts, read from the menu itself.
func TestHelpShowsTheGuideAndTheShortcuts(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	u := s.u
	u.showGuide()
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyReturn)
	mustHaveNoDialog(t, u)
	rows := map[string]string{}
	for _, r := range u.shortcutRows() {
		rows[r.does] = r.keys
	}
	for does, keys := range map[string]string{"Find (Edit menu)": "Ctrl+F", "Print… (File menu)": "Ctrl+P", "New (File menu)": "Ctrl+N",
		"Undo (Edit menu)": "Ctrl+Z", "Redo (Edit menu)": "Ctrl+Shift+Z", "Settings (File menu)": "Ctrl+,", "Quit (File menu)": "Ctrl+Q", "Save (File menu)": "Ctrl+S"} {
		if rows[does] != keys {
			t.Errorf("shortcut list: %s = %q, want %q", does, rows[does], keys)
		}
	}
	u.showShortcuts()
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)
}

// Times and dates are read the ways Americans type them, the field shows
// what is saved, a bad value is marked on the field, and leaving the
// session, the screen or the app with a bad value asks first.
func TestTrainingTimesAndDatesAsAmericansTypeThem(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	d := s.detail
	saved := func() training.Event {
		t.Helper()
		e, err := s.store.Event(d.event.ID)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	retype := func(e fyne.Focusable, entry *widget.Entry, text string) {
		entry.SetText("")
		test.Type(e, text)
	}
	retype(d.start, d.start, "1:00 PM")
	retype(d.end, d.end, "3 pm")
	retype(d.date, &d.date.Entry, "12/15/2026")
	e := saved()
	if got := e.Start.Format("2006-01-02 15:04"); got != "2026-12-15 13:00" || e.End.Format("15:04") != "15:00" {
		t.Fatalf("typed 12/15/2026 1:00 PM – 3 pm, saved %s – %s", got, e.End.Format("15:04"))
	}
	retype(d.date, &d.date.Entry, "2026-12-16")
	retype(d.start, d.start, "13:30")
	if got := saved().Start.Format("2006-01-02 15:04"); got != "2026-12-16 13:30" {
		t.Fatalf("typed 2026-12-16 13:30, saved %s", got)
	}

	// The calendar writes the day picked.
	test.Tap(d.date.ActionItem.(*widget.Button))
	test.Tap(findButton(t, d.date.calendar, "22"))
	if d.date.Text != "12/22/2026" || saved().Start.Format("2006-01-02") != "2026-12-22" {
		t.Fatalf("picked the 22nd: field %q, saved %s", d.date.Text, saved().Start)
	}

	// A bad time (pasted, so no part of it reads on the way) is marked on
	// the field and kept back, not saved.
	d.start.SetText("1:00 PX")
	if d.start.Validate() == nil {
		t.Error("the start field is not marked as wrong")
	}
	if !strings.HasPrefix(u.status.label.Text, "Not saved yet") || saved().Start.Format("15:04") != "13:30" {
		t.Fatalf("status %q, saved start %s", u.status.label.Text, saved().Start.Format("15:04"))
	}

	// Leaving the screen asks; Escape stays, with the cursor in the field.
	u.nav.showTitled("Contacts")
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyEscape)
	if u.nav.current() != screen(s) || u.win.Canvas().Focused() != d.start {
		t.Fatalf("after Escape: screen %T, focus %T", u.nav.current(), u.win.Canvas().Focused())
	}
	// Quitting asks too, from the field (Ctrl+Q); Enter goes back to fix it.
	pressShortcut(u, ctrl(fyne.KeyQ))
	mustHaveDialog(t, u)
	pressKey(u, fyne.KeyReturn)
	mustHaveNoDialog(t, u)
	if d.start.Text != "1:00 PX" {
		t.Fatalf("the typed value was dropped: %q", d.start.Text)
	}
	// Choosing another session asks; leaving puts back the saved value.
	first := d.event.ID
	s.list.Select(1)
	mustHaveDialog(t, u)
	test.Tap(u.leaving.yes)
	if d.event.ID == first {
		t.Fatal("leaving without saving did not open the other session")
	}
	s.list.Select(0)
	if d.event.ID != first || d.start.Text != "1:30 PM" {
		t.Errorf("back on the first session the start shows %q, want the saved 1:30 PM", d.start.Text)
	}
}

// findButton finds the button with the given text inside o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
