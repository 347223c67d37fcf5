package training

import (
	"errors"
	"testing"

	"electionbinder/internal/contacts"
)

// A seated person deleted from the directory frees the seat: the first on
// the waitlist takes it, not a newcomer who signs up later.
func TestDeletedPersonsSeatGoesToTheWaitlist(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 4)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	for _, p := range people[:3] {
		mustRegister(t, s, e.ID, p)
	}
	if err := contacts.NewStore(conn).Delete(people[0]); err != nil {
		t.Fatal(err)
	}
	late := mustRegister(t, s, e.ID, people[3])
	if late.Status != Waitlisted {
		t.Fatalf("the newcomer took the freed seat ahead of the waitlist: %s", late.Status)
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, people[1:3]) || !equalIDs(waiting, people[3:]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
}

// SettleSeats gives seats freed outside the tracker (a person deleted from
// the directory) to the waitlist, so the seat bar never shows a free seat
// while someone waits.
func TestSettleSeatsAfterPersonDeleted(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 3)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 1, 2)
	for _, p := range people {
		mustRegister(t, s, e.ID, p)
	}
	if err := contacts.NewStore(conn).Delete(people[0]); err != nil {
		t.Fatal(err)
	}
	promoted, err := s.SettleSeats(e.ID)
	if err != nil || len(promoted) != 1 {
		t.Fatalf("promoted %v, %v", promoted, err)
	}
	sum, _ := s.Summary(e.ID)
	if sum.Registered != 1 || sum.Waitlisted != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if again, _ := s.SettleSeats(e.ID); len(again) != 0 {
		t.Fatalf("settling twice promoted %v", again)
	}
}

// A person who attended a session stays in the directory: deleting them is
// refused in plain words and their attendance still counts.
func TestAttendedPersonCannotBeDeleted(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 2)
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 10, 2)
	for _, p := range people {
		mustRegister(t, s, e.ID, p)
	}
	if _, err := s.CheckIn(e.ID, people[0]); err != nil {
		t.Fatal(err)
	}
	dir := contacts.NewStore(conn)
	if err := dir.Delete(people[0]); !errors.Is(err, contacts.ErrHasAttendance) {
		t.Fatalf("deleting a person who attended: %v, want ErrHasAttendance", err)
	}
	if _, err := dir.Get(people[0]); err != nil {
		t.Fatalf("the person is gone: %v", err)
	}
	if err := dir.Delete(people[1]); err != nil {
		t.Fatalf("a person who only signed up could not be deleted: %v", err)
	}
	seated, _ := statuses(t, s, e.ID)
	if !equalIDs(seated, people[:1]) {
		t.Fatalf("seated after deletes: %v", seated)
	}
}
