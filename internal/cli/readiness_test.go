package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/readiness"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

// county is the sample county in a real binder file, with an election on
// the calendar electionIn days ahead, driven through the command line.
type county struct {
	t        *testing.T
	dir, db  string
	today    time.Time
	election string // its id
}

const electionIn = 70 // days: every task's day lies ahead at first

func newCounty(t *testing.T) *county {
	dir, path := demoBinder(t)
	c := &county{t: t, dir: dir, db: path, today: time.Now()}
	// The demo's own election is 40 to 46 days ahead; this test's is further off.
	code, out, errOut := run(t, path, "elections", "list")
	if code != ExitOK {
		t.Fatal(errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		id, _, _ := strings.Cut(line, "\t")
		if code, _, errOut := run(t, path, "elections", "remove", id); code != ExitOK {
			t.Fatal(errOut)
		}
	}
	code, out, errOut = run(t, path, "elections", "add", "Spring election", "--date", c.day(electionIn), "--kind", "spring")
	if code != ExitOK {
		t.Fatalf("elections add: %d %s", code, errOut)
	}
	c.election = lastLine(out)
	return c
}

// day is today plus n days, as the command line writes it.
func (c *county) day(n int) string { return c.today.AddDate(0, 0, n).Format(dayLayout) }

// state runs binder readiness as of today+n and returns the state of the
// task whose title contains title, and the exit code.
func (c *county) state(n int, title string) (string, int) {
	c.t.Helper()
	code, out, errOut := run(c.t, c.db, "readiness", "--election", c.election, "--as-of", c.day(n))
	if code != ExitOK && code != ExitGaps {
		c.t.Fatalf("readiness: %d %s", code, errOut)
	}
	for _, line := range strings.Split(out, "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) >= 3 && strings.Contains(f[2], title) {
			return f[1], code
		}
	}
	c.t.Fatalf("no task %q in\n%s", title, out)
	return "", code
}

// walk checks that a task is due before its day and overdue after it, then
// fixes the data and sees it done after its day.
func (c *county) walk(title string, before, after int, fix func()) {
	c.t.Helper()
	if s, _ := c.state(before, title); s != "due" {
		c.t.Errorf("%s as of day %d: %s, want due", title, before, s)
	}
	if s, code := c.state(after, title); s != "overdue" || code != ExitGaps {
		c.t.Errorf("%s as of day %d: %s (exit %d), want overdue and exit 3", title, after, s, code)
	}
	fix()
	if s, _ := c.state(after, title); s != "done" {
		c.t.Errorf("%s as of day %d after the fix: %s, want done", title, after, s)
	}
}

func TestReadinessTasksFollowTheData(t *testing.T) {
	c := newCounty(t)
	conn, err := db.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	dir := contacts.NewStore(conn)

	// E-60: the demo leaves Facilities and the help desk without a backup.
	c.walk("primary and a backup", 9, 11, func() {
		tree, err := dir.CallTree()
		if err != nil {
			t.Fatal(err)
		}
		backup, err := dir.Create(contacts.Contact{Kind: contacts.Person, Name: "Ola Berg", Level: contacts.County,
			OfficePhone: "(920) 555-0199", Active: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range contacts.Gaps(tree) {
			if len(e.Holders) == 0 {
				primary, _ := dir.Create(contacts.Contact{Kind: contacts.Person, Name: "Primary for " + e.Role.Name,
					Level: contacts.County, OfficePhone: "(920) 555-0198", Active: true})
				dir.AddHolder(e.Role.ID, primary.ID)
			}
			if err := dir.AddHolder(e.Role.ID, backup.ID); err != nil {
				t.Fatal(err)
			}
		}
	})

	// E-45: contacts verified within the 90-day window.
	c.walk("Contacts verified", 24, 26, func() {
		due, err := dir.List(contacts.Filter{NeedsVerifying: true, VerifyDays: 90, Today: c.today.AddDate(0, 0, 26)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range due {
			if err := dir.MarkVerified(p.ID, c.today); err != nil {
				t.Fatal(err)
			}
		}
	})

	// E-30: the plan approved since the last election.
	_, plans, _ := run(t, c.db, "plans", "list")
	planID, _, _ := strings.Cut(strings.Split(plans, "\n")[1], "\t")
	pid, _ := strconv.ParseInt(planID, 10, 64)
	c.walk("Plan reviewed and approved", 39, 41, func() {
		if code, _, errOut := run(t, c.db, "plans", "approve", planID, "--by", "Ana Núñez"); code != ExitOK {
			t.Fatal(errOut)
		}
	})

	// Training by the requirement's own deadline: the municipal clerks attend in person.
	tr := training.NewStore(conn)
	_, err = tr.SaveRequirement(training.Requirement{Name: "Municipal in-person briefing", Kinds: []training.Kind{training.InPerson},
		MinSessions: 1, Deadline: c.today.AddDate(0, 0, 30), Levels: []string{string(contacts.Municipal)}})
	if err != nil {
		t.Fatal(err)
	}
	c.walk("Municipal in-person briefing", 29, 31, func() {
		start := time.Date(c.today.Year(), c.today.Month(), c.today.Day(), 9, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
		ev, err := tr.CreateEvent(training.Event{Title: "Briefing", Kind: training.InPerson, Start: start, End: start.Add(2 * time.Hour),
			TimeZone: "America/Chicago", Address: "Courthouse"})
		if err != nil {
			t.Fatal(err)
		}
		people, err := dir.List(contacts.Filter{Level: contacts.Municipal, Kind: contacts.Person})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			id := strconv.FormatInt(ev.ID, 10)
			run(t, c.db, "training", "register", id, strconv.FormatInt(p.ID, 10))
			if code, _, errOut := run(t, c.db, "training", "checkin", id, strconv.FormatInt(p.ID, 10)); code != ExitOK {
				t.Fatal(errOut)
			}
		}
	})

	// E-7, moved to E-69 in Settings so today's backup counts: a backup taken.
	if err := readiness.SetOffsetDays(settings.New(conn), readiness.TaskBackup, electionIn-1); err != nil {
		t.Fatal(err)
	}
	c.walk("Backup of the data", 0, 2, func() {
		if code, _, errOut := run(t, c.db, "backup", "--out", filepath.Join(c.dir, "backup.db")); code != ExitOK {
			t.Fatal(errOut)
		}
	})

	// Judgement tasks: ticked with a name and a day.
	id, _ := strconv.ParseInt(c.election, 10, 64)
	rs := readiness.NewStore(conn)
	c.walk("Pocket cards", 62, 64, func() {
		if err := rs.SetTick(id, readiness.Tick{Task: readiness.TaskPocket, By: "Pao Xiong", On: c.today}); err != nil {
			t.Fatal(err)
		}
	})
	// An exercise held within 12 months: the demo's sample is taken away
	// first, then one is run from the command line.
	ex := exercise.NewStore(conn)
	held, err := ex.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range held {
		if err := ex.Delete(e.ID); err != nil {
			t.Fatal(err)
		}
	}
	c.walk("Tabletop exercise held", 39, 41, func() {
		p, err := plan.NewStore(conn).Load(pid)
		if err != nil || len(p.Scenarios) == 0 {
			t.Fatalf("plan scenarios: %v", err)
		}
		code, out, errOut := run(t, c.db, "exercises", "new", "Ransomware tabletop", "--date", c.day(0),
			"--scenario", strconv.FormatInt(p.Scenarios[0].ID, 10))
		if code != ExitOK {
			t.Fatal(errOut)
		}
		if code, _, errOut := run(t, c.db, "exercises", "note", lastLine(out), "Called the vendor's help line"); code != ExitOK {
			t.Fatal(errOut)
		}
	})
	c.walk("Go-kit", 62, 64, func() {
		b, err := rs.Board(id, c.today)
		if err != nil {
			t.Fatal(err)
		}
		for _, task := range b.Tasks {
			for _, it := range task.Items {
				if err := rs.SetTick(id, readiness.Tick{Task: it.Key, By: "Marcus Bell", On: c.today}); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
	c.walk("kept off this computer", 62, 64, func() {
		if err := rs.SetTick(id, readiness.Tick{Task: readiness.TaskOffsite, By: "Grace Okafor", On: c.today}); err != nil {
			t.Fatal(err)
		}
	})

	// E-14, last, as comparing the copies' pages takes the longest: each
	// controlled copy is printed at revision 1; the plan changes
	// and revision 2 is approved, so each copy needs its replacement pages.
	list, err := binder.NewStore(conn).Copies(pid)
	if err != nil || len(list) < 2 {
		t.Fatalf("copies: %v %v", list, err)
	}
	for _, cp := range list {
		if code, _, errOut := run(t, c.db, "distribution", "print", planID, "--copy", cp.Number,
			"--out", filepath.Join(c.dir, "copy"+cp.Number+".pdf")); code != ExitOK {
			t.Fatal(errOut)
		}
	}
	if s, _ := c.state(57, "controlled copy"); s != "done" {
		t.Errorf("with every copy printed at revision 1: %s, want done", s)
	}
	if err := plan.NewStore(conn).SetTitle(pid, "Lakeshore County plan, revised"); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, c.db, "plans", "approve", planID, "--by", "Ana Núñez"); code != ExitOK {
		t.Fatal(errOut)
	}
	c.walk("controlled copy", 55, 57, func() {
		for i, cp := range list {
			if code, _, errOut := run(t, c.db, "plans", "export", planID, "--since", "1", "--copy", cp.Number,
				"--out", filepath.Join(c.dir, "packet"+cp.Number+".pdf")); code != ExitOK {
				t.Fatal(errOut)
			}
			if s, _ := c.state(57, "controlled copy"); i < len(list)-1 && s != "overdue" {
				t.Errorf("with the packets of %d of %d copies printed: %s, want overdue", i+1, len(list), s)
			}
		}
	})
}

func TestReadinessOutputs(t *testing.T) {
	c := newCounty(t)
	pdf := filepath.Join(c.dir, "checklist.pdf")
	ics := filepath.Join(c.dir, "tasks.ics")
	for _, out := range []string{pdf, ics} {
		if code, stdout, errOut := run(t, c.db, "readiness", "--as-of", c.day(30), "--out", out); code != ExitOK || strings.TrimSpace(stdout) != out {
			t.Fatalf("readiness --out %s: %d %q %s", out, code, stdout, errOut)
		}
	}
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(info), "Pages:           1\n") {
		t.Errorf("the checklist is not one page:\n%s", info)
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"READINESS CHECKLIST", "Spring election", "40 days to go", "Contacts verified", "Overdue", "Contacts > Call tree"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("checklist text lacks %q:\n%s", want, text)
		}
	}
	if code, _, _ := run(t, c.db, "readiness", "--out", filepath.Join(c.dir, "x.txt")); code != ExitUsage {
		t.Errorf("--out x.txt: exit %d, want 2", code)
	}
	if code, _, errOut := run(t, c.db, "readiness", "--as-of", "next week"); code != ExitUsage || !strings.Contains(errOut, "not a date") {
		t.Errorf("--as-of next week: %d %s", code, errOut)
	}
	data, err := os.ReadFile(ics)
	if err != nil || !strings.Contains(string(data), "DTSTART;TZID=America/Chicago:") {
		t.Fatalf("calendar: %v\n%s", err, data)
	}
}

func TestElectionsCommands(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	code, out, errOut := run(t, path, "elections", "add", "Spring election", "--date", "2027-04-06", "--kind", "spring", "--offices", "Supreme Court")
	if code != ExitOK || lastLine(out) != "1" {
		t.Fatalf("add: %d %q %s", code, out, errOut)
	}
	for _, bad := range [][]string{
		{"elections", "add", "X", "--date", "April 6"},
		{"elections", "add", "X"},
		{"elections", "add", "X", "--date", "2027-04-06", "--kind", "primary-ish"},
		{"elections", "remove", "abc"},
	} {
		if code, _, _ := run(t, path, bad...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, _, errOut := run(t, path, "elections", "add", "Spring election", "--date", "2027-04-06"); code != ExitError || !strings.Contains(errOut, "already on the calendar") {
		t.Errorf("duplicate: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, path, "elections", "add", "  ", "--date", "2027-04-06"); code != ExitError || !strings.Contains(errOut, "name") {
		t.Errorf("empty name: %d %s", code, errOut)
	}
	code, out, _ = run(t, path, "elections", "list")
	if code != ExitOK || !strings.Contains(out, "1\t2027-04-06\tspring\tSpring election\tSupreme Court") {
		t.Errorf("list: %q", out)
	}
	if code, _, errOut := run(t, path, "readiness", "--as-of", "2027-05-01"); code != ExitError || !strings.Contains(errOut, "no election ahead") {
		t.Errorf("no election ahead: %d %s", code, errOut)
	}
	if code, _, _ := run(t, path, "elections", "remove", "1"); code != ExitOK {
		t.Error("remove failed")
	}
	if code, _, errOut := run(t, path, "elections", "remove", "1"); code != ExitError || !strings.Contains(errOut, "not found") {
		t.Errorf("remove twice: %d %s", code, errOut)
	}
}

func TestElectionsImportAndSuggested(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.db")
	cal := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//State//Elections//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:a1\r\nDTSTART;VALUE=DATE:20270406\r\nSUMMARY:Spring Election\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:a2\r\nDTSTART;TZID=America/Chicago:20270216T070000\r\nDTEND;TZID=America/Chicago:20270216T200000\r\nSUMMARY:Spring Primary\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:a3\r\nDTSTART;VALUE=DATE:20270511\r\nSUMMARY:Recall election\\, Village of Pine\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	file := filepath.Join(dir, "state.ics")
	os.WriteFile(file, []byte(cal), 0o600)
	code, out, errOut := run(t, path, "elections", "import", file)
	if code != ExitOK || len(strings.Fields(out)) != 3 {
		t.Fatalf("import: %d %q %s", code, out, errOut)
	}
	code, out, errOut = run(t, path, "elections", "import", file)
	if code != ExitOK || strings.TrimSpace(out) != "" || !strings.Contains(errOut, "3 already on the calendar") {
		t.Errorf("import again: %d %q %s", code, out, errOut)
	}
	_, out, _ = run(t, path, "elections", "list")
	for _, want := range []string{"2027-02-16\tspring\tSpring Primary", "2027-04-06\tspring\tSpring Election", "2027-05-11\trecall\tRecall election, Village of Pine"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	empty := filepath.Join(dir, "empty.ics")
	os.WriteFile(empty, nil, 0o600)
	if code, _, errOut := run(t, path, "elections", "import", empty); code != ExitError || errOut == "" {
		t.Errorf("empty file: %d %s", code, errOut)
	}
	run(t, path, "demo")
	code, out, _ = run(t, path, "elections", "suggested")
	if code != ExitOK || !strings.Contains(out, readiness.ConfirmNote) {
		t.Errorf("suggested: %d %q", code, out)
	}
	if strings.Contains(out, "2027-04-06") {
		t.Errorf("a date already on the calendar is offered again:\n%s", out)
	}
}
