package cli

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"electionbinder/internal/db"
)

// holdEnv names the database a helper process holds open.
const holdEnv = "BINDER_TEST_HOLD_DB"

// TestHelperHoldsDatabase is not a test of its own: run as a second process,
// it opens the database as the window does and keeps it open until its
// standard input closes.
func TestHelperHoldsDatabase(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("run only as the helper process of TestRestoreWhileAnotherProcessHoldsTheDatabase")
	}
	conn, err := OpenBinder(path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	os.Stdout.WriteString("open\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

// A restore while another process (here a second process standing for the
// window) has the database open is refused, and the database is unchanged;
// once that process closes it, the restore goes through.
func TestRestoreWhileAnotherProcessHoldsTheDatabase(t *testing.T) {
	dir, path := demoBinder(t)
	backup := filepath.Join(dir, "backup.db")
	if code, _, errOut := run(t, path, "backup", "--out", backup); code != ExitOK {
		t.Fatal(errOut)
	}
	helper := exec.Command(os.Args[0], "-test.run=^TestHelperHoldsDatabase$")
	helper.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, _ := helper.StdinPipe()
	stdout, _ := helper.StdoutPipe()
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "open\n" {
		t.Fatalf("helper said %q", line)
	}
	before, _ := os.ReadFile(path)

	code, _, errOut := run(t, path, "restore", backup)
	if code != ExitError || !strings.Contains(errOut, "close it there") {
		t.Errorf("restore while open elsewhere: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the database")
	}

	stdin.Close()
	if err := helper.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	if code, _, errOut := run(t, path, "restore", backup); code != ExitOK {
		t.Fatalf("restore once closed: %s", errOut)
	}
}

func TestEncryptedBackupFromTheCommandLine(t *testing.T) {
	saved := db.ScryptWorkFactor
	db.ScryptWorkFactor = 10
	t.Cleanup(func() { db.ScryptWorkFactor = saved })
	dir, path := demoBinder(t)
	out := filepath.Join(dir, "usb.db.age")
	t.Setenv(PassphraseVariable, "")
	if code, _, errOut := run(t, path, "backup", "--out", out, "--encrypt"); code != ExitUsage || !strings.Contains(errOut, "passphrase") {
		t.Fatalf("encrypt without a passphrase: %d %q", code, errOut)
	}
	t.Setenv(PassphraseVariable, "county clerk 2026")
	if code, _, errOut := run(t, path, "backup", "--out", out, "--encrypt"); code != ExitOK {
		t.Fatal(errOut)
	}
	t.Setenv(PassphraseVariable, "wrong")
	if code, _, errOut := run(t, path, "restore", out); code != ExitError || !strings.Contains(errOut, "passphrase does not open") {
		t.Fatalf("wrong passphrase: %d %q", code, errOut)
	}
	t.Setenv(PassphraseVariable, "")
	passFile := filepath.Join(dir, "passphrase.txt")
	os.WriteFile(passFile, []byte("county clerk 2026\n"), 0o600)
	if code, stdout, errOut := run(t, path, "restore", out, "--passphrase-file", passFile); code != ExitOK || !strings.Contains(stdout, "Restored") {
		t.Fatalf("restore: %d %q %q", code, stdout, errOut)
	}
}

// Importing a good calendar and a bad one saves neither.
func TestTrainingImportIsAllOrNothing(t *testing.T) {
	dir, path := demoBinder(t)
	good, bad := filepath.Join(dir, "good.ics"), filepath.Join(dir, "bad.ics")
	if code, _, errOut := run(t, path, "training", "export", "--format", "ics", "--out", good); code != ExitOK {
		t.Fatal(errOut)
	}
	os.WriteFile(bad, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:no date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600)
	other := filepath.Join(dir, "other.db")
	code, _, errOut := run(t, other, "training", "import", good, bad)
	if code != ExitError || !strings.Contains(errOut, "nothing was imported") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	if _, list, _ := run(t, other, "training", "list"); strings.Count(list, "\n") != 1 {
		t.Errorf("sessions were kept from the good file:\n%s", list)
	}
	if code, _, errOut := run(t, other, "training", "import", good); code != ExitOK {
		t.Errorf("the good file alone: %s", errOut)
	}
}

func TestPlansNewTakesTheTemplateID(t *testing.T) {
	_, path := demoBinder(t)
	_, list, _ := run(t, path, "templates", "list")
	id := strings.Fields(strings.Split(list, "\n")[1])[0]
	code, out, errOut := run(t, path, "plans", "new", "--template", id, "--title", "By id")
	if code != ExitOK {
		t.Fatalf("plans new --template %s: %s", id, errOut)
	}
	if _, plans, _ := run(t, path, "plans", "list"); !strings.Contains(plans, "By id") || lastLine(out) == "" {
		t.Errorf("plan not made:\n%s", plans)
	}
}

func TestEmptyDatabaseFileIsSaidToBecomeNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	code, _, errOut := run(t, path, "plans", "list")
	if code != ExitOK || !strings.Contains(errOut, "was an empty file") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
}
