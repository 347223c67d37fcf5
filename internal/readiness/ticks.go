package readiness

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Tick records that a task resting on the clerk's judgement was done for an
// election: who says so, and on what day (for an exercise, the day it was held).
type Tick struct {
	Task string
	By   string
	On   time.Time
}

// SetTick marks a task of an election done by a person on a day; a second
// tick of the same task replaces the first.
func (s *Store) SetTick(electionID int64, t Tick) error {
	t.By = strings.TrimSpace(t.By)
	switch {
	case t.Task == "":
		return errors.New("say which task was done")
	case t.By == "":
		return errors.New("give the name of the person who did it")
	case len(t.By) > 200:
		return errors.New("the name is too long (200 characters at most)")
	case t.On.IsZero():
		return errors.New("give the day it was done")
	}
	_, err := s.db.Exec(`INSERT INTO readiness_ticks(uuid, election_id, task, done_by, done_on) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(election_id, task) DO UPDATE SET done_by = excluded.done_by, done_on = excluded.done_on`,
		uuid.NewString(), electionID, t.Task, t.By, day(t.On).Format(dayLayout))
	if err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return fmt.Errorf("election %d: %w", electionID, ErrNotFound)
		}
		return fmt.Errorf("saving the tick: %w", err)
	}
	return nil
}

// ClearTick takes a tick back.
func (s *Store) ClearTick(electionID int64, task string) error {
	_, err := s.db.Exec(`DELETE FROM readiness_ticks WHERE election_id = ? AND task = ?`, electionID, task)
	if err != nil {
		return fmt.Errorf("removing the tick: %w", err)
	}
	return nil
}

// ticks returns an election's ticks by task.
func (s *Store) ticks(electionID int64) (map[string]Tick, error) {
	rows, err := s.db.Query(`SELECT task, done_by, done_on FROM readiness_ticks WHERE election_id = ?`, electionID)
	if err != nil {
		return nil, fmt.Errorf("reading the ticks: %w", err)
	}
	defer rows.Close()
	out := map[string]Tick{}
	for rows.Next() {
		var t Tick
		var on string
		if err := rows.Scan(&t.Task, &t.By, &on); err != nil {
			return nil, err
		}
		t.On, _ = time.Parse(dayLayout, on)
		out[t.Task] = t
	}
	return out, rows.Err()
}

// ParseDay reads a day typed by a clerk: 2027-03-05 or 3/5/2027.
func ParseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{dayLayout, "1/2/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("type the date as 2027-03-05 or 3/5/2027, not %q", s)
}
