package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"electionbinder/internal/exchange"
)

func TestPackagesFromCountyToTownAndBack(t *testing.T) {
	exchange.PassphraseWorkFactor = 10
	t.Cleanup(func() { exchange.PassphraseWorkFactor = 18 })
	dir, county := demoBinder(t)
	town := filepath.Join(dir, "town.db")
	pkg := filepath.Join(dir, "county.ebpkg")
	passFile := filepath.Join(dir, "pass.txt")
	os.WriteFile(passFile, []byte("lake effect snow plow\n"), 0o600)

	if code, _, errOut := run(t, county, "package", "export", "--out", pkg); code != ExitUsage {
		t.Errorf("export without a passphrase: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, county, "package", "export", "--out", pkg, "--passphrase-file", passFile); code != ExitOK {
		t.Fatalf("export: %d %s", code, errOut)
	}
	_, before, _ := run(t, town, "contacts", "list")
	code, out, _ := run(t, town, "package", "import", pkg, "--passphrase-file", passFile, "--dry-run")
	if code != ExitOK || !strings.Contains(out, "New partner") {
		t.Fatalf("dry run: %d %s", code, out)
	}
	if _, after, _ := run(t, town, "contacts", "list"); after != before {
		t.Fatalf("the dry run wrote contacts: %s", after)
	}
	t.Setenv(PassphraseVariable, "lake effect snow plow")
	if code, out, errOut := run(t, town, "package", "import", pkg); code != ExitOK || !strings.Contains(out, "Took in") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	t.Setenv(PassphraseVariable, "not the county's words")
	if code, _, errOut := run(t, town, "package", "import", pkg); code != ExitError || !strings.Contains(errOut, "passphrase") {
		t.Errorf("wrong passphrase: %d %s", code, errOut)
	}

	status := filepath.Join(dir, "town.ebpkg")
	if code, _, errOut := run(t, town, "package", "status", "--out", status); code != ExitOK {
		t.Fatalf("status: %d %s", code, errOut)
	}
	if code, out, errOut := run(t, county, "rollup", "import", dir); code != ExitError || !strings.Contains(out, "1 new") ||
		!strings.Contains(errOut, "county.ebpkg") {
		t.Errorf("roll-up of a folder holding the county's own package too: %d %s %s", code, out, errOut)
	}
	code, out, _ = run(t, county, "rollup", "list")
	if code != ExitGaps || !strings.HasPrefix(out, "id\tmunicipality\tstanding") || !strings.Contains(out, "Overdue") {
		t.Errorf("rollup list: %d %s", code, out)
	}
	report := filepath.Join(dir, "rollup.pdf")
	if code, _, errOut := run(t, county, "rollup", "report", "--out", report); code != ExitOK {
		t.Fatalf("rollup report: %d %s", code, errOut)
	}
	if b, err := os.ReadFile(report); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("the roll-up report is not a PDF (%v)", err)
	}
	text, err := exec.Command("pdftotext", report, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, header := range []string{"\nGaps\n", "\nTraining\n", "\nStanding\n", "\nMunicipality\n"} {
		if !strings.Contains(string(text), header) {
			t.Errorf("the roll-up's column heading %q is broken across lines:\n%s", strings.TrimSpace(header), text)
		}
	}
}
