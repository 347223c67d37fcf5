package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
)

// The verification setting changed in Settings must show in the directory
// when the clerk comes back to it: rows and form kept the old verdict.
func TestContactsFollowVerifyDaysSetting(t *testing.T) {
	u, s, _ := openContacts(t)
	s.search.SetText("Ana Núñez")
	s.openFirst()
	id := s.detail.id
	c, _ := s.index.Get(id)
	if c.NeedsVerifying(testDay, 90) {
		t.Fatalf("Ana is due already: verified %v", c.VerifiedOn)
	}
	u.nav.showTitled("Settings")
	set := u.nav.current().(*settingsScreen)
	set.verify.SetText("")
	test.Type(set.verify, "1")
	u.nav.showTitled("Contacts")
	if !strings.Contains(s.detail.verified.Text, "Due for verifying") {
		t.Errorf("with a 1-day setting the form says %q", s.detail.verified.Text)
	}
	row := newContactRow()
	s.list.UpdateItem(s.indexOf(id), row)
	if row.status.Text != "Verify again" {
		t.Errorf("with a 1-day setting the row says %q", row.status.Text)
	}
}

// Vanity numbers such as 1-800-FLOWERS are accepted and saved by the form.
func TestContactsFormTakesVanityNumbers(t *testing.T) {
	_, s, store := openContacts(t)
	s.search.SetText("Priya Raman")
	s.openFirst()
	d := s.detail
	d.office.SetText("")
	test.Type(d.office, "1-800-VOTE-NOW")
	if err := d.office.Validate(); err != nil {
		t.Errorf("the form refuses a vanity number: %v", err)
	}
	if c, _ := store.Get(d.id); c.OfficePhone != "1-800-VOTE-NOW" {
		t.Errorf("saved office phone %q", c.OfficePhone)
	}
}

// Retiring a holder and bringing them back must show in the gap warning and
// in the roles of the other holders; bringing them back left the gap shown.
func TestContactsRetireAndReturnUpdatesCallTree(t *testing.T) {
	_, s, _ := openContacts(t)
	s.search.SetText("Luis Ortega")
	s.openFirst()
	luis := s.detail.id
	maren := byListedNameAll(t, s, "Maren Lindqvist")
	s.detail.active.SetChecked(false)
	if !strings.Contains(s.gapText.Text, "Law enforcement") || s.treeTab.Text != "Call tree (3 gaps)" {
		t.Errorf("after retiring the primary: warning %q, tab %q", s.gapText.Text, s.treeTab.Text)
	}
	if h := s.index.Holdings(maren); len(h) != 1 || h[0].Label() != "Primary" {
		t.Errorf("after Luis retired Maren holds %+v, want primary", h)
	}
	if s.detail.id != luis {
		t.Fatalf("the form moved to %d", s.detail.id)
	}
	s.detail.active.SetChecked(true)
	if strings.Contains(s.gapText.Text, "Law enforcement") || s.treeTab.Text != "Call tree (2 gaps)" {
		t.Errorf("after Luis came back: warning %q, tab %q", s.gapText.Text, s.treeTab.Text)
	}
	if h := s.index.Holdings(maren); len(h) != 1 || h[0].Label() != "Backup 1" {
		t.Errorf("after Luis came back Maren holds %+v, want backup 1", h)
	}
}

// Deleting a role's primary moves the backup up and shows the new gap.
func TestContactsDeletePrimaryUpdatesCallTree(t *testing.T) {
	_, s, store := openContacts(t)
	s.search.SetText("Hannah Schultz")
	s.openFirst()
	s.detail.delete(s.detail.id)
	if !strings.Contains(s.gapText.Text, "Emergency management") || s.treeTab.Text != "Call tree (3 gaps)" {
		t.Errorf("after deleting the primary: warning %q, tab %q", s.gapText.Text, s.treeTab.Text)
	}
	tree, _ := store.CallTree()
	for _, e := range tree {
		if e.Role.Slug == "emergency-management" && (len(e.Holders) != 1 || e.Holders[0].Name != "Ibrahim Haddad") {
			t.Errorf("emergency management holders %+v", e.Holders)
		}
	}
	if h := s.index.Holdings(byListedNameAll(t, s, "Ibrahim Haddad")); len(h) != 1 || h[0].Label() != "Primary" {
		t.Errorf("Ibrahim holds %+v", h)
	}
}

// byListedNameAll finds a contact by name in the whole index.
func byListedNameAll(t *testing.T, s *contactsScreen, name string) int64 {
	t.Helper()
	for _, c := range s.index.Search(contacts.Filter{IncludeRetired: true}) {
		if c.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no contact named %s", name)
	return 0
}

// A holder's number edited in the form must show in the call tree tab.
func TestContactsCallTreeShowsEditedNumber(t *testing.T) {
	_, s, _ := openContacts(t)
	s.search.SetText("Grace Okafor")
	s.openFirst()
	s.detail.office.SetText("(920) 555-0777")
	s.tabs.Select(s.treeTab)
	if !treeShows(s.tree.cards, "(920) 555-0777") {
		t.Error("the call tree still shows Grace's old number")
	}
}

// treeShows reports whether a label under o holds text.
func treeShows(o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return strings.Contains(v.Text, text)
	case *widget.Card:
		return treeShows(v.Content, text)
	case *fyne.Container:
		for _, c := range v.Objects {
			if treeShows(c, text) {
				return true
			}
		}
	}
	return false
}

// Moving to another contact while a field holds something that cannot be
// saved must say so: the typed text was dropped without a word.
func TestContactsLeavingAnInvalidFieldSaysNotSaved(t *testing.T) {
	u, s, store := openContacts(t)
	s.search.SetText("Grace Okafor")
	s.openFirst()
	grace := s.detail.id
	s.detail.mobile.SetText("")
	test.Type(s.detail.mobile, "call me back")
	s.search.SetText("")
	s.list.Select(s.indexOf(byListedName(t, s, "Ana Núñez")))
	if s.detail.id == grace {
		t.Fatal("the form did not move on")
	}
	if got := u.status.label.Text; !strings.Contains(got, "Not saved") || !strings.Contains(got, "call me back") ||
		!strings.Contains(got, "Grace Okafor") {
		t.Errorf("status line %q", got)
	}
	if c, _ := store.Get(grace); c.MobilePhone != "" {
		t.Errorf("saved mobile %q", c.MobilePhone)
	}
}

// "Last verified … (N days ago)" counts calendar days where the clerk is:
// on a Central-time evening (already the next day in UTC) a contact
// verified yesterday showed as verified 2 days ago.
func TestContactsVerifiedDaysAgoCountsLocalDays(t *testing.T) {
	_, s, store := openContacts(t)
	evening := time.Date(2026, 11, 25, 20, 30, 0, 0, time.FixedZone("CST", -6*3600))
	s.now = func() time.Time { return evening }
	s.search.SetText("Grace Okafor")
	s.openFirst()
	if err := store.MarkVerified(s.detail.id, evening.AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	s.reload()
	if !strings.Contains(s.detail.verified.Text, "November 24, 2026 (yesterday)") {
		t.Errorf("the form says %q", s.detail.verified.Text)
	}
	test.Tap(s.detail.verify)
	if !strings.Contains(s.detail.verified.Text, "November 25, 2026 (today)") {
		t.Errorf("after marking verified the form says %q", s.detail.verified.Text)
	}
}

// Notes longer than the form can lay out are refused in place, not saved.
func TestContactsFormRefusesOverlongNotes(t *testing.T) {
	u, s, store := openContacts(t)
	s.search.SetText("Grace Okafor")
	s.openFirst()
	grace := s.detail.id
	long := strings.Repeat("pasted report ", contacts.MaxTextLength/10)
	s.detail.notes.SetText(long)
	if err := s.detail.notes.Validate(); err == nil || !strings.Contains(err.Error(), "too long") {
		t.Errorf("over-long notes give %v", err)
	}
	if c, _ := store.Get(grace); c.Notes == long {
		t.Error("over-long notes were saved")
	}
	s.search.SetText("")
	s.list.Select(s.indexOf(byListedName(t, s, "Ana Núñez")))
	if !strings.Contains(u.status.label.Text, "Not saved: the notes") {
		t.Errorf("status line %q", u.status.label.Text)
	}
}

// Renaming the role the list is filtered by keeps the filter on that role.
func TestContactsRoleFilterSurvivesRename(t *testing.T) {
	_, s, store := openContacts(t)
	s.role.SetSelected("Legal counsel")
	want := strings.Join(listedNames(s), ",")
	id := s.filter().RoleID
	s.changeRoles(store.RenameRole(id, "Counsel", ""))
	if s.role.Selected != "Counsel" || strings.Join(listedNames(s), ",") != want {
		t.Errorf("after the rename the filter is %q and lists %v", s.role.Selected, listedNames(s))
	}
}

// The delete question counts roles in good English and warns that the
// people of an organization lose it.
func TestContactsDeleteQuestion(t *testing.T) {
	_, s, _ := openContacts(t)
	s.search.SetText("Hannah Schultz")
	s.openFirst()
	c, _ := s.detail.current()
	if got := s.detail.deleteQuestion(c); !strings.Contains(got, "They hold 1 role in the call tree") {
		t.Errorf("question %q", got)
	}
	s.search.SetText("Lakeshore County IT (sample)")
	openFirstOrganisation(t, s)
	c, _ = s.detail.current()
	if got := s.detail.deleteQuestion(c); !strings.Contains(got, "people of this organization") {
		t.Errorf("question %q", got)
	}
}

// A built-in partner says where its facts came from, and a fact checked
// more than a year ago is flagged whatever the verifying interval.
func TestBuiltinPartnerShowsSourceAndAge(t *testing.T) {
	_, s, _ := openContacts(t)
	s.search.SetText("Elections Help Desk")
	s.openFirst()
	text := s.detail.verified.Text
	for _, want := range []string{"November 4, 2019", "Over a year old: verify before relying on it.", "Source of the built-in facts: WEC notice"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form says %q; want %q", text, want)
		}
	}
}
