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

// A person imported into the directory without a level ("other") works at
// the level of their office: a county clerk's staff member is covered by a
// county requirement instead of silently left out of the report.
func TestCompliancePersonWithoutLevelTakesOfficeLevel(t *testing.T) {
	s, conn := openStore(t)
	org := addContact(t, conn, "organization", "Lakeshore County Clerk", "county", 0)
	addContact(t, conn, "person", "Ana Nunez", "", org)
	addContact(t, conn, "person", "Freelance Helper", "", 0)
	if _, err := s.SaveRequirement(Requirement{Name: "Subgrant", Kinds: []Kind{InPerson}, MinSessions: 1,
		Levels: []string{"county"}}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Compliance(day("2019-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, st := range rep.People {
		covered[st.Person.Name] = st.Covered()
	}
	if !covered["Ana Nunez"] || covered["Freelance Helper"] {
		t.Fatalf("covered %v", covered)
	}
}
