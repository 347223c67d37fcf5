package plan

import (
	"database/sql"
	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// sectionPlace is where a section sits in its plan's tree.
type sectionPlace struct {
	planID   int64
	parentID int64 // 0 at the top level
	position int
}

func placeOf(q execer, id int64) (sectionPlace, error) {
	var p sectionPlace
	err := q.QueryRow(`SELECT plan_id, coalesce(parent_id, 0), position FROM plan_sections WHERE id = ?`, id).
		Scan(&p.planID, &p.parentID, &p.position)
	if errors.Is(err, sql.ErrNoRows) {
		return p, missing("section %d", id)
	}
	return p, err
}

// siblings returns the ids under parentID (0: top level) of a plan, in order.
func siblings(q execer, planID, parentID int64) ([]int64, error) {
	return idlist.Query(q, `SELECT id FROM plan_sections WHERE plan_id = ? AND coalesce(parent_id, 0) = ?
		ORDER BY position, id`, planID, parentID)
}

// placeSiblings writes parentID and positions 0..n-1 for ids, in order.
func placeSiblings(q execer, parentID int64, ids []int64) error {
	var parent any
	if parentID != 0 {
		parent = parentID
	}
	for i, id := range ids {
		if _, err := q.Exec(`UPDATE plan_sections SET parent_id = ?, position = ? WHERE id = ?`, parent, i, id); err != nil {
			return err
		}
	}
	return nil
}

func depthOf(q execer, id int64) (int, error) {
	depth := 0
	for id != 0 {
		p, err := placeOf(q, id)
		if err != nil {
			return 0, err
		}
		id = p.parentID
		if id != 0 {
			depth++
		}
	}
	return depth, nil
}

// subtreeHeight is 0 for a leaf, 1 for a section with children only, and so on.
func subtreeHeight(q execer, id int64) (int, error) {
	var h int
	err := q.QueryRow(`WITH RECURSIVE sub(id, d) AS (SELECT ?, 0
		UNION ALL SELECT s.id, sub.d + 1 FROM plan_sections s JOIN sub ON s.parent_id = sub.id)
		SELECT max(d) FROM sub`, id).Scan(&h)
	return h, err
}

// AddSection adds a section titled title under parentID (0: top level),
// right after the sibling afterID (0: at the end), and returns its id.
func (s *Store) AddSection(planID, parentID, afterID int64, title string) (int64, error) {
	title = strings.TrimSpace(title)
	if title == "" {
		return 0, errors.New("a section needs a title")
	}
	var id int64
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var err error
		id, err = addSection(tx, planID, parentID, afterID, title)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("adding a section: %w", err)
	}
	return id, nil
}

// addSection is AddSection inside a transaction.
func addSection(tx *sql.Tx, planID, parentID, afterID int64, title string) (int64, error) {
	if parentID != 0 {
		d, err := depthOf(tx, parentID)
		if err != nil {
			return 0, err
		}
		if d+1 > MaxDepth {
			return 0, ErrTooDeep
		}
	}
	ids, err := siblings(tx, planID, parentID)
	if err != nil {
		return 0, err
	}
	var parent any
	if parentID != 0 {
		parent = parentID
	}
	res, err := tx.Exec(`INSERT INTO plan_sections(uuid, plan_id, parent_id, title) VALUES(?, ?, ?, ?)`,
		uuid.NewString(), planID, parent, title)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := placeSiblings(tx, parentID, insertAfter(ids, afterID, id)); err != nil {
		return 0, err
	}
	return id, touch(tx, planID)
}

// insertAfter returns ids with id inserted after after, or at the end when
// after is not among them.
func insertAfter(ids []int64, after, id int64) []int64 {
	out := make([]int64, 0, len(ids)+1)
	placed := false
	for _, x := range ids {
		out = append(out, x)
		if x == after && !placed {
			out = append(out, id)
			placed = true
		}
	}
	if !placed {
		out = append(out, id)
	}
	return out
}

// RenameSection sets a section's title.
func (s *Store) RenameSection(id int64, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return errors.New("a section needs a title")
	}
	return s.setSectionField(id, "title", title)
}

// SetSectionBody saves a section's Markdown body.
func (s *Store) SetSectionBody(id int64, body string) error {
	return s.setSectionField(id, "body", body)
}

// SetSectionGuidance saves the advice shown to the clerk above a section.
func (s *Store) SetSectionGuidance(id int64, guidance string) error {
	return s.setSectionField(id, "guidance", guidance)
}

func (s *Store) setSectionField(id int64, column, value string) error {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		p, err := placeOf(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE plan_sections SET `+column+` = ?,
			updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`, value, id); err != nil {
			return err
		}
		return touch(tx, p.planID)
	})
	if err != nil {
		return fmt.Errorf("saving the section: %w", err)
	}
	return nil
}

// MoveSection moves a section up (delta < 0) or down (delta > 0) among its
// siblings; moving past either end leaves it there.
func (s *Store) MoveSection(id int64, delta int) error {
	return s.reshape(id, "moving the section", func(tx *sql.Tx, p sectionPlace) error {
		ids, err := siblings(tx, p.planID, p.parentID)
		if err != nil {
			return err
		}
		moved := idlist.Move(slices.Clone(ids), id, delta)
		if slices.Equal(moved, ids) { // already first or last: nothing to save
			return errNoChange
		}
		return placeSiblings(tx, p.parentID, moved)
	})
}

// errNoChange tells reshape that the change asked for changes nothing, so
// the plan is not marked as edited.
var errNoChange = errors.New("nothing changes")

// IndentSection makes a section the last child of the sibling before it.
func (s *Store) IndentSection(id int64) error {
	return s.reshape(id, "indenting the section", func(tx *sql.Tx, p sectionPlace) error {
		ids, err := siblings(tx, p.planID, p.parentID)
		if err != nil {
			return err
		}
		i := idlist.Index(ids, id)
		if i == 0 {
			return errors.New("the first section of a level has no section before it to go under")
		}
		newParent := ids[i-1]
		if err := checkFits(tx, id, newParent); err != nil {
			return err
		}
		under, err := siblings(tx, p.planID, newParent)
		if err != nil {
			return err
		}
		if err := placeSiblings(tx, newParent, append(under, id)); err != nil {
			return err
		}
		return placeSiblings(tx, p.parentID, append(ids[:i:i], ids[i+1:]...))
	})
}

// OutdentSection moves a section out of its parent, to just after it.
func (s *Store) OutdentSection(id int64) error {
	return s.reshape(id, "outdenting the section", func(tx *sql.Tx, p sectionPlace) error {
		if p.parentID == 0 {
			return errors.New("the section is already at the top level")
		}
		parent, err := placeOf(tx, p.parentID)
		if err != nil {
			return err
		}
		old, err := siblings(tx, p.planID, p.parentID)
		if err != nil {
			return err
		}
		i := idlist.Index(old, id)
		if err := placeSiblings(tx, p.parentID, append(old[:i:i], old[i+1:]...)); err != nil {
			return err
		}
		outer, err := siblings(tx, p.planID, parent.parentID)
		if err != nil {
			return err
		}
		return placeSiblings(tx, parent.parentID, insertAfter(outer, p.parentID, id))
	})
}

// checkFits refuses to put the subtree of id under newParent when it would
// nest deeper than MaxDepth.
func checkFits(q execer, id, newParent int64) error {
	d, err := depthOf(q, newParent)
	if err != nil {
		return err
	}
	h, err := subtreeHeight(q, id)
	if err != nil {
		return err
	}
	if d+1+h > MaxDepth {
		return ErrTooDeep
	}
	return nil
}

func (s *Store) reshape(id int64, what string, fn func(tx *sql.Tx, p sectionPlace) error) error {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		p, err := placeOf(tx, id)
		if err != nil {
			return err
		}
		if err := fn(tx, p); errors.Is(err, errNoChange) {
			return nil
		} else if err != nil {
			return err
		}
		return touch(tx, p.planID)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// RemovedSection is a section taken out of a plan with everything under it, kept so
// that RestoreSection can put it back exactly (same ids and UUIDs).
type RemovedSection struct {
	PlanID   int64
	ParentID int64
	Position int
	Sections []Section // the section first, then its descendants with their parents
}

// DeleteSection removes a section and every section under it, returning
// what was removed so that the removal can be undone.
func (s *Store) DeleteSection(id int64) (RemovedSection, error) {
	var r RemovedSection
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		p, err := placeOf(tx, id)
		if err != nil {
			return err
		}
		r = RemovedSection{PlanID: p.planID, ParentID: p.parentID, Position: p.position}
		all, err := loadSections(tx, p.planID)
		if err != nil {
			return err
		}
		r.Sections = subtree(all, id)
		if _, err := tx.Exec(`DELETE FROM plan_sections WHERE id = ?`, id); err != nil {
			return err
		}
		ids, err := siblings(tx, p.planID, p.parentID)
		if err != nil {
			return err
		}
		if err := placeSiblings(tx, p.parentID, ids); err != nil {
			return err
		}
		return touch(tx, p.planID)
	})
	if err != nil {
		return r, fmt.Errorf("removing the section: %w", err)
	}
	return r, nil
}

// subtree returns the section id and its descendants from a depth-first list.
func subtree(all []Section, id int64) []Section {
	for i, sec := range all {
		if sec.ID != id {
			continue
		}
		out := []Section{sec}
		for _, d := range all[i+1:] {
			if d.Depth <= sec.Depth {
				break
			}
			out = append(out, d)
		}
		return out
	}
	return nil
}

// RestoreSection puts back what DeleteSection removed, at the same place.
func (s *Store) RestoreSection(r RemovedSection) error {
	if len(r.Sections) == 0 {
		return nil
	}
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		for i, sec := range r.Sections {
			var parent any
			if i == 0 && r.ParentID != 0 {
				parent = r.ParentID
			} else if i > 0 {
				parent = sec.ParentID
			}
			if _, err := tx.Exec(`INSERT INTO plan_sections(id, uuid, plan_id, parent_id, position, title, guidance, body)
				VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, sec.ID, sec.UUID, r.PlanID, parent, sec.Position,
				sec.Title, sec.Guidance, sec.Body); err != nil {
				return err
			}
		}
		ids, err := siblings(tx, r.PlanID, r.ParentID)
		if err != nil {
			return err
		}
		top := r.Sections[0].ID
		ids = idlist.Without(ids, top)
		at := min(r.Position, len(ids))
		ids = append(ids[:at], append([]int64{top}, ids[at:]...)...)
		if err := placeSiblings(tx, r.ParentID, ids); err != nil {
			return err
		}
		return touch(tx, r.PlanID)
	})
	if err != nil {
		return fmt.Errorf("putting the section back: %w", err)
	}
	return nil
}
