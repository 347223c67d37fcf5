package exercise

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
)

// newBinder opens a binder in a temporary folder with the directory's
// defaults, the sample people and a plan from the built-in template.
func newBinder(t *testing.T) (*sql.DB, *plan.Plan) {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := contacts.NewStore(conn).LoadSample(time.Now()); err != nil {
		t.Fatal(err)
	}
	ps := plan.NewStore(conn)
	id, err := ps.CreateFromTemplate(plan.BuiltinTemplate, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := ps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return conn, p
}

func TestClock(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 14, 0, 0, 0, time.UTC)
	c := notStarted
	if c.Started() || c.Running() || c.Read(t0) != 0 {
		t.Fatalf("a new clock: %+v", c)
	}
	c = c.Start(9*time.Hour, t0)
	if got := ClockText(c.Read(t0.Add(90 * time.Second))); got != "09:01" {
		t.Fatalf("after 90 s the clock reads %s", got)
	}
	c = c.Pause(t0.Add(10 * time.Minute))
	if got := ClockText(c.Read(t0.Add(time.Hour))); got != "09:10" {
		t.Fatalf("a paused clock moved: %s", got)
	}
	c = c.JumpTo(10*time.Hour+20*time.Minute, t0.Add(time.Hour))
	if got := ClockText(c.Read(t0.Add(2 * time.Hour))); got != "10:20" || c.Running() {
		t.Fatalf("jumping a paused clock: %s running=%v", got, c.Running())
	}
	c = c.Start(0, t0.Add(2*time.Hour)).JumpTo(10*time.Hour, t0.Add(2*time.Hour))
	if got := ClockText(c.Read(t0.Add(2*time.Hour + 5*time.Minute))); got != "10:25" {
		t.Fatalf("the clock went back, or did not run on: %s", got)
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{"10:20": "10:20", "9:05": "09:05", " 23:59 ": "23:59"} {
		d, err := ParseClock(in)
		if err != nil || ClockText(d) != want {
			t.Errorf("ParseClock(%q) = %s, %v", in, ClockText(d), err)
		}
	}
	for _, bad := range []string{"", "24:00", "10.20", "noon", "10:60"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) accepted", bad)
		}
	}
}

// TestStarterSets checks that every built-in scenario has its own starter
// injects, and that a scenario of the clerk's own gets the generic set
// built from its steps.
func TestStarterSets(t *testing.T) {
	conn, p := newBinder(t)
	for _, sc := range p.Scenarios {
		if !HasStarterSet(sc.Title) {
			t.Errorf("the built-in scenario %q has no starter injects", sc.Title)
		}
	}
	own := plan.Scenario{ID: 99, Title: "Flood at the warehouse", Description: "Water in the **ballot** storage room.",
		Response: []plan.Step{{Role: "facilities", Action: "Move the ballots to the upper floor."}}}
	script := scenarioScript(p, own, nil, 13*time.Hour)
	if script[0].Text != "Flood at the warehouse. Water in the ballot storage room." || ClockText(script[0].At) != "13:00" {
		t.Fatalf("opening: %+v", script[0])
	}
	if !strings.Contains(script[1].Text, "the facilities should now move the ballots to the upper floor.") ||
		script[1].Roles[0] != "facilities" {
		t.Fatalf("the generic set is not built from the steps: %+v", script[1])
	}
	last := script[len(script)-1]
	if last.SectionID == 0 || !strings.Contains(last.Text, "stands down") {
		t.Fatalf("the stand-down inject does not touch the after-action section: %+v", last)
	}
	_ = conn
}

func TestItemsAreGapsUntilClosed(t *testing.T) {
	conn, p := newBinder(t)
	st := NewStore(conn)
	st.now = func() time.Time { return time.Date(2026, 4, 2, 15, 0, 0, 0, time.UTC) }
	id, err := st.Create(Draft{Name: "Spring tabletop", HeldOn: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		ScenarioIDs: []int64{p.Scenarios[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	section := p.Sections[2].ID
	item, err := st.AddItem(id, Item{Issue: "Nobody has the vendor's after-hours number.", SectionID: section})
	if err != nil {
		t.Fatal(err)
	}
	gaps, err := plan.NewStore(conn).Check(p.ID, time.Now(), st.ItemGaps)
	if err != nil {
		t.Fatal(err)
	}
	g := gaps[len(gaps)-1]
	if g.Kind != GapOpenItem || g.SectionID != section || !strings.Contains(g.Message, `from "Spring tabletop" is open: Nobody has`) {
		t.Fatalf("last gap: %+v", g)
	}
	if err := st.CloseItem(item, " "); err == nil {
		t.Fatal("an item was closed by nobody")
	}
	if err := st.CloseItem(item, "Pao Xiong"); err != nil {
		t.Fatal(err)
	}
	if more, _ := st.ItemGaps(p.ID); len(more) != 0 {
		t.Fatalf("a closed item is still a gap: %v", more)
	}
	it, _ := st.Item(item)
	if !it.Closed || it.ClosedBy != "Pao Xiong" || it.ClosedAt.Format(time.RFC3339) != "2026-04-02T15:00:00Z" {
		t.Fatalf("closing did not record who and when: %+v", it)
	}
	if err := st.ReopenItem(item); err != nil {
		t.Fatal(err)
	}
	if more, _ := st.ItemGaps(p.ID); len(more) != 1 {
		t.Fatalf("a reopened item is not a gap: %v", more)
	}
}

func TestAttendanceAndLastHeld(t *testing.T) {
	conn, p := newBinder(t)
	st := NewStore(conn)
	day := func(s string) time.Time { d, _ := time.Parse(dateLayout, s); return d }
	past, _ := st.Create(Draft{Name: "Last year", HeldOn: day("2025-05-01"), ScenarioIDs: []int64{p.Scenarios[1].ID}})
	planned, _ := st.Create(Draft{Name: "Next month", HeldOn: day("2026-05-01"), ScenarioIDs: []int64{p.Scenarios[2].ID}})
	if _, ok, _ := LastHeldBy(conn, day("2026-04-01")); ok {
		t.Fatal("an exercise nobody attended counts as held")
	}
	people, _ := contacts.NewStore(conn).List(contacts.Filter{Kind: contacts.Person})
	ana := people[0].ID
	for _, ex := range []int64{past, planned} {
		if err := st.AddParticipants(ex, ana); err != nil {
			t.Fatal(err)
		}
	}
	if d, ok, err := LastHeldBy(conn, day("2026-04-01")); err != nil || !ok || formatDate(d) != "2025-05-01" {
		t.Fatalf("LastHeldBy = %v %v %v; a planned exercise must not count", d, ok, err)
	}
	list, err := Attendance(conn)
	if err != nil || len(list) != 2 || list[0].Name != "Last year" || list[0].Hours != 2 {
		t.Fatalf("Attendance = %+v, %v", list, err)
	}
	if err := contacts.NewStore(conn).Delete(ana); !errors.Is(err, contacts.ErrHasAttendance) {
		t.Fatalf("deleting a person who attended an exercise: %v", err)
	}
	orgs, _ := contacts.NewStore(conn).Organizations()
	if err := st.AddParticipants(past, orgs[0].ID); !errors.Is(err, ErrNotPerson) {
		t.Fatalf("an organization took part: %v", err)
	}
}

func TestScenariosOfOnePlan(t *testing.T) {
	conn, p := newBinder(t)
	ps := plan.NewStore(conn)
	other, err := ps.CreateFromTemplate(plan.BuiltinTemplate, "Another plan")
	if err != nil {
		t.Fatal(err)
	}
	q, _ := ps.Load(other)
	st := NewStore(conn)
	if _, err := st.Create(Draft{Name: "Mixed", HeldOn: time.Now(), ScenarioIDs: []int64{p.Scenarios[0].ID, q.Scenarios[1].ID}}); err == nil {
		t.Fatal("an exercise took scenarios of two plans")
	}
	id, err := st.Create(Draft{Name: "One", HeldOn: time.Now(), ScenarioIDs: []int64{p.Scenarios[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddScenario(id, q.Scenarios[1].ID); err == nil {
		t.Fatal("a scenario of another plan was added")
	}
	before, _ := st.Load(id)
	if err := st.AddScenario(id, p.Scenarios[3].ID); err != nil {
		t.Fatal(err)
	}
	after, _ := st.Load(id)
	added := after.Injects[len(before.Injects)]
	if len(after.Scenarios) != 2 || added.At != before.Injects[len(before.Injects)-1].At+scenarioGap {
		t.Fatalf("the added scenario's script does not follow the first: %+v", added)
	}
	if list, _ := st.List(); len(list) != 1 {
		t.Fatalf("a refused exercise was half saved: %v", list)
	}
}

// The sample exercise was held on a weekday about a month ago, whatever the
// day of the week today is.
func TestSampleExerciseFallsOnAWeekday(t *testing.T) {
	start := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	for i := range 7 {
		now := start.AddDate(0, 0, i)
		held := sampleDay(now)
		ago := now.Sub(held).Hours() / 24
		if wd := held.Weekday(); wd == time.Saturday || wd == time.Sunday || ago < 28 || ago > 34 {
			t.Errorf("from %s the sample exercise was held %s", now.Format("Mon Jan 2"), held.Format("Mon Jan 2"))
		}
	}
}
