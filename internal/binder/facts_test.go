package binder

import (
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
)

// The printed call tree says when each built-in fact was checked and where
// it came from, and flags one checked more than a year before the revision;
// scenario pages print each step's time box and condition.
func TestBinderPrintsCheckedFactsAndTimeBoxes(t *testing.T) {
	conn := openTestDB(t)
	if err := contacts.NewStore(conn).EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	ps := plan.NewStore(conn)
	id, err := ps.CreateFromTemplate(plan.BuiltinTemplate, "Town plan")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ps.Approve(id, plan.Approval{ApprovedBy: "Town Board", At: time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	path, res, _ := export(t, NewStore(conn), id, ExportOptions{})
	pages := pageTexts(t, path)
	tree := squash(strings.Join(pagesOf(pages, res, "Call tree"), " "))
	for _, want := range []string{"Elections Help Desk", "(608) 261-2028", "11/04/2019 verify first",
		"source: WEC notice to clerks"} {
		if !strings.Contains(tree, want) {
			t.Errorf("the call tree lacks %q:\n%s", want, tree)
		}
	}
	all := squash(strings.Join(pages, " "))
	for _, want := range []string{"First 15 minutes", "First hour", "First day", "If the account can sign in to the voter", "registration system, then: Tell the state election office",
		"What not to say", "Stand down when the account is secured"} {
		if !strings.Contains(all, want) {
			t.Errorf("the scenario pages lack %q", want)
		}
	}
}
