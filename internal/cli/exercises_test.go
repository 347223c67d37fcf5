package cli

import (
	"database/sql"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/training"
)

// TestExerciseEndToEnd runs a tabletop exercise through the command line and
// the real SQLite file: the script of injects, participants, notes, the hot
// wash, improvement items that are gaps of the plan until closed, the
// report read back with pdftotext, and attendance that meets an exercise
// requirement.
func TestExerciseEndToEnd(t *testing.T) {
	dir, path := demoBinder(t)
	conn, err := OpenBinder(path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p := firstPlan(t, conn)
	people := personIDs(t, conn)
	ransomware, power := scenarioTitled(t, p, "Ransomware"), scenarioTitled(t, p, "Power or utility loss")
	held := time.Now().AddDate(0, 0, -7).Format(dayLayout)

	code, out, stderr := run(t, path, "exercises", "new", "Spring ransomware tabletop", "--date", held,
		"--scenario", fmt.Sprint(ransomware), "--scenario", fmt.Sprint(power), "--start", "10:00",
		"--objective", "Restore from offline backups within a day")
	if code != 0 {
		t.Fatalf("new: %d %s", code, stderr)
	}
	id, _ := strconv.ParseInt(lastLine(out), 10, 64)
	st := exercise.NewStore(conn)
	e, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	checkScript(t, e)

	marcus, ibrahim := people["Marcus Bell"], people["Ibrahim Haddad"]
	req := exerciseRequirement(t, conn)
	if met(t, conn, req, marcus) {
		t.Fatal("Marcus meets the exercise requirement before taking part in any exercise")
	}
	if code, out, stderr := run(t, path, "exercises", "participants", fmt.Sprint(id), fmt.Sprint(marcus), fmt.Sprint(ibrahim)); code != 0 || !strings.Contains(out, "2 participants") {
		t.Fatalf("participants: %d %s %s", code, out, stderr)
	}
	if !met(t, conn, req, marcus) {
		t.Fatal("attending the exercise does not meet the exercise requirement")
	}

	code, out, _ = run(t, path, "exercises", "note", fmt.Sprint(id), "IT", "pulls", "the", "network", "cable", "--at", "10:12", "--decision")
	if code != 0 || !strings.Contains(out, "Noted at 10:12") {
		t.Fatalf("note: %d %s", code, out)
	}
	if code, _, stderr := run(t, path, "exercises", "note", fmt.Sprint(id), "Nobody knew where the backups are kept."); code != 0 {
		t.Fatalf("note without --at: %s", stderr)
	}
	if _, err := st.AddFinding(id, exercise.Finding{Kind: exercise.Strength, Text: "IT isolated the computers at once.", ObjectiveID: e.Objectives[0].ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddFinding(id, exercise.Finding{Kind: exercise.Improvement, Text: "Backups were never restored in a test.", Capability: "Cybersecurity"}); err != nil {
		t.Fatal(err)
	}

	code, out, stderr = run(t, path, "exercises", "improve", fmt.Sprint(id), "--issue", "Offline backups have never been tested",
		"--owner", fmt.Sprint(people["Grace Okafor"]), "--due", "2030-01-15", "--action", "Restore one server from backup each quarter")
	if code != 0 {
		t.Fatalf("improve: %d %s", code, stderr)
	}
	item := lastLine(out)
	gapLine := "Improvement item " + item + " from \"Spring ransomware tabletop\" is open: Offline backups have never been tested (owner Grace Okafor, due 2030-01-15)."
	code, out, _ = run(t, path, "plans", "check", fmt.Sprint(p.ID))
	if code != ExitGaps || !strings.Contains(out, "open-improvement-item\tplan\t"+gapLine) {
		t.Fatalf("plans check (%d) lacks the open item:\n%s", code, out)
	}
	gapsBefore := strings.Count(out, "\n")

	report := filepath.Join(dir, "aar.pdf")
	if code, _, stderr := run(t, path, "exercises", "report", fmt.Sprint(id), "--out", report); code != 0 {
		t.Fatalf("report: %s", stderr)
	}
	checkReportText(t, report)

	by := "Ana Núñez"
	if code, out, stderr := run(t, path, "exercises", "close-item", item, "--by", by); code != 0 || !strings.Contains(out, "closed by "+by) {
		t.Fatalf("close-item: %d %s %s", code, out, stderr)
	}
	_, out, _ = run(t, path, "plans", "check", fmt.Sprint(p.ID))
	if strings.Contains(out, "Improvement item "+item+" ") || strings.Count(out, "\n") != gapsBefore-1 {
		t.Fatalf("the closed item is still a gap:\n%s", out)
	}
	_, out, _ = run(t, path, "exercises", "list", "--items")
	if !strings.Contains(out, item+"\t"+fmt.Sprint(id)+"\tClosed "+time.Now().UTC().Format(dayLayout)+" by "+by+"\t2030-01-15\tGrace Okafor\t") {
		t.Fatalf("list --items does not show who closed the item and when:\n%s", out)
	}
	if day, ok, err := exercise.LastHeld(conn); err != nil || !ok || day.Format(dayLayout) != held {
		t.Fatalf("LastHeld = %v %v %v, want %s", day, ok, err, held)
	}
}

// checkScript checks the script built from the two scenarios: each opens
// with its description, gets its starter injects, and the second follows the first.
func checkScript(t *testing.T, e *exercise.Exercise) {
	t.Helper()
	if len(e.Scenarios) != 2 || len(e.Objectives) != 1 {
		t.Fatalf("scenarios %v, objectives %v", e.Scenarios, e.Objectives)
	}
	first := e.Injects[0]
	if exercise.ClockText(first.At) != "10:00" || !strings.HasPrefix(first.Text, "Ransomware. Files will not open and a ransom note appears.") {
		t.Fatalf("first inject: %s %q", exercise.ClockText(first.At), first.Text)
	}
	var ransom, power bool
	last := time.Duration(0)
	for _, in := range e.Injects {
		if in.At < last {
			t.Fatalf("the script is out of clock order at %q", in.Text)
		}
		last = in.At
		ransom = ransom || strings.Contains(in.Text, "demands payment within 72 hours")
		power = power || strings.Contains(in.Text, "the accessible voting device is dark")
	}
	if !ransom || !power {
		t.Fatalf("the starter injects of both scenarios are not in the script:\n%v", e.Injects)
	}
}

func checkReportText(t *testing.T, path string) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed (make test installs poppler-utils)")
	}
	raw, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v %s", err, raw)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	for _, want := range []string{
		"After-action report and improvement plan", "Spring ransomware tabletop",
		"Exercise overview", "Objectives", "Restore from offline backups within a day",
		"Participants", "Marcus Bell", "Ibrahim Haddad",
		"Timeline of injects and decisions", "10:12 Decision IT pulls the network cable", "demands payment within 72 hours",
		"Analysis of objectives", "Strengths", "IT isolated the computers at once.",
		"Areas for improvement", "Backups were never restored in a test. (Cybersecurity)",
		"Improvement plan", "Offline backups have never been tested", "Restore one server from backup each quarter",
		"Grace Okafor", "January 15, 2030", "Open",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func firstPlan(t *testing.T, conn *sql.DB) *plan.Plan {
	t.Helper()
	ps := plan.NewStore(conn)
	list, err := ps.List()
	if err != nil || len(list) == 0 {
		t.Fatalf("plans: %v %v", list, err)
	}
	p, err := ps.Load(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func scenarioTitled(t *testing.T, p *plan.Plan, prefix string) int64 {
	t.Helper()
	for _, sc := range p.Scenarios {
		if strings.HasPrefix(sc.Title, prefix) {
			return sc.ID
		}
	}
	t.Fatalf("the plan has no scenario %q", prefix)
	return 0
}

func personIDs(t *testing.T, conn *sql.DB) map[string]int64 {
	t.Helper()
	list, err := contacts.NewStore(conn).List(contacts.Filter{Kind: contacts.Person})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int64{}
	for _, c := range list {
		m[c.Name] = c.ID
	}
	return m
}

// exerciseRequirement is the index of the demo's requirement that counts exercises.
func exerciseRequirement(t *testing.T, conn *sql.DB) int {
	t.Helper()
	rep, err := training.NewStore(conn).Compliance(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rep.Requirements {
		if len(r.Kinds) == 1 && r.Kinds[0] == training.Exercise {
			return i
		}
	}
	t.Fatal("the demo has no requirement that counts exercises")
	return 0
}

func met(t *testing.T, conn *sql.DB, req int, contactID int64) bool {
	t.Helper()
	rep, err := training.NewStore(conn).Compliance(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range rep.People {
		if st.Person.ID == contactID {
			return st.Results[req].Applies && st.Results[req].Met
		}
	}
	t.Fatalf("contact %d is not in the compliance report", contactID)
	return false
}

func TestExerciseCommandErrors(t *testing.T) {
	_, path := demoBinder(t)
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"exercises", "new", "X", "--scenario", "1"}, ExitUsage, "--date YYYY-MM-DD is required"},
		{[]string{"exercises", "new", "X", "--date", "2026-13-01", "--scenario", "1"}, ExitUsage, "is not a date"},
		{[]string{"exercises", "new", "X", "--date", "2026-03-01"}, ExitUsage, "2\tRansomware (plan 1)"},
		{[]string{"exercises", "new", "X", "--date", "2026-03-01", "--scenario", "999"}, ExitError, "there is no scenario 999"},
		{[]string{"exercises", "new", " ", "--date", "2026-03-01", "--scenario", "1"}, ExitError, "needs a name"},
		{[]string{"exercises", "new", "X", "--date", "2026-03-01", "--scenario", "1", "--start", "25:00"}, ExitUsage, "not a time of day"},
		{[]string{"exercises", "participants", "1", "1"}, ExitError, "not organizations"},
		{[]string{"exercises", "participants", "99", "20"}, ExitError, "there is no exercise 99"},
		{[]string{"exercises", "note", "1"}, ExitUsage, "missing argument"},
		{[]string{"exercises", "note", "1", "x", "--at", "noon"}, ExitUsage, "not a time of day"},
		{[]string{"exercises", "improve", "1", "--issue", "x"}, ExitUsage, "are required"},
		{[]string{"exercises", "report", "1", "--out", "x.txt"}, ExitUsage, "--out FILE.pdf"},
		{[]string{"exercises", "close-item", "999"}, ExitError, "there is no improvement item 999"},
		{[]string{"exercises", "improve", "1", "--issue", "x", "--owner", "9999", "--due", "2027-01-01"}, ExitError, "contact 9999, is not in the directory"},
		{[]string{"exercises", "improve", "1", "--issue", "x", "--owner", "20", "--due", "2027-02-30"}, ExitUsage, "is not a date"},
		{[]string{"exercises", "new", "X", "--date", "2026-03-01", "--scenario", "1", "--facilitator", "9999"}, ExitError, "facilitator, contact 9999"},
		{[]string{"exercises", "note", "1", strings.Repeat("word ", 401)}, ExitError, "keep it under 2000"},
	} {
		code, _, stderr := run(t, path, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}

// BenchmarkExerciseReport prints the demo county's after-action report.
func BenchmarkExerciseReport(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "binder.db")
	var out, errOut strings.Builder
	if Run(path, []string{"demo"}, &out, &errOut) != ExitOK {
		b.Fatal(errOut.String())
	}
	conn, err := OpenBinder(path)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for b.Loop() {
		if err := binder.PrintExerciseReport(conn, 1, filepath.Join(dir, "aar.pdf")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanCheckWithItems runs the plan's gap check with the open
// improvement items of its exercises, as plans check does.
func BenchmarkPlanCheckWithItems(b *testing.B) {
	path := filepath.Join(b.TempDir(), "binder.db")
	var out, errOut strings.Builder
	if Run(path, []string{"demo"}, &out, &errOut) != ExitOK {
		b.Fatal(errOut.String())
	}
	conn, err := OpenBinder(path)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	items := exercise.NewStore(conn).ItemGaps
	for b.Loop() {
		if _, err := plan.NewStore(conn).Check(1, time.Now(), items); err != nil {
			b.Fatal(err)
		}
	}
}
