package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainingCommands(t *testing.T) {
	dir, path := demoBinder(t)
	code, out, _ := run(t, path, "training", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "id\tstart\tkind\ttitle\tregistered\tcapacity\twaitlisted\tattended" || len(lines) != 6 {
		t.Fatalf("list (%d):\n%s", code, out)
	}
	if !strings.Contains(out, "2019-11-12 13:00 CST\tin_person\tSecurity communications exercise — La Crosse\t") ||
		!strings.Contains(out, "live_webinar\tElection security communications webinar\t9\t500\t") {
		t.Fatalf("list lacks the announced sessions:\n%s", out)
	}

	ics := filepath.Join(dir, "sessions.ics")
	if code, _, stderr := run(t, path, "training", "export", "--format", "ics", "--out", ics); code != 0 {
		t.Fatalf("export ics: %s", stderr)
	}
	other := filepath.Join(dir, "other.db")
	code, out, stderr := run(t, other, "training", "import", ics)
	if code != 0 || !strings.Contains(out, "Imported 5 sessions") {
		t.Fatalf("import into another binder (%d): %s %s", code, out, stderr)
	}

	for _, args := range [][]string{
		{"training", "report", "--out", filepath.Join(dir, "report.pdf")},
		{"training", "report", "--out", filepath.Join(dir, "report.csv"), "--as-of", "2019-12-31"},
		{"training", "signin", "2", "--out", filepath.Join(dir, "signin.pdf")},
		{"training", "export", "--format", "csv", "--out", filepath.Join(dir, "roster.csv")},
	} {
		if code, _, stderr := run(t, path, args...); code != 0 {
			t.Fatalf("%v: %d %s", args, code, stderr)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "report.csv"))
	if !strings.HasPrefix(string(csv), "name,office,level,email,requirement,standing,") {
		t.Fatalf("report CSV:\n%s", csv)
	}
	pdf, _ := os.ReadFile(filepath.Join(dir, "signin.pdf"))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatal("the sign-in sheet is not a PDF")
	}

	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"training", "signin", "abc", "--out", "x.pdf"}, ExitUsage, "EVENT must be a number"},
		{[]string{"training", "signin", "99", "--out", filepath.Join(dir, "x.pdf")}, ExitError, "not found"},
		{[]string{"training", "export", "--format", "xml"}, ExitUsage, "--format must be ics or csv"},
		{[]string{"training", "report", "--out", "x.txt"}, ExitUsage, ".pdf or .csv"},
		{[]string{"training", "import", filepath.Join(dir, "report.pdf")}, ExitUsage, ".ics calendar or a .csv roster"},
	} {
		code, _, stderr := run(t, path, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}

func TestTrainingRegisterCancelCheckin(t *testing.T) {
	_, path := demoBinder(t)
	// The sample tabletop (id 5) is full; its first seat holder cancels.
	_, roster, _ := run(t, path, "training", "roster", "5")
	rows := strings.Split(strings.TrimSpace(roster), "\n")
	first := strings.Split(rows[1], "\t")[0]
	code, out, stderr := run(t, path, "training", "cancel", "5", first)
	if code != 0 || !strings.Contains(out, "moved from the waitlist to a seat") {
		t.Fatalf("cancel (%d): %s %s", code, out, stderr)
	}
	code, out, _ = run(t, path, "training", "register", "5", first)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || !strings.HasSuffix(lines[0], "is waitlisted") {
		t.Fatalf("register again (%d): %s", code, out)
	}
	if code, _, stderr := run(t, path, "training", "checkin", "5", first); code != ExitError || !strings.Contains(stderr, "every seat") {
		t.Fatalf("checking in a waitlisted person: %d %s", code, stderr)
	}
}
