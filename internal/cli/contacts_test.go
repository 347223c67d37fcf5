package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"electionbinder/internal/db"
)

func TestContactsCommands(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "binder.db")
	sample := filepath.Join("..", "contacts", "testdata")

	code, out, errOut := run(t, path, "contacts", "import", "--dry-run", filepath.Join(sample, "outlook.csv"))
	if code != 0 || !strings.HasPrefix(out, "3 new, 0 updated, 0 duplicates, 0 rejected") || !strings.Contains(out, "Nothing was written") {
		t.Fatalf("dry run: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, path, "contacts", "list", "--search", "nunez")
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("a dry run wrote contacts: %q", out)
	}

	code, out, errOut = run(t, path, "contacts", "import", filepath.Join(sample, "outlook.csv"), filepath.Join(sample, "rejects.csv"))
	if code != 0 || !strings.Contains(out, "rejects.csv line 4: rejected: The office phone") || !strings.Contains(out, "Imported 6 contacts.") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}

	code, out, _ = run(t, path, "contacts", "list", "--level", "vendor")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || !strings.HasPrefix(lines[0], "id\tname\t") {
		t.Fatalf("list: %d %q", code, out)
	}
	var names []string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 11 || f[0] == "" || f[4] != "vendor" {
			t.Errorf("list row %q", l)
		}
		names = append(names, f[1])
	}
	if got := strings.Join(names, ","); !strings.Contains(got, "Example Voting Systems Inc.") || !strings.Contains(got, "Samuel Oyelaran") {
		t.Errorf("vendors listed: %s", got)
	}

	out1 := filepath.Join(dir, "out.csv")
	if code, _, errOut = run(t, path, "contacts", "export", "--format", "csv", "--out", out1); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	data, _ := os.ReadFile(out1)
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBFUUID,")) || !bytes.Contains(data, []byte("Núñez")) {
		t.Errorf("export starts %q", data[:20])
	}
	code, out, _ = run(t, path, "contacts", "import", out1)
	if code != 0 || !strings.Contains(out, " 0 new, 0 updated") && !strings.HasPrefix(out, "0 new, 0 updated") {
		t.Errorf("importing our own export: %q", out)
	}

	code, out, _ = run(t, path, "contacts", "calltree")
	if code != ExitGaps || !strings.Contains(out, "State elections help desk\tstate-elections-help-desk\tprimary") {
		t.Errorf("calltree: %d %q", code, out)
	}

	for _, bad := range [][]string{
		{"contacts", "import"},
		{"contacts", "export", "--format", "pdf"},
		{"contacts", "list", "--level", "galactic"},
		{"contacts", "list", "--role", "no-such-role"},
	} {
		if code, _, _ := run(t, path, bad...); code != ExitUsage {
			t.Errorf("%v exits %d, want %d", bad, code, ExitUsage)
		}
	}
	if code, _, errOut := run(t, path, "contacts", "import", filepath.Join(dir, "missing.csv")); code != ExitError || strings.Count(errOut, "\n") != 1 {
		t.Errorf("a missing file exits %d with %q", code, errOut)
	}
}

func TestDemoLoadsContacts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "binder.db")
	if code, out, errOut := run(t, path, "demo"); code != 0 || !strings.Contains(out, "contact directory") {
		t.Fatalf("demo: %d %q %q", code, out, errOut)
	}
	run(t, path, "demo")
	code, out, _ := run(t, path, "contacts", "list", "--role", "it-support")
	if code != 0 || strings.Count(out, "Grace Okafor") != 1 || !strings.Contains(out, "IT support (primary)") {
		t.Errorf("list --role it-support after two demo runs: %q", out)
	}
}

// TestCallTreeHolderWithoutNumberIsAGap: a role whose backup has no number to
// call is listed as a gap, and both calltree and plans check exit 3 for it.
func TestCallTreeHolderWithoutNumberIsAGap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "binder.db")
	if code, _, errOut := run(t, path, "demo"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	conn, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, step := range []string{
		`INSERT INTO roles(uuid, slug, name, position) VALUES('r-relay', 'relay', 'Relay', 99)`,
		`INSERT INTO contacts(uuid, kind, name, office_phone) VALUES('c-one', 'person', 'Olive One', '(920) 555-0111')`,
		`INSERT INTO contacts(uuid, kind, name, email) VALUES('c-two', 'person', 'Nora Nophone', 'nora@example.gov')`,
		`INSERT INTO role_holders(role_id, contact_id, rank) SELECT r.id, c.id, 0 FROM roles r, contacts c WHERE r.slug = 'relay' AND c.uuid = 'c-one'`,
		`INSERT INTO role_holders(role_id, contact_id, rank) SELECT r.id, c.id, 1 FROM roles r, contacts c WHERE r.slug = 'relay' AND c.uuid = 'c-two'`,
	} {
		if _, err := conn.Exec(step); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, path, "contacts", "calltree")
	if code != ExitGaps || !strings.Contains(out, "Relay\trelay\tgap\t\tNora Nophone has no phone number\t") ||
		!strings.Contains(errOut, "a number to call") {
		t.Errorf("calltree: %d %q %q", code, out, errOut)
	}
	if _, err := conn.Exec(`UPDATE plan_sections SET body = body || ' Call {{role:relay}}.' WHERE id = (SELECT min(id) FROM plan_sections)`); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, path, "plans", "check", "1")
	if code != ExitGaps || !strings.Contains(out, "Nora Nophone, who holds the role Relay, has no phone number to call.") {
		t.Errorf("plans check: %d %q", code, out)
	}
}
