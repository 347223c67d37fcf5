package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
	"electionbinder/internal/training"
)

// A contact deleted by mistake comes back with Ctrl+Z, typed in the search
// box, in its place in the call tree.
func TestDeletedContactComesBackWithUndo(t *testing.T) {
	u, s, store := openContacts(t)
	id := byListedName(t, s, "Keiko Tanaka")
	holds := len(s.index.Holdings(id))
	if holds == 0 {
		t.Fatal("the sample's Keiko Tanaka holds no role")
	}
	before, _ := store.Count()
	s.detail.show(id)
	s.detail.askDelete()
	test.Tap(s.detail.deleting.yes)
	if n, _ := store.Count(); n != before-1 {
		t.Fatal("the contact was not deleted")
	}
	if !strings.HasPrefix(u.status.label.Text, "Deleted Keiko Tanaka") || !u.status.undo.Visible() {
		t.Fatalf("status %q, Undo shown %v", u.status.label.Text, u.status.undo.Visible())
	}
	u.win.Canvas().Focus(s.search)
	pressShortcut(u, &fyne.ShortcutUndo{})
	if n, _ := store.Count(); n != before {
		t.Fatalf("Ctrl+Z did not put the contact back (%d of %d)", n, before)
	}
	back := byListedName(t, s, "Keiko Tanaka")
	if got := len(s.index.Holdings(back)); got != holds {
		t.Errorf("put back with %d roles, had %d", got, holds)
	}
	if u.status.undo.Visible() {
		t.Error("Undo is still offered after undoing")
	}
}

// A sign-up canceled by mistake comes back with the status line's Undo:
// the seat returns, and the person who got it waits first in line again.
func TestCanceledSignUpComesBackWithUndo(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	d := s.detail
	for _, name := range []string{"Ana", "Pao", "Grace"} {
		signUp(t, d, name)
	}
	if d.roster[2].Status != training.Waitlisted {
		t.Fatalf("the third sign-up is %s, want the waitlist", d.roster[2].Status)
	}
	d.rosterList.Select(0)
	first := d.roster[0]
	test.Tap(d.cancelBtn)
	if !strings.Contains(u.status.label.Text, "Grace Okafor moved from the waitlist") || !u.status.undo.Visible() {
		t.Fatalf("status %q, Undo shown %v", u.status.label.Text, u.status.undo.Visible())
	}
	test.Tap(u.status.undo)
	r, _ := s.store.Registration(first.ID)
	grace, _ := s.store.RegistrationFor(d.event.ID, d.roster[2].ContactID)
	if r.Status != training.Registered || grace.Status != training.Waitlisted {
		t.Errorf("after Undo: %s %s, Grace %s", first.Name, r.Status, grace.Status)
	}
	if d.event.Registered != 2 || d.event.Waitlisted != 1 {
		t.Errorf("the seat bar shows %d seated, %d waiting", d.event.Registered, d.event.Waitlisted)
	}
}

// Taking someone out of a role's calling order can be undone.
func TestRemovedRoleHolderComesBackWithUndo(t *testing.T) {
	u, s, store := openContacts(t)
	var role contacts.Role
	var before []int64
	for _, e := range s.tree.entries {
		ids, _ := store.HolderIDs(e.Role.ID)
		if len(ids) >= 2 {
			role, before = e.Role, ids
			break
		}
	}
	if role.ID == 0 {
		t.Fatal("the sample has no role with a backup")
	}
	first, _ := s.index.Get(before[0])
	s.tree.removeHolder(role, first)
	if ids, _ := store.HolderIDs(role.ID); len(ids) != len(before)-1 {
		t.Fatalf("holders after removing the primary: %v", ids)
	}
	pressShortcut(u, &fyne.ShortcutUndo{})
	if ids, _ := store.HolderIDs(role.ID); fmt.Sprint(ids) != fmt.Sprint(before) {
		t.Errorf("after Undo the calling order is %v, was %v", ids, before)
	}
}
