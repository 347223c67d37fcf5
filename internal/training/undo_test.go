package training

import (
	"testing"
	"time"
)

func TestUndoCancelGivesTheSeatBackAndTheWaitlistItsPlace(t *testing.T) {
	s, conn := openStore(t)
	start := time.Date(2019, 11, 5, 10, 0, 0, 0, time.UTC)
	e, err := s.CreateEvent(Event{Title: "Tabletop", Kind: InPerson, Start: start, End: start.Add(time.Hour), Capacity: 1})
	if err != nil {
		t.Fatal(err)
	}
	ana := addContact(t, conn, "person", "Ana Núñez", "county", 0)
	pao := addContact(t, conn, "person", "Pao Xiong", "county", 0)
	seat, _ := s.Register(e.ID, ana)
	waiting, _ := s.Register(e.ID, pao)
	if err := s.SetAttendance(seat.ID, Attended); err != nil {
		t.Fatal(err)
	}
	seat, _ = s.Registration(seat.ID)

	promoted, err := s.Cancel(seat.ID)
	if err != nil || promoted != waiting.ID {
		t.Fatalf("cancel promoted %d (%v)", promoted, err)
	}
	if err := s.UndoCancel(seat, promoted); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Registration(seat.ID)
	p, _ := s.Registration(waiting.ID)
	if a.Status != Registered || a.Attendance != Attended || a.CheckedInAt.IsZero() || p.Status != Waitlisted {
		t.Errorf("after undo: Ana %s/%s, Pao %s", a.Status, a.Attendance, p.Status)
	}
	if err := s.UndoCancel(seat, promoted); err != ErrNotUndoable {
		t.Errorf("a second undo: %v", err)
	}
}

func TestRestoreSignUpsAfterAPersonIsPutBack(t *testing.T) {
	s, conn := openStore(t)
	start := time.Date(2019, 11, 5, 10, 0, 0, 0, time.UTC)
	e, _ := s.CreateEvent(Event{Title: "Webinar", Kind: LiveWebinar, Start: start, End: start.Add(time.Hour), Capacity: 1})
	ana := addContact(t, conn, "person", "Ana Núñez", "county", 0)
	pao := addContact(t, conn, "person", "Pao Xiong", "county", 0)
	if _, err := s.Register(e.ID, ana); err != nil {
		t.Fatal(err)
	}
	regs, err := s.SignUpsOf(ana)
	if err != nil || len(regs) != 1 {
		t.Fatalf("sign-ups %v (%v)", regs, err)
	}
	if _, err := conn.Exec(`DELETE FROM contacts WHERE id = ?`, ana); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Register(e.ID, pao); err != nil { // takes the seat freed meanwhile
		t.Fatal(err)
	}
	back := addContact(t, conn, "person", "Ana Núñez again", "county", 0)
	if err := s.RestoreSignUps(back, regs); err != nil {
		t.Fatal(err)
	}
	r, err := s.RegistrationFor(e.ID, back)
	if err != nil || r.UUID != regs[0].UUID || r.Status != Waitlisted {
		t.Errorf("put back as %+v (%v), want the same UUID, first on the waitlist", r, err)
	}
}
