// Package training tracks election-security training: sessions (live and
// recorded webinars, in-person events) with their capacity, the people of the
// directory who registered, waited or attended, the requirements that
// attendance satisfies, and who has met them. It also reads and writes events
// as iCalendar (.ics) and rosters as CSV.
package training

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	// Windows has no time-zone database of its own that Go can read: embed
	// one, or no session could be saved in America/Chicago on a clerk's PC.
	_ "time/tzdata"

	"github.com/google/uuid"
)

// Kind is the format of a training session.
type Kind string

// The kinds of session.
const (
	LiveWebinar     Kind = "live_webinar"
	RecordedWebinar Kind = "recorded_webinar"
	InPerson        Kind = "in_person"
)

// Exercise is not a kind of session: it is attendance at a tabletop
// exercise of the plan, which a requirement may count as training.
const Exercise Kind = "exercise"

// Kinds lists every kind of session in display order.
var Kinds = []Kind{InPerson, LiveWebinar, RecordedWebinar}

// RequirementKinds lists what a requirement can count: every kind of
// session, and attendance at a tabletop exercise.
var RequirementKinds = append(append([]Kind(nil), Kinds...), Exercise)

// Label is how a kind reads to a clerk.
func (k Kind) Label() string {
	switch k {
	case LiveWebinar:
		return "Live webinar"
	case RecordedWebinar:
		return "Recorded webinar"
	case InPerson:
		return "In person"
	case Exercise:
		return "Tabletop exercise"
	}
	return string(k)
}

// ParseKind reads a kind of session from its stored name or its label, in any case.
func ParseKind(s string) (Kind, error) {
	if k, ok := findKind(Kinds, s); ok {
		return k, nil
	}
	return "", fmt.Errorf("%q is not a kind of session (use in person, live webinar or recorded webinar)", s)
}

// ParseRequirementKind reads what a requirement counts: a kind of session
// or a tabletop exercise.
func ParseRequirementKind(s string) (Kind, error) {
	if k, ok := findKind(RequirementKinds, s); ok {
		return k, nil
	}
	return "", fmt.Errorf("%q is not something a requirement can count (use in person, live webinar, recorded webinar or tabletop exercise)", s)
}

func findKind(kinds []Kind, s string) (Kind, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, k := range kinds {
		if t == string(k) || t == strings.ToLower(k.Label()) || t == strings.ReplaceAll(string(k), "_", "-") {
			return k, true
		}
	}
	return "", false
}

// Status is where a registration stands.
type Status string

// The states of a registration.
const (
	Registered Status = "registered" // holds a seat
	Waitlisted Status = "waitlisted" // waits, in order, for a seat
	Cancelled  Status = "cancelled"  // gave the seat or place in line back
)

// Attendance is what check-in recorded for a seat holder.
type Attendance string

// The values of attendance; NotMarked until check-in.
const (
	NotMarked Attendance = ""
	Attended  Attendance = "attended"
	NoShow    Attendance = "no_show"
)

// Label is how attendance reads to a clerk.
func (a Attendance) Label() string {
	switch a {
	case Attended:
		return "Attended"
	case NoShow:
		return "No-show"
	}
	return "Not checked in"
}

// Errors a clerk may meet, in plain words.
var (
	ErrNotFound      = errors.New("not found")
	ErrAlreadyInside = errors.New("this person is already signed up for this session")
	ErrNotSeated     = errors.New("this person holds no seat in this session")
	ErrFull          = errors.New("every seat of this session is taken")
	ErrNotPerson     = errors.New("only people in the directory can take part in a training, not organisations")
)

// Store reads and writes training data in one binder database.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, now: time.Now}
}

// dateLayout is how calendar days are kept in the database.
const dateLayout = "2006-01-02"

// stampLayout is how instants are kept in the database (always UTC).
const stampLayout = "2006-01-02T15:04:05Z"

func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func parseStamp(s string) (time.Time, error) { return time.Parse(stampLayout, s) }

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(dateLayout, s)
}

func newUUID() string { return uuid.NewString() }

type scanner interface{ Scan(dest ...any) error }
