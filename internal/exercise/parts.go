package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/google/uuid"

	"electionbinder/internal/contacts"
)

// Objectives

func loadObjectives(q execer, exerciseID int64) ([]Objective, error) {
	rows, err := q.Query(`SELECT id, uuid, text, capability, rating, analysis FROM exercise_objectives
		WHERE exercise_id = ? ORDER BY position, id`, exerciseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Objective
	for rows.Next() {
		var o Objective
		if err := rows.Scan(&o.ID, &o.UUID, &o.Text, &o.Capability, &o.Rating, &o.Analysis); err != nil {
			return nil, err
		}
		list = append(list, o)
	}
	return list, rows.Err()
}

func insertObjective(tx execer, exerciseID int64, o Objective) (int64, error) {
	if err := checkObjective(o); err != nil {
		return 0, err
	}
	res, err := tx.Exec(`INSERT INTO exercise_objectives(uuid, exercise_id, position, text, capability, rating, analysis)
		VALUES(?, ?, (SELECT count(*) FROM exercise_objectives WHERE exercise_id = ?), ?, ?, ?, ?)`,
		uuid.NewString(), exerciseID, exerciseID, strings.TrimSpace(o.Text), strings.TrimSpace(o.Capability),
		o.Rating, strings.TrimSpace(o.Analysis))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// checkObjective refuses an objective without words, with too many, or
// with a rating HSEEP does not have.
func checkObjective(o Objective) error {
	if strings.TrimSpace(o.Text) == "" {
		return errors.New("an objective needs some words")
	}
	if err := checkLength("objective", o.Text); err != nil {
		return err
	}
	if err := checkLength("analysis", o.Analysis); err != nil {
		return err
	}
	_, err := ParseRating(string(o.Rating))
	return err
}

// AddObjective adds an objective at the end of the exercise's list and returns its id.
func (s *Store) AddObjective(exerciseID int64, o Objective) (int64, error) {
	var id int64
	err := s.write(exerciseID, "adding the objective", func(tx *sql.Tx) (err error) {
		id, err = insertObjective(tx, exerciseID, o)
		return err
	})
	return id, err
}

// UpdateObjective saves an objective's words, capability, rating and analysis.
func (s *Store) UpdateObjective(o Objective) error {
	if err := checkObjective(o); err != nil {
		return err
	}
	return s.writeRow("exercise_objectives", o.ID, "objective", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercise_objectives SET text = ?, capability = ?, rating = ?, analysis = ? WHERE id = ?`,
			strings.TrimSpace(o.Text), strings.TrimSpace(o.Capability), o.Rating, strings.TrimSpace(o.Analysis), o.ID)
		return err
	})
}

// DeleteObjective removes an objective; findings about it keep their words.
func (s *Store) DeleteObjective(id int64) error {
	return s.deleteRow("exercise_objectives", id, "objective")
}

// writeRow runs fn on a row of table, after finding the exercise it belongs to.
func (s *Store) writeRow(table string, id int64, what string, fn func(tx *sql.Tx) error) error {
	ex, err := exerciseOf(s.db, table, id, what)
	if err != nil {
		return err
	}
	return s.write(ex, "saving the "+what, fn)
}

// deleteRow removes one row of table.
func (s *Store) deleteRow(table string, id int64, what string) error {
	return s.writeRow(table, id, what, func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM `+table+` WHERE id = ?`, id)
		return err
	})
}

// Scenarios

func loadScenarioRefs(q execer, exerciseID int64) ([]ScenarioRef, error) {
	rows, err := q.Query(`SELECT coalesce(scenario_id, 0), title FROM exercise_scenarios
		WHERE exercise_id = ? ORDER BY position, id`, exerciseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []ScenarioRef
	for rows.Next() {
		var r ScenarioRef
		if err := rows.Scan(&r.ScenarioID, &r.Title); err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// Participants

func loadParticipants(q execer, dir *contacts.Store, exerciseID int64) ([]Participant, error) {
	rows, err := q.Query(`SELECT contact_id, role, attended FROM exercise_participants WHERE exercise_id = ?`, exerciseID)
	if err != nil {
		return nil, err
	}
	var list []Participant
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.ContactID, &p.Role, &p.Attended); err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range list {
		c, err := dir.Get(list[i].ContactID)
		if err != nil {
			return nil, err
		}
		list[i].Name, list[i].Title, list[i].Office = c.Name, c.Title, c.Organization
	}
	sortParticipants(list)
	return list, nil
}

// AddParticipants adds people of the directory to an exercise as players
// who attended; people already in it are left as they are. Nothing is
// added when any of them is not a person of the directory.
func (s *Store) AddParticipants(exerciseID int64, contactIDs ...int64) error {
	if _, err := loadRow(s.db, exerciseID); err != nil {
		return err
	}
	dir := contacts.NewStore(s.db)
	for _, id := range contactIDs {
		c, err := dir.Get(id)
		if err != nil {
			return fmt.Errorf("contact %d: %w", id, err)
		}
		if c.Kind != contacts.Person {
			return fmt.Errorf("%s: %w", c.Name, ErrNotPerson)
		}
	}
	return s.write(exerciseID, "adding participants", func(tx *sql.Tx) error {
		for _, id := range contactIDs {
			if _, err := tx.Exec(`INSERT INTO exercise_participants(exercise_id, contact_id) VALUES(?, ?)
				ON CONFLICT DO NOTHING`, exerciseID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetParticipant saves a participant's role and whether they attended.
func (s *Store) SetParticipant(exerciseID int64, p Participant) error {
	switch p.Role {
	case Player, Evaluator, Observer:
	default:
		return fmt.Errorf("%q is not a participant's role (player, evaluator or observer)", p.Role)
	}
	return s.write(exerciseID, "saving the participant", func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE exercise_participants SET role = ?, attended = ? WHERE exercise_id = ? AND contact_id = ?`,
			p.Role, p.Attended, exerciseID, p.ContactID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return missing("participant %d in this exercise", p.ContactID)
		}
		return nil
	})
}

// RemoveParticipant takes a person off an exercise.
func (s *Store) RemoveParticipant(exerciseID, contactID int64) error {
	return s.write(exerciseID, "removing the participant", func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM exercise_participants WHERE exercise_id = ? AND contact_id = ?`, exerciseID, contactID)
		return err
	})
}

// sortParticipants orders participants by name, ignoring case.
func sortParticipants(list []Participant) {
	sort.SliceStable(list, func(i, j int) bool { return strings.ToLower(list[i].Name) < strings.ToLower(list[j].Name) })
}
