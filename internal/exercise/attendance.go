package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Attended is one person's attendance at one exercise.
type Attended struct {
	ContactID  int64
	ExerciseID int64
	Name       string // the exercise's name
	Day        time.Time
	Hours      float64
}

// Attendance lists who attended which exercise, oldest first, for training
// compliance: attendance counts as training of the kind "exercise".
func Attendance(conn *sql.DB) ([]Attended, error) {
	rows, err := conn.Query(`SELECT p.contact_id, e.id, e.name, e.held_on, e.hours
		FROM exercise_participants p JOIN exercises e ON e.id = p.exercise_id
		WHERE p.attended = 1 ORDER BY e.held_on, e.id`)
	if err != nil {
		return nil, fmt.Errorf("reading exercise attendance: %w", err)
	}
	defer rows.Close()
	var list []Attended
	for rows.Next() {
		var a Attended
		var day string
		if err := rows.Scan(&a.ContactID, &a.ExerciseID, &a.Name, &day, &a.Hours); err != nil {
			return nil, err
		}
		a.Day = parseDate(day)
		list = append(list, a)
	}
	return list, rows.Err()
}

// LastHeld returns the day of the latest exercise held up to today: see LastHeldBy.
func LastHeld(conn *sql.DB) (time.Time, bool, error) {
	return LastHeldBy(conn, time.Now())
}

// LastHeldBy returns the day of the latest exercise held on or before asOf,
// and false when none was. An exercise counts as held when its day has come
// and someone attended it or a note was taken during play; an exercise only
// planned does not count.
func LastHeldBy(conn *sql.DB, asOf time.Time) (time.Time, bool, error) {
	var day string
	err := conn.QueryRow(`SELECT held_on FROM exercises e WHERE held_on <= ?
		AND (EXISTS (SELECT 1 FROM exercise_participants WHERE exercise_id = e.id AND attended = 1)
		  OR EXISTS (SELECT 1 FROM exercise_notes WHERE exercise_id = e.id))
		ORDER BY held_on DESC LIMIT 1`, formatDate(dayOf(asOf))).Scan(&day)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("reading the exercises held: %w", err)
	}
	return parseDate(day), true, nil
}
