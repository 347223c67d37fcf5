// Package exercise runs tabletop exercises of the contingency plan, offline:
// an exercise with its objectives, the plan scenarios it uses and the people
// of the directory who take part; a timed script of injects built from the
// scenarios (with a starter set for each built-in scenario) and the
// facilitator's own; notes of decisions and observations against the
// exercise clock; the hot wash (strengths and areas for improvement); and
// the improvement plan, whose open items are gaps of the plan until closed.
//
// Interfaces other packages use:
//
//   - NewStore(db).Load(id) returns one whole *Exercise.
//   - Store.ItemGaps(planID) lists open improvement items as plan gaps; it
//     has the shape of plan.GapSource, so plan.Store.Check takes it.
//   - Attendance(db) lists who attended which exercise, for training
//     compliance (kind "exercise").
//   - LastHeld(db) and LastHeldBy(db, asOf) give the day of the latest
//     exercise held, for the readiness board.
//
// Nothing here imports Fyne; the window in app/ and the commands in cli/ call
// the same functions.
package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"electionbinder/internal/contacts"
)

// dateLayout is how calendar days are kept in the database.
const dateLayout = "2006-01-02"

// Errors a caller may test for.
var (
	ErrNotFound  = errors.New("not found")
	ErrNotPerson = errors.New("only people of the directory can take part in an exercise, not organizations")
)

// notFound says in plain words what is missing; errors.Is(err, ErrNotFound) holds.
type notFound string

func (n notFound) Error() string        { return "there is no " + string(n) }
func (n notFound) Is(target error) bool { return target == ErrNotFound }

func missing(format string, args ...any) error { return notFound(fmt.Sprintf(format, args...)) }

// Exercise is one tabletop exercise as Load returns it.
type Exercise struct {
	ID            int64
	UUID          string
	Name          string
	HeldOn        time.Time     // the day of the exercise
	StartsAt      time.Duration // the exercise clock at the start, after midnight
	Hours         float64       // how long it runs; credited as training hours
	Location      string
	FacilitatorID int64  // 0 when none is chosen
	Facilitator   string // the facilitator's name, filled in on reads
	PlanID        int64  // the plan whose scenarios it uses; 0 when the plan was deleted
	Current       int    // position of the inject in play in facilitator mode
	Clock         Clock
	Objectives    []Objective
	Scenarios     []ScenarioRef
	Participants  []Participant
	Injects       []Inject  // in script order
	Notes         []Note    // in clock order
	Findings      []Finding // the hot wash
	Items         []Item    // the improvement plan
}

// InjectIDAt is the id of the inject in play at clock time at: the last
// one set at or before it; 0 when none is.
func (e *Exercise) InjectIDAt(at time.Duration) int64 {
	var id int64
	for _, in := range e.Injects {
		if in.At <= at {
			id = in.ID
		}
	}
	return id
}

// Summary is an exercise as the list of exercises shows it.
type Summary struct {
	ID           int64
	Name         string
	HeldOn       time.Time
	Participants int
	Injects      int
	OpenItems    int
	Items        int
}

// Objective is what the exercise sets out to test, with how it went.
type Objective struct {
	ID         int64
	UUID       string
	Text       string
	Capability string
	Rating     Rating
	Analysis   string
}

// Rating is HSEEP's rating of how an objective was performed.
type Rating string

// The ratings, best first; Unrated until the evaluators decide.
const (
	Unrated           Rating = ""
	WithoutChallenges Rating = "P"
	SomeChallenges    Rating = "S"
	MajorChallenges   Rating = "M"
	UnableToPerform   Rating = "U"
)

// Ratings lists the ratings a clerk can choose, best first.
var Ratings = []Rating{WithoutChallenges, SomeChallenges, MajorChallenges, UnableToPerform}

// Label is how a rating reads in the report.
func (r Rating) Label() string {
	switch r {
	case WithoutChallenges:
		return "Performed without challenges (P)"
	case SomeChallenges:
		return "Performed with some challenges (S)"
	case MajorChallenges:
		return "Performed with major challenges (M)"
	case UnableToPerform:
		return "Unable to be performed (U)"
	}
	return "Not rated"
}

// ParseRating reads a rating from its letter or its label.
func ParseRating(s string) (Rating, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.EqualFold(t, Unrated.Label()) {
		return Unrated, nil
	}
	for _, r := range Ratings {
		if strings.EqualFold(t, string(r)) || strings.EqualFold(t, r.Label()) {
			return r, nil
		}
	}
	return Unrated, fmt.Errorf("%q is not a rating (use P, S, M or U)", s)
}

// ScenarioRef is a plan scenario the exercise uses.
type ScenarioRef struct {
	ScenarioID int64 // 0 when the plan no longer has it
	Title      string
}

// ParticipantRole is what a participant does in the exercise.
type ParticipantRole string

// The roles of a participant.
const (
	Player    ParticipantRole = "player"
	Evaluator ParticipantRole = "evaluator"
	Observer  ParticipantRole = "observer"
)

// Participant is a person of the directory who takes part.
type Participant struct {
	ContactID int64
	Name      string
	Title     string
	Office    string
	Role      ParticipantRole
	Attended  bool
}

// Inject is one message of the script, delivered at a time on the exercise
// clock. It may call on roles of the call tree and touch a plan section.
type Inject struct {
	ID         int64
	UUID       string
	At         time.Duration // on the exercise clock, after midnight
	Text       string
	ScenarioID int64    // the scenario it belongs to; 0 for the facilitator's own
	SectionID  int64    // the plan section it touches; 0 for none
	Roles      []string // role slugs it calls on
}

// NoteKind tells a decision from an observation.
type NoteKind string

// The kinds of note.
const (
	Decision    NoteKind = "decision"
	Observation NoteKind = "observation"
)

// Note is a decision or an observation noted during play.
type Note struct {
	ID       int64
	UUID     string
	At       time.Duration // on the exercise clock
	Kind     NoteKind
	Text     string
	InjectID int64 // the inject in play when it was noted; 0 for none
}

// FindingKind tells a strength from an area for improvement.
type FindingKind string

// The kinds of hot-wash finding.
const (
	Strength    FindingKind = "strength"
	Improvement FindingKind = "improvement"
)

// Finding is one point of the hot wash.
type Finding struct {
	ID          int64
	UUID        string
	Kind        FindingKind
	Text        string
	ObjectiveID int64  // 0 when it concerns no objective
	Capability  string // the capability it concerns, if any
	SectionID   int64  // the plan section it concerns; 0 for none
}

// Item is one line of the improvement plan.
type Item struct {
	ID         int64
	UUID       string
	ExerciseID int64
	Issue      string
	Action     string // the corrective action
	Capability string
	SectionID  int64
	OwnerID    int64  // 0 when nobody owns it
	Owner      string // the owner's name, filled in on reads
	Due        time.Time
	Closed     bool
	ClosedBy   string
	ClosedAt   time.Time
}

// Status is the item's status as the improvement plan prints it.
func (it Item) Status() string {
	if it.Closed {
		return "Closed " + it.ClosedAt.Format(dateLayout) + " by " + it.ClosedBy
	}
	return "Open"
}

// Overdue reports whether an open item is past its due date on day today.
func (it Item) Overdue(today time.Time) bool {
	return !it.Closed && !it.Due.IsZero() && it.Due.Before(dayOf(today))
}

// Store reads and writes exercises in one binder database.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, now: time.Now}
}

// execer is what both *sql.DB and *sql.Tx offer.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseDate(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}

// ClockText writes a time on the exercise clock as HH:MM.
func ClockText(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", (m/60)%24, m%60)
}

// ParseClock reads a time of day written HH:MM (or H:MM).
func ParseClock(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a time of day like 10:20", s)
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func joinList(xs []string) string { return strings.Join(xs, ",") }

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Capabilities are the capabilities an election office's exercises most
// often test, offered as choices for objectives, findings and items; any
// other may be typed.
var Capabilities = []string{
	"Planning",
	"Operational coordination",
	"Operational communications",
	"Public information and warning",
	"Cybersecurity",
	"Intelligence and information sharing",
	"Physical protective measures",
	"Situational assessment",
	"Infrastructure systems",
}

// MaxText is the most characters a note, an inject, a finding or an item's
// issue or action may hold: a page of the report, read aloud in a minute or two.
const MaxText = 2000

// checkLength refuses text longer than MaxText, naming what it is.
func checkLength(what, text string) error {
	if n := len([]rune(text)); n > MaxText {
		return fmt.Errorf("the %s is %d characters long; keep it under %d (split it into several)", what, n, MaxText)
	}
	return nil
}

// checkContact refuses a contact id the directory does not have (0 is none).
func checkContact(dir *contacts.Store, id int64, what string) error {
	if id == 0 {
		return nil
	}
	if _, err := dir.Get(id); err != nil {
		return fmt.Errorf("the %s, contact %d, is not in the directory (see contacts list)", what, id)
	}
	return nil
}
