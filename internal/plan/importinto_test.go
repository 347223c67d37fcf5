package plan

import (
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

	doc := DocumentOf(before)
	renamed, grown := 2, 4
	gone := -1
	for i := 6; i+1 < len(doc.Sections); i++ {
		if doc.Sections[i].Depth > 0 && doc.Sections[i+1].Depth <= doc.Sections[i].Depth {
			gone = i
			break
		}
	}
	want := map[string]ChangeKind{"Renamed section": Changed, doc.Sections[grown].Title: Changed,
		doc.Sections[gone].Title: Removed, "Flood closes the county building": Added}
	doc.Sections[renamed].Title = "Renamed section"
	doc.Sections[grown].Body += "\n\nEvery poll worker is trained before each election."
	doc.Sections = append(doc.Sections[:gone], doc.Sections[gone+1:]...)
	doc.Scenarios = append(doc.Scenarios, Scenario{Title: "Flood closes the county building", Description: "Water in the basement."})
	text := string(WriteMarkdown(doc))
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
		if sec.Title == "Renamed section" && sec.Guidance != before.Sections[renamed].Guidance {
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
