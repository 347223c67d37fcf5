package contacts

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
)

// Removed is a contact deleted from the directory with what went with it:
// its places in the call tree and, for an organization, its people. It is
// what Restore needs to undo the deletion.
type Removed struct {
	Contact  Contact
	Holdings []Holding
	Members  []int64 // the people of a deleted organization
}

// Remove deletes a contact as Delete does, in one transaction with reading
// what Restore needs to put it back.
func (s *Store) Remove(id int64) (Removed, error) {
	var r Removed
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		c, err := getContact(tx, id)
		if err != nil {
			return err
		}
		r.Contact = c
		if r.Holdings, err = holdings(tx, id); err != nil {
			return err
		}
		if r.Members, err = idlist.Query(tx, `SELECT id FROM contacts WHERE org_id = ?`, id); err != nil {
			return err
		}
		return deleteContact(tx, id)
	})
	return r, err
}

func holdings(tx *sql.Tx, contactID int64) ([]Holding, error) {
	rows, err := tx.Query(`SELECT role_id, rank FROM role_holders WHERE contact_id = ? ORDER BY role_id`, contactID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Holding
	for rows.Next() {
		var h Holding
		if err := rows.Scan(&h.RoleID, &h.Rank); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Restore puts a removed contact back, with the same UUID, in its places in
// the calling orders of the roles that still exist, and gives a removed
// organization back its people who have not joined another since. The
// contact gets a new id, which it returns.
func (s *Store) Restore(r Removed) (Contact, error) {
	var c Contact
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		id, err := insertContact(tx, r.Contact)
		if err != nil {
			return fmt.Errorf("putting %s back: %w", r.Contact.Name, err)
		}
		for _, h := range r.Holdings {
			if err := rejoinRole(tx, h, id); err != nil {
				return err
			}
		}
		for _, m := range r.Members {
			if _, err := tx.Exec(`UPDATE contacts SET org_id = ? WHERE id = ? AND org_id IS NULL`, id, m); err != nil {
				return err
			}
		}
		if err := refreshMembers(tx, id); err != nil {
			return err
		}
		c, err = getContact(tx, id)
		return err
	})
	return c, err
}

// rejoinRole puts a contact back at its place in a role's calling order;
// a role deleted since is skipped.
func rejoinRole(tx *sql.Tx, h Holding, contactID int64) error {
	var exists int
	err := tx.QueryRow(`SELECT 1 FROM roles WHERE id = ?`, h.RoleID).Scan(&exists)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	ids, err := holderIDs(tx, h.RoleID)
	if err != nil {
		return err
	}
	return setHolders(tx, h.RoleID, slices.Insert(ids, min(h.Rank, len(ids)), contactID))
}
