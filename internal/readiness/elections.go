// Package readiness keeps the election calendar and computes, for each
// election, the readiness tasks that fall due before it: the call tree, the
// verified directory, the approved plan, current binder copies, training,
// an exercise, backups, the go-kit and the pocket cards. Each task is checked
// against what the binder already holds; the few that rest on the clerk's
// judgement are ticked with a name and a date.
package readiness

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// dayLayout is how days are kept in the database and written on the command line.
const dayLayout = "2006-01-02"

// ErrNotFound is returned for an election that does not exist.
var ErrNotFound = errors.New("not found")

// Kind is the kind of an election.
type Kind string

// The kinds of election a clerk runs.
const (
	Spring          Kind = "spring"
	PartisanPrimary Kind = "partisan-primary"
	General         Kind = "general"
	Special         Kind = "special"
	Recall          Kind = "recall"
)

// Kinds lists every kind in the order forms offer them.
var Kinds = []Kind{Spring, PartisanPrimary, General, Special, Recall}

// Label is the kind as a clerk reads it, such as "Partisan primary".
func (k Kind) Label() string {
	s := strings.ReplaceAll(string(k), "-", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ParseKind reads a kind from its name or label, ignoring case, spaces and dashes.
func ParseKind(s string) (Kind, bool) {
	key := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "-")
	for _, k := range Kinds {
		if key == string(k) {
			return k, true
		}
	}
	switch key {
	case "spring-primary", "spring-election", "nonpartisan", "primary":
		return Spring, true
	case "partisan", "august-primary", "fall-primary":
		return PartisanPrimary, true
	case "general-election", "november":
		return General, true
	}
	return "", false
}

// Election is one election on the calendar.
type Election struct {
	ID      int64
	UUID    string
	Name    string
	Day     time.Time // election day, midnight UTC
	Kind    Kind
	Offices string // the offices on the ballot, in the clerk's words
}

// Store reads and writes the election calendar and the readiness ticks of
// one binder database, and computes the board from the other packages.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// Check says in plain words what is wrong with an election, or nil.
func (e Election) Check() error {
	switch {
	case strings.TrimSpace(e.Name) == "":
		return errors.New("give the election a name")
	case len(e.Name) > 200:
		return errors.New("the election's name is too long (200 characters at most)")
	case e.Day.IsZero():
		return errors.New("give the election a date")
	case e.Day.Year() < 2000 || e.Day.Year() > 2100:
		return fmt.Errorf("%s is not a likely election date", e.Day.Format(dayLayout))
	case len(e.Offices) > 2000:
		return errors.New("the list of offices is too long (2,000 characters at most)")
	}
	if _, ok := ParseKind(string(e.Kind)); !ok {
		return fmt.Errorf("%q is not a kind of election (spring, partisan primary, general, special or recall)", e.Kind)
	}
	return nil
}

// Add saves an election and returns it with its id.
func (s *Store) Add(e Election) (Election, error) {
	if e.Kind == "" {
		e.Kind = Special
	}
	if err := e.Check(); err != nil {
		return e, err
	}
	e, ok, err := insertElection(s.db, e)
	if err == nil && !ok {
		err = fmt.Errorf("%q on %s is already on the calendar", e.Name, e.Day.Format(dayLayout))
	}
	return e, err
}

// insertElection saves a checked election; ok is false when one of the same
// name is already on that day.
func insertElection(q interface {
	Exec(string, ...any) (sql.Result, error)
}, e Election) (Election, bool, error) {
	e.Kind, _ = ParseKind(string(e.Kind))
	e.Name, e.Offices = strings.TrimSpace(e.Name), strings.TrimSpace(e.Offices)
	e.Day = day(e.Day)
	e.UUID = uuid.NewString()
	res, err := q.Exec(`INSERT INTO elections(uuid, name, election_day, kind, offices) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(election_day, name) DO NOTHING`, e.UUID, e.Name, e.Day.Format(dayLayout), string(e.Kind), e.Offices)
	if err != nil {
		return e, false, fmt.Errorf("saving the election %s: %w", e.Name, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return e, false, nil
	}
	e.ID, err = res.LastInsertId()
	return e, err == nil, err
}

// Remove takes an election off the calendar, with its ticks.
func (s *Store) Remove(id int64) error {
	res, err := s.db.Exec(`DELETE FROM elections WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("removing election %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("election %d: %w", id, ErrNotFound)
	}
	return nil
}

const electionColumns = `id, uuid, name, election_day, kind, offices`

func scanElection(row interface{ Scan(...any) error }) (Election, error) {
	var e Election
	var d string
	if err := row.Scan(&e.ID, &e.UUID, &e.Name, &d, &e.Kind, &e.Offices); err != nil {
		return e, err
	}
	e.Day, _ = time.Parse(dayLayout, d)
	return e, nil
}

// Elections lists the calendar by date.
func (s *Store) Elections() ([]Election, error) {
	rows, err := s.db.Query(`SELECT ` + electionColumns + ` FROM elections ORDER BY election_day, name`)
	if err != nil {
		return nil, fmt.Errorf("reading the elections: %w", err)
	}
	defer rows.Close()
	var list []Election
	for rows.Next() {
		e, err := scanElection(rows)
		if err != nil {
			return nil, fmt.Errorf("reading the elections: %w", err)
		}
		list = append(list, e)
	}
	return list, rows.Err()
}

// Election returns one election.
func (s *Store) Election(id int64) (Election, error) {
	e, err := scanElection(s.db.QueryRow(`SELECT `+electionColumns+` FROM elections WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("election %d: %w (see binder elections list)", id, ErrNotFound)
	}
	return e, err
}

// Next returns the first election on or after the day asOf, and false when
// none is on the calendar.
func (s *Store) Next(asOf time.Time) (Election, bool, error) {
	e, err := scanElection(s.db.QueryRow(`SELECT `+electionColumns+` FROM elections
		WHERE election_day >= ? ORDER BY election_day, id LIMIT 1`, day(asOf).Format(dayLayout)))
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	return e, err == nil, err
}

// previous returns the day of the last election before e, and false when
// the calendar holds none.
func (s *Store) previous(e Election) (time.Time, bool, error) {
	var d string
	err := s.db.QueryRow(`SELECT election_day FROM elections WHERE election_day < ?
		ORDER BY election_day DESC LIMIT 1`, e.Day.Format(dayLayout)).Scan(&d)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	t, _ := time.Parse(dayLayout, d)
	return t, true, nil
}

// DaysUntil counts the days from asOf to the election (0 on election day).
func (e Election) DaysUntil(asOf time.Time) int {
	return int(e.Day.Sub(day(asOf)).Hours() / 24)
}

// day is the calendar day of t as written, at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
