package training

import (
	"errors"
	"fmt"
	"time"

	"electionbinder/internal/contacts"
)

// announcedSessions are the sessions of the state's 2019 announcement of
// election-security communications training, as facts: a live webinar for
// up to 500 and three in-person exercises for up to 50 each.
func announcedSessions() []Event {
	central := mustLocation(DefaultTimeZone)
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, central) }
	const organizer = "Wisconsin Elections Commission"
	const register = "https://elections.wi.gov/clerks/education-training/schedule"
	return []Event{
		{UUID: eventUUID("wec-2019-11-04-webinar"), Title: "Election security communications webinar", Kind: LiveWebinar,
			Start: at(2019, 11, 4, 10, 0), End: at(2019, 11, 4, 11, 0), Capacity: 500, CreditHours: 1, Organizer: organizer,
			Notes: "Introduces the communications toolkit. The recording is posted to the state's learning center afterwards. " +
				"Does not count as the in-person training the security subgrant asks for."},
		{UUID: eventUUID("wec-2019-11-11-milwaukee"), Title: "Security communications exercise — Milwaukee", Kind: InPerson,
			Start: at(2019, 11, 11, 10, 0), End: at(2019, 11, 11, 12, 0), Capacity: 50, CreditHours: 2, Organizer: organizer,
			Address: "1901 S. Kinnickinnic Avenue\nMilwaukee, WI 53204", RegistrationURL: register,
			Directions: "Drive along the lane to the back of the building and park in the rear lot, not the front one; " +
				"go in by the doors at the top of the ramp."},
		{UUID: eventUUID("wec-2019-11-12-la-crosse"), Title: "Security communications exercise — La Crosse", Kind: InPerson,
			Start: at(2019, 11, 12, 13, 0), End: at(2019, 11, 12, 15, 0), Capacity: 50, CreditHours: 2, Organizer: organizer,
			Address: "Administrative Center, 212 6th Street N\nLa Crosse, WI 54601", Room: "Basement auditorium, room 0430",
			RegistrationURL: register},
		{UUID: eventUUID("wec-2019-12-06-madison"), Title: "Security communications exercise — Madison", Kind: InPerson,
			Start: at(2019, 12, 6, 10, 0), End: at(2019, 12, 6, 12, 0), Capacity: 50, CreditHours: 2, Organizer: organizer,
			Address: "Lussier Family Heritage Center, 3101 Lake Farm Road\nMadison, WI 53711", RegistrationURL: register},
	}
}

// sampleSession is a made-up upcoming session of the sample county, small
// enough that its waitlist shows.
func sampleSession(now time.Time) Event {
	central := mustLocation(DefaultTimeZone)
	d := now.In(central).AddDate(0, 0, 21)
	start := time.Date(d.Year(), d.Month(), d.Day(), 9, 0, 0, 0, central)
	return Event{UUID: eventUUID("sample-county-tabletop"), Title: "Incident tabletop exercise (sample)", Kind: InPerson, Start: start, End: start.Add(3 * time.Hour),
		Capacity: 10, CreditHours: 3, Organizer: "Lakeshore County Clerk (sample)",
		Address: "100 Main Street\nLakeshore, WI 54000", Room: "County board room (sample)",
		Notes: "A made-up session of the sample county."}
}

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// sampleRequirements are the rules the demo checks: the subgrant's
// in-person rule from the announcement, and an example of hours per term.
func sampleRequirements() []Requirement {
	return []Requirement{
		{Name: "In-person election security training (security subgrant)", Kinds: []Kind{InPerson}, MinSessions: 1,
			Levels:      []string{"county", "municipal"},
			Description: "Recipients of the Election Security Subgrant must attend an in-person session; a webinar, live or recorded, does not count."},
		{Name: "Election training hours per two-year term (sample)", Kinds: Kinds, MinHours: 6,
			StartsOn: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), TermYears: 2, Levels: []string{"county", "municipal"},
			Description: "An example rule: set the hours and the term your state asks for."},
		{Name: "Tabletop exercise of the plan each year (sample)", Kinds: []Kind{Exercise}, MinSessions: 1,
			StartsOn: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), TermYears: 1, Levels: []string{"county"},
			Description: "An example rule: county staff take part in an exercise of the contingency plan once a year."},
	}
}

// LoadSample adds the announced sessions, the sample requirements and a
// sample session, and signs up people of the directory: some attend, some
// miss a session, one cancels, and the small session fills and has a
// waitlist. People are looked up in the directory; when it holds none,
// a few made-up clerks are added to it first.
func (s *Store) LoadSample(now time.Time) error {
	people, err := s.People("", 0)
	if err != nil {
		return err
	}
	if len(people) < 4 {
		if people, err = s.addSampleTrainees(); err != nil {
			return err
		}
	}
	res, err := s.ImportEvents(append(announcedSessions(), sampleSession(now)))
	if err != nil {
		return err
	}
	existing, err := s.Requirements()
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, r := range existing {
		known[r.Name] = true
	}
	for _, r := range sampleRequirements() {
		if known[r.Name] {
			continue
		}
		if _, err := s.SaveRequirement(r); err != nil {
			return err
		}
	}
	return s.sampleSignUps(res.IDs, people)
}

// addSampleTrainees puts made-up municipal clerks into the directory.
func (s *Store) addSampleTrainees() ([]Person, error) {
	dir := contacts.NewStore(s.db)
	org, err := dir.Create(contacts.Contact{Kind: contacts.Organization, Name: "Town of Pine Bluff (sample)",
		Level: contacts.Municipal, Active: true})
	if err != nil {
		return nil, err
	}
	for _, n := range []string{"Ana Núñez", "Pao Xiong", "Grace Okafor", "Tomasz Wiśniewski", "Jolene Red Bird", "Chen Wei"} {
		if _, err := dir.Create(contacts.Contact{Kind: contacts.Person, Name: n, Title: "Clerk (sample)", OrgID: org.ID,
			Level: contacts.Municipal, Active: true}); err != nil {
			return nil, err
		}
	}
	return s.People("", 0)
}

// sampleSignUps registers and checks in the trainees (those of county and
// municipal offices first) across the sessions.
func (s *Store) sampleSignUps(events []int64, everyone []Person) error {
	var people []Person
	for _, p := range everyone {
		if p.Level == "county" || p.Level == "municipal" {
			people = append(people, p)
		}
	}
	if len(people) < 4 {
		people = everyone
	}
	webinar, milwaukee, laCrosse, madison, tabletop := events[0], events[1], events[2], events[3], events[4]
	n := len(people)
	steps := []struct {
		event    int64
		from, to int // people[from:to]
		attended int // the first this many attend
	}{
		{webinar, 0, min(n, 9), min(n, 7)},
		{milwaukee, 0, min(n, 3), min(n, 2)},
		{laCrosse, 3, min(n, 5), min(n, 4) - 3},
		{madison, 5, min(n, 8), min(n, 8) - 5},
		{tabletop, 0, n, 0},
	}
	for _, st := range steps {
		for i := st.from; i < st.to; i++ {
			if err := s.sampleSignUp(st.event, people[i].ID, i-st.from < st.attended); err != nil {
				return fmt.Errorf("signing up %s: %w", people[i].Name, err)
			}
		}
	}
	if n > 4 { // one cancels La Crosse
		if _, err := s.CancelFor(laCrosse, people[4].ID); err != nil && !errors.Is(err, ErrNotSeated) {
			return err
		}
	}
	return nil
}

func (s *Store) sampleSignUp(event, person int64, attended bool) error {
	r, err := s.Register(event, person)
	if errors.Is(err, ErrAlreadyInside) {
		return nil // loaded before
	}
	if err != nil {
		return err
	}
	e, err := s.Event(event)
	if err != nil || e.End.After(s.now()) || r.Status != Registered {
		return err
	}
	a := NoShow
	if attended {
		a = Attended
	}
	return s.SetAttendance(r.ID, a)
}
