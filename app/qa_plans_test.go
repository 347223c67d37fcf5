package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/plan"
)

// A section far longer than anyone types (a whole Word document imported
// without headings) opens at once and is never overwritten: the text field
// stays empty and disabled, the preview shows its start, the title still saves.
func TestPlanEditorSectionTooLongToEdit(t *testing.T) {
	path, conn := newTestDB(t)
	store := plan.NewStore(conn)
	huge := strings.Repeat("A paragraph of the old plan, kept in Word for years.\n\n", 150<<10/54)
	id, err := store.Create(plan.Document{Title: "Big", Sections: []plan.DocSection{{Title: "Short", Body: "Short body."}, {Title: "Introduction", Body: huge}}})
	if err != nil {
		t.Fatal(err)
	}
	s := newTestWindow(t, path, conn).nav.current().(*plansScreen)
	short, long := s.plan.Sections[0].ID, s.plan.Sections[1].ID
	s.tree.selectSection(long)
	if !s.section.body.Disabled() || s.section.body.Text != "" || !s.section.tooLong.Visible() {
		t.Fatalf("a %d KB body was loaded into the text field", len(huge)>>10)
	}
	if got := planRichText(s.section.preview); !strings.HasPrefix(got, "A paragraph of the old plan") || !strings.Contains(got, "The preview stops here") {
		t.Errorf("preview = %q…", got[:min(len(got), 60)])
	}
	test.Type(s.section.title, "Old ")
	s.tree.selectSection(short)
	if s.section.body.Disabled() || s.section.body.Text != "Short body." || s.section.tooLong.Visible() {
		t.Errorf("the next section is not editable: %q", s.section.body.Text)
	}
	p, _ := store.Load(id)
	if p.Sections[1].Title != "Old Introduction" || p.Sections[1].Body != huge {
		t.Errorf("title %q, body of %d bytes; want the title edited and the body kept", p.Sections[1].Title, len(p.Sections[1].Body))
	}
}
