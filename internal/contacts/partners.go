package contacts

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"electionbinder/internal/db"
)

// SharedLevels are the levels of partner a county hands on to its
// municipalities: the county's own offices and the state's.
var SharedLevels = []Level{County, State}

// Partners returns the active county and state contacts, organizations
// before people, so an organization is known before its members.
func (s *Store) Partners() ([]Contact, error) {
	var list []Contact
	for _, kind := range []Kind{Organization, Person} {
		for _, level := range SharedLevels {
			found, err := s.List(Filter{Level: level, Kind: kind})
			if err != nil {
				return nil, err
			}
			list = append(list, found...)
		}
	}
	return list, nil
}

// ByUUID returns the contact with the given UUID, or db.ErrNotFound.
func (s *Store) ByUUID(u string) (Contact, error) {
	return contactByUUID(s.db, u)
}

// ByUUIDTx is ByUUID inside a transaction.
func ByUUIDTx(tx *sql.Tx, u string) (Contact, error) {
	return contactByUUID(tx, u)
}

func contactByUUID(q execer, u string) (Contact, error) {
	c, err := scanContact(q.QueryRow(`SELECT `+contactColumns+` FROM `+contactFrom+` WHERE c.uuid = ?`,
		strings.ToLower(u)))
	if errors.Is(err, sql.ErrNoRows) {
		return c, db.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("reading contact %s: %w", u, err)
	}
	return c, nil
}

// SaveTx adds c inside tx when its UUID is new here, or saves every field
// over the contact with that UUID, and returns the contact's id. It is how
// a partner another office sent is taken in with its UUID kept.
func SaveTx(tx *sql.Tx, c Contact) (int64, error) {
	old, err := contactByUUID(tx, c.UUID)
	switch {
	case errors.Is(err, db.ErrNotFound):
		return insertContact(tx, c)
	case err != nil:
		return 0, err
	}
	c.ID = old.ID
	c.Builtin = old.Builtin
	return c.ID, updateContact(tx, c)
}

// Shipped returns a partner of the built-in list as it ships, by UUID, with
// the UUID of the organization it belongs to: the common starting point of
// every binder's copy of it.
func Shipped(u string) (c Contact, orgUUID string, ok bool) {
	list, err := shippedPartners()
	if err != nil {
		return Contact{}, "", false
	}
	for _, p := range list.Partners {
		if strings.EqualFold(p.UUID, u) {
			return Contact{UUID: p.UUID, Kind: Organization, Name: p.Name, Level: p.Level,
				OfficePhone: p.OfficePhone, Notes: p.Notes, Active: true, Builtin: true}, p.Org, true
		}
	}
	return Contact{}, "", false
}
