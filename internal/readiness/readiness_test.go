package readiness

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

func openTestDB(t testing.TB) *sql.DB {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func date(s string) time.Time {
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWisconsinRegularSchedule(t *testing.T) {
	want := map[int][]string{
		2026: {"2026-02-17", "2026-04-07", "2026-08-11", "2026-11-03"},
		2027: {"2027-02-16", "2027-04-06"},
		2028: {"2028-02-15", "2028-04-04", "2028-08-08", "2028-11-07"},
		2030: {"2030-02-19", "2030-04-02", "2030-08-13", "2030-11-05"},
	}
	for year, days := range want {
		got := WisconsinRegular(year)
		if len(got) != len(days) {
			t.Fatalf("%d: %d elections, want %d", year, len(got), len(days))
		}
		for i, d := range days {
			if got[i].Day.Format(dayLayout) != d || got[i].Day.Weekday() != time.Tuesday || got[i].Note != ConfirmNote {
				t.Errorf("%d #%d: %s %s (%s), want %s", year, i, got[i].Name, got[i].Day.Format(dayLayout), got[i].Note, d)
			}
		}
	}
}

func TestSuggestionsSkipWhatIsOnTheCalendar(t *testing.T) {
	s := NewStore(openTestDB(t))
	asOf := date("2026-12-01")
	if got, _ := s.Suggestions("Ohio", asOf); len(got) != 0 {
		t.Errorf("Ohio: %v, want none", got)
	}
	got, err := s.Suggestions("WI", asOf)
	if err != nil || len(got) != 6 || got[0].Day.Format(dayLayout) != "2027-02-16" || got[5].Day.Format(dayLayout) != "2028-11-07" {
		t.Fatalf("suggestions: %v %v", got, err)
	}
	if _, err := s.Add(got[1].Election); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Suggestions("Wisconsin", asOf)
	if len(again) != 5 || again[1].Day.Equal(got[1].Day) {
		t.Errorf("after adding %s: %v", got[1].Day, again)
	}
}

func TestElectionChecks(t *testing.T) {
	s := NewStore(openTestDB(t))
	for _, e := range []Election{
		{Name: "", Day: date("2027-04-06"), Kind: Spring},
		{Name: "X", Kind: Spring},
		{Name: "X", Day: date("1900-04-06"), Kind: Spring},
		{Name: "X", Day: date("2027-04-06"), Kind: "mayoral"},
		{Name: strings.Repeat("x", 201), Day: date("2027-04-06"), Kind: Spring},
	} {
		if _, err := s.Add(e); err == nil {
			t.Errorf("%+v was accepted", e)
		}
	}
	if list, _ := s.Elections(); len(list) != 0 {
		t.Errorf("refused elections were saved: %v", list)
	}
	for in, want := range map[string]Kind{"Partisan Primary": PartisanPrimary, "general": General, "SPRING": Spring, "recall": Recall} {
		if k, ok := ParseKind(in); !ok || k != want {
			t.Errorf("ParseKind(%q) = %q %v", in, k, ok)
		}
	}
}

func TestTicksNeedANameAndADay(t *testing.T) {
	s := NewStore(openTestDB(t))
	e, err := s.Add(Election{Name: "Spring election", Day: date("2027-04-06"), Kind: Spring})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Tick{{Task: TaskPocket, On: date("2027-03-01")}, {Task: TaskPocket, By: "Ana"}, {By: "Ana", On: date("2027-03-01")}} {
		if err := s.SetTick(e.ID, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if err := s.SetTick(999, Tick{Task: TaskPocket, By: "Ana", On: date("2027-03-01")}); err == nil {
		t.Error("a tick for a missing election was accepted")
	}
	if err := s.SetTick(e.ID, Tick{Task: TaskPocket, By: "Ana", On: date("2027-03-01")}); err != nil {
		t.Fatal(err)
	}
	pocket := func(asOf string) Task {
		b, err := s.Board(e.ID, date(asOf))
		if err != nil {
			t.Fatal(err)
		}
		for _, task := range b.Tasks {
			if task.Key == TaskPocket {
				return task
			}
		}
		t.Fatal("no pocket-card task")
		return Task{}
	}
	if got := pocket("2027-02-28"); got.State != Due {
		t.Errorf("before the tick's day: %s", got.State)
	}
	if got := pocket("2027-03-31"); got.State != Done || !strings.Contains(got.Why, "Ana") {
		t.Errorf("after the tick: %s %q", got.State, got.Why)
	}
	if err := s.ClearTick(e.ID, TaskPocket); err != nil {
		t.Fatal(err)
	}
	if got := pocket("2027-03-31"); got.State != Overdue {
		t.Errorf("after undoing the tick: %s", got.State)
	}
	if _, err := ParseDay("3/5/2027"); err != nil {
		t.Error(err)
	}
	if _, err := ParseDay("next Tuesday"); err == nil {
		t.Error("ParseDay accepted words")
	}
}

func TestBoardOrderOffsetsAndCountdown(t *testing.T) {
	conn := openTestDB(t)
	s := NewStore(conn)
	e, _ := s.Add(Election{Name: "Spring election", Day: date("2027-04-06"), Kind: Spring})
	if err := SetOffsetDays(settings.New(conn), TaskCallTree, 400); err == nil {
		t.Error("an offset of 400 days was accepted")
	}
	if err := SetOffsetDays(settings.New(conn), TaskPocket, 50); err != nil {
		t.Fatal(err)
	}
	b, err := s.Board(e.ID, date("2027-02-25"))
	if err != nil {
		t.Fatal(err)
	}
	if b.DaysLeft != 40 || b.Countdown() != "40 days to go" {
		t.Errorf("countdown: %d %q", b.DaysLeft, b.Countdown())
	}
	seen := map[string]Task{}
	last := -1
	for _, task := range b.Tasks {
		seen[task.Key] = task
		if stateOrder[task.State] < last {
			t.Errorf("%s (%s) listed after a later state", task.Title, task.State)
		}
		last = stateOrder[task.State]
	}
	for key, due := range map[string]string{TaskCallTree: "2027-02-05", TaskVerify: "2027-02-20", TaskPlan: "2027-03-07",
		TaskCopies: "2027-03-23", TaskBackup: "2027-03-30", TaskGoKit: "2027-03-30", TaskPocket: "2027-02-15"} {
		if got := seen[key]; got.Due.Format(dayLayout) != due {
			t.Errorf("%s due %s, want %s", key, got.Due.Format(dayLayout), due)
		}
	}
	if seen[TaskPocket].State != Overdue || seen[TaskCallTree].State != Overdue || seen[TaskPlan].State != Due {
		t.Errorf("states: pocket %s, call tree %s, plan %s", seen[TaskPocket].State, seen[TaskCallTree].State, seen[TaskPlan].State)
	}
}

func TestOffComputer(t *testing.T) {
	cases := []struct {
		db, backup string
		off        bool
		where      string
	}{
		{`C:\Users\clerk\AppData\Roaming\ElectionBinder\binder.db`, `E:\binder-backup.db`, true, "drive E:"},
		{`C:\Users\clerk\AppData\Roaming\ElectionBinder\binder.db`, `c:\Backups\binder.db`, false, ""},
		{`C:\Users\clerk\binder.db`, `\\county-fs\clerk\binder.db`, true, `\\county-fs\clerk`},
		{"/home/clerk/.config/ElectionBinder/binder.db", "/media/usb/binder.db", true, "/media/usb"},
		{"/home/clerk/.config/ElectionBinder/binder.db", "/run/media/clerk/KINGSTON/b.db", true, "/run/media/clerk/KINGSTON"},
		{"/Users/clerk/Library/binder.db", "/Volumes/BACKUP/b.db", true, "/Volumes/BACKUP"},
		{"/home/clerk/binder.db", "/home/clerk/Documents/b.db", false, ""},
	}
	for _, c := range cases {
		where, off := OffComputer(c.db, c.backup)
		if off != c.off || !strings.Contains(where, c.where) {
			t.Errorf("%s → %s: %q %v, want %v", c.db, c.backup, where, off, c.off)
		}
	}
}

func TestGoKitFromThePlanSection(t *testing.T) {
	p := &plan.Plan{Sections: []plan.Section{
		{Title: "Purpose", Body: "- not a kit item"},
		{Title: "Go-kit and supplies", Depth: 1, Body: "What goes in the kit:\n\n- [ ] **Flashlight** and batteries\n* Printed call tree\n1. Charger\n"},
		{Title: "Spare forms", Depth: 2, Body: "- Incident log\n- Charger\n"},
		{Title: "Training", Depth: 1, Body: "- not a kit item either"},
	}}
	items, source := goKitList(p)
	want := []string{"Flashlight and batteries", "Printed call tree", "Charger", "Incident log"}
	if strings.Join(items, "|") != strings.Join(want, "|") || !strings.Contains(source, "Go-kit and supplies") {
		t.Errorf("items %q from %s", items, source)
	}
	items, source = goKitList(&plan.Plan{Sections: []plan.Section{{Title: "Purpose", Body: "text"}}})
	if len(items) != len(defaultGoKit) || !strings.Contains(source, "built-in") {
		t.Errorf("fallback: %q from %s", items, source)
	}
}

// countyWithElection is a binder with the sample directory and an election.
func countyWithElection(t testing.TB) (*Store, Election) {
	conn := openTestDB(t)
	if err := contacts.NewStore(conn).LoadSample(date("2027-02-01")); err != nil {
		t.Fatal(err)
	}
	s := NewStore(conn)
	e, err := s.Add(Election{Name: "Spring election", Day: date("2027-04-06"), Kind: Spring})
	if err != nil {
		t.Fatal(err)
	}
	return s, e
}

// pythonWithICalendar finds a Python that can import icalendar: the one on
// the PATH, or the system's, where the Debian package installs it.
func pythonWithICalendar() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import icalendar").Run() == nil {
			return p
		}
	}
	return ""
}

func TestCalendarReadByPythonICalendar(t *testing.T) {
	python := pythonWithICalendar()
	if python == "" {
		t.Skip("python3-icalendar is not installed (apt-get install python3-icalendar)")
	}
	s, e := countyWithElection(t)
	b, err := s.Board(e.ID, date("2027-02-25"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteICS(&buf, b, date("2027-02-25")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "tasks.ics")
	os.WriteFile(file, buf.Bytes(), 0o600)
	out, err := exec.Command(python, "testdata/read_ics.py", file).CombinedOutput()
	if err != nil {
		t.Fatalf("icalendar could not read the file: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(b.Tasks) {
		t.Fatalf("%d events for %d tasks:\n%s", len(lines), len(b.Tasks), out)
	}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		task := b.Tasks[i]
		// 9:00 in Chicago: CST (-06:00) before the March change, CDT (-05:00) after it.
		offset := "-06:00"
		if !task.Due.Before(date("2027-03-14")) {
			offset = "-05:00"
		}
		wantStart := task.Due.Format(dayLayout) + "T09:00:00" + offset
		if f[0] != wantStart || f[1] != "America/Chicago" || !strings.HasPrefix(f[2], task.Title) || f[3] != "True" {
			t.Errorf("event %d: %q, want start %s in America/Chicago for %q", i, line, wantStart, task.Title)
		}
	}
}

func TestCalendarNeedsAKnownZone(t *testing.T) {
	s, e := countyWithElection(t)
	b, _ := s.Board(e.ID, date("2027-02-25"))
	b.Zone = "Mars/Olympus"
	if err := WriteICS(&bytes.Buffer{}, b, time.Now()); err == nil || !strings.Contains(err.Error(), "Settings") {
		t.Errorf("unknown zone: %v", err)
	}
}

func FuzzReadElectionsICS(f *testing.F) {
	f.Add("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270406\r\nSUMMARY:Spring election\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	f.Add("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20270216T130000Z\nSUMMARY:Recall\nEND:VEVENT\nEND:VCALENDAR\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		list, _, err := ReadElectionsICS(strings.NewReader(text), DefaultZone)
		if err != nil {
			return
		}
		for _, e := range list {
			if e.Day.IsZero() {
				t.Errorf("an election without a day: %+v", e)
			}
		}
	})
}
