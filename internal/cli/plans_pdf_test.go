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
	if code != 0 || !strings.Contains(out, "\t1\tAna Núñez\tCounty Clerk\tClerk's office safe\t") || strings.Count(out, "\n") != 4 ||
		!strings.Contains(out, "\t-\tnot printed yet\n") {
		t.Fatalf("the sample distribution list: %d %q", code, out)
	}
	code, out, _ = run(t, dbPath, "distribution", "add", "1", "--copy", "7", "--holder", "Grace Okafor",
		"--title", "IT Director", "--issued", "2026-03-05")
	if code != 0 || strings.TrimSpace(lastLine(out)) == "" {
		t.Fatalf("distribution add: %d %q", code, out)
	}
	copyID := strings.TrimSpace(lastLine(out))
	code, out, _ = run(t, dbPath, "distribution", "list", "1")
	if code != 0 || !strings.HasPrefix(out, "ID\tCOPY\tHOLDER\tTITLE\tLOCATION\tISSUED\tREVISION\tSTATUS\n") ||
		!strings.Contains(out, copyID+"\t7\tGrace Okafor\tIT Director\t\t2026-03-05\t") {
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
	if code, _, errOut := run(t, dbPath, "distribution", "print", "1", "--copy", "7", "--out", copyPDF); code != ExitError ||
		!strings.Contains(errOut, "never been approved") {
		t.Fatalf("a controlled copy of a draft: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, dbPath, "plans", "approve", "1", "--by", "Ana Núñez"); code != 0 {
		t.Fatalf("plans approve: %d %q", code, errOut)
	}
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
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--out", filepath.Join(dir, "since.pdf"), "--since", "2"); code != ExitError ||
		!strings.Contains(errOut, "no revision 2") {
		t.Fatalf("changed pages since a revision never approved: %d %q", code, errOut)
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

// Replacement pages from the command line: a copy printed before a change
// of plan and directory lists the pages it needs, gets them, and is then up
// to date; an old revision reprints to the same bytes.
func TestReplacementPagesCommands(t *testing.T) {
	dir, dbPath := demoBinder(t)
	if code, _, errOut := run(t, dbPath, "plans", "approve", "1", "--by", "Ana Núñez"); code != 0 {
		t.Fatalf("plans approve: %d %q", code, errOut)
	}
	rev1 := filepath.Join(dir, "rev1.pdf")
	for _, args := range [][]string{
		{"plans", "export", "1", "--out", rev1},
		{"distribution", "print", "1", "--copy", "1", "--out", filepath.Join(dir, "copy1.pdf")},
		{"plans", "new", "--template", "contingency-plan", "--title", "Second plan"},
	} {
		if code, _, errOut := run(t, dbPath, args...); code != 0 {
			t.Fatalf("%q: %d %q", args, code, errOut)
		}
	}
	code, out, _ := run(t, dbPath, "plans", "export", "1", "--since", "1", "--list", "--copy", "1")
	if code != 0 || out != "" {
		t.Fatalf("an up-to-date copy lists pages: %d %q", code, out)
	}
	if code, _, errOut := run(t, dbPath, "plans", "approve", "1", "--by", "Ana Núñez", "--summary", "Reviewed."); code != 0 {
		t.Fatalf("second approval: %d %q", code, errOut)
	}
	code, out, _ = run(t, dbPath, "plans", "export", "1", "--since", "1", "--list", "--copy", "1")
	if code != 0 || !strings.Contains(out, "remove\ti\n") || !strings.Contains(out, "insert\ti\n") {
		t.Fatalf("--list after a new revision: %d %q", code, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if action, label, ok := strings.Cut(line, "\t"); !ok || (action != "remove" && action != "insert") || label == "" {
			t.Errorf("--list row %q", line)
		}
	}
	code, state, _ := run(t, dbPath, "distribution", "list", "1")
	if code != 0 || !strings.Contains(state, "\t1\tneeds replacement pages: take out") {
		t.Errorf("distribution list does not say copy 1 needs pages: %q", state)
	}
	packet := filepath.Join(dir, "packet.pdf")
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--since", "1", "--copy", "1", "--out", packet); code != 0 {
		t.Fatalf("the copy's packet: %d %q", code, errOut)
	}
	if _, out, _ := run(t, dbPath, "distribution", "list", "1"); !strings.Contains(out, "\t2\tup to date\n") {
		t.Errorf("after its packet, copy 1 is not up to date: %q", out)
	}
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--since", "2", "--copy", "1", "--out", packet); code != ExitError ||
		!strings.Contains(errOut, "up to date") {
		t.Errorf("a packet for an up-to-date copy: %d %q", code, errOut)
	}
	again := filepath.Join(dir, "rev1-again.pdf")
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--revision", "1", "--out", again); code != 0 {
		t.Fatalf("reprinting revision 1: %d %q", code, errOut)
	}
	a, _ := os.ReadFile(rev1)
	b, _ := os.ReadFile(again)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("revision 1 reprinted is not the binder printed then (%d and %d bytes)", len(a), len(b))
	}
}
