package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// Notes

func loadNotes(q execer, exerciseID int64) ([]Note, error) {
	rows, err := q.Query(`SELECT id, uuid, at, kind, text, coalesce(inject_id, 0) FROM exercise_notes
		WHERE exercise_id = ? ORDER BY at, id`, exerciseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Note
	for rows.Next() {
		var n Note
		var at string
		if err := rows.Scan(&n.ID, &n.UUID, &at, &n.Kind, &n.Text, &n.InjectID); err != nil {
			return nil, err
		}
		n.At, _ = ParseClock(at)
		list = append(list, n)
	}
	return list, rows.Err()
}

// AddNote notes a decision or an observation against the exercise clock
// and returns its id.
func (s *Store) AddNote(exerciseID int64, n Note) (int64, error) {
	n.Text = strings.TrimSpace(n.Text)
	if n.Text == "" {
		return 0, errors.New("the note is empty")
	}
	if err := checkLength("note", n.Text); err != nil {
		return 0, err
	}
	if n.Kind == "" {
		n.Kind = Observation
	}
	if n.Kind != Decision && n.Kind != Observation {
		return 0, fmt.Errorf("%q is not a kind of note (decision or observation)", n.Kind)
	}
	var id int64
	err := s.write(exerciseID, "saving the note", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO exercise_notes(uuid, exercise_id, at, kind, text, inject_id) VALUES(?, ?, ?, ?, ?, ?)`,
			uuid.NewString(), exerciseID, ClockText(n.At), n.Kind, n.Text, nullID(n.InjectID))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// DeleteNote removes a note.
func (s *Store) DeleteNote(id int64) error {
	return s.deleteRow("exercise_notes", id, "note")
}

// Hot wash

func loadFindings(q execer, exerciseID int64) ([]Finding, error) {
	rows, err := q.Query(`SELECT id, uuid, kind, text, coalesce(objective_id, 0), capability, coalesce(section_id, 0)
		FROM exercise_findings WHERE exercise_id = ? ORDER BY kind DESC, id`, exerciseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Finding
	for rows.Next() {
		var f Finding
		if err := rows.Scan(&f.ID, &f.UUID, &f.Kind, &f.Text, &f.ObjectiveID, &f.Capability, &f.SectionID); err != nil {
			return nil, err
		}
		list = append(list, f)
	}
	return list, rows.Err()
}

func checkFinding(f *Finding) error {
	f.Text, f.Capability = strings.TrimSpace(f.Text), strings.TrimSpace(f.Capability)
	if f.Text == "" {
		return errors.New("say what went well or what to improve")
	}
	if err := checkLength("finding", f.Text); err != nil {
		return err
	}
	if f.Kind != Strength && f.Kind != Improvement {
		return fmt.Errorf("%q is not a kind of finding (strength or improvement)", f.Kind)
	}
	return nil
}

// AddFinding records a strength or an area for improvement from the hot
// wash and returns its id.
func (s *Store) AddFinding(exerciseID int64, f Finding) (int64, error) {
	if err := checkFinding(&f); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(exerciseID, "saving the finding", func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO exercise_findings(uuid, exercise_id, kind, text, objective_id, capability, section_id)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), exerciseID, f.Kind, f.Text, nullID(f.ObjectiveID),
			f.Capability, nullID(f.SectionID))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// UpdateFinding saves a finding's kind, words and what it concerns.
func (s *Store) UpdateFinding(f Finding) error {
	if err := checkFinding(&f); err != nil {
		return err
	}
	return s.writeRow("exercise_findings", f.ID, "finding", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercise_findings SET kind = ?, text = ?, objective_id = ?, capability = ?, section_id = ?
			WHERE id = ?`, f.Kind, f.Text, nullID(f.ObjectiveID), f.Capability, nullID(f.SectionID), f.ID)
		return err
	})
}

// DeleteFinding removes a finding of the hot wash.
func (s *Store) DeleteFinding(id int64) error {
	return s.deleteRow("exercise_findings", id, "finding")
}

// UpdateNote saves a note's time, kind and words.
func (s *Store) UpdateNote(n Note) error {
	n.Text = strings.TrimSpace(n.Text)
	if n.Text == "" {
		return errors.New("the note is empty")
	}
	if err := checkLength("note", n.Text); err != nil {
		return err
	}
	if n.Kind != Decision && n.Kind != Observation {
		return fmt.Errorf("%q is not a kind of note (decision or observation)", n.Kind)
	}
	return s.writeRow("exercise_notes", n.ID, "note", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercise_notes SET at = ?, kind = ?, text = ? WHERE id = ?`, ClockText(n.At), n.Kind, n.Text, n.ID)
		return err
	})
}
