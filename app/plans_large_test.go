package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/plan"
)

// largePlanFixture writes a plan of n sections, nested three deep, and returns its id.
func largePlanFixture(tb testing.TB, store *plan.Store, n int) int64 {
	tb.Helper()
	doc := plan.Document{Title: "Large plan"}
	for i := range n {
		doc.Sections = append(doc.Sections, plan.DocSection{Depth: i % 3, Title: fmt.Sprintf("Section %d", i+1),
			Body: fmt.Sprintf("Body %d for {{jurisdiction}}.\n\n- [ ] One\n- [x] Two\n\n| A | B |\n|---|---|\n| 1 | 2 |", i+1)})
	}
	id, err := store.Create(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

func openLargePlan(tb testing.TB) (*plansScreen, *plan.Store, int64) {
	path, conn := newTestDB(tb)
	store := plan.NewStore(conn)
	id := largePlanFixture(tb, store, 500)
	u := newTestWindow(tb, path, conn)
	return u.nav.current().(*plansScreen), store, id
}

func TestPlanEditorFiveHundredSections(t *testing.T) {
	s, store, id := openLargePlan(t)
	if len(s.plan.Sections) != 500 || len(s.tree.children[0]) != 167 {
		t.Fatalf("%d sections, %d at the top", len(s.plan.Sections), len(s.tree.children[0]))
	}
	last := s.plan.Sections[499]
	s.focusSearch()
	test.Type(s.tree.filter, "Section 500")
	if s.tree.selected != last.ID || s.section.title.Text != "Section 500" {
		t.Fatalf("find went to %q", s.section.title.Text)
	}
	test.Type(s.section.body, "Edited. ")
	p, _ := store.Load(id)
	if !strings.HasPrefix(p.Sections[499].Body, "Edited. Body 500") {
		t.Errorf("edit in a 500-section plan not saved: %q", p.Sections[499].Body[:20])
	}
}

func BenchmarkOpen500SectionPlanInEditor(b *testing.B) {
	s, _, id := openLargePlan(b)
	b.ResetTimer()
	for b.Loop() {
		s.plan = nil
		s.open(id)
	}
}

func BenchmarkTypeInto500SectionPlan(b *testing.B) {
	s, _, _ := openLargePlan(b)
	s.tree.selectSection(s.plan.Sections[250].ID)
	b.ResetTimer()
	for b.Loop() {
		test.Type(s.section.body, "x")
	}
}
