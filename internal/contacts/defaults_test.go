package contacts

import (
	"testing"
	"time"
)

// builtinByName finds a built-in partner in the directory by name.
func builtinByName(t *testing.T, s *Store, name string) (Contact, bool) {
	t.Helper()
	list, err := s.List(Filter{IncludeRetired: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range list {
		if c.Name == name {
			return c, true
		}
	}
	return Contact{}, false
}

func TestBuiltinFactsCarrySourceAndCheckedDate(t *testing.T) {
	s := openStore(t)
	if err := s.EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	isac, ok := builtinByName(t, s, "Elections Infrastructure Information Sharing and Analysis Center (EI-ISAC)")
	if !ok || isac.Level == Federal || isac.Source == "" || isac.VerifiedOn.IsZero() {
		t.Errorf("EI-ISAC: %+v", isac)
	}
	desk, _ := builtinByName(t, s, "Elections Help Desk")
	if desk.OfficePhone == "" || desk.Source == "" || !desk.Stale(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the 2019 help desk number is not flagged as over a year old: %+v", desk)
	}
	if desk.Stale(desk.VerifiedOn.AddDate(0, 6, 0)) {
		t.Error("a fact checked six months ago is flagged")
	}
	list, _ := s.List(Filter{IncludeRetired: true})
	for _, c := range list {
		if c.Builtin && c.OfficePhone != "" && (c.Source == "" || c.VerifiedOn.IsZero()) {
			t.Errorf("%s has a number without a source and checked date", c.Name)
		}
	}
}

// A directory that received the first partner list gets the sources and
// the corrected EI-ISAC level, and what the clerk deleted stays deleted.
func TestDefaultsUpgradeKeepsTheClerksChoices(t *testing.T) {
	s := openStore(t)
	if err := s.EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM contact_defaults WHERE version = 2`,
		`INSERT INTO contact_defaults(uuid, version) VALUES('v1', 1)`,
		`UPDATE contacts SET level = 'federal', source = '', verified_on = '' WHERE uuid = '3187d7f6-5aac-4dec-b754-8b0f75915bf5'`,
		`UPDATE contacts SET source = '', verified_on = '2026-11-20' WHERE uuid = '60e63d26-206c-4edd-927a-0d82ea01bf7b'`,
		`DELETE FROM contacts WHERE name = 'County IT Department'`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	isac, _ := builtinByName(t, s, "Elections Infrastructure Information Sharing and Analysis Center (EI-ISAC)")
	if isac.Level != Other || isac.Source == "" || isac.VerifiedOn.IsZero() {
		t.Errorf("EI-ISAC after the upgrade: %+v", isac)
	}
	desk, _ := builtinByName(t, s, "Elections Help Desk")
	if desk.Source == "" || desk.VerifiedOn.Format(dateLayout) != "2026-11-20" {
		t.Errorf("the clerk's own later verification was overwritten: %+v", desk)
	}
	if _, ok := builtinByName(t, s, "County IT Department"); ok {
		t.Error("a partner the clerk deleted came back")
	}
}
