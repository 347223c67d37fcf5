package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
)

// GapOpenItem is the kind of plan gap an open improvement item makes.
const GapOpenItem plan.GapKind = "open-improvement-item"

const itemColumns = `i.id, i.uuid, i.exercise_id, i.issue, i.action, i.capability, coalesce(i.section_id, 0),
	coalesce(i.owner_id, 0), i.due_on, i.status, i.closed_by, i.closed_at`

// items reads improvement items; where filters the rows of exercise_items i.
func (s *Store) items(where string, args ...any) ([]Item, error) {
	rows, err := s.db.Query(`SELECT `+itemColumns+` FROM exercise_items i `+where+` ORDER BY i.exercise_id, i.id`, args...)
	if err != nil {
		return nil, err
	}
	var list []Item
	for rows.Next() {
		var it Item
		var due, status, closed string
		if err := rows.Scan(&it.ID, &it.UUID, &it.ExerciseID, &it.Issue, &it.Action, &it.Capability, &it.SectionID,
			&it.OwnerID, &due, &status, &it.ClosedBy, &closed); err != nil {
			rows.Close()
			return nil, err
		}
		it.Due, it.Closed = parseDate(due), status == "closed"
		it.ClosedAt, _ = time.Parse(time.RFC3339, closed)
		list = append(list, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	dir := contacts.NewStore(s.db)
	for i := range list {
		list[i].Owner = contactName(dir, list[i].OwnerID)
	}
	return list, nil
}

// Item reads one improvement item.
func (s *Store) Item(id int64) (Item, error) {
	list, err := s.items(`WHERE i.id = ?`, id)
	if err != nil {
		return Item{}, err
	}
	if len(list) == 0 {
		return Item{}, missing("improvement item %d (see exercises list --items)", id)
	}
	return list[0], nil
}

// Items lists the improvement items of every exercise, exercise by exercise.
func (s *Store) Items() ([]Item, error) {
	return s.items(``)
}

func (s *Store) checkItem(it *Item) error {
	it.Issue, it.Action, it.Capability = strings.TrimSpace(it.Issue), strings.TrimSpace(it.Action), strings.TrimSpace(it.Capability)
	if it.Issue == "" {
		return errors.New("an improvement item needs the issue it fixes")
	}
	if err := checkLength("issue", it.Issue); err != nil {
		return err
	}
	if err := checkLength("corrective action", it.Action); err != nil {
		return err
	}
	return checkContact(contacts.NewStore(s.db), it.OwnerID, "owner")
}

// AddItem adds an item to an exercise's improvement plan and returns its id.
func (s *Store) AddItem(exerciseID int64, it Item) (int64, error) {
	if err := s.checkItem(&it); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(exerciseID, "adding the improvement item", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO exercise_items(uuid, exercise_id, issue, action, capability, section_id, owner_id, due_on)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), exerciseID, it.Issue, it.Action, it.Capability,
			nullID(it.SectionID), nullID(it.OwnerID), formatDate(it.Due))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UpdateItem saves an item's issue, corrective action, capability, section,
// owner and due date.
func (s *Store) UpdateItem(it Item) error {
	if err := s.checkItem(&it); err != nil {
		return err
	}
	return s.writeRow("exercise_items", it.ID, "improvement item", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercise_items SET issue = ?, action = ?, capability = ?, section_id = ?, owner_id = ?,
			due_on = ? WHERE id = ?`, it.Issue, it.Action, it.Capability, nullID(it.SectionID), nullID(it.OwnerID),
			formatDate(it.Due), it.ID)
		return err
	})
}

// CloseItem closes an improvement item, recording who closed it and when;
// it stops being a gap of the plan.
func (s *Store) CloseItem(id int64, by string) error {
	by = strings.TrimSpace(by)
	if by == "" {
		return errors.New("say who closes the item")
	}
	return s.setItemStatus(id, "closed", by, s.now().UTC().Format(time.RFC3339))
}

// ReopenItem opens a closed item again; it is a gap of the plan once more.
func (s *Store) ReopenItem(id int64) error {
	return s.setItemStatus(id, "open", "", "")
}

func (s *Store) setItemStatus(id int64, status, by, at string) error {
	if _, err := s.Item(id); err != nil {
		return err
	}
	return s.writeRow("exercise_items", id, "improvement item", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercise_items SET status = ?, closed_by = ?, closed_at = ? WHERE id = ?`, status, by, at, id)
		return err
	})
}

// DeleteItem removes an item from the improvement plan.
func (s *Store) DeleteItem(id int64) error {
	return s.deleteRow("exercise_items", id, "improvement item")
}

// ItemGaps lists the open improvement items of the exercises of a plan as
// gaps of that plan, each at the section it concerns. It has the shape of
// plan.GapSource.
func (s *Store) ItemGaps(planID int64) ([]plan.Gap, error) {
	list, err := s.items(`JOIN exercises e ON e.id = i.exercise_id WHERE e.plan_id = ? AND i.status = 'open'`, planID)
	if err != nil {
		return nil, fmt.Errorf("reading the improvement items: %w", err)
	}
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	gaps := make([]plan.Gap, len(list))
	for i, it := range list {
		gaps[i] = plan.Gap{Kind: GapOpenItem, SectionID: it.SectionID, Message: itemGapMessage(it, names[it.ExerciseID])}
	}
	return gaps, nil
}

func itemGapMessage(it Item, exercise string) string {
	msg := fmt.Sprintf("Improvement item %d from %q is open: %s", it.ID, exercise, strings.TrimSuffix(it.Issue, "."))
	var who []string
	if it.Owner != "" {
		who = append(who, "owner "+it.Owner)
	}
	if !it.Due.IsZero() {
		who = append(who, "due "+formatDate(it.Due))
	}
	if len(who) > 0 {
		msg += " (" + strings.Join(who, ", ") + ")"
	}
	return msg + "."
}

// names maps each exercise's id to its name.
func (s *Store) names() (map[int64]string, error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(list))
	for _, x := range list {
		m[x.ID] = x.Name
	}
	return m, nil
}
