package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pdfPageTexts reads a PDF's pages with poppler's pdftotext; CI installs
// poppler, so there a missing one fails, elsewhere the test skips.
func pdfPageTexts(t *testing.T, path string) []string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed (poppler-utils)")
		}
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command(tool, "-layout", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	text := strings.ReplaceAll(string(out), "\u00a0", " ")
	pages := strings.Split(text, "\f")
	return pages[:len(pages)-1]
}

// exportDemo loads the sample county and prints its plan.
func exportDemo(t *testing.T) []string {
	t.Helper()
	dir, dbPath := demoBinder(t)
	out := filepath.Join(dir, "plan.pdf")
	if code, _, errOut := run(t, dbPath, "plans", "export", "1", "--out", out); code != ExitOK {
		t.Fatalf("plans export: %d %s", code, errOut)
	}
	return pdfPageTexts(t, out)
}

// The sample county's call tree (17 people) is a notification list of at
// most two pages, every band stays with its first people, and every gap is
// marked on paper.
func TestDemoCallTreeFitsOnTwoPages(t *testing.T) {
	pages := exportDemo(t)
	var tree []string
	for _, p := range pages {
		if strings.Contains(firstLines(p, 3), "Call tree") {
			tree = append(tree, p)
		}
	}
	if len(tree) == 0 || len(tree) > 2 {
		t.Fatalf("the call tree takes %d pages, want 1 or 2", len(tree))
	}
	all := strings.Join(tree, "\n")
	if !strings.Contains(all, "GAP: no backup") {
		t.Error("a role without a backup is not marked on the call tree")
	}
	for _, band := range []string{"State", "County", "Municipal", "Vendors"} {
		for i, p := range tree {
			lines := bodyLines(p)
			if len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == band {
				t.Errorf("the %q band is alone at the foot of call-tree page %d", band, i+1)
			}
		}
	}
}

// Every page of a scenario's checklist shows the numbers of the roles its
// steps name.
func TestDemoScenarioPagesShowNumbers(t *testing.T) {
	pages := exportDemo(t)
	phone := regexp.MustCompile(`\(\d{3}\) \d{3}-\d{4}`)
	seen := 0
	for i, p := range pages {
		if !strings.Contains(p, "Responsible") || !strings.Contains(p, "Primary:") {
			continue
		}
		seen++
		if !phone.MatchString(p) {
			t.Errorf("scenario page %d names roles but shows no numbers:\n%s", i+1, p)
		}
	}
	if seen < 8 {
		t.Fatalf("found %d scenario pages with steps, want one per sample scenario at least", seen)
	}
	for _, want := range []string{"IT support", "Primary: Grace Okafor", "O (920) 555-0150", "M (920) 555-0151", "AH (920) 555-0152", "Backup: Tomasz Wiśniewski"} {
		if !strings.Contains(squashSpaces(strings.Join(pages, " ")), want) {
			t.Errorf("no scenario page shows %q", want)
		}
	}
}

// firstLines returns the first n non-blank lines of a page.
func firstLines(page string, n int) string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		if strings.TrimSpace(l) != "" && len(out) < n {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// bodyLines are the non-blank lines of a page above its footer.
func bodyLines(page string) []string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	if len(out) > 2 {
		out = out[:len(out)-2]
	}
	return out
}

func squashSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// plans picture stores a picture with the plan and prints the line that
// shows it; a file that is not a picture is refused with a plain message.
func TestPlansPictureCommand(t *testing.T) {
	dir, dbPath := demoBinder(t)
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 12, 8))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "evacuation plan.png")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, dbPath, "plans", "picture", "1", file)
	if code != ExitOK || out != "![evacuation-plan.png](evacuation-plan.png)\n" {
		t.Fatalf("plans picture: %d %q %q", code, out, errOut)
	}
	notes := filepath.Join(dir, "notes.png")
	os.WriteFile(notes, []byte("hello"), 0o644)
	if code, _, errOut := run(t, dbPath, "plans", "picture", "1", notes); code != ExitError || !strings.Contains(errOut, "not a PNG, JPEG or GIF") {
		t.Errorf("a text file: %d %q", code, errOut)
	}
	if code, _, _ := run(t, dbPath, "plans", "picture", "1"); code != ExitUsage {
		t.Errorf("no file: exit %d", code)
	}
}
