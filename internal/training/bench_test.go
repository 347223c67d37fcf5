package training_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/training"
)

// The benchmark county: 2,000 people in 40 offices, 1,000 sessions over
// five years, and 20,000 sign-ups (10 a person), of which about 70% attended.
const (
	benchPeople   = 2000
	benchEvents   = 1000
	benchPerHead  = 10
	benchSignUps  = benchPeople * benchPerHead
	benchOffices  = 40
	benchPeriodic = 7 // every seventh session is small, so waitlists form
)

var benchStart = time.Date(2019, 1, 7, 10, 0, 0, 0, time.UTC)

func benchOpen(b *testing.B) (*sql.DB, string) {
	path := filepath.Join(b.TempDir(), "binder.db")
	conn, err := db.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close() })
	return conn, path
}

// benchDirectory adds the people through the contacts package's import.
func benchDirectory(b *testing.B, conn *sql.DB) {
	var csv strings.Builder
	csv.WriteString("Name,Title,Organization,Level,Email\n")
	for i := range benchPeople {
		level := "county"
		if i%2 == 1 {
			level = "municipal"
		}
		fmt.Fprintf(&csv, "Trainee %04d,Clerk,Office %02d,%s,trainee%04d@bench.example.gov\n", i, i%benchOffices, level, i)
	}
	dir := contacts.NewStore(conn)
	recs, err := contacts.ReadCSV(csv.String())
	if err != nil {
		b.Fatal(err)
	}
	plan, err := dir.PlanImport(contacts.Source{Name: "bench.csv", Records: recs})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := dir.ApplyImport(plan); err != nil {
		b.Fatal(err)
	}
}

func benchSessions() []training.Event {
	loc, _ := time.LoadLocation("America/Chicago")
	events := make([]training.Event, benchEvents)
	for i := range events {
		start := benchStart.AddDate(0, 0, i*9/5).In(loc)
		e := training.Event{UUID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Title: fmt.Sprintf("Session %04d", i),
			Kind: training.Kinds[i%3], Start: start, End: start.Add(2 * time.Hour), TimeZone: "America/Chicago",
			Capacity: 50, CreditHours: float64(1 + i%3), Address: "100 Main Street\nLakeshore, WI"}
		if i%benchPeriodic == 0 {
			e.Capacity = 12
		}
		events[i] = e
	}
	return events
}

// benchRoster signs each person up for ten sessions spread over the years.
func benchRoster() string {
	var csv strings.Builder
	csv.WriteString("event_uuid,email,attendance\n")
	marks := []string{"attended", "attended", "attended", "attended", "attended", "attended", "attended", "no-show", "", ""}
	for p := range benchPeople {
		for k := range benchPerHead {
			ev := (p*37 + k*101) % benchEvents
			fmt.Fprintf(&csv, "00000000-0000-4000-8000-%012d,trainee%04d@bench.example.gov,%s\n", ev, p, marks[(p+k)%len(marks)])
		}
	}
	return csv.String()
}

func benchRequirements() []training.Requirement {
	return []training.Requirement{
		{Name: "Subgrant: in person", Kinds: []training.Kind{training.InPerson}, MinSessions: 1,
			Deadline: time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), Levels: []string{"county", "municipal"}},
		{Name: "Hours per term", Kinds: training.Kinds, MinHours: 6, StartsOn: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC),
			TermYears: 2, Levels: []string{"county", "municipal"}},
	}
}

// benchCounty builds the whole benchmark county once per benchmark.
func benchCounty(b *testing.B) (*training.Store, *sql.DB) {
	b.Helper()
	conn, _ := benchOpen(b)
	benchDirectory(b, conn)
	s := training.NewStore(conn)
	if _, err := s.ImportEvents(benchSessions()); err != nil {
		b.Fatal(err)
	}
	// A roster line whose session is full lands on the waitlist and cannot be marked present.
	roster := benchRoster()
	if n, err := s.ImportRosterCSV(strings.NewReader(roster)); err != nil {
		if _, err := s.ImportRosterCSV(strings.NewReader(dropAttendanceOfFull(b, err, roster))); err != nil {
			b.Fatal(err)
		}
	} else if n != benchSignUps {
		b.Fatalf("imported %d", n)
	}
	for _, r := range benchRequirements() {
		if _, err := s.SaveRequirement(r); err != nil {
			b.Fatal(err)
		}
	}
	return s, conn
}

// dropAttendanceOfFull clears the attendance of the lines the import
// refused because their person waits for a seat.
func dropAttendanceOfFull(b *testing.B, err error, roster string) string {
	lines := strings.Split(roster, "\n")
	for _, problem := range strings.Split(err.Error(), "\n")[1:] {
		var n int
		if _, scanErr := fmt.Sscanf(problem, "line %d:", &n); scanErr != nil || !strings.Contains(problem, "waitlist") {
			b.Fatalf("unexpected roster problem %q", problem)
		}
		lines[n-1] = strings.TrimSuffix(strings.TrimSuffix(lines[n-1], "attended"), "no-show")
	}
	return strings.Join(lines, "\n")
}

func BenchmarkComplianceAll(b *testing.B) {
	s, _ := benchCounty(b)
	asOf := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		rep, err := s.Compliance(asOf)
		if err != nil || len(rep.People) != benchPeople {
			b.Fatalf("%d people, %v", len(rep.People), err)
		}
	}
}

func BenchmarkEventsList(b *testing.B) {
	s, _ := benchCounty(b)
	b.ResetTimer()
	for b.Loop() {
		list, err := s.Events("")
		if err != nil || len(list) != benchEvents {
			b.Fatalf("%d sessions, %v", len(list), err)
		}
	}
}

func BenchmarkRoster(b *testing.B) {
	s, _ := benchCounty(b)
	list, _ := s.Events("")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := s.Roster(list[i%len(list)].ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegisterCancel signs a person up for a full session (waitlist)
// and cancels a seat holder, which promotes them: two transactions.
func BenchmarkRegisterCancel(b *testing.B) {
	s, _ := benchCounty(b)
	full, _ := s.Events("Session 0000")
	people, _ := s.People("", 0)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := people[i%len(people)]
		if _, err := s.Register(full[0].ID, p.ID); err != nil {
			continue // already signed up: skip
		}
		roster, _ := s.Roster(full[0].ID)
		if _, err := s.Cancel(roster[0].ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRosterImport20000(b *testing.B) {
	roster := benchRoster()
	for b.Loop() {
		b.StopTimer()
		conn, _ := benchOpen(b)
		benchDirectory(b, conn)
		s := training.NewStore(conn)
		if _, err := s.ImportEvents(benchSessions()); err != nil {
			b.Fatal(err)
		}
		noMarks := strings.NewReplacer(",attended\n", ",\n", ",no-show\n", ",\n").Replace(roster)
		b.StartTimer()
		if n, err := s.ImportRosterCSV(strings.NewReader(noMarks)); err != nil || n != benchSignUps {
			b.Fatalf("imported %d: %v", n, err)
		}
	}
}

func BenchmarkExportICS(b *testing.B) {
	s, _ := benchCounty(b)
	b.ResetTimer()
	for b.Loop() {
		if err := s.ExportICS(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportICS(b *testing.B) {
	s, _ := benchCounty(b)
	var buf bytes.Buffer
	if err := s.ExportICS(&buf); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := s.ImportICS(bytes.NewReader(buf.Bytes()))
		if err != nil || res.Updated != benchEvents {
			b.Fatalf("%+v %v", res, err)
		}
	}
}

func BenchmarkCompliancePDF(b *testing.B) {
	_, conn := benchCounty(b)
	out := filepath.Join(b.TempDir(), "report.pdf")
	asOf := time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		if err := binder.PrintComplianceReport(conn, asOf, 0, out); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSignInSheet(b *testing.B) {
	s, conn := benchCounty(b)
	webinar, _ := s.Events("Session 0001") // a 50-seat session
	out := filepath.Join(b.TempDir(), "signin.pdf")
	b.ResetTimer()
	for b.Loop() {
		if err := binder.PrintSignInSheet(conn, webinar[0].ID, out); err != nil {
			b.Fatal(err)
		}
	}
}
