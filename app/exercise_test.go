package app

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

// exerciseWindow opens the window over a binder with the sample directory,
// a plan and one exercise on its ransomware scenario, on the Exercises screen.
func exerciseWindow(t *testing.T) (*ui, *exercisesScreen, *sql.DB, int64) {
	t.Helper()
	path, conn := newTestDB(t)
	planID := addTestPlan(t, conn)
	if err := contacts.NewStore(conn).LoadSample(time.Now()); err != nil {
		t.Fatal(err)
	}
	p, err := plan.NewStore(conn).Load(planID)
	if err != nil {
		t.Fatal(err)
	}
	var ransomware int64
	for _, sc := range p.Scenarios {
		if strings.HasPrefix(sc.Title, "Ransomware") {
			ransomware = sc.ID
		}
	}
	id, err := exercise.NewStore(conn).Create(exercise.Draft{Name: "Ransomware tabletop",
		HeldOn: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), ScenarioIDs: []int64{ransomware}})
	if err != nil {
		t.Fatal(err)
	}
	u := newTestWindow(t, path, conn)
	u.nav.showTitled("Exercises")
	s, ok := u.nav.current().(*exercisesScreen)
	if !ok || s.detail.e == nil || s.detail.e.ID != id {
		t.Fatal("the Exercises screen did not open the exercise")
	}
	return u, s, conn, id
}

// TestFacilitatorMode drives facilitator mode by keyboard: move to the next
// inject, note a decision with one key against the clock, cancel a note
// with Escape, and go back with the button.
func TestFacilitatorMode(t *testing.T) {
	u, _, conn, id := exerciseWindow(t)
	t0 := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	now := t0
	f, err := openFacilitator(u, id, func() time.Time { return now })
	if err != nil {
		t.Fatal(err)
	}
	defer f.win.Close()
	if f.clockText.Text != "09:00" || !strings.HasPrefix(f.currentText.Text, "Ransomware. Files will not open") ||
		!strings.HasPrefix(f.position.Text, "Inject 1 of ") || !strings.Contains(f.nextText.Text, "demands payment") {
		t.Fatalf("opening screen: %q %q %q %q", f.clockText.Text, f.position.Text, f.currentText.Text, f.nextText.Text)
	}
	if !strings.HasPrefix(f.sectionTitle.Text, "Plan: the scenario Ransomware") {
		t.Errorf("the scenario's opening inject points to %q", f.sectionTitle.Text)
	}

	test.TypeOnCanvas(f.win.Canvas(), "n")
	if !strings.Contains(f.currentText.Text, "demands payment within 72 hours") || f.clockText.Text != "09:10" {
		t.Fatalf("after N: clock %s, inject %q", f.clockText.Text, f.currentText.Text)
	}
	if f.sectionTitle.Text != "Plan section: Accounts and computers" ||
		!strings.Contains(f.callTree.Text, "IT support: Grace Okafor (920) 555-0150; backup Tomasz Wiśniewski") ||
		!strings.Contains(f.steps.Text, "• IT support: Unplug affected computers from the network.") {
		t.Fatalf("what the inject touches:\n%s\n%s\n%s", f.sectionTitle.Text, f.callTree.Text, f.steps.Text)
	}

	now = t0.Add(3*time.Minute + 20*time.Second)
	test.TypeOnCanvas(f.win.Canvas(), "d")
	if !f.notePanel.Visible() || f.win.Canvas().Focused() != f.noteEntry || f.noteLabel.Text != "Decision at 09:13:" {
		t.Fatalf("D did not open the note line stamped with the clock: %q", f.noteLabel.Text)
	}
	test.Type(f.noteEntry, "Unplug the file server")
	f.noteEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.notePanel.Visible() || !strings.Contains(f.recent.Text, "09:13  Decision — Unplug the file server") {
		t.Fatalf("after Enter: panel %v, recent %q", f.notePanel.Visible(), f.recent.Text)
	}

	test.TypeOnCanvas(f.win.Canvas(), "o")
	test.Type(f.noteEntry, "never mind")
	f.noteEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	f.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight}) // the clock jumps to the next inject, 09:25
	test.Tap(f.prevBtn)

	e, err := exercise.NewStore(conn).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Notes) != 1 || e.Notes[0].Kind != exercise.Decision || exercise.ClockText(e.Notes[0].At) != "09:13" ||
		e.Notes[0].InjectID != e.Injects[1].ID {
		t.Fatalf("notes saved: %+v", e.Notes)
	}
	if e.Current != 1 || !e.Clock.Running() || exercise.ClockText(e.Clock.Read(now)) != "09:25" {
		t.Fatalf("progress saved: inject %d, clock %+v", e.Current, e.Clock)
	}

	test.TypeOnCanvas(f.win.Canvas(), "s")
	if f.clock.Running() || f.startBtn.Text != "Start (S)" {
		t.Fatal("S did not pause the clock")
	}
}

// TestExerciseScreenItemsAreGaps adds an improvement item on the Exercises
// screen, sees it in the Plans screen's gap list, and closes it there.
func TestExerciseScreenItemsAreGaps(t *testing.T) {
	u, s, conn, id := exerciseWindow(t)
	d := s.detail
	if _, err := s.store.AddItem(id, exercise.Item{Issue: "Backups are never tested"}); err != nil {
		t.Fatal(err)
	}
	d.reload()
	u.nav.showTitled("Plans")
	ps := u.nav.current().(*plansScreen)
	if !gapListHas(ps, "Backups are never tested") {
		t.Fatalf("the open item is not in the gap list: %v", ps.gaps.gaps)
	}
	u.nav.showTitled("Exercises")
	d.items.list.Select(0)
	test.Tap(d.closeBtn)
	it, _ := exercise.NewStore(conn).Item(d.e.Items[0].ID)
	if !it.Closed || it.ClosedBy != "Ana Núñez" {
		t.Fatalf("closing from the window: %+v", it)
	}
	if gapListHas(ps, "Backups are never tested") {
		t.Fatal("the closed item is still in the gap list")
	}
	if !strings.Contains(d.items.rows[0], "Closed ") || s.exercises[0].OpenItems != 0 {
		t.Fatalf("the screen does not show the item closed: %q", d.items.rows[0])
	}
}

func gapListHas(ps *plansScreen, text string) bool {
	for _, g := range ps.gaps.gaps {
		if strings.Contains(g.Message, text) {
			return true
		}
	}
	return false
}

// TestNewExerciseForm makes an exercise through the form and edits its overview.
func TestNewExerciseForm(t *testing.T) {
	u, s, conn, _ := exerciseWindow(t)
	plans, _ := plan.NewStore(conn).List()
	f := newExerciseForm(s, plans)
	f.name.SetText("Power tabletop")
	f.date.SetText("2026-05-04")
	f.scenarios.Selected = f.scenarios.Options[3:4]
	f.create()
	if len(s.exercises) != 2 || s.detail.e.Name != "Power tabletop" || len(s.detail.e.Scenarios) != 1 ||
		s.detail.e.Scenarios[0].Title != f.scenarios.Options[3] {
		t.Fatalf("new exercise: %+v", s.detail.e)
	}
	s.detail.hours.SetText("abc")
	s.detail.location.SetText("Board room")
	if !strings.HasPrefix(u.status.label.Text, "Not saved yet") {
		t.Fatalf("bad hours were saved: %q", u.status.label.Text)
	}
	s.detail.hours.SetText("3")
	e, _ := exercise.NewStore(conn).Load(s.detail.e.ID)
	if e.Hours != 3 || e.Location != "Board room" {
		t.Fatalf("overview not saved: %+v", e)
	}
}
