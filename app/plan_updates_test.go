package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"electionbinder/assets/templates"
	"electionbinder/internal/plan"
)

// A plan made from the first built-in template is offered the new version
// in the window: the clerk accepts one section, keeps their own text of
// another, and what they kept survives a restart.
func TestPlanEditorReviewsTemplateUpdates(t *testing.T) {
	path, conn := newTestDB(t)
	store := plan.NewStore(conn)
	id, err := store.ImportMarkdown(templates.ContingencyPlanV1, "Old plan")
	if err != nil {
		t.Fatal(err)
	}
	old := mustPlan(t, store, id)
	maintenance := planSectionID(t, old, "Plan maintenance")
	if err := store.SetSectionBody(maintenance, "We review the plan each January."); err != nil {
		t.Fatal(err)
	}
	u := newTestWindow(t, path, conn)
	s := u.nav.current().(*plansScreen)
	if s.plan == nil || s.plan.ID != id || s.updates.Hidden || !strings.HasPrefix(s.updates.Text, "Updates (") {
		t.Fatalf("the updates button: hidden %v, %q", s.updates.Hidden, s.updates.Text)
	}
	test.Tap(s.updates)
	v := s.updatesView
	if v == nil || len(v.offers) < 20 {
		t.Fatalf("the review lists %d offers", len(v.offers))
	}
	before := len(v.offers)
	choose := func(title string) {
		t.Helper()
		for i, o := range v.offers {
			if o.Title == title {
				v.list.Select(i)
				return
			}
		}
		t.Fatalf("%q is not offered", title)
	}
	choose("Orders of succession")
	if !strings.Contains(v.note.Text, "does not have this part yet") || v.accept.Disabled() {
		t.Errorf("the offer says %q", v.note.Text)
	}
	test.Tap(v.accept)
	if _, ok := sectionIn(s.plan, "Orders of succession"); !ok {
		t.Fatal("accepting did not add the section to the open plan")
	}
	if len(v.offers) != before-2 { // the section, and its new part heading taken in with it
		t.Errorf("%d offers left of %d", len(v.offers), before)
	}
	if choose("Incident priorities"); !strings.Contains(v.note.Text, "accepting adds it") {
		t.Errorf("the offer says %q", v.note.Text)
	}
	test.Tap(v.decline)
	if _, ok := sectionIn(s.plan, "Incident priorities"); ok {
		t.Error("declining added the section")
	}
	v.dialog.Hide()

	reopened := newTestWindow(t, path, conn).nav.current().(*plansScreen)
	if body, _ := sectionIn(reopened.plan, "Plan maintenance"); body != "We review the plan each January." {
		t.Errorf("the clerk's own text changed: %q", body)
	}
	if _, ok := sectionIn(reopened.plan, "Orders of succession"); !ok {
		t.Error("the accepted section did not survive a restart")
	}
	if !strings.Contains(reopened.updates.Text, "("+strconv.Itoa(before-3)+")") {
		t.Errorf("after a restart the button says %q, want %d offers", reopened.updates.Text, before-3)
	}
	test.Tap(reopened.updates)
	test.Tap(reopened.updatesView.allNew)
	for _, o := range reopened.updatesView.offers {
		if (o.Kind == plan.NewSection || o.Kind == plan.NewScenario) && !o.Edited {
			t.Errorf("%q is still offered after accepting all new parts", o.Title)
		}
	}
	if body, _ := sectionIn(reopened.plan, "Plan maintenance"); body != "We review the plan each January." {
		t.Errorf("accepting all new parts changed the clerk's text: %q", body)
	}
}

func mustPlan(t *testing.T, s *plan.Store, id int64) *plan.Plan {
	t.Helper()
	p, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// sectionIn returns the body of the plan's section titled title.
func sectionIn(p *plan.Plan, title string) (string, bool) {
	for _, sec := range p.Sections {
		if sec.Title == title {
			return sec.Body, true
		}
	}
	return "", false
}
