package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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

// Undo after switching to another plan puts the section back where it was
// and shows it there, instead of restoring it out of sight.
func TestPlanEditorUndoAfterSwitchingPlans(t *testing.T) {
	s, store, a := openPlanEditor(t)
	b, err := store.Create(plan.Document{Title: "Other plan", Sections: []plan.DocSection{{Title: "Only", Body: "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	s.reloadList(a)
	training := planSectionID(t, s.plan, "Training requirements and tracking")
	s.tree.selectSection(training)
	test.Tap(s.tree.remove)
	s.tree.confirm.Confirm()
	s.reloadList(b)
	if s.plan.ID != b {
		t.Fatalf("plan %d open, want %d", s.plan.ID, b)
	}
	test.Tap(s.tree.undo)
	if p, _ := store.Load(a); sectionIndexIn(p, training) < 0 {
		t.Fatal("undo did not put the section back")
	}
	if s.plan.ID != a || s.tree.selected != training || s.section.title.Text != "Training requirements and tracking" {
		t.Errorf("after undo the editor shows plan %d, section %q; want the restored section in its plan", s.plan.ID, s.section.title.Text)
	}
	if s.picker.Selected != planPickerLabel(s.plans[s.picker.SelectedIndex()]) || s.plans[s.picker.SelectedIndex()].ID != a {
		t.Errorf("the plan picker shows %q", s.picker.Selected)
	}
}

// sectionIndexIn is the index of a section in a loaded plan, or -1.
func sectionIndexIn(p *plan.Plan, id int64) int {
	for i, sec := range p.Sections {
		if sec.ID == id {
			return i
		}
	}
	return -1
}

// A list item of two paragraphs (Word's tab-indented line under an item)
// previews as two runs of words, not glued into one word.
func TestPreviewListItemOfTwoParagraphs(t *testing.T) {
	var text strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(list []widget.RichTextSegment) {
		for _, seg := range list {
			switch s := seg.(type) {
			case *widget.TextSegment:
				text.WriteString(s.Text)
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			}
		}
	}
	walk(markdownSegments("1. Second\n\n\tIndented with tab\n"))
	if got := text.String(); !strings.Contains(got, "Second Indented") && !strings.Contains(got, "Second\nIndented") {
		t.Errorf("preview text = %q", got)
	}
}

// The plan picker names the open plan by its title as it is now.
func TestPlanPickerFollowsTheTitle(t *testing.T) {
	s, _, id := openPlanEditor(t)
	test.Type(s.title, "Renamed ")
	want := planPickerLabel(plan.Summary{ID: id, Title: s.plan.Title, Status: plan.Draft})
	if !strings.HasPrefix(s.plan.Title, "Renamed ") || s.picker.Selected != want || s.picker.Options[s.picker.SelectedIndex()] != want {
		t.Errorf("picker shows %q; want %q", s.picker.Selected, want)
	}
	if s.plan.ID != id {
		t.Error("relabelling reopened another plan")
	}
}

// The preview shows HTML as the binder prints it: comments hidden, tags gone.
func TestPreviewOfHTMLMatchesThePrint(t *testing.T) {
	var text strings.Builder
	for _, seg := range markdownSegments("<!-- Bob's cell 555-0199 -->\n\n<div>\n<b>Call</b> &amp; wait\n</div>\n") {
		if ts, ok := seg.(*widget.TextSegment); ok {
			text.WriteString(ts.Text)
		}
	}
	if got := text.String(); strings.Contains(got, "555-0199") || strings.Contains(got, "<") || !strings.Contains(got, "Call & wait") {
		t.Errorf("preview = %q", got)
	}
}
