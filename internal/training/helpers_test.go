package training

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
)

// openStore opens a fresh binder database file and a Store over it whose
// clock reads 1 October 2019.
func openStore(t testing.TB) (*Store, *sql.DB) {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	s := NewStore(conn)
	s.now = func() time.Time { return time.Date(2019, 10, 1, 12, 0, 0, 0, time.UTC) }
	return s, conn
}

// addContact adds a person (kind "person") or an organization to the
// directory through the contacts package.
func addContact(t testing.TB, conn *sql.DB, kind, name, level string, orgID int64) int64 {
	t.Helper()
	c, err := contacts.NewStore(conn).Create(contacts.Contact{Kind: contacts.Kind(kind), Name: name,
		Level: contacts.Level(level), OrgID: orgID, Email: emailFor(name), Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func emailFor(name string) string {
	b := []byte{}
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b = append(b, byte(r|0x20))
		}
	}
	return string(b) + "@example.gov"
}

// addPeople adds n county people to an office and returns their ids.
func addPeople(t testing.TB, conn *sql.DB, office string, n int) []int64 {
	t.Helper()
	org := addContact(t, conn, "organization", office, "county", 0)
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = addContact(t, conn, "person", office+" clerk "+string(rune('A'+i%26))+string(rune('a'+i/26%26)), "county", org)
	}
	return ids
}

var central = mustZone("America/Chicago")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// addEvent saves an event of a kind on a day at 10:00 Central, two hours long.
func addEvent(t testing.TB, s *Store, title string, kind Kind, day string, capacity int, hours float64) Event {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", central)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.CreateEvent(Event{Title: title, Kind: kind, Start: d, End: d.Add(2 * time.Hour),
		TimeZone: "America/Chicago", Capacity: capacity, CreditHours: hours})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func mustRegister(t testing.TB, s *Store, eventID, contactID int64) Registration {
	t.Helper()
	r, err := s.Register(eventID, contactID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func day(s string) time.Time {
	d, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}
