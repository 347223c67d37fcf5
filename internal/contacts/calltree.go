package contacts

import (
	"fmt"
	"strings"
	"time"
)

// dateLayout is how dates are kept in the database.
const dateLayout = "2006-01-02"

const contactColumns = `c.id, c.uuid, c.kind, c.name, c.title, coalesce(c.org_id, 0), coalesce(o.name, ''),
	c.level, c.office_phone, c.mobile_phone, c.after_hours_phone, c.email, c.address, c.notes,
	c.verified_on, c.active, c.builtin, c.source`

const contactFrom = `contacts c LEFT JOIN contacts o ON o.id = c.org_id`

type scanner interface{ Scan(dest ...any) error }

// scanContact reads the contactColumns of a row, after any leading columns
// that go into before.
func scanContact(row scanner, before ...any) (Contact, error) {
	var c Contact
	var verified string
	err := row.Scan(append(before, &c.ID, &c.UUID, &c.Kind, &c.Name, &c.Title, &c.OrgID, &c.Organization,
		&c.Level, &c.OfficePhone, &c.MobilePhone, &c.AfterHoursPhone, &c.Email, &c.Address, &c.Notes,
		&verified, &c.Active, &c.Builtin, &c.Source)...)
	if err != nil {
		return c, err
	}
	if verified != "" {
		c.VerifiedOn, _ = time.Parse(dateLayout, verified)
	}
	return c, nil
}

// Roles returns every incident role in display order.
func (s *Store) Roles() ([]Role, error) {
	rows, err := s.db.Query(`SELECT id, uuid, slug, name, description, position FROM roles ORDER BY position, name`)
	if err != nil {
		return nil, fmt.Errorf("reading roles: %w", err)
	}
	defer rows.Close()
	var roles []Role
	for rows.Next() {
		var r Role
		if err := rows.Scan(&r.ID, &r.UUID, &r.Slug, &r.Name, &r.Description, &r.Position); err != nil {
			return nil, err
		}
		roles = append(roles, r)
	}
	return roles, rows.Err()
}

// CallTree returns every role, in display order, with its active holders:
// the primary first, then the backups in calling order.
func (s *Store) CallTree() ([]CallTreeEntry, error) {
	roles, err := s.Roles()
	if err != nil {
		return nil, err
	}
	index := make(map[int64]int, len(roles))
	tree := make([]CallTreeEntry, len(roles))
	for i, r := range roles {
		tree[i].Role = r
		index[r.ID] = i
	}
	rows, err := s.db.Query(`SELECT h.role_id, ` + contactColumns + ` FROM role_holders h
		JOIN contacts c ON c.id = h.contact_id LEFT JOIN contacts o ON o.id = c.org_id
		WHERE c.active = 1 ORDER BY h.role_id, h.rank`)
	if err != nil {
		return nil, fmt.Errorf("reading the call tree: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var roleID int64
		c, err := scanContact(rows, &roleID)
		if err != nil {
			return nil, err
		}
		i := index[roleID]
		tree[i].Holders = append(tree[i].Holders, c)
	}
	return tree, rows.Err()
}

// Gap says in plain words what the role is missing: no one at all, no
// backup, or a holder without any number to call; it is "" when the role has
// a primary and at least one backup, each with a number.
func (e CallTreeEntry) Gap() string {
	if len(e.Holders) == 0 {
		return "No primary and no backup"
	}
	var missing []string
	if len(e.Holders) == 1 {
		missing = append(missing, "No backup")
	}
	for _, c := range e.Unreachable() {
		missing = append(missing, c.Name+" has no phone number")
	}
	return strings.Join(missing, "; ")
}

// Unreachable returns the holders of the role who have no number to call.
func (e CallTreeEntry) Unreachable() []Contact {
	var out []Contact
	for _, c := range e.Holders {
		if len(c.Phones()) == 0 {
			out = append(out, c)
		}
	}
	return out
}

// Gaps returns the entries of tree that miss a primary or a backup, or
// have a holder without a number to call.
func Gaps(tree []CallTreeEntry) []CallTreeEntry {
	var out []CallTreeEntry
	for _, e := range tree {
		if e.Gap() != "" {
			out = append(out, e)
		}
	}
	return out
}
