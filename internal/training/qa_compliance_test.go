package training

import "testing"

// A report as of a day counts only what was attended by that day: a grant
// file dated 1 December does not show as met by a session of 6 December,
// nor by a check-in recorded ahead of a session still to come.
func TestComplianceAsOfIgnoresLaterSessions(t *testing.T) {
	s, conn := openStore(t)
	person := addPeople(t, conn, "Lakeshore County Clerk", 1)[0]
	if _, err := s.SaveRequirement(Requirement{Name: "Subgrant", Kinds: []Kind{InPerson}, MinSessions: 1,
		Deadline: day("2020-06-30"), Levels: []string{"county"}}); err != nil {
		t.Fatal(err)
	}
	e := addEvent(t, s, "Madison", InPerson, "2019-12-06", 50, 2)
	if _, err := s.CheckIn(e.ID, person); err != nil {
		t.Fatal(err)
	}
	before, err := s.Compliance(day("2019-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if r := before.People[0].Results[0]; r.Met || r.Sessions != 0 {
		t.Fatalf("as of 1 December: %+v", r)
	}
	after, _ := s.Compliance(day("2019-12-06"))
	if r := after.People[0].Results[0]; !r.Met {
		t.Fatalf("as of 6 December: %+v", r)
	}
}
