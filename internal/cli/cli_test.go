package cli

import (
	"bytes"
	"electionbinder/internal/binderfile"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the binder command line against dbPath and returns the exit code
// and what it printed.
func run(t *testing.T, dbPath string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(dbPath, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// demoBinder makes a binder in a temporary folder and loads the sample
// county into it; it returns the folder and the database file.
func demoBinder(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "binder.db")
	if code, _, errOut := run(t, path, "demo"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	return dir, path
}

// lastLine is the last line of a command's output, where a command that
// creates something prints its id.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	code, out, _ := run(t, filepath.Join(t.TempDir(), "b.db"), "version")
	if code != ExitOK || !strings.Contains(out, binderfile.Version) {
		t.Fatalf("version: %d %q", code, out)
	}
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(toml), `Version = "`+binderfile.Version+`"`) {
		t.Errorf("FyneApp.toml does not carry version %s", binderfile.Version)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "b.db")
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database at all"), 0o600)
	cases := []struct {
		name string
		db   string
		args []string
		code int
	}{
		{"unknown command", good, []string{"frobnicate"}, ExitUsage},
		{"backup without --out", good, []string{"backup"}, ExitUsage},
		{"backup with a stray argument", good, []string{"backup", "x", "--out", filepath.Join(dir, "o.db")}, ExitUsage},
		{"restore without a file", good, []string{"restore"}, ExitUsage},
		{"restore of a file that is not a backup", good, []string{"restore", junk}, ExitError},
		{"command on a file that is not a database", junk, []string{"backup", "--out", filepath.Join(dir, "x.db")}, ExitError},
		{"help", good, []string{"help"}, ExitOK},
	}
	for _, c := range cases {
		code, _, stderr := run(t, c.db, c.args...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (%s)", c.name, code, c.code, stderr)
		}
		if code == ExitError && strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%s: an error should be one line, got %q", c.name, stderr)
		}
	}
}

func TestBackupAndRestoreCommands(t *testing.T) {
	dir, path := demoBinder(t)
	backup := filepath.Join(dir, "backup.db")
	if code, out, e := run(t, path, "backup", "--out", backup); code != ExitOK || !strings.Contains(out, backup) {
		t.Fatalf("backup: %d %s %s", code, out, e)
	}
	if code, _, _ := run(t, path, "backup", "--out", backup); code != ExitError {
		t.Errorf("a second backup onto the same file should fail, got %d", code)
	}
	other := filepath.Join(dir, "other.db")
	if code, out, e := run(t, other, "restore", backup); code != ExitOK {
		t.Fatalf("restore: %d %s %s", code, out, e)
	}
	if code, _, e := run(t, other, "backup", "--out", filepath.Join(dir, "again.db")); code != ExitOK {
		t.Fatalf("the restored file does not open: %s", e)
	}
}

func TestParseGlobal(t *testing.T) {
	t.Setenv("BINDER_DB", "/env/binder.db")
	cases := []struct {
		args   []string
		dbPath string
		rest   string
		err    bool
	}{
		{nil, "/env/binder.db", "", false},
		{[]string{"--db", "x.db", "version"}, "x.db", "version", false},
		{[]string{"--db=y.db", "plans", "list"}, "y.db", "plans list", false},
		{[]string{"--db"}, "", "", true},
		{[]string{"--frob"}, "", "", true},
	}
	for _, c := range cases {
		dbPath, rest, err := ParseGlobal(c.args)
		if (err != nil) != c.err || (!c.err && (dbPath != c.dbPath || strings.Join(rest, " ") != c.rest)) {
			t.Errorf("ParseGlobal(%q) = %q %q %v", c.args, dbPath, rest, err)
		}
	}
}
