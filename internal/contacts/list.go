package contacts

import (
	"fmt"
	"strings"
	"time"
)

// Filter narrows a listing of the directory. The zero Filter lists every
// active contact.
type Filter struct {
	Search         string // words that must all appear in the name, organisation, role, phone or email
	Level          Level  // "" for every level
	RoleID         int64  // 0 for any role; otherwise only holders of this role
	Kind           Kind   // "" for people and organisations
	IncludeRetired bool   // also list contacts marked as no longer active
	// NeedsVerifying keeps only contacts never verified or last verified more
	// than VerifyDays before Today: the pre-election call list.
	NeedsVerifying bool
	VerifyDays     int
	Today          time.Time
}

// List returns the contacts that pass f, ordered by name.
func (s *Store) List(f Filter) ([]Contact, error) {
	where, args, err := s.filterSQL(f)
	if err != nil {
		return nil, err
	}
	query := `SELECT ` + contactColumns + ` FROM ` + contactFrom
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	query += ` ORDER BY c.sort_name, c.id`
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, fmt.Errorf("listing contacts: %w", err)
	}
	defer rows.Close()
	var list []Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// filterSQL turns f into conditions on the contacts c and their arguments.
func (s *Store) filterSQL(f Filter) ([]string, []any, error) {
	var where []string
	var args []any
	if !f.IncludeRetired {
		where = append(where, `c.active = 1`)
	}
	if f.Level != "" {
		where, args = append(where, `c.level = ?`), append(args, string(f.Level))
	}
	if f.Kind != "" {
		where, args = append(where, `c.kind = ?`), append(args, string(f.Kind))
	}
	if f.RoleID != 0 {
		where, args = append(where, `c.id IN (SELECT contact_id FROM role_holders WHERE role_id = ?)`), append(args, f.RoleID)
	}
	if f.NeedsVerifying {
		cutoff := verifyCutoff(f.Today, f.VerifyDays)
		where, args = append(where, `(c.verified_on = '' OR c.verified_on < ?)`), append(args, dateText(cutoff))
	}
	terms := searchTerms(f.Search)
	if len(terms) == 0 {
		return where, args, nil
	}
	roles, err := s.Roles()
	if err != nil {
		return nil, nil, err
	}
	for _, t := range terms {
		cond := `instr(c.search_text, ?) > 0`
		args = append(args, t)
		if ids := rolesMatching(roles, t); ids != "" {
			cond = `(` + cond + ` OR c.id IN (SELECT contact_id FROM role_holders WHERE role_id IN (` + ids + `)))`
		}
		where = append(where, cond)
	}
	return where, args, nil
}

// rolesMatching lists, comma-separated, the ids of roles whose name holds term.
func rolesMatching(roles []Role, term string) string {
	var ids []string
	for _, r := range roles {
		if strings.Contains(fold(r.Name), term) {
			ids = append(ids, fmt.Sprint(r.ID))
		}
	}
	return strings.Join(ids, ",")
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
// in role order, with its rank among the role's holders counted in calling
// order.
func (s *Store) Holdings() (map[int64][]Holding, error) {
	rows, err := s.db.Query(`SELECT h.contact_id, r.id, r.name,
		(SELECT count(*) FROM role_holders h2 WHERE h2.role_id = h.role_id AND h2.rank < h.rank)
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
