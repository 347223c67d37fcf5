package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// openPlanEditor starts the window over a new database holding one plan
// from the built-in template, and returns the Plans screen.
func openPlanEditor(t *testing.T) (*plansScreen, *plan.Store, int64) {
	t.Helper()
	path, conn := newTestDB(t)
	id := addTestPlan(t, conn)
	store := plan.NewStore(conn)
	u := newTestWindow(t, path, conn)
	s, ok := u.nav.current().(*plansScreen)
	if !ok || s.plan == nil || s.plan.ID != id {
		t.Fatalf("the Plans screen did not open the plan")
	}
	s.today = func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }
	return s, store, id
}

func planSectionID(t *testing.T, p *plan.Plan, title string) int64 {
	t.Helper()
	for _, sec := range p.Sections {
		if sec.Title == title {
			return sec.ID
		}
	}
	t.Fatalf("no section %q", title)
	return 0
}

func planRichText(rt *widget.RichText) string {
	var b strings.Builder
	var walk func(segs []widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, seg := range segs {
			switch s := seg.(type) {
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			default:
				b.WriteString(seg.Textual())
			}
		}
	}
	walk(rt.Segments)
	return b.String()
}

func TestPlanEditorSavesAsYouTypeAndPreviews(t *testing.T) {
	s, store, id := openPlanEditor(t)
	purpose := planSectionID(t, s.plan, "Purpose, scope and readers")
	s.tree.selectSection(purpose)
	if s.section.title.Text != "Purpose, scope and readers" || !strings.Contains(s.section.guidance.Text, "Guidance:") {
		t.Fatalf("editor shows %q / %q", s.section.title.Text, s.section.guidance.Text)
	}
	preview := planRichText(s.section.preview)
	if !strings.Contains(preview, "This plan helps the Lakeshore County election office") || strings.Contains(preview, "{{jurisdiction}}") {
		t.Errorf("preview does not fill placeholders: %q", preview)
	}
	test.Type(s.section.body, "- [ ] **Call** {{county}}\n\n")
	p, _ := store.Load(id)
	sec, _ := p.Section(purpose)
	if !strings.HasPrefix(sec.Body, "- [ ] **Call** {{county}}\n\nThis plan") {
		t.Fatalf("the body was not saved as typed: %q", sec.Body[:60])
	}
	if got := planRichText(s.section.preview); !strings.HasPrefix(got, "☐ Call Lakeshore County") {
		t.Errorf("the preview did not follow the typing: %q", got[:min(len(got), 80)])
	}
	if s.u.status.label.Text != "Saved" {
		t.Errorf("status line = %q", s.u.status.label.Text)
	}
	test.Type(s.section.title, " (edited)")
	if p, _ := store.Load(id); p.Sections[s.sectionIndex(purpose)].Title != "(edited)Purpose, scope and readers" {
		t.Errorf("title not saved: %q", p.Sections[s.sectionIndex(purpose)].Title)
	}
}

func TestPlanEditorTreeAddRemoveUndo(t *testing.T) {
	s, store, id := openPlanEditor(t)
	before := len(s.plan.Sections)
	training := planSectionID(t, s.plan, "Training requirements and tracking")
	s.tree.selectSection(training)
	test.Tap(s.tree.add)
	if len(s.plan.Sections) != before+1 || s.section.title.Text != "New section" {
		t.Fatalf("add: %d sections, editor on %q", len(s.plan.Sections), s.section.title.Text)
	}
	added := s.tree.selected
	if i := s.sectionIndex(added); s.plan.Sections[i-1].ID != training && s.plan.Sections[i-1].ParentID != training {
		t.Errorf("the new section is not right after Training")
	}
	s.section.title.SetText("Exercises")
	test.Tap(s.tree.indent)
	p, _ := store.Load(id)
	if sec, _ := p.Section(added); sec.ParentID != training || sec.Title != "Exercises" {
		t.Fatalf("indent/rename: %+v", sec)
	}
	s.tree.selectSection(training)
	test.Tap(s.tree.remove)
	if s.tree.confirm == nil {
		t.Fatal("removing did not ask first")
	}
	s.tree.confirm.Confirm()
	if p, _ := store.Load(id); len(p.Sections) != before-1 {
		t.Fatalf("after remove: %d sections, want %d", len(p.Sections), before-1)
	}
	test.Tap(s.tree.undo)
	p, _ = store.Load(id)
	if len(p.Sections) != before+1 {
		t.Fatalf("after undo: %d sections", len(p.Sections))
	}
	if sec, _ := p.Section(added); sec.ParentID != training {
		t.Errorf("undo lost the subsection")
	}
	if s.tree.undo.Disabled() == false {
		t.Error("undo stays enabled after use")
	}
}

func TestPlanEditorGapsJumpToTheSpot(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	vendors := planSectionID(t, s.plan, "Vendors")
	s.tree.selectSection(vendors)
	s.section.body.SetText("")
	index := -1
	for i, g := range s.gaps.gaps {
		if g.Kind == plan.GapEmptySection && g.SectionID == vendors {
			index = i
		}
	}
	if index < 0 {
		t.Fatalf("emptying a section did not add a gap: %+v", s.gaps.gaps)
	}
	s.tree.selectSection(planSectionID(t, s.plan, "Training requirements and tracking"))
	s.gaps.list.Select(index)
	if s.tree.selected != vendors || s.section.title.Text != "Vendors" {
		t.Errorf("choosing the gap went to %q", s.section.title.Text)
	}
	for i, g := range s.gaps.gaps {
		if g.ScenarioID != 0 {
			s.gaps.list.Select(i)
			if s.scen.selected != g.ScenarioID {
				t.Errorf("a scenario gap did not open its scenario")
			}
			break
		}
	}
}

func TestPlanEditorScenarioSteps(t *testing.T) {
	s, store, id := openPlanEditor(t)
	s.scen.list.Select(0)
	first := s.plan.Scenarios[0]
	if s.scenario.title.Text != first.Title || len(s.scenario.response.rows) != len(first.Response) {
		t.Fatalf("scenario editor shows %q with %d steps", s.scenario.title.Text, len(s.scenario.response.rows))
	}
	test.Tap(s.scenario.response.add)
	row := s.scenario.response.rows[len(s.scenario.response.rows)-1]
	row.role.SetText("it-support")
	if row.holder.Text != "not in the directory" {
		t.Errorf("holder of an unknown role: %q", row.holder.Text)
	}
	test.Type(row.action, "Check the backups")
	s.scenario.severity.SetSelected("critical")
	s.scenario.response.move(len(s.scenario.response.rows)-1, -1)
	p, _ := store.Load(id)
	sc, _ := p.Scenario(first.ID)
	n := len(sc.Response)
	if n != len(first.Response)+1 || sc.Response[n-2].Action != "Check the backups" || sc.Response[n-2].Role != "it-support" ||
		sc.Severity != plan.Critical {
		t.Fatalf("scenario not saved: %+v", sc)
	}
	if sc.Response[n-2].UUID == "" || sc.Response[n-2].UUID != s.scenario.response.rows[n-2].uuid {
		t.Error("the new step's UUID is not kept by the editor")
	}
	s.scenario.title.SetText("")
	test.Type(s.scenario.description, "Seen first at night. ")
	if p, _ := store.Load(id); p.Scenarios[0].Title != first.Title || !strings.HasPrefix(p.Scenarios[0].Description, "Seen first at night. ") {
		t.Errorf("with the title cleared: %q / %q", p.Scenarios[0].Title, p.Scenarios[0].Description)
	}
	s.scenario.response.removeAt(n - 2)
	if p, _ := store.Load(id); len(p.Scenarios[0].Response) != len(first.Response) {
		t.Error("removing a step was not saved")
	}
}

func TestPlanEditorApproveAndCompare(t *testing.T) {
	s, store, id := openPlanEditor(t)
	s.askApprove()
	if s.approval.by.Text != "Ana Núñez" || s.approval.review.Text != "2027-11-25" {
		t.Fatalf("approval defaults: %q %q", s.approval.by.Text, s.approval.review.Text)
	}
	s.approval.dialog.Submit()
	s.u.background.Wait()
	p, _ := store.Load(id)
	if p.Status != plan.Approved || len(p.Revisions) != 1 || s.plan.Status != plan.Approved {
		t.Fatalf("after approval: %q, %d revisions", p.Status, len(p.Revisions))
	}
	if !strings.Contains(s.status.Text, "revision 1 approved by Ana Núñez") {
		t.Errorf("status: %q", s.status.Text)
	}
	s.tree.selectSection(planSectionID(t, s.plan, "Languages"))
	test.Type(s.section.body, "New line. ")
	if s.plan.Status != plan.Draft {
		t.Error("editing an approved plan did not make it a draft")
	}
	s.showRevisions()
	v := s.revisions
	if len(v.changes) != 1 || v.changes[0].Title != "Languages" || v.changes[0].Kind != plan.Changed {
		t.Fatalf("compare: %+v", v.changes)
	}
	v.all.SetChecked(true)
	if len(v.changes) != len(s.plan.Sections)+len(s.plan.Scenarios) {
		t.Errorf("showing unchanged too lists %d items", len(v.changes))
	}
	v.all.SetChecked(false)
	v.list.Select(0)
	got := planRichText(v.diff)
	if !strings.HasPrefix(got, "Languages− Statements and voter notices") || !strings.Contains(got, "+ New line. Statements") {
		t.Errorf("compare shows %q", got[:min(len(got), 160)])
	}
}

func TestPlansScreenStartsAPlanFromTheTemplate(t *testing.T) {
	path, conn := newTestDB(t)
	u := newTestWindow(t, path, conn)
	s := u.nav.current().(*plansScreen)
	if s.plan != nil || s.body.Objects[0] == s.editingLayout {
		t.Fatal("an empty database should offer to start a plan")
	}
	s.createNew()
	if s.newPlanPack.Selected != "Wisconsin (built-in state pack) (version 1)" {
		t.Errorf("the built-in template comes with the pack %q", s.newPlanPack.Selected)
	}
	s.newPlan.Submit()
	if s.plan == nil || len(s.plan.Scenarios) < 16 || s.body.Objects[0] != s.editingLayout || s.plan.PackName != plan.DefaultPack {
		t.Fatal("no plan was started from the template with the Wisconsin pack")
	}
	s.createNew()
	s.newPlanPack.SetSelected(noPackChoice)
	s.newPlan.Submit()
	if s.plan.PackName != "" || strings.Contains(s.plan.Scenarios[2].Description, "WisVote") {
		t.Errorf("a plan from the core template alone has the pack %q", s.plan.PackName)
	}
	if s.title.Text != "Election-security contingency plan" || len(s.gaps.gaps) == 0 {
		t.Errorf("title %q, %d gaps", s.title.Text, len(s.gaps.gaps))
	}
	list, _ := plan.NewStore(conn).List()
	if len(list) != 2 || list[0].Sections != len(s.plan.Sections) {
		t.Errorf("plans in the store: %+v", list)
	}
}

func TestPlansScreenPasteAndDelete(t *testing.T) {
	s, store, first := openPlanEditor(t)
	s.askPaste()
	s.paste.title.SetText("Village plan")
	s.paste.text.SetText("Our Plan\n========\n\nIntro.\n\nContacts\n--------\n\nCall {{role:it-support}}.\n")
	s.paste.dialog.Submit()
	if s.plan == nil || s.plan.Title != "Village plan" || len(s.plan.Sections) != 2 || s.plan.Sections[1].Depth != 1 {
		t.Fatalf("pasted plan: %+v", s.plan)
	}
	pasted := s.plan.ID
	s.askDelete()
	s.deletion.Confirm()
	list, _ := store.List()
	if len(list) != 1 || list[0].ID != first || s.plan == nil || s.plan.ID != first {
		t.Errorf("after deleting the pasted plan %d: %+v, editing %v", pasted, list, s.plan)
	}
}
