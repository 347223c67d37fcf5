package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// Choosing a gap opens the place where it is fixed.
func TestEachGapOpensWhereItIsFixed(t *testing.T) {
	s, _, _ := openPlanEditor(t)
	u := s.u
	// A blank clerk name, and the built-in roles with nobody holding them.
	if err := settings.New(u.db).SaveProfile(settings.Profile{Jurisdiction: "Lakeshore County", County: "Lakeshore", State: "Wisconsin"}); err != nil {
		t.Fatal(err)
	}
	u.nav.showTitled("Contacts")
	u.nav.showTitled("Plans")
	find := func(match func(plan.Gap) bool) int {
		t.Helper()
		for i, g := range s.gaps.gaps {
			if match(g) {
				return i
			}
		}
		t.Fatalf("no such gap among %d", len(s.gaps.gaps))
		return -1
	}

	role := find(func(g plan.Gap) bool { return g.Kind == plan.GapNoPrimary || g.Kind == plan.GapNoBackup })
	slug := s.gaps.gaps[role].Role
	s.gaps.list.Select(role)
	c, ok := u.nav.current().(*contactsScreen)
	if !ok || c.tabs.Selected() != c.treeTab {
		t.Fatalf("a role gap opened %T, not the call tree", u.nav.current())
	}
	mustHaveDialog(t, u)
	if c.tree.picker == nil {
		t.Fatalf("the call tree did not offer to add a holder to %s", slug)
	}
	pressKey(u, fyne.KeyEscape)
	mustHaveNoDialog(t, u)

	u.nav.showTitled("Plans")
	clerk := find(func(g plan.Gap) bool { return g.Kind == plan.GapPlaceholder && g.Field == "clerk" })
	s.gaps.list.Select(clerk)
	set, ok := u.nav.current().(*settingsScreen)
	if !ok || u.win.Canvas().Focused() != set.fields["profile.clerk_name"] {
		t.Fatalf("a blank clerk name opened %T with the focus on %T", u.nav.current(), u.win.Canvas().Focused())
	}

	u.nav.showTitled("Plans")
	empty := find(func(g plan.Gap) bool { return g.Kind == plan.GapNoReviewDate })
	s.gaps.list.Select(empty)
	if u.win.Canvas().Focused() != s.review {
		t.Errorf("the review gap put the focus on %T", u.win.Canvas().Focused())
	}
}
