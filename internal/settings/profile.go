package settings

import (
	"fmt"
	"strings"
)

// Kind says whether the jurisdiction is a county or a municipality.
type Kind string

// The kinds of jurisdiction a clerk serves.
const (
	County       Kind = "county"
	Municipality Kind = "municipality"
)

// Profile describes the jurisdiction whose plan this is; the binder prints it
// on the cover and resolves placeholders such as {{jurisdiction}} from it.
type Profile struct {
	Jurisdiction string
	Kind         Kind
	County       string
	State        string
	ClerkName    string
	ClerkTitle   string
	Phone        string
	Email        string
	Address      string
}

// ProfileField names one field of the profile, with the settings key it is
// saved under and the label a clerk sees.
type ProfileField struct {
	Key   string
	Label string
	get   func(*Profile) *string
}

// ProfileFields lists the profile's text fields in the order a form shows them.
var ProfileFields = []ProfileField{
	{"profile.jurisdiction", "Jurisdiction name", func(p *Profile) *string { return &p.Jurisdiction }},
	{"profile.county", "County", func(p *Profile) *string { return &p.County }},
	{"profile.state", "State", func(p *Profile) *string { return &p.State }},
	{"profile.clerk_name", "Clerk's name", func(p *Profile) *string { return &p.ClerkName }},
	{"profile.clerk_title", "Clerk's title", func(p *Profile) *string { return &p.ClerkTitle }},
	{"profile.phone", "Office phone", func(p *Profile) *string { return &p.Phone }},
	{"profile.email", "Office email", func(p *Profile) *string { return &p.Email }},
	{"profile.address", "Office address", func(p *Profile) *string { return &p.Address }},
}

// KindKey is the settings key of the jurisdiction's kind.
const KindKey = "profile.kind"

// Value returns the field's value in p.
func (f ProfileField) Value(p *Profile) string { return *f.get(p) }

// LoadProfile reads the jurisdiction profile; fields never saved are empty,
// and the kind defaults to county.
func (s *Store) LoadProfile() (Profile, error) {
	var p Profile
	for _, f := range ProfileFields {
		v, err := s.Get(f.Key, "")
		if err != nil {
			return p, err
		}
		*f.get(&p) = v
	}
	kind, err := s.Get(KindKey, string(County))
	p.Kind = Kind(kind)
	return p, err
}

// SaveProfile writes every field of the profile in one transaction.
func (s *Store) SaveProfile(p Profile) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("saving the profile: %w", err)
	}
	defer tx.Rollback()
	for _, f := range ProfileFields {
		if _, err := tx.Exec(upsertSQL, f.Key, strings.TrimSpace(f.Value(&p))); err != nil {
			return fmt.Errorf("saving the profile: %w", err)
		}
	}
	if _, err := tx.Exec(upsertSQL, KindKey, string(p.Kind)); err != nil {
		return fmt.Errorf("saving the profile: %w", err)
	}
	return tx.Commit()
}
