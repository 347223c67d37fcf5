package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPlansCommands(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "binder.db")
	code, out, _ := run(t, dbPath, "templates", "list")
	if code != 0 || !strings.HasPrefix(out, "ID\tNAME") || !strings.Contains(out, "\tcontingency-plan\ttemplate\t2\t") ||
		!strings.Contains(out, "\twisconsin\tpack\t1\t") {
		t.Fatalf("templates list: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "plans", "new", "--template", "contingency-plan", "--title", "Town of Bay plan")
	if code != 0 || lastLine(out) != "1" {
		t.Fatalf("plans new: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "plans", "list")
	if code != 0 || !strings.Contains(out, "1\tTown of Bay plan\tdraft\t") {
		t.Fatalf("plans list: %d %q", code, out)
	}
	code, out, errOut := run(t, dbPath, "plans", "check", "1")
	if code != ExitGaps || !strings.Contains(out, "no-review-date\tplan\t") || !strings.Contains(errOut, "gaps to fill") {
		t.Fatalf("plans check: %d %q %q", code, out, errOut)
	}
	md := filepath.Join(dir, "plan.md")
	if code, _, errOut = run(t, dbPath, "plans", "export", "1", "--out", md); code != 0 {
		t.Fatalf("plans export: %d %s", code, errOut)
	}
	code, out, _ = run(t, dbPath, "plans", "import", md)
	if code != 0 || lastLine(out) != "2" {
		t.Fatalf("plans import: %d %q", code, out)
	}
	again := filepath.Join(dir, "again.md")
	run(t, dbPath, "plans", "export", "2", "--out", again)
	a, _ := os.ReadFile(md)
	b, _ := os.ReadFile(again)
	if len(a) < 5000 || !bytes.Equal(a, b) {
		t.Errorf("Markdown round trip through the commands changed the plan (%d and %d bytes)", len(a), len(b))
	}
	code, out, _ = run(t, dbPath, "plans", "approve", "1", "--by", "County Board", "--next-review", "2027-11-01")
	if code != 0 || lastLine(out) != "1" {
		t.Fatalf("plans approve: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "plans", "revisions", "1")
	if code != 0 || !strings.Contains(out, "\tCounty Board\t") || !strings.Contains(out, "First approved version") {
		t.Fatalf("plans revisions: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "plans", "list")
	if !strings.Contains(out, "1\tTown of Bay plan\tapproved\t") || !strings.Contains(out, "\t2027-11-01\t") {
		t.Errorf("plans list after approval: %q", out)
	}
	since := filepath.Join(dir, "since.md")
	if code, _, errOut = run(t, dbPath, "plans", "export", "1", "--out", since, "--since", "1"); code != 0 {
		t.Fatalf("export --since: %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(since); !strings.Contains(string(data), "(changes since revision 1)") || strings.Contains(string(data), "\n# ") {
		t.Errorf("export --since 1 of an unchanged plan: %q", data)
	}
	rev1 := filepath.Join(dir, "rev1.md")
	if code, _, errOut = run(t, dbPath, "plans", "export", "1", "--revision", "1", "--out", rev1); code != 0 {
		t.Fatalf("export --revision: %d %s", code, errOut)
	}
	if data, _ := os.ReadFile(rev1); !bytes.Equal(data, a) {
		t.Errorf("revision 1 as Markdown differs from the plan it approved")
	}
	if code, _, _ = run(t, dbPath, "plans", "export", "1", "--revision", "9", "--out", rev1); code != ExitError {
		t.Errorf("exporting a missing revision exited %d", code)
	}
	for _, bad := range [][]string{
		{"plans", "export", "1", "--revision", "1", "--since", "1", "--out", filepath.Join(dir, "x.pdf")},
		{"plans", "export", "1", "--copy", "1", "--out", filepath.Join(dir, "x.md")},
		{"plans", "export", "1", "--list"},
		{"plans", "approve", "1"},
		{"plans", "approve", "1", "--by", "X", "--next-review", "soon"},
		{"plans", "new"},
		{"plans", "check", "x"},
		{"plans", "export", "1", "--out", filepath.Join(dir, "plan.txt")},
	} {
		if code, _, _ := run(t, dbPath, bad...); code != ExitUsage {
			t.Errorf("%q exited %d, want %d", bad, code, ExitUsage)
		}
	}
	if code, _, _ := run(t, dbPath, "plans", "check", "99"); code != ExitError {
		t.Errorf("checking a missing plan exited %d", code)
	}
}

func TestTemplatesShareBetweenOffices(t *testing.T) {
	dir := t.TempDir()
	county, town := filepath.Join(dir, "county.db"), filepath.Join(dir, "town.db")
	run(t, county, "plans", "new", "--template", "contingency-plan", "--title", "County plan")
	if code, out, errOut := run(t, county, "templates", "export", "contingency-plan", "--out", filepath.Join(dir, "x.md")); code != 0 {
		t.Fatalf("templates export: %d %q %q", code, out, errOut)
	}
	file := filepath.Join(dir, "builtin.md")
	run(t, county, "templates", "export", "contingency-plan", "--out", file)
	code, out, errOut := run(t, town, "templates", "import", file)
	if code != ExitError || !strings.Contains(errOut, "built-in") {
		t.Errorf("importing under the built-in name: %d %q", code, errOut)
	}
	code, out, _ = run(t, town, "templates", "import", file, "--name", "lakeshore-county")
	if code != 0 || !strings.Contains(out, `Template "lakeshore-county", version 2`) {
		t.Fatalf("templates import: %d %q", code, out)
	}
	code, out, _ = run(t, town, "templates", "import", file, "--name", "lakeshore-county")
	if code != 0 || !strings.Contains(out, "version 3") {
		t.Errorf("second import: %d %q", code, out)
	}
	code, out, _ = run(t, town, "plans", "new", "--template", "lakeshore-county")
	if code != 0 || lastLine(out) != "1" {
		t.Fatalf("plan from the shared template: %d %q", code, out)
	}
	_, out, _ = run(t, town, "templates", "list")
	if !strings.Contains(out, "\tlakeshore-county\ttemplate\t3\t") {
		t.Errorf("templates list: %q", out)
	}
}

func TestPlansImportInto(t *testing.T) {
	dir, dbPath := demoBinder(t)
	md := filepath.Join(dir, "plan.md")
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--out", md); code != 0 {
		t.Fatalf("plans export: %d %s", code, errOut)
	}
	data, _ := os.ReadFile(md)
	edited := addBeforeSecondHeading(string(data), "Every poll worker is trained.")
	if err := os.WriteFile(md, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, dbPath, "plans", "import", md, "--into", "1", "--dry-run")
	if code != 0 || !strings.Contains(out, "changed\tsection\t") || !strings.Contains(out, "Nothing written: 1 changed, 0 added, 0 removed.") {
		t.Fatalf("--dry-run: %d %q", code, out)
	}
	if _, list, _ := run(t, dbPath, "plans", "list"); strings.Count(list, "\n") != 2 {
		t.Fatalf("--dry-run wrote something: %q", list)
	}
	code, out, _ = run(t, dbPath, "plans", "import", md, "--into", "1")
	if code != 0 || lastLine(out) != "1" || !strings.Contains(out, "Brought into plan 1 as a draft: 1 changed") {
		t.Fatalf("--into: %d %q", code, out)
	}
	again := filepath.Join(dir, "again.md")
	run(t, dbPath, "plans", "export", "1", "--out", again)
	if b, _ := os.ReadFile(again); !bytes.Equal(b, []byte(edited)) {
		t.Error("the plan brought back in does not export as the edited file")
	}
	for _, bad := range [][]string{{"plans", "import", md, "--dry-run"}, {"plans", "import", md, "--into", "1", "--title", "x"}} {
		if code, _, _ := run(t, dbPath, bad...); code != ExitUsage {
			t.Errorf("%q exited %d", bad, code)
		}
	}
	if code, _, errOut := run(t, dbPath, "plans", "import", md, "--into", "9"); code != ExitError || errOut == "" {
		t.Errorf("--into a missing plan: %d %q", code, errOut)
	}
}

// addBeforeSecondHeading adds a paragraph at the end of the first
// subsection of a plan's Markdown.
func addBeforeSecondHeading(md, paragraph string) string {
	first := strings.Index(md, "\n## ")
	second := first + 1 + strings.Index(md[first+1:], "\n## ")
	return md[:second] + "\n" + paragraph + "\n" + md[second:]
}
