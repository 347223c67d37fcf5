package training

import (
	"strings"

	"electionbinder/internal/contacts"
)

// Person is a trainee: an active person of the directory, read through the
// contacts package.
type Person struct {
	ID     int64
	Name   string
	Title  string
	Office string // the organization the person belongs to, '' when none
	Level  string
	Email  string
}

// PersonFrom takes the fields a trainee needs from a directory contact.
func PersonFrom(c contacts.Contact) Person {
	return Person{ID: c.ID, Name: c.Name, Title: c.Title, Office: c.Organization, Level: string(c.Level), Email: c.Email}
}

// Label is the person as one line: name, title and office.
func (p Person) Label() string {
	parts := []string{p.Name}
	for _, x := range []string{p.Title, p.Office} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, " · ")
}

// People lists the active people of the directory that match search (every
// word in the name, office, role, phone or e-mail; all when empty), by name,
// at most limit of them (no limit when limit <= 0).
func (s *Store) People(search string, limit int) ([]Person, error) {
	list, err := contacts.NewStore(s.db).List(contacts.Filter{Search: search, Kind: contacts.Person})
	if err != nil {
		return nil, err
	}
	if limit > 0 && len(list) > limit {
		list = list[:limit]
	}
	levels, err := s.officeLevels()
	if err != nil {
		return nil, err
	}
	out := make([]Person, len(list))
	for i, c := range list {
		if c.Level == contacts.Other && levels[c.OrgID] != "" {
			c.Level = levels[c.OrgID] // a person imported without a level works at the office's level
		}
		out[i] = PersonFrom(c)
	}
	return out, nil
}

// officeLevels maps each organization of the directory to its level.
func (s *Store) officeLevels() (map[int64]contacts.Level, error) {
	orgs, err := contacts.NewStore(s.db).List(contacts.Filter{Kind: contacts.Organization})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]contacts.Level, len(orgs))
	for _, o := range orgs {
		if o.Level != contacts.Other {
			out[o.ID] = o.Level
		}
	}
	return out, nil
}
