package contacts

import (
	"database/sql"
	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/google/uuid"
)

var slugJunk = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify turns a role name into the slug plans use, such as "it-support".
func Slugify(name string) string {
	return strings.Trim(slugJunk.ReplaceAllString(fold(name), "-"), "-")
}

// AddRole adds a role at the end of the list, with a slug made from its name.
func (s *Store) AddRole(name, description string) (Role, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Role{}, errors.New("A role needs a name.")
	}
	tx, err := s.db.Begin()
	if err != nil {
		return Role{}, err
	}
	defer tx.Rollback()
	r := Role{UUID: uuid.NewString(), Name: name, Description: strings.TrimSpace(description)}
	if r.Slug, err = freeSlug(tx, Slugify(name)); err != nil {
		return r, err
	}
	if err := insertRole(tx, &r); err != nil {
		return r, err
	}
	return r, tx.Commit()
}

func insertRole(tx execer, r *Role) error {
	if err := tx.QueryRow(`SELECT coalesce(max(position), 0) + 1 FROM roles`).Scan(&r.Position); err != nil {
		return err
	}
	res, err := tx.Exec(`INSERT INTO roles(uuid, slug, name, description, position) VALUES(?, ?, ?, ?, ?)`,
		r.UUID, r.Slug, r.Name, r.Description, r.Position)
	if err != nil {
		return fmt.Errorf("saving the role %s: %w", r.Name, err)
	}
	r.ID, err = res.LastInsertId()
	return err
}

// freeSlug returns base, or base-2, base-3 … when it is taken.
func freeSlug(tx execer, base string) (string, error) {
	if base == "" {
		base = "role"
	}
	for i := 1; ; i++ {
		slug := base
		if i > 1 {
			slug = fmt.Sprintf("%s-%d", base, i)
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM roles WHERE slug = ?`, slug).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return slug, nil
		}
	}
}

// RenameRole changes a role's name and description; its slug stays, so
// plans that refer to it keep working.
func (s *Store) RenameRole(id int64, name, description string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("A role needs a name.")
	}
	_, err := s.db.Exec(`UPDATE roles SET name = ?, description = ? WHERE id = ?`, name, strings.TrimSpace(description), id)
	if err != nil {
		return fmt.Errorf("renaming the role: %w", err)
	}
	return nil
}

// DeleteRole removes a role and who held it.
func (s *Store) DeleteRole(id int64) error {
	if _, err := s.db.Exec(`DELETE FROM roles WHERE id = ?`, id); err != nil {
		return fmt.Errorf("deleting the role: %w", err)
	}
	return nil
}

// MoveRole moves a role one place up (delta -1) or down (delta +1) in the list.
func (s *Store) MoveRole(id int64, delta int) error {
	roles, err := s.Roles()
	if err != nil {
		return err
	}
	at := -1
	for i, r := range roles {
		if r.ID == id {
			at = i
		}
	}
	to := at + delta
	if at < 0 || to < 0 || to >= len(roles) {
		return nil
	}
	roles[at], roles[to] = roles[to], roles[at]
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, r := range roles {
		if _, err := tx.Exec(`UPDATE roles SET position = ? WHERE id = ?`, i+1, r.ID); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SetHolders makes contactIDs the holders of a role, in calling order: the
// first is the primary, the others are backups.
func (s *Store) SetHolders(roleID int64, contactIDs []int64) error {
	return db.InTx(s.db, func(tx *sql.Tx) error { return setHolders(tx, roleID, contactIDs) })
}

func setHolders(tx execer, roleID int64, contactIDs []int64) error {
	if _, err := tx.Exec(`DELETE FROM role_holders WHERE role_id = ?`, roleID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	rank := 0
	for _, id := range contactIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		if _, err := tx.Exec(`INSERT INTO role_holders(role_id, contact_id, rank) VALUES(?, ?, ?)`, roleID, id, rank); err != nil {
			return fmt.Errorf("saving who holds the role: %w", err)
		}
		rank++
	}
	return nil
}

// HolderIDs returns the ids of a role's holders (active or not) in calling order.
func (s *Store) HolderIDs(roleID int64) ([]int64, error) {
	return holderIDs(s.db, roleID)
}

func holderIDs(q execer, roleID int64) ([]int64, error) {
	return idlist.Query(q, `SELECT contact_id FROM role_holders WHERE role_id = ? ORDER BY rank`, roleID)
}

// editHolders rewrites a role's calling order with edit, in one transaction.
func (s *Store) editHolders(roleID int64, edit func(ids []int64) []int64) error {
	return db.InTx(s.db, func(tx *sql.Tx) error {
		ids, err := holderIDs(tx, roleID)
		if err != nil {
			return err
		}
		return setHolders(tx, roleID, edit(ids))
	})
}

// AddHolder puts a contact at the end of a role's calling order: as the
// primary when the role has none, otherwise as the next backup. A contact
// already holding the role keeps its place.
func (s *Store) AddHolder(roleID, contactID int64) error {
	return s.editHolders(roleID, func(ids []int64) []int64 { return append(ids, contactID) })
}

// RemoveHolder takes a contact off a role; the others close up.
func (s *Store) RemoveHolder(roleID, contactID int64) error {
	return s.editHolders(roleID, func(ids []int64) []int64 { return idlist.Without(ids, contactID) })
}

// MoveHolder moves a contact one place earlier (delta -1) or later (+1) in a
// role's calling order; moving a backup to the front makes it the primary.
// Moving past either end leaves the contact there.
func (s *Store) MoveHolder(roleID, contactID int64, delta int) error {
	return s.editHolders(roleID, func(ids []int64) []int64 { return idlist.Move(ids, contactID, delta) })
}

// deleteHolder takes a contact off every role it holds, closing up the ranks.
func deleteHolder(tx execer, contactID int64) error {
	roles, err := idlist.Query(tx, `SELECT role_id FROM role_holders WHERE contact_id = ?`, contactID)
	if err != nil {
		return err
	}
	for _, r := range roles {
		ids, err := holderIDs(tx, r)
		if err != nil {
			return err
		}
		if err := setHolders(tx, r, idlist.Without(ids, contactID)); err != nil {
			return err
		}
	}
	return nil
}
