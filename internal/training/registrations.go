package training

import (
	"database/sql"
	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
	"errors"
	"fmt"
	"time"
)

// Registration is a person's place in an event: a seat, a place on the
// waitlist, or a canceled sign-up.
type Registration struct {
	ID          int64
	UUID        string
	EventID     int64
	ContactID   int64
	Name        string // the person's name in the directory
	Office      string // the organization the person belongs to
	Email       string
	Status      Status
	Queue       int // order of sign-up; the waitlist is served lowest first
	Attendance  Attendance
	SignedUpAt  time.Time
	CheckedInAt time.Time // zero until check-in
}

const registrationColumns = `r.id, r.uuid, r.event_id, r.contact_id, c.name, coalesce(o.name, ''), c.email,
	r.status, r.queue, r.attendance, r.signed_up_at, r.checked_in_at`

// registrationFrom joins the directory read-only, for names and offices.
const registrationFrom = `training_registrations r JOIN contacts c ON c.id = r.contact_id
	LEFT JOIN contacts o ON o.id = c.org_id`

func scanRegistration(row scanner) (Registration, error) {
	var r Registration
	var signed, checked string
	err := row.Scan(&r.ID, &r.UUID, &r.EventID, &r.ContactID, &r.Name, &r.Office, &r.Email,
		&r.Status, &r.Queue, &r.Attendance, &signed, &checked)
	if err != nil {
		return r, err
	}
	r.SignedUpAt, _ = parseStamp(signed)
	if checked != "" {
		r.CheckedInAt, _ = parseStamp(checked)
	}
	return r, nil
}

// Register signs a person up for an event: a seat while seats are free,
// otherwise the end of the waitlist. A person who canceled may sign up
// again, at the end of the line; one who holds a seat or waits already gets
// ErrAlreadyInside.
func (s *Store) Register(eventID, contactID int64) (Registration, error) {
	var id int64
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var err error
		id, _, err = register(tx, eventID, contactID, s.now())
		return err
	})
	if err != nil {
		return Registration{}, err
	}
	return s.Registration(id)
}

// register signs a person up inside tx and returns the registration's id
// and whether it holds a seat or waits.
func register(tx *sql.Tx, eventID, contactID int64, now time.Time) (int64, Status, error) {
	if err := checkPerson(tx, contactID); err != nil {
		return 0, "", err
	}
	// A seat freed outside the tracker (a person deleted from the
	// directory) goes to the waitlist before a newcomer.
	if _, err := fillSeats(tx, eventID); err != nil {
		return 0, "", err
	}
	var capacity, taken, queue int
	err := tx.QueryRow(`SELECT coalesce(e.capacity, 0),
		(SELECT count(*) FROM training_registrations WHERE event_id = e.id AND status = 'registered'),
		(SELECT coalesce(max(queue), 0) + 1 FROM training_registrations WHERE event_id = e.id)
		FROM training_events e WHERE e.id = ?`, eventID).Scan(&capacity, &taken, &queue)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("session %d: %w", eventID, ErrNotFound)
	}
	if err != nil {
		return 0, "", err
	}
	status := Registered
	if capacity > 0 && taken >= capacity {
		status = Waitlisted
	}
	var id int64
	var old Status
	err = tx.QueryRow(`SELECT id, status FROM training_registrations WHERE event_id=? AND contact_id=?`,
		eventID, contactID).Scan(&id, &old)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.Exec(`INSERT INTO training_registrations(uuid, event_id, contact_id, status, queue, signed_up_at)
			VALUES(?,?,?,?,?,?)`, newUUID(), eventID, contactID, string(status), queue, stamp(now))
		if err != nil {
			return 0, "", fmt.Errorf("signing up: %w", err)
		}
		id, err = res.LastInsertId()
		return id, status, err
	case err != nil:
		return 0, "", err
	case old != Cancelled:
		return 0, "", ErrAlreadyInside
	}
	_, err = tx.Exec(`UPDATE training_registrations SET status=?, queue=?, attendance='', signed_up_at=?,
		checked_in_at='' WHERE id=?`, string(status), queue, stamp(now), id)
	return id, status, err
}

// checkPerson makes sure a contact exists and is a person.
func checkPerson(tx *sql.Tx, contactID int64) error {
	var kind string
	err := tx.QueryRow(`SELECT kind FROM contacts WHERE id=?`, contactID).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("contact %d: %w", contactID, ErrNotFound)
	}
	if err != nil {
		return err
	}
	if kind != "person" {
		return ErrNotPerson
	}
	return nil
}

// seats reads an event's capacity (0: no limit) and the seats taken.
func seats(tx *sql.Tx, eventID int64) (capacity, taken int, err error) {
	err = tx.QueryRow(`SELECT coalesce(capacity, 0),
		(SELECT count(*) FROM training_registrations WHERE event_id=e.id AND status='registered')
		FROM training_events e WHERE id=?`, eventID).Scan(&capacity, &taken)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("session %d: %w", eventID, ErrNotFound)
	}
	return capacity, taken, err
}

// fillSeats gives free seats to the waitlist, first in line first, and
// returns the ids of the registrations it promoted.
func fillSeats(tx *sql.Tx, eventID int64) ([]int64, error) {
	capacity, taken, err := seats(tx, eventID)
	if err != nil {
		return nil, err
	}
	free := -1 // no limit: everyone waiting gets a seat
	if capacity > 0 {
		free = capacity - taken
		if free <= 0 {
			return nil, nil
		}
	}
	ids, err := idlist.Query(tx, `SELECT id FROM training_registrations WHERE event_id=? AND status='waitlisted'
		ORDER BY queue LIMIT ?`, eventID, free)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, err := tx.Exec(`UPDATE training_registrations SET status='registered' WHERE id=?`, id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// SettleSeats gives seats freed outside the tracker, such as by a person
// deleted from the directory, to the waitlist in order, and returns the ids
// of the registrations promoted.
func (s *Store) SettleSeats(eventID int64) (promoted []int64, err error) {
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		promoted, err = fillSeats(tx, eventID)
		return err
	})
	return promoted, err
}

// Cancel gives up a registration (a seat or a place on the waitlist). A
// freed seat goes to the first person on the waitlist, whose registration id
// is returned (0 when nobody was promoted). Canceling what is already
// canceled changes nothing, so two clerks canceling the same seat at once
// promote one person, not two.
func (s *Store) Cancel(registrationID int64) (promoted int64, err error) {
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		var eventID int64
		var status Status
		err := tx.QueryRow(`SELECT event_id, status FROM training_registrations WHERE id=?`, registrationID).
			Scan(&eventID, &status)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("registration %d: %w", registrationID, ErrNotFound)
		}
		if err != nil || status == Cancelled {
			return err
		}
		ids, err := cancelRegistration(tx, registrationID, eventID)
		if len(ids) > 0 {
			promoted = ids[0]
		}
		return err
	})
	return promoted, err
}

// cancelRegistration cancels one registration of an event and gives the
// freed seat to the waitlist; it returns the ids promoted.
func cancelRegistration(tx *sql.Tx, id, eventID int64) ([]int64, error) {
	if _, err := tx.Exec(`UPDATE training_registrations SET status='cancelled', attendance='', checked_in_at=''
		WHERE id=?`, id); err != nil {
		return nil, err
	}
	return fillSeats(tx, eventID)
}

// CancelFor cancels a person's registration for an event.
func (s *Store) CancelFor(eventID, contactID int64) (promoted int64, err error) {
	r, err := s.RegistrationFor(eventID, contactID)
	if err != nil {
		return 0, err
	}
	return s.Cancel(r.ID)
}

// SetAttendance records check-in (Attended), a no-show, or clears it
// (NotMarked). Only a seat holder can attend.
func (s *Store) SetAttendance(registrationID int64, a Attendance) error {
	switch a {
	case NotMarked, Attended, NoShow:
	default:
		return fmt.Errorf("%q is not an attendance value", a)
	}
	res, err := s.db.Exec(`UPDATE training_registrations SET attendance=?, checked_in_at=?
		WHERE id=? AND status='registered'`, string(a), checkedStamp(a, s.now()), registrationID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotSeated
	}
	return nil
}

// CheckIn marks a person present at an event. A person without a sign-up
// who walks in takes a free seat; when the session is full, a walk-in (or a
// person still on the waitlist) gets ErrFull.
func (s *Store) CheckIn(eventID, contactID int64) (Registration, error) {
	var id int64
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var status Status
		err := tx.QueryRow(`SELECT id, status FROM training_registrations WHERE event_id=? AND contact_id=?`,
			eventID, contactID).Scan(&id, &status)
		if errors.Is(err, sql.ErrNoRows) || status == Cancelled {
			id, status, err = register(tx, eventID, contactID, s.now())
		}
		if err != nil {
			return err
		}
		if status != Registered {
			return ErrFull
		}
		_, err = tx.Exec(`UPDATE training_registrations SET attendance='attended', checked_in_at=? WHERE id=?`,
			stamp(s.now()), id)
		return err
	})
	if err != nil {
		return Registration{}, err
	}
	return s.Registration(id)
}

// Registration reads one registration.
func (s *Store) Registration(id int64) (Registration, error) {
	r, err := scanRegistration(s.db.QueryRow(`SELECT `+registrationColumns+` FROM `+registrationFrom+
		` WHERE r.id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("registration %d: %w", id, ErrNotFound)
	}
	return r, err
}

// RegistrationFor reads a person's registration for an event.
func (s *Store) RegistrationFor(eventID, contactID int64) (Registration, error) {
	r, err := scanRegistration(s.db.QueryRow(`SELECT `+registrationColumns+` FROM `+registrationFrom+
		` WHERE r.event_id=? AND r.contact_id=?`, eventID, contactID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotSeated
	}
	return r, err
}

// Roster lists an event's registrations: seat holders in order of sign-up,
// then the waitlist in order, then cancellations.
func (s *Store) Roster(eventID int64) ([]Registration, error) {
	return s.registrations(`WHERE r.event_id=? ORDER BY CASE r.status WHEN 'registered' THEN 0
		WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queue`, eventID)
}

// AllRegistrations lists every registration, by event start then roster order.
func (s *Store) AllRegistrations() ([]Registration, error) {
	return s.registrations(`JOIN training_events e ON e.id = r.event_id ORDER BY e.starts_at, e.id,
		CASE r.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queue`)
}

func (s *Store) registrations(tail string, args ...any) ([]Registration, error) {
	rows, err := s.db.Query(`SELECT `+registrationColumns+` FROM `+registrationFrom+` `+tail, args...)
	if err != nil {
		return nil, fmt.Errorf("reading registrations: %w", err)
	}
	defer rows.Close()
	var list []Registration
	for rows.Next() {
		r, err := scanRegistration(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}
