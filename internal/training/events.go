package training

import (
	"database/sql"
	"electionbinder/internal/db"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// DefaultTimeZone is the zone new sessions are scheduled in (Wisconsin's).
const DefaultTimeZone = "America/Chicago"

// CommonTimeZones are the zones offered first when a session's zone is
// chosen: those of the United States and its territories, Wisconsin's first.
var CommonTimeZones = []string{"America/Chicago", "America/New_York", "America/Indiana/Indianapolis",
	"America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "America/Adak",
	"Pacific/Honolulu", "America/Puerto_Rico", "Pacific/Guam", "Pacific/Pago_Pago", "UTC"}

// Event is one training session.
type Event struct {
	ID              int64
	UUID            string
	Title           string
	Kind            Kind
	Start, End      time.Time // in the event's time zone
	TimeZone        string    // IANA name, such as America/Chicago
	Address         string
	Room            string
	Directions      string // how to find the door, where to park
	Capacity        int    // 0 means no limit
	RegistrationURL string
	CreditHours     float64
	Organizer       string
	Notes           string

	// guessed marks an event read from a calendar written by another
	// program, whose kind, capacity, hours and room were not in the file.
	guessed bool
}

// Location gives the event's place in one line: room, then address.
func (e Event) Location() string {
	var parts []string
	for _, p := range []string{e.Room, strings.ReplaceAll(e.Address, "\n", ", ")} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	return strings.Join(parts, ", ")
}

// When gives the date and hours of the event as a clerk reads them,
// such as "Mon 4 Nov 2019, 10:00–11:00 CST".
func (e Event) When() string {
	if e.Start.IsZero() {
		return ""
	}
	day := e.Start.Format("Mon 2 Jan 2006")
	if e.End.Format(dateLayout) != e.Start.Format(dateLayout) {
		return fmt.Sprintf("%s %s – %s", day, e.Start.Format("15:04"), e.End.Format("Mon 2 Jan 2006 15:04 MST"))
	}
	return fmt.Sprintf("%s, %s–%s", day, e.Start.Format("15:04"), e.End.Format("15:04 MST"))
}

// Validate checks an event before it is saved and puts its times in its zone.
func (e *Event) Validate() error {
	e.Title = strings.TrimSpace(e.Title)
	if e.Title == "" {
		return errors.New("the session needs a title")
	}
	if _, err := ParseKind(string(e.Kind)); err != nil {
		return err
	}
	if e.TimeZone == "" {
		e.TimeZone = DefaultTimeZone
	}
	loc, err := loadZone(e.TimeZone)
	if err != nil || e.TimeZone == "Local" { // "Local" is whatever zone each computer is set to
		return fmt.Errorf("%q is not a time zone this computer knows (use a name such as America/Chicago)", e.TimeZone)
	}
	if e.Start.IsZero() || e.End.IsZero() {
		return errors.New("the session needs a start and an end")
	}
	if e.End.Before(e.Start) {
		return errors.New("the session ends before it starts")
	}
	if e.Capacity < 0 {
		return errors.New("the capacity cannot be negative (leave it empty for no limit)")
	}
	if e.CreditHours < 0 {
		return errors.New("the hours of credit cannot be negative")
	}
	e.Start, e.End = e.Start.In(loc), e.End.In(loc)
	return nil
}

// EventSummary is an event with its counts of seats and people.
type EventSummary struct {
	Event
	Registered int // seats taken
	Waitlisted int
	Attended   int
}

// SeatsLeft is the number of free seats, or -1 when there is no limit.
func (s EventSummary) SeatsLeft() int {
	if s.Capacity == 0 {
		return -1
	}
	return max(s.Capacity-s.Registered, 0)
}

const eventColumns = `e.id, e.uuid, e.title, e.kind, e.starts_at, e.ends_at, e.time_zone, e.address,
	e.room, e.directions, coalesce(e.capacity, 0), e.registration_url, e.credit_hours, e.organizer, e.notes`

func scanEvent(row scanner, after ...any) (Event, error) {
	var e Event
	var start, end string
	err := row.Scan(append([]any{&e.ID, &e.UUID, &e.Title, &e.Kind, &start, &end, &e.TimeZone, &e.Address,
		&e.Room, &e.Directions, &e.Capacity, &e.RegistrationURL, &e.CreditHours, &e.Organizer, &e.Notes}, after...)...)
	if err != nil {
		return e, err
	}
	return e, e.placeTimes(start, end)
}

// zones keeps the time zones looked up so far, and the errors for names
// the computer does not know: time.LoadLocation reads a file each call,
// which a calendar of thousands of sessions would otherwise do per session.
var zones sync.Map // name → zoneLookup

type zoneLookup struct {
	loc *time.Location
	err error
}

// loadZone is time.LoadLocation, remembered.
func loadZone(name string) (*time.Location, error) {
	if z, ok := zones.Load(name); ok {
		return z.(zoneLookup).loc, z.(zoneLookup).err
	}
	loc, err := time.LoadLocation(name)
	zones.Store(name, zoneLookup{loc, err})
	return loc, err
}

// zone returns the named time zone, UTC when the computer does not know it.
func zone(name string) *time.Location {
	if loc, err := loadZone(name); err == nil {
		return loc
	}
	return time.UTC
}

// placeTimes reads the stored UTC instants into the event's time zone.
func (e *Event) placeTimes(start, end string) error {
	loc := zone(e.TimeZone)
	s, err := parseStamp(start)
	if err != nil {
		return fmt.Errorf("session %d has an unreadable start %q", e.ID, start)
	}
	f, err := parseStamp(end)
	if err != nil {
		return fmt.Errorf("session %d has an unreadable end %q", e.ID, end)
	}
	e.Start, e.End = s.In(loc), f.In(loc)
	return nil
}

func nullCapacity(c int) any {
	if c == 0 {
		return nil
	}
	return c
}

// CreateEvent saves a new event and returns it with its id and UUID.
func (s *Store) CreateEvent(e Event) (Event, error) {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var err error
		e, err = insertEvent(tx, e)
		return err
	})
	return e, err
}

func insertEvent(tx *sql.Tx, e Event) (Event, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	if e.UUID == "" {
		e.UUID = newUUID()
	}
	res, err := tx.Exec(`INSERT INTO training_events(uuid, title, kind, starts_at, ends_at, time_zone, address,
		room, directions, capacity, registration_url, credit_hours, organizer, notes)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		e.UUID, e.Title, string(e.Kind), stamp(e.Start), stamp(e.End), e.TimeZone, e.Address, e.Room,
		e.Directions, nullCapacity(e.Capacity), e.RegistrationURL, e.CreditHours, e.Organizer, e.Notes)
	if err != nil {
		return e, fmt.Errorf("saving the session %q: %w", e.Title, err)
	}
	e.ID, err = res.LastInsertId()
	return e, err
}

// UpdateEvent saves changes to an event. When its capacity grows, people on
// the waitlist take the new seats in order.
func (s *Store) UpdateEvent(e Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.InTx(s.db, func(tx *sql.Tx) error {
		if err := updateEvent(tx, e); err != nil {
			return err
		}
		_, err := fillSeats(tx, e.ID)
		return err
	})
}

func updateEvent(tx *sql.Tx, e Event) error {
	res, err := tx.Exec(`UPDATE training_events SET title=?, kind=?, starts_at=?, ends_at=?, time_zone=?,
		address=?, room=?, directions=?, capacity=?, registration_url=?, credit_hours=?, organizer=?, notes=?,
		updated_at=strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id=?`,
		e.Title, string(e.Kind), stamp(e.Start), stamp(e.End), e.TimeZone, e.Address, e.Room, e.Directions,
		nullCapacity(e.Capacity), e.RegistrationURL, e.CreditHours, e.Organizer, e.Notes, e.ID)
	if err != nil {
		return fmt.Errorf("saving the session %q: %w", e.Title, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("session %d: %w", e.ID, ErrNotFound)
	}
	return nil
}

// DeleteEvent removes an event with its registrations.
func (s *Store) DeleteEvent(id int64) error {
	res, err := s.db.Exec(`DELETE FROM training_events WHERE id=?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return nil
}

// Event reads one event by id.
func (s *Store) Event(id int64) (Event, error) {
	e, err := scanEvent(s.db.QueryRow(`SELECT `+eventColumns+` FROM training_events e WHERE e.id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return e, err
}

// EventByUUID reads one event by its UUID.
func (s *Store) EventByUUID(u string) (Event, error) {
	e, err := scanEvent(s.db.QueryRow(`SELECT `+eventColumns+` FROM training_events e WHERE e.uuid=?`, u))
	if errors.Is(err, sql.ErrNoRows) {
		return e, fmt.Errorf("session %s: %w", u, ErrNotFound)
	}
	return e, err
}

// Summary reads one event with its counts.
func (s *Store) Summary(id int64) (EventSummary, error) {
	list, err := s.summaries(`WHERE e.id = ?`, "", id)
	if err != nil {
		return EventSummary{}, err
	}
	if len(list) == 0 {
		return EventSummary{}, fmt.Errorf("session %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// Events lists every event with its counts: those not yet over first,
// soonest first, then past events, most recent first. A non-empty search
// keeps events whose title, place or organiser contains it.
func (s *Store) Events(search string) ([]EventSummary, error) {
	now := stamp(s.now())
	where, args := "", []any{now, now}
	if t := strings.TrimSpace(search); t != "" {
		where = `WHERE (e.title || ' ' || e.address || ' ' || e.room || ' ' || e.organizer) LIKE ? ESCAPE '\'`
		args = append([]any{likePattern(t)}, args...)
	}
	order := `ORDER BY e.ends_at < ?, CASE WHEN e.ends_at >= ? THEN e.starts_at END, e.starts_at DESC, e.id`
	return s.summaries(where, order, args...)
}

func (s *Store) summaries(where, order string, args ...any) ([]EventSummary, error) {
	rows, err := s.db.Query(`SELECT `+eventColumns+`,
		coalesce(n.registered, 0), coalesce(n.waitlisted, 0), coalesce(n.attended, 0)
		FROM training_events e LEFT JOIN (SELECT event_id,
			sum(status = 'registered') AS registered, sum(status = 'waitlisted') AS waitlisted,
			sum(attendance = 'attended') AS attended
			FROM training_registrations GROUP BY event_id) n ON n.event_id = e.id `+where+` `+order, args...)
	if err != nil {
		return nil, fmt.Errorf("reading sessions: %w", err)
	}
	defer rows.Close()
	var list []EventSummary
	for rows.Next() {
		var sum EventSummary
		sum.Event, err = scanEvent(rows, &sum.Registered, &sum.Waitlisted, &sum.Attended)
		if err != nil {
			return nil, err
		}
		list = append(list, sum)
	}
	return list, rows.Err()
}

// likePattern makes a LIKE pattern that finds text anywhere, taking % and _ literally.
func likePattern(text string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(text) + "%"
}
