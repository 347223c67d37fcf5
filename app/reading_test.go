package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
)

// roleNamed finds a role of the directory by its name.
func roleNamed(t *testing.T, s *contactsScreen, name string) contacts.Role {
	t.Helper()
	for _, r := range s.index.Roles() {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no role %q", name)
	return contacts.Role{}
}

// TestCallTreeBackupWithoutNumberIsAGap: a backup added from the window who
// has no phone number opens a gap in the tab title, the banner and the call
// tree's summary; giving them a number closes it.
func TestCallTreeBackupWithoutNumberIsAGap(t *testing.T) {
	_, s, store := openContacts(t)
	nora, err := store.Create(contacts.Contact{Name: "Nora Nophone", Email: "nora@example.gov", Level: contacts.County, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	if s.treeTab.Text != "Call tree (2 gaps)" {
		t.Fatalf("before: %q", s.treeTab.Text)
	}
	s.tree.pick(roleNamed(t, s, "Legal counsel"))
	test.Type(s.tree.picker.search, "Nophone")
	s.tree.picker.list.Select(0)
	if s.treeTab.Text != "Call tree (3 gaps)" || !strings.Contains(s.gapText.Text, "Legal counsel") {
		t.Errorf("a backup without a number: tab %q, banner %q", s.treeTab.Text, s.gapText.Text)
	}
	if !strings.Contains(s.tree.summary.Text, "Legal counsel: Nora Nophone has no phone number") {
		t.Errorf("call tree summary %q", s.tree.summary.Text)
	}
	s.open(nora.ID)
	test.Type(s.detail.mobile, "(920) 555-0199")
	s.tabs.Select(s.treeTab)
	if s.treeTab.Text != "Call tree (2 gaps)" || strings.Contains(s.gapText.Text, "Legal counsel") {
		t.Errorf("after adding her number: tab %q, banner %q", s.treeTab.Text, s.gapText.Text)
	}
}
