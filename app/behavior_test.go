package app

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The app's own export, imported into a new binder from the Contacts
// screen: the preview stays up until Enter takes its default (import).
func TestImportFromTheWindowPreviewsThenWrites(t *testing.T) {
	for _, format := range []string{"csv", "vcf"} {
		t.Run(format, func(t *testing.T) {
			_, _, sample := openContacts(t)
			var file bytes.Buffer
			if err := sample.Export(&file, format); err != nil {
				t.Fatal(err)
			}
			path, conn := newTestDB(t)
			u := newTestWindow(t, path, conn)
			u.nav.showTitled("Contacts")
			s := u.nav.current().(*contactsScreen)
			before, _ := s.store.Count()

			s.previewImport("directory."+format, file.Bytes())
			u.background.Wait()
			mustHaveDialog(t, u)
			if s.preview == nil || !strings.Contains(s.preview.summary.Text, "new") {
				t.Fatalf("no import preview after reading the file")
			}
			if n, _ := s.store.Count(); n != before {
				t.Fatalf("the preview wrote %d contacts before it was confirmed", n-before)
			}
			pressKey(u, fyne.KeyReturn)
			u.background.Wait()
			mustHaveNoDialog(t, u)
			after, _ := s.store.Count()
			want, _ := sample.Count()
			if after <= before || after > want+before {
				t.Errorf("after the import the binder has %d contacts (had %d; the file holds %d)", after, before, want)
			}
			if !strings.HasPrefix(u.status.label.Text, "Imported") {
				t.Errorf("status line %q", u.status.label.Text)
			}
		})
	}
}

// A file that is not a directory says why in a dialog; nothing is written.
func TestImportFromTheWindowExplainsABadFile(t *testing.T) {
	u, s, store := openContacts(t)
	before, _ := store.Count()
	s.previewImport("notes.csv", []byte("\x00\x01\x02 binary"))
	u.background.Wait()
	mustHaveDialog(t, u)
	if s.preview != nil {
		t.Error("a preview was shown for a file that cannot be read")
	}
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)
	if n, _ := store.Count(); n != before {
		t.Errorf("a bad file changed the directory by %d", n-before)
	}
}

// "Delete contact?" keeps the contact on Enter and on Escape; only the red
// button deletes.
func TestDeleteQuestionDefaultsToKeeping(t *testing.T) {
	u, s, store := openContacts(t)
	id := byListedName(t, s, "Keiko Tanaka")
	s.detail.show(id)
	before, _ := store.Count()
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		s.detail.askDelete()
		mustHaveDialog(t, u)
		q := s.detail.deleting
		if q.no.Importance != widget.HighImportance || q.yes.Importance != widget.DangerImportance {
			t.Errorf("the highlighted answer of \"Delete contact?\" is not Cancel")
		}
		pressKey(u, key)
		mustHaveNoDialog(t, u)
		if n, _ := store.Count(); n != before {
			t.Fatalf("%s on \"Delete contact?\" deleted the contact", key)
		}
	}
	s.detail.askDelete()
	mustHaveDialog(t, u)
	test.Tap(s.detail.deleting.yes)
	if n, _ := store.Count(); n != before-1 {
		t.Errorf("the Delete button did not delete (%d → %d)", before, n)
	}
}

// A form dialog opens with the cursor in its first field; Enter there
// submits it, Escape cancels it.
func TestFormDialogAnswersEnterAndEscapeFromItsField(t *testing.T) {
	u, s, store := openContacts(t)
	roles := func() int {
		tree, err := store.CallTree()
		if err != nil {
			t.Fatal(err)
		}
		return len(tree)
	}
	before := roles()
	s.tree.askNewRole()
	mustHaveDialog(t, u)
	field := u.win.Canvas().Focused()
	if field == nil {
		t.Fatal("the New role dialog opened without the cursor in a field")
	}
	test.Type(field, "Poll-worker coordinator")
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)
	if roles() != before {
		t.Fatal("Escape added the role")
	}
	s.tree.askNewRole()
	test.Type(u.win.Canvas().Focused(), "Poll-worker coordinator")
	pressKey(u, fyne.KeyReturn)
	mustHaveNoDialog(t, u)
	if roles() != before+1 {
		t.Errorf("Enter did not add the role (%d roles, had %d)", roles(), before)
	}
}
