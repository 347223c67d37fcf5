package training

import (
	"database/sql"
	"errors"
	"fmt"

	"electionbinder/internal/db"
)

// SignUpsOf lists every registration of a person, so that they can be put
// back with RestoreSignUps if deleting the person is undone.
func (s *Store) SignUpsOf(contactID int64) ([]Registration, error) {
	return s.registrations(`WHERE r.contact_id=? ORDER BY r.id`, contactID)
}

// RestoreSignUps puts back the registrations of a person deleted and put
// back in the directory (under a new id) with their UUIDs and places in
// line. A seat given away since goes back to the waitlist, first in line.
func (s *Store) RestoreSignUps(contactID int64, regs []Registration) error {
	return db.InTx(s.db, func(tx *sql.Tx) error {
		for _, r := range regs {
			status, err := statusNow(tx, r)
			if err != nil {
				return err
			}
			attendance, checked := r.Attendance, ""
			if status != Registered {
				attendance = NotMarked
			} else if !r.CheckedInAt.IsZero() {
				checked = stamp(r.CheckedInAt)
			}
			_, err = tx.Exec(`INSERT INTO training_registrations(uuid, event_id, contact_id, status, queue, attendance,
				signed_up_at, checked_in_at) VALUES(?,?,?,?,?,?,?,?)`, r.UUID, r.EventID, contactID, string(status),
				r.Queue, string(attendance), stamp(r.SignedUpAt), checked)
			if err != nil {
				return fmt.Errorf("putting back the sign-up for session %d: %w", r.EventID, err)
			}
		}
		return nil
	})
}

// statusNow is the status a registration put back can have: its seat if
// one is free, otherwise the waitlist.
func statusNow(tx *sql.Tx, r Registration) (Status, error) {
	if r.Status != Registered {
		return r.Status, nil
	}
	capacity, taken, err := seats(tx, r.EventID)
	if err != nil {
		return "", err
	}
	if capacity > 0 && taken >= capacity {
		return Waitlisted, nil
	}
	return Registered, nil
}

// ErrNotUndoable says a cancellation can no longer be undone: the person
// signed up again since, or the one who got the seat has been checked in.
var ErrNotUndoable = errors.New("this can no longer be undone: the sign-ups changed since")

// UndoCancel takes back the cancellation of before (the registration as it
// was): the person who got the freed seat (promoted, 0 for none) goes back
// to the head of the waitlist, and the seat, place in line and check-in are
// given back.
func (s *Store) UndoCancel(before Registration, promoted int64) error {
	return db.InTx(s.db, func(tx *sql.Tx) error {
		var status Status
		if err := tx.QueryRow(`SELECT status FROM training_registrations WHERE id=?`, before.ID).Scan(&status); err != nil {
			return err
		}
		if status != Cancelled {
			return ErrNotUndoable
		}
		if promoted != 0 {
			res, err := tx.Exec(`UPDATE training_registrations SET status='waitlisted' WHERE id=? AND status='registered'
				AND attendance=''`, promoted)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return ErrNotUndoable
			}
		}
		now, err := statusNow(tx, before)
		if err != nil {
			return err
		}
		attendance, checked := before.Attendance, ""
		if now != Registered {
			attendance = NotMarked
		} else if !before.CheckedInAt.IsZero() {
			checked = stamp(before.CheckedInAt)
		}
		_, err = tx.Exec(`UPDATE training_registrations SET status=?, queue=?, attendance=?, checked_in_at=? WHERE id=?`,
			string(now), before.Queue, string(attendance), checked, before.ID)
		return err
	})
}
