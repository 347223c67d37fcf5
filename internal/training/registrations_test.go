package training

import (
	"errors"
	"sync"
	"testing"

	"electionbinder/internal/db"
)

func statuses(t *testing.T, s *Store, eventID int64) (seated, waiting []int64) {
	t.Helper()
	roster, err := s.Roster(eventID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range roster {
		switch r.Status {
		case Registered:
			seated = append(seated, r.ContactID)
		case Waitlisted:
			waiting = append(waiting, r.ContactID)
		}
	}
	return seated, waiting
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCapacityAndWaitlistOrder(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 6)
	e := addEvent(t, s, "Milwaukee session", InPerson, "2019-11-11", 3, 2)
	for i, p := range people {
		r := mustRegister(t, s, e.ID, p)
		want := Registered
		if i >= 3 {
			want = Waitlisted
		}
		if r.Status != want {
			t.Errorf("person %d: status %s, want %s", i, r.Status, want)
		}
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, people[:3]) || !equalIDs(waiting, people[3:]) {
		t.Fatalf("seated %v waiting %v, want %v and %v", seated, waiting, people[:3], people[3:])
	}
	sum, err := s.Summary(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Registered != 3 || sum.Waitlisted != 3 || sum.SeatsLeft() != 0 {
		t.Errorf("summary %+v", sum)
	}
}

func TestNoLimitSeatsEveryone(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 4)
	e := addEvent(t, s, "Webinar", LiveWebinar, "2019-11-04", 0, 1)
	for _, p := range people {
		if r := mustRegister(t, s, e.ID, p); r.Status != Registered {
			t.Errorf("status %s with no limit", r.Status)
		}
	}
}

func TestCancelPromotesFirstOnWaitlistOnce(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 5)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	var regs []Registration
	for _, p := range people {
		regs = append(regs, mustRegister(t, s, e.ID, p))
	}
	promoted, err := s.Cancel(regs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if promoted != regs[2].ID {
		t.Fatalf("promoted %d, want the first in line %d", promoted, regs[2].ID)
	}
	again, err := s.Cancel(regs[0].ID)
	if err != nil || again != 0 {
		t.Fatalf("second cancel promoted %d (err %v), want nobody", again, err)
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, []int64{people[1], people[2]}) || !equalIDs(waiting, people[3:]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
	// Leaving the waitlist frees no seat and promotes nobody.
	if p, err := s.Cancel(regs[4].ID); err != nil || p != 0 {
		t.Fatalf("canceling a waitlisted place promoted %d (err %v)", p, err)
	}
	// Signing up again after canceling puts a person at the end of the line.
	if r := mustRegister(t, s, e.ID, people[0]); r.Status != Waitlisted {
		t.Fatalf("re-registration status %s, want waitlisted", r.Status)
	}
	_, waiting = statuses(t, s, e.ID)
	if !equalIDs(waiting, []int64{people[3], people[0]}) {
		t.Fatalf("waitlist %v, want %v", waiting, []int64{people[3], people[0]})
	}
}

// Many clerks cancel the same seat at once: one person is promoted, once.
func TestConcurrentCancelOfOneSeatPromotesOnce(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 8)
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 2, 2)
	var regs []Registration
	for _, p := range people {
		regs = append(regs, mustRegister(t, s, e.ID, p))
	}
	const racers = 12
	promoted := make([]int64, racers)
	errs := make([]error, racers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			promoted[i], errs[i] = s.Cancel(regs[0].ID)
		}()
	}
	close(start)
	wg.Wait()
	count := 0
	for i := range racers {
		if errs[i] != nil {
			t.Fatalf("racer %d: %v", i, errs[i])
		}
		if promoted[i] != 0 {
			count++
			if promoted[i] != regs[2].ID {
				t.Errorf("promoted %d, want %d", promoted[i], regs[2].ID)
			}
		}
	}
	if count != 1 {
		t.Fatalf("%d promotions, want exactly 1", count)
	}
	seated, waiting := statuses(t, s, e.ID)
	if len(seated) != 2 || len(waiting) != 5 {
		t.Fatalf("seated %d waiting %d, want 2 and 5", len(seated), len(waiting))
	}
}

// Two seats canceled at once go to the first two in line.
func TestConcurrentCancelOfTwoSeatsPromotesTwoInOrder(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 6)
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 2, 2)
	var regs []Registration
	for _, p := range people {
		regs = append(regs, mustRegister(t, s, e.ID, p))
	}
	var wg sync.WaitGroup
	for _, r := range regs[:2] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.Cancel(r.ID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, people[2:4]) || !equalIDs(waiting, people[4:]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
}

// Sign-ups racing for the last seats never overbook, and nobody is seated twice.
func TestConcurrentRegistrationsNeverOverbook(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 30)
	e := addEvent(t, s, "Milwaukee", InPerson, "2019-11-11", 10, 2)
	var wg sync.WaitGroup
	for _, p := range people {
		for range 2 { // each person tries twice at once
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.Register(e.ID, p); err != nil && !errors.Is(err, ErrAlreadyInside) {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
	seated, waiting := statuses(t, s, e.ID)
	if len(seated) != 10 || len(waiting) != 20 {
		t.Fatalf("seated %d waiting %d, want 10 and 20", len(seated), len(waiting))
	}
}

func TestNoDoubleSeat(t *testing.T) {
	s, conn := openStore(t)
	p := addPeople(t, conn, "Office", 1)[0]
	e := addEvent(t, s, "Webinar", LiveWebinar, "2019-11-04", 500, 1)
	mustRegister(t, s, e.ID, p)
	if _, err := s.Register(e.ID, p); !errors.Is(err, ErrAlreadyInside) {
		t.Fatalf("second registration: %v, want ErrAlreadyInside", err)
	}
	if _, err := conn.Exec(`INSERT INTO training_registrations(uuid, event_id, contact_id, status, queue, signed_up_at)
		VALUES('x', ?, ?, 'registered', 99, '2019-10-01T00:00:00Z')`, e.ID, p); err == nil {
		t.Fatal("the database took a second seat for the same person")
	}
	sum, _ := s.Summary(e.ID)
	if sum.Registered != 1 {
		t.Fatalf("%d seats taken, want 1", sum.Registered)
	}
}

func TestOrganisationsCannotRegister(t *testing.T) {
	s, conn := openStore(t)
	org := addContact(t, conn, "organization", "County Clerk's Office", "county", 0)
	e := addEvent(t, s, "Webinar", LiveWebinar, "2019-11-04", 0, 1)
	if _, err := s.Register(e.ID, org); !errors.Is(err, ErrNotPerson) {
		t.Fatalf("got %v, want ErrNotPerson", err)
	}
}

func TestCheckInAndNoShow(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 3)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	r0 := mustRegister(t, s, e.ID, people[0])
	mustRegister(t, s, e.ID, people[1])
	if _, err := s.CheckIn(e.ID, people[0]); err != nil {
		t.Fatal(err)
	}
	// A walk-in finds the session full.
	if _, err := s.CheckIn(e.ID, people[2]); !errors.Is(err, ErrFull) {
		t.Fatalf("walk-in into a full session: %v, want ErrFull", err)
	}
	if err := s.SetAttendance(r0.ID, NoShow); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Registration(r0.ID)
	if got.Attendance != NoShow || !got.CheckedInAt.IsZero() {
		t.Fatalf("attendance %q checked in %v", got.Attendance, got.CheckedInAt)
	}
	// A waitlisted person cannot be marked present.
	mustRegister(t, s, e.ID, people[2])
	w, _ := s.RegistrationFor(e.ID, people[2])
	if err := s.SetAttendance(w.ID, Attended); !errors.Is(err, ErrNotSeated) {
		t.Fatalf("marking a waitlisted person: %v, want ErrNotSeated", err)
	}
}

func TestRaisingCapacityFillsFromWaitlist(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 5)
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 2, 2)
	for _, p := range people {
		mustRegister(t, s, e.ID, p)
	}
	e.Capacity = 4
	if err := s.UpdateEvent(e); err != nil {
		t.Fatal(err)
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, people[:4]) || !equalIDs(waiting, people[4:]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
}

func TestEventsUpcomingFirst(t *testing.T) {
	s, _ := openStore(t) // the clock reads 1 October 2019
	addEvent(t, s, "Past A", InPerson, "2019-06-01", 0, 1)
	addEvent(t, s, "Future B", InPerson, "2019-12-06", 0, 1)
	addEvent(t, s, "Past C", InPerson, "2019-09-01", 0, 1)
	addEvent(t, s, "Future A", LiveWebinar, "2019-11-04", 0, 1)
	list, err := s.Events("")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Title)
	}
	want := []string{"Future A", "Future B", "Past C", "Past A"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	found, _ := s.Events("future b")
	if len(found) != 1 || found[0].Title != "Future B" {
		t.Fatalf("search found %v", found)
	}
}

// The window and a command (two connections to one file) cancel the same
// seat at once: one promotion, not two.
func TestCancelFromTwoOpenersPromotesOnce(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 5)
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 2, 2)
	var regs []Registration
	for _, p := range people {
		regs = append(regs, mustRegister(t, s, e.ID, p))
	}
	var path string
	if err := conn.QueryRow(`SELECT file FROM pragma_database_list WHERE name = 'main'`).Scan(&path); err != nil {
		t.Fatal(err)
	}
	second, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	stores := []*Store{s, NewStore(second)}
	promoted := make([]int64, 2)
	var wg sync.WaitGroup
	for i, st := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if promoted[i], err = st.Cancel(regs[1].ID); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if (promoted[0] == 0) == (promoted[1] == 0) {
		t.Fatalf("promotions %v, want exactly one", promoted)
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, []int64{people[0], people[2]}) || !equalIDs(waiting, people[3:]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
}
