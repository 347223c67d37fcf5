package training

import (
	"fmt"
	"strings"
)

// Person is a trainee: an active person of the directory, read-only here.
type Person struct {
	ID     int64
	Name   string
	Title  string
	Office string // the organisation the person belongs to, '' when none
	Level  string
	Email  string
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

// People lists active people of the directory whose name, title, office or
// e-mail contains search (all when it is empty), by name, at most limit
// (no limit when limit <= 0). The directory itself belongs to the contacts
// package; this is a read-only view for picking trainees.
func (s *Store) People(search string, limit int) ([]Person, error) {
	q := `SELECT c.id, c.name, c.title, coalesce(o.name, ''), c.level, c.email
		FROM contacts c LEFT JOIN contacts o ON o.id = c.org_id
		WHERE c.kind = 'person' AND c.active = 1`
	var args []any
	if t := strings.TrimSpace(search); t != "" {
		q += ` AND (c.name || ' ' || c.title || ' ' || coalesce(o.name, '') || ' ' || c.email) LIKE ? ESCAPE '\'`
		args = append(args, likePattern(t))
	}
	q += ` ORDER BY c.name COLLATE NOCASE, c.id`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the directory: %w", err)
	}
	defer rows.Close()
	var list []Person
	for rows.Next() {
		var p Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Title, &p.Office, &p.Level, &p.Email); err != nil {
			return nil, err
		}
		list = append(list, p)
	}
	return list, rows.Err()
}
