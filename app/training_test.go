package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/training"
)

// trainingFixture opens a binder with four county people, a past in-person
// session and an upcoming 2-seat one, and shows the Training screen.
func openTrainingScreen(t *testing.T) (*ui, *trainingScreen, map[string]int64) {
	t.Helper()
	path, conn := newTestDB(t)
	dir := contacts.NewStore(conn)
	office, err := dir.Create(contacts.Contact{Kind: contacts.Organization, Name: "Lakeshore County Clerk", Level: contacts.County, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	people := map[string]int64{}
	for _, n := range []string{"Ana Núñez", "Pao Xiong", "Grace Okafor", "Luis Ortega"} {
		c, err := dir.Create(contacts.Contact{Kind: contacts.Person, Name: n, OrgID: office.ID, Level: contacts.County, Active: true})
		if err != nil {
			t.Fatal(err)
		}
		people[n] = c.ID
	}
	store := training.NewStore(conn)
	central, _ := time.LoadLocation("America/Chicago")
	past := time.Date(2019, 11, 11, 10, 0, 0, 0, central)
	soon := time.Now().In(central).AddDate(0, 1, 0).Truncate(time.Hour)
	for _, e := range []training.Event{
		{Title: "Past exercise", Kind: training.InPerson, Start: past, End: past.Add(2 * time.Hour), Capacity: 50, CreditHours: 2},
		{Title: "Upcoming exercise", Kind: training.InPerson, Start: soon, End: soon.Add(2 * time.Hour), Capacity: 2, CreditHours: 2},
	} {
		if _, err := store.CreateEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := store.SaveRequirement(training.Requirement{Name: "Subgrant: in person", Kinds: []training.Kind{training.InPerson},
		MinSessions: 1, Levels: []string{"county"}}); err != nil {
		t.Fatal(err)
	}
	u := newTestWindow(t, path, conn)
	u.nav.showTitled("Training")
	s, ok := u.nav.current().(*trainingScreen)
	if !ok {
		t.Fatalf("the Training page shows %T", u.nav.current())
	}
	return u, s, people
}

// signUp finds a person by typing in the directory search and taps Sign up.
func signUp(t *testing.T, d *eventDetail, search string) {
	t.Helper()
	d.personSearch.SetText("")
	test.Type(d.personSearch, search)
	if len(d.people) != 1 || d.registerBtn.Disabled() {
		t.Fatalf("searching %q found %d people", search, len(d.people))
	}
	test.Tap(d.registerBtn)
}

func TestTrainingScreenSessionsSeatsAndWaitlist(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	if len(s.events) != 2 || s.events[0].Title != "Upcoming exercise" {
		t.Fatalf("sessions %v, want the upcoming one first", s.events)
	}
	d := s.detail
	if d.event.Title != "Upcoming exercise" || d.seatText.Text != "0 of 2 seats taken" {
		t.Fatalf("detail shows %q with %q", d.event.Title, d.seatText.Text)
	}
	signUp(t, d, "nunez") // the directory search ignores accents
	signUp(t, d, "pao")
	// Enter in the search signs up the one person found.
	d.personSearch.SetText("")
	test.Type(d.personSearch, "okafor")
	d.personSearch.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.seatText.Text != "2 of 2 seats taken · 1 on the waitlist" || d.seatBar.Value != 2 || d.seatBar.Max != 2 {
		t.Fatalf("seat bar %q (%v of %v)", d.seatText.Text, d.seatBar.Value, d.seatBar.Max)
	}
	if got := registrationState(d.roster[2], 2, d.roster); d.roster[2].Name != "Grace Okafor" || got != "Waitlist #1" {
		t.Fatalf("third sign-up %s is %q", d.roster[2].Name, got)
	}
	// Signing the same person up twice is refused in plain words.
	signUp(t, d, "pao")
	if !strings.Contains(u.status.label.Text, "already signed up") {
		t.Fatalf("status %q", u.status.label.Text)
	}
	// Cancelling a seat moves the waitlist up.
	d.rosterList.Select(0)
	test.Tap(d.cancelBtn)
	if !strings.HasSuffix(u.status.label.Text, "Grace Okafor moved from the waitlist to a seat.") {
		t.Fatalf("status %q", u.status.label.Text)
	}
	if d.event.Registered != 2 || d.event.Waitlisted != 0 {
		t.Fatalf("after cancelling: %d seated, %d waiting", d.event.Registered, d.event.Waitlisted)
	}
	if row := s.events[0]; seatsText(row) != "2/2" {
		t.Fatalf("list row says %q", seatsText(row))
	}
}

func TestTrainingScreenCheckInAndCompliance(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	s.list.Select(1) // the past session
	d := s.detail
	if d.event.Title != "Past exercise" {
		t.Fatalf("detail shows %q", d.event.Title)
	}
	signUp(t, d, "ortega")
	d.rosterList.Select(0)
	test.Tap(d.checkInBtn)
	if d.roster[0].Attendance != training.Attended || !d.checkInBtn.Disabled() {
		t.Fatalf("after check-in: %+v", d.roster[0])
	}
	// A walk-in takes a free seat and is checked in at once.
	d.personSearch.SetText("")
	test.Type(d.personSearch, "okafor")
	test.Tap(d.walkInBtn)
	if d.event.Attended != 2 {
		t.Fatalf("%d attended, want 2 (status %q)", d.event.Attended, u.status.label.Text)
	}

	s.tabs.SelectIndex(1)
	c := s.compliance
	c.asOf.SetText("2019-12-31")
	met := map[string]string{}
	for _, st := range c.rows {
		met[st.Person.Name] = complianceCellText(st.Results[0])
	}
	if !strings.HasPrefix(met["Luis Ortega"], "Met") || !strings.HasPrefix(met["Ana Núñez"], "Missing 1 more in-person session") {
		t.Fatalf("compliance %v", met)
	}
	for i, st := range c.rows {
		if st.Person.Name == "Luis Ortega" {
			c.table.Select(widget.TableCellID{Row: i, Col: 2})
		}
	}
	if !strings.Contains(c.why.Text, "Subgrant: in person: met — counted: 2019-11-11 Past exercise (in person, 2 h)") {
		t.Fatalf("why %q", c.why.Text)
	}
	test.Tap(c.onlyMissing)
	for _, st := range c.rows {
		if st.Met() {
			t.Fatalf("%s meets everything but is listed as missing", st.Person.Name)
		}
	}
	if len(c.report.Offices) != 1 || officeCellText(c.report.Offices[0].Met[0], c.report.Offices[0].Covered[0]) != "2 of 4 met" {
		t.Fatalf("office tally %+v", c.report.Offices)
	}
}

func TestTrainingScreenEditsSaveThemselves(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	d := s.detail
	d.capacity.SetText("")
	test.Type(d.capacity, "40")
	saved, err := s.store.Event(d.event.ID)
	if err != nil || saved.Capacity != 40 || u.status.label.Text != "Saved" {
		t.Fatalf("capacity %d, status %q (%v)", saved.Capacity, u.status.label.Text, err)
	}
	// A half-typed time is not saved and says why.
	d.end.SetText("23:00")
	d.start.SetText("")
	test.Type(d.start, "9:")
	if !strings.HasPrefix(u.status.label.Text, "Not saved yet") {
		t.Fatalf("status %q", u.status.label.Text)
	}
	test.Type(d.start, "30")
	saved, _ = s.store.Event(d.event.ID)
	if saved.Start.Format("15:04") != "09:30" {
		t.Fatalf("start %s", saved.Start.Format("15:04"))
	}
	// Ctrl+N makes a new session and shows it.
	before := len(s.events)
	s.createNew()
	if len(s.events) != before+1 || d.event.Title != "New session" {
		t.Fatalf("%d sessions, detail %q", len(s.events), d.event.Title)
	}
	d.title.SetText("")
	test.Type(d.title, "Tabletop for poll workers")
	if got, _ := s.store.Event(d.event.ID); got.Title != "Tabletop for poll workers" || s.events[0].Title != got.Title {
		t.Fatalf("title %q", got.Title)
	}
}

func TestRequirementEditorSavesAndRechecks(t *testing.T) {
	_, s, _ := openTrainingScreen(t)
	c := s.compliance
	e := c.editor
	e.list.Select(0)
	if e.name.Text != "Subgrant: in person" {
		t.Fatalf("editor shows %q", e.name.Text)
	}
	// Let webinars count too, and require two sessions.
	e.kinds.SetSelected([]string{"In person", "Live webinar"})
	e.sessions.SetText("2")
	r, _ := s.store.Requirement(e.reqs[0].ID)
	if r.MinSessions != 2 || !r.Counts(training.LiveWebinar) {
		t.Fatalf("saved %+v", r)
	}
	test.Tap(e.newBtn)
	if len(e.reqs) != 2 || len(c.report.Requirements) != 2 {
		t.Fatalf("%d requirements in the editor, %d in the report", len(e.reqs), len(c.report.Requirements))
	}
}
