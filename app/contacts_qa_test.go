package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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

var _ = contacts.Person
