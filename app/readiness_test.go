package app

import (
	"database/sql"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
	"electionbinder/internal/readiness"
)

// countyWithElection gives the database the sample directory, a plan and an
// election days ahead; it returns the election.
func countyWithElection(t *testing.T, conn *sql.DB, days int) readiness.Election {
	t.Helper()
	addTestPlan(t, conn)
	if err := contacts.NewStore(conn).LoadSample(time.Now()); err != nil {
		t.Fatal(err)
	}
	e, err := readiness.NewStore(conn).Add(readiness.Election{Name: "Spring election", Kind: readiness.Spring,
		Day: time.Now().AddDate(0, 0, days)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestBoardOpensFirstWithin90Days(t *testing.T) {
	path, conn := newTestDB(t)
	countyWithElection(t, conn, 40)
	u := newTestWindow(t, path, conn)
	s, ok := u.nav.current().(*readinessScreen)
	if !ok {
		t.Fatalf("the window opened on %T, want the readiness board", u.nav.current())
	}
	s.wait()
	if !strings.Contains(s.headline.Text, "40 days to go") {
		t.Errorf("headline %q", s.headline.Text)
	}
	first := s.current.Tasks[0]
	if first.State != readiness.Overdue {
		t.Errorf("the first task is %s, want an overdue one first", first.State)
	}
	for key, row := range s.rows {
		if row.fix != nil && row.fix.Text == "" || row.tick != nil && row.tick.Text == "" {
			t.Errorf("task %s has a button without a label", key)
		}
	}

	path2, conn2 := newTestDB(t)
	countyWithElection(t, conn2, 120)
	if _, ok := newTestWindow(t, path2, conn2).nav.current().(*plansScreen); !ok {
		t.Error("with the election 120 days off, the window should open where the clerk left it")
	}
}

func TestBoardButtonsGoWhereTheTaskIsFixed(t *testing.T) {
	path, conn := newTestDB(t)
	countyWithElection(t, conn, 40)
	u := newTestWindow(t, path, conn)
	s := u.nav.current().(*readinessScreen)
	s.wait()

	test.Tap(s.rows[readiness.TaskCallTree].fix)
	c, ok := u.nav.current().(*contactsScreen)
	if !ok || c.tabs.Selected() != c.treeTab {
		t.Fatalf("the call-tree button shows %T", u.nav.current())
	}
	u.nav.showTitled(readinessTitle)
	s.wait()
	test.Tap(s.rows[readiness.TaskVerify].fix)
	if !c.due.Checked || u.nav.current() != screen(c) {
		t.Error("the verify button should list the contacts due for verifying")
	}
	u.nav.showTitled(readinessTitle)
	s.wait()
	for key, row := range s.rows {
		if strings.HasPrefix(key, "training:") {
			test.Tap(row.fix)
			if tr, ok := u.nav.current().(*trainingScreen); !ok || tr.tabs.SelectedIndex() != 1 {
				t.Error("the training button should open the Compliance tab")
			}
			break
		}
	}
}

func TestTickingJudgementTasks(t *testing.T) {
	path, conn := newTestDB(t)
	e := countyWithElection(t, conn, 40)
	u := newTestWindow(t, path, conn)
	s := u.nav.current().(*readinessScreen)
	s.wait()

	test.Tap(s.rows[readiness.TaskPocket].tick)
	if s.tickForm.by.Text != "Ana Núñez" {
		t.Errorf("the tick form starts with %q, want the clerk's name", s.tickForm.by.Text)
	}
	s.tickForm.by.SetText("")
	test.Type(s.tickForm.by, "Pao Xiong")
	s.tickForm.on.SetText("")
	test.Type(s.tickForm.on, time.Now().Format("1/2/2006"))
	s.tickDialog.Submit()
	s.wait()
	if got := s.rows[readiness.TaskPocket].task; got.State != readiness.Done || !strings.Contains(got.Why, "Pao Xiong") {
		t.Fatalf("after ticking: %s %q", got.State, got.Why)
	}

	// The go-kit is ticked line by line; the board counts what is left.
	test.Tap(s.rows[readiness.TaskGoKit].tick)
	if len(s.checks) < 3 {
		t.Fatalf("the go-kit list has %d lines", len(s.checks))
	}
	for _, c := range s.checks[:len(s.checks)-1] {
		test.Tap(c)
	}
	s.checklist.Hide()
	s.wait()
	if got := s.rows[readiness.TaskGoKit].task; got.State == readiness.Done || !strings.Contains(got.Why, "1 of") {
		t.Errorf("with one line left: %s %q", got.State, got.Why)
	}
	test.Tap(s.rows[readiness.TaskGoKit].tick)
	test.Tap(s.checks[len(s.checks)-1])
	s.checklist.Hide()
	s.wait()
	if got := s.rows[readiness.TaskGoKit].task; got.State != readiness.Done {
		t.Errorf("with every line ticked: %s %q", got.State, got.Why)
	}

	// The ticks survive a restart.
	b, err := readiness.NewStore(openTestConn(t, path)).Board(e.ID, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range b.Tasks {
		if (task.Key == readiness.TaskPocket || task.Key == readiness.TaskGoKit) && task.State != readiness.Done {
			t.Errorf("%s after reopening: %s", task.Key, task.State)
		}
	}
}

func TestElectionsDialogAddsAndOffersWisconsinDates(t *testing.T) {
	path, conn := newTestDB(t)
	addTestPlan(t, conn)
	u := newTestWindow(t, path, conn)
	u.nav.showTitled(readinessTitle)
	s := u.nav.current().(*readinessScreen)
	if s.hasBoard || !strings.Contains(s.headline.Text, "No election") {
		t.Fatalf("empty calendar: %q", s.headline.Text)
	}
	s.showElections()
	e := s.editor
	if len(e.offered.Objects) < 3 {
		t.Fatal("Wisconsin's regular elections are not offered")
	}
	test.Type(e.name, "Special election")
	test.Type(e.date, "not a date")
	test.Tap(e.add)
	if list, _ := s.store.Elections(); len(list) != 0 {
		t.Fatal("an election with a bad date was saved")
	}
	e.date.SetText("")
	day := time.Now().AddDate(0, 0, 30)
	test.Type(e.date, day.Format("2006-01-02"))
	test.Tap(e.add)
	e.dlg.Hide()
	s.wait()
	if !s.hasBoard || s.current.Election.Name != "Special election" || s.current.DaysLeft != 30 {
		t.Errorf("after adding: %+v", s.current.Election)
	}
}

// TestReadinessPictures draws the board and its dialogs over the sample
// county 40 days before an election. With BINDER_SHOT_OUT set to a folder it
// saves the pictures there to look at.
func TestReadinessPictures(t *testing.T) {
	path, conn := newTestDB(t)
	countyWithElection(t, conn, 40)
	u := newTestWindow(t, path, conn)
	u.win.Resize(fyne.NewSize(1100, 720))
	s := u.nav.current().(*readinessScreen)
	s.wait()
	pictures := []struct {
		name string
		show func()
	}{
		{"board", s.wait},
		{"tick", func() { test.Tap(s.rows[readiness.TaskPocket].tick) }},
		{"gokit", func() {
			s.tickDialog.Hide()
			test.Tap(s.rows[readiness.TaskGoKit].tick)
			test.Tap(s.checks[0])
		}},
		{"elections", func() { s.checklist.Hide(); s.showElections() }},
	}
	for _, p := range pictures {
		p.show()
		img := u.win.Canvas().Capture()
		if img.Bounds().Dx() < 1000 {
			t.Fatalf("%s: picture %v", p.name, img.Bounds())
		}
		if dir := os.Getenv("BINDER_SHOT_OUT"); dir != "" {
			f, err := os.Create(filepath.Join(dir, "readiness-"+p.name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}

func TestSettingsMoveTheTasksDays(t *testing.T) {
	path, conn := newTestDB(t)
	e := countyWithElection(t, conn, 120)
	u := newTestWindow(t, path, conn)
	u.nav.showTitled("Settings")
	set := u.nav.current().(*settingsScreen).readiness
	entry := set.offsets[readiness.TaskPocket]
	if entry.Text != "7" {
		t.Fatalf("pocket cards default to E-%s, want E-7", entry.Text)
	}
	entry.SetText("")
	test.Type(entry, "400")
	if got := readiness.OffsetDays(u.settings, readiness.TaskPocket); got == 400 || entry.Validate() == nil {
		t.Errorf("an offset of 400 days was taken: saved %d, entry error %v", got, entry.Validate())
	}
	entry.SetText("")
	test.Type(entry, "21")
	set.zone.SetText("Mars/Olympus")
	b, err := readiness.NewStore(openTestConn(t, path)).Board(e.ID, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range b.Tasks {
		if task.Key == readiness.TaskPocket && !task.Due.Equal(e.Day.AddDate(0, 0, -21)) {
			t.Errorf("pocket cards due %s, want three weeks before %s", task.Due, e.Day)
		}
	}
	if b.Zone != readiness.DefaultZone {
		t.Errorf("an unknown zone was saved: %s", b.Zone)
	}
}
