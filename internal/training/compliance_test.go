package training

import (
	"strings"
	"testing"
)

func subgrantRule() Requirement {
	return Requirement{Name: "In-person security training (subgrant)", Kinds: []Kind{InPerson}, MinSessions: 1,
		Deadline: day("2020-06-30"), Levels: []string{"county", "municipal"}}
}

func hoursRule() Requirement {
	return Requirement{Name: "Training hours per term", Kinds: []Kind{InPerson, LiveWebinar, RecordedWebinar},
		MinHours: 6, StartsOn: day("2018-01-01"), TermYears: 2, Levels: []string{"county", "municipal"}}
}

func attend(t *testing.T, s *Store, eventID, person int64) {
	t.Helper()
	if _, err := s.CheckIn(eventID, person); err != nil {
		t.Fatal(err)
	}
}

// resultFor finds a person's result for the requirement at index i.
func resultFor(t *testing.T, rep Report, person int64, i int) Result {
	t.Helper()
	for _, st := range rep.People {
		if st.Person.ID == person {
			return st.Results[i]
		}
	}
	t.Fatalf("person %d missing from the report", person)
	return Result{}
}

func TestSubgrantNeedsInPersonNotWebinar(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 4)
	if _, err := s.SaveRequirement(subgrantRule()); err != nil {
		t.Fatal(err)
	}
	live := addEvent(t, s, "Webinar", LiveWebinar, "2019-11-04", 500, 1)
	recorded := addEvent(t, s, "Webinar (recording)", RecordedWebinar, "2019-11-08", 0, 1)
	inPerson := addEvent(t, s, "Milwaukee", InPerson, "2019-11-11", 50, 2)
	attend(t, s, live.ID, people[0])
	attend(t, s, recorded.ID, people[1])
	attend(t, s, inPerson.ID, people[2])
	mustRegister(t, s, inPerson.ID, people[3]) // registered, never checked in

	rep, err := s.Compliance(day("2019-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		person int64
		met    bool
	}{
		{"live webinar only", people[0], false},
		{"recorded webinar only", people[1], false},
		{"attended in person", people[2], true},
		{"registered but absent", people[3], false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := resultFor(t, rep, tc.person, 0)
			if r.Met != tc.met {
				t.Fatalf("met %v, want %v (%+v)", r.Met, tc.met, r)
			}
			if !tc.met && !strings.Contains(r.Missing, "1 more in-person session") {
				t.Fatalf("missing %q", r.Missing)
			}
		})
	}
}

func TestHoursPerTwoYearTerm(t *testing.T) {
	s, conn := openStore(t)
	p := addPeople(t, conn, "Office", 1)[0]
	if _, err := s.SaveRequirement(hoursRule()); err != nil {
		t.Fatal(err)
	}
	// Term 2018–2019: 2 + 1 + 2 = 5 hours; the 2020 session belongs to the next term.
	for _, ev := range []struct {
		day   string
		kind  Kind
		hours float64
	}{{"2018-03-01", InPerson, 2}, {"2019-05-01", RecordedWebinar, 1}, {"2019-11-11", InPerson, 2}, {"2020-02-01", InPerson, 3}} {
		attend(t, s, addEvent(t, s, "Session "+ev.day, ev.kind, ev.day, 0, ev.hours).ID, p)
	}
	tests := []struct {
		asOf    string
		hours   float64
		met     bool
		due     string
		overdue bool
	}{
		{"2019-12-01", 5, false, "2019-12-31", false},
		{"2020-03-01", 3, false, "2021-12-31", false},
	}
	for _, tc := range tests {
		t.Run(tc.asOf, func(t *testing.T) {
			rep, err := s.Compliance(day(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			r := resultFor(t, rep, p, 0)
			if r.Hours != tc.hours || r.Met != tc.met || formatDate(r.Due) != tc.due || r.Overdue != tc.overdue {
				t.Fatalf("got %+v, want hours %v met %v due %s", r, tc.hours, tc.met, tc.due)
			}
		})
	}
	attend(t, s, addEvent(t, s, "Extra", LiveWebinar, "2019-12-10", 0, 1).ID, p)
	rep, _ := s.Compliance(day("2019-12-20"))
	if r := resultFor(t, rep, p, 0); !r.Met || r.Hours != 6 {
		t.Fatalf("after 6 hours: %+v", r)
	}
}

func TestDeadlines(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Office", 2)
	if _, err := s.SaveRequirement(subgrantRule()); err != nil { // due 2020-06-30
		t.Fatal(err)
	}
	attend(t, s, addEvent(t, s, "Late session", InPerson, "2020-07-15", 0, 2).ID, people[0])
	tests := []struct {
		asOf    string
		person  int64
		met     bool
		overdue bool
		missing string
	}{
		{"2020-06-01", people[1], false, false, "by 2020-06-30"},
		{"2020-07-01", people[1], false, true, "was due 2020-06-30"},
		{"2020-08-01", people[0], false, true, "was due 2020-06-30"}, // attended after the deadline
	}
	for _, tc := range tests {
		t.Run(tc.asOf, func(t *testing.T) {
			rep, err := s.Compliance(day(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			r := resultFor(t, rep, tc.person, 0)
			if r.Met != tc.met || r.Overdue != tc.overdue || !strings.HasSuffix(r.Missing, tc.missing) {
				t.Fatalf("got %+v, want met %v overdue %v missing ...%q", r, tc.met, tc.overdue, tc.missing)
			}
		})
	}
}

func TestComplianceByOfficeAndLevel(t *testing.T) {
	s, conn := openStore(t)
	county := addPeople(t, conn, "County Clerk", 2)
	town := addPeople(t, conn, "Town of Lake", 1)
	fed := addContact(t, conn, "person", "Federal Liaison", "federal", 0)
	if _, err := s.SaveRequirement(subgrantRule()); err != nil {
		t.Fatal(err)
	}
	attend(t, s, addEvent(t, s, "Milwaukee", InPerson, "2019-11-11", 50, 2).ID, county[0])
	rep, err := s.Compliance(day("2019-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if r := resultFor(t, rep, fed, 0); r.Applies {
		t.Fatalf("a federal partner is covered by a county rule: %+v", r)
	}
	tally := map[string]OfficeTally{}
	for _, o := range rep.Offices {
		tally[o.Office] = o
	}
	if c := tally["County Clerk"]; c.People != 2 || c.Covered[0] != 2 || c.Met[0] != 1 {
		t.Fatalf("county tally %+v", c)
	}
	if c := tally["Town of Lake"]; c.Covered[0] != 1 || c.Met[0] != 0 {
		t.Fatalf("town tally %+v", c)
	}
	_ = town
}

func TestRequirementValidation(t *testing.T) {
	s, _ := openStore(t)
	bad := []Requirement{
		{Name: "", Kinds: []Kind{InPerson}, MinSessions: 1, Levels: []string{"county"}},
		{Name: "No kinds", MinSessions: 1, Levels: []string{"county"}},
		{Name: "Nothing needed", Kinds: []Kind{InPerson}, Levels: []string{"county"}},
		{Name: "Term without start", Kinds: []Kind{InPerson}, MinHours: 6, TermYears: 2, Levels: []string{"county"}},
	}
	for _, r := range bad {
		if _, err := s.SaveRequirement(r); err == nil {
			t.Errorf("saved %+v", r)
		}
	}
	r, err := s.SaveRequirement(subgrantRule())
	if err != nil {
		t.Fatal(err)
	}
	r.MinSessions = 2
	r.Kinds = []Kind{InPerson, LiveWebinar}
	if _, err := s.SaveRequirement(r); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Requirement(r.ID)
	if got.MinSessions != 2 || !got.Counts(LiveWebinar) || formatDate(got.Deadline) != "2020-06-30" {
		t.Fatalf("saved %+v", got)
	}
	if _, err := s.SaveRequirement(subgrantRule()); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Fatalf("duplicate name: %v", err)
	}
}
