package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrintingCommands(t *testing.T) {
	dir, dbPath := demoBinder(t)
	code, out, _ := run(t, dbPath, "distribution", "list", "1")
	if code != 0 || !strings.Contains(out, "\t1\tAna Núñez\tCounty Clerk\tClerk's office safe\t") || strings.Count(out, "\n") != 4 {
		t.Fatalf("the sample distribution list: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "distribution", "add", "1", "--copy", "7", "--holder", "Grace Okafor",
		"--title", "IT Director", "--issued", "2026-03-05")
	if code != 0 || strings.TrimSpace(lastLine(out)) == "" {
		t.Fatalf("distribution add: %d %q", code, out)
	}
	copyID := strings.TrimSpace(lastLine(out))
	code, out, _ = run(t, dbPath, "distribution", "list", "1")
	if code != 0 || !strings.HasPrefix(out, "ID\tCOPY\tHOLDER") || !strings.Contains(out, copyID+"\t7\tGrace Okafor\tIT Director\t\t2026-03-05") {
		t.Fatalf("distribution list: %d %q", code, out)
	}
	if code, _, errOut := run(t, dbPath, "distribution", "add", "1", "--copy", "7", "--holder", "Someone else"); code != ExitError ||
		!strings.Contains(errOut, "copy number 7 is already given out") {
		t.Fatalf("a second copy 7: %d %q", code, errOut)
	}
	if code, _, _ := run(t, dbPath, "distribution", "add", "1", "--holder", "Nobody"); code != ExitUsage {
		t.Fatalf("add without --copy exits %d", code)
	}

	full := filepath.Join(dir, "plan.pdf")
	code, out, errOut := run(t, dbPath, "plans", "export", "1", "--out", full)
	if code != 0 || strings.TrimSpace(out) != full {
		t.Fatalf("plans export: %d %q %q", code, out, errOut)
	}
	copyPDF := filepath.Join(dir, "copy7.pdf")
	if code, _, errOut := run(t, dbPath, "distribution", "print", "1", "--copy", "7", "--out", copyPDF); code != 0 {
		t.Fatalf("distribution print: %d %q", code, errOut)
	}
	for _, f := range []string{full, copyPDF} {
		data, err := os.ReadFile(f)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF: %v", f, err)
		}
	}
	if code, _, errOut := run(t, dbPath, "distribution", "print", "1", "--copy", "99", "--out", filepath.Join(dir, "x.pdf")); code != ExitError ||
		!strings.Contains(errOut, `no controlled copy numbered "99"`) {
		t.Fatalf("printing a copy that does not exist: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--out", filepath.Join(dir, "since.pdf"), "--since", "1"); code != ExitError ||
		!strings.Contains(errOut, "revision 1") {
		t.Fatalf("changed pages of a plan never approved: %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "since.pdf")); !os.IsNotExist(err) {
		t.Fatal("a failed export left a file")
	}
	if code, _, _ := run(t, dbPath, "distribution", "remove", copyID); code != 0 {
		t.Fatalf("distribution remove exits %d", code)
	}
	if code, _, errOut := run(t, dbPath, "distribution", "remove", copyID); code != ExitError || !strings.Contains(errOut, "not found") {
		t.Fatalf("removing it again: %d %q", code, errOut)
	}
}
