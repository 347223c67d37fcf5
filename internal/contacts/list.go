package contacts

import (
	"fmt"
	"time"
)

// Filter narrows a listing of the directory. The zero Filter lists every
// active contact.
type Filter struct {
	Search         string // words that must all appear in the name, organization, role, phone or email
	Level          Level  // "" for every level
	RoleID         int64  // 0 for any role; otherwise only holders of this role
	Kind           Kind   // "" for people and organizations
	IncludeRetired bool   // also list contacts marked as no longer active
	// NeedsVerifying keeps only contacts never verified or last verified more
	// than VerifyDays before Today: the pre-election call list.
	NeedsVerifying bool
	VerifyDays     int
	Today          time.Time
}

// List returns the contacts that pass f, ordered by name.
func (s *Store) List(f Filter) ([]Contact, error) {
	ix, err := s.LoadIndex()
	if err != nil {
		return nil, err
	}
	return ix.Search(f), nil
}

// Holding is one role a contact holds, with its place in the calling order.
type Holding struct {
	RoleID int64
	Role   string // the role's name
	Rank   int    // 0 for the primary, 1 for the first backup, …
}

// Label says "Primary" or "Backup 1", "Backup 2", ….
func (h Holding) Label() string {
	if h.Rank == 0 {
		return "Primary"
	}
	return fmt.Sprintf("Backup %d", h.Rank)
}

// Holdings returns, for every contact that holds a role, the roles it holds
// in role order, with its rank in each role's calling order: retired
// holders before it do not count, as they are skipped when calling.
func (s *Store) Holdings() (map[int64][]Holding, error) {
	rows, err := s.db.Query(`SELECT h.contact_id, r.id, r.name, (SELECT count(*) FROM role_holders h2
		JOIN contacts c2 ON c2.id = h2.contact_id WHERE h2.role_id = h.role_id AND h2.rank < h.rank AND c2.active = 1)
		FROM role_holders h JOIN roles r ON r.id = h.role_id ORDER BY r.position, r.name, h.rank`)
	if err != nil {
		return nil, fmt.Errorf("reading who holds which role: %w", err)
	}
	defer rows.Close()
	out := map[int64][]Holding{}
	for rows.Next() {
		var contact int64
		var h Holding
		if err := rows.Scan(&contact, &h.RoleID, &h.Role, &h.Rank); err != nil {
			return nil, err
		}
		out[contact] = append(out[contact], h)
	}
	return out, rows.Err()
}
