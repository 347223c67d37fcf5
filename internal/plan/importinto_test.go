package plan

import (
	"strings"
	"testing"
	"time"
)

// A plan exported as Markdown, edited (a section changed, one renamed, one
// deleted, a scenario added) and brought back into the same plan becomes a
// new draft whose sections keep their identity, so the next revision lists
// only what the clerk changed.
func TestReimportEditedMarkdown(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.CreateFromTemplate(BuiltinTemplate, "Reimport")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Approve(id, Approval{ApprovedBy: "Ana Núñez", At: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	md, err := s.ExportMarkdown(id)
	if err != nil {
		t.Fatal(err)
	}
	same, err := s.PrepareReimport(id, md)
	if err != nil {
		t.Fatal(err)
	}
	if c, a, r := same.Counts(); c+a+r != 0 {
		t.Fatalf("the plan's own export changes %d, adds %d, removes %d", c, a, r)
	}
	before, _ := s.Load(id)

	text := string(md)
	text = strings.Replace(text, "### Physical security", "### Building security", 1)
	text = strings.Replace(text, "\n## Resources", "\nEvery poll worker is trained before each election.\n\n## Resources", 1)
	start := strings.Index(text, "## Resources")
	end := strings.Index(text, "# Part 2")
	text = text[:start] + text[end:]
	text += "\n# Scenario: Flood closes the county building\n\nWater in the basement.\n"
	edited, err := s.PrepareReimport(id, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]ChangeKind{}
	for _, c := range edited.Changes {
		if c.Kind != Unchanged {
			kinds[c.Title] = c.Kind
		}
	}
	want := map[string]ChangeKind{"Building security": Changed, "Training": Changed, "Resources": Removed,
		"Flood closes the county building": Added}
	if len(kinds) != len(want) {
		t.Errorf("changes %v, want %v", kinds, want)
	}
	for title, k := range want {
		if kinds[title] != k {
			t.Errorf("%q is %q, want %q", title, kinds[title], k)
		}
	}
	if now, _ := s.Load(id); now.Status != Approved {
		t.Fatal("preparing the import changed the plan")
	}
	if err := s.ApplyReimport(edited); err != nil {
		t.Fatal(err)
	}
	after, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if after.Status != Draft || len(after.Sections) != len(before.Sections)-1 || len(after.Scenarios) != len(before.Scenarios)+1 {
		t.Fatalf("after the import: %s, %d sections, %d scenarios", after.Status, len(after.Sections), len(after.Scenarios))
	}
	uuids := map[string]bool{}
	for _, sec := range before.Sections {
		uuids[sec.UUID] = true
	}
	for _, sec := range after.Sections {
		if !uuids[sec.UUID] {
			t.Errorf("section %q lost its identity", sec.Title)
		}
		if sec.Title == "Building security" && sec.Guidance == "" {
			t.Error("the renamed section lost its guidance")
		}
	}
	changes, err := s.ChangedSince(id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes.Sections) != 2 || len(changes.Scenarios) != 1 || len(changes.Removed) != 1 {
		t.Errorf("since revision 1: %d sections, %d scenarios changed, removed %v", len(changes.Sections), len(changes.Scenarios), changes.Removed)
	}
	for _, bad := range []string{"", "   \n", "\x00\x01binary"} {
		if _, err := s.PrepareReimport(id, []byte(bad)); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
