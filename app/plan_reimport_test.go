package app

import (
	"strings"
	"testing"

	"electionbinder/internal/plan"
)

func TestReimportShowsChangesBeforeWriting(t *testing.T) {
	s, store, id := openPlanEditor(t)
	md, err := store.ExportMarkdown(id)
	if err != nil {
		t.Fatal(err)
	}
	edited := addBeforeSecondHeading(string(md), "Every poll worker is trained.")
	before, _ := store.Load(id)
	d := s.reviewReimport(id, "plan.md", []byte(edited))
	if d == nil {
		t.Fatal("no review dialog")
	}
	if now, _ := store.Load(id); plan.ContentHash(now) != plan.ContentHash(before) {
		t.Fatal("the plan changed before the clerk confirmed")
	}
	d.Show()
	d.Confirm()
	after, err := store.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if plan.ContentHash(after) == plan.ContentHash(before) || after.Status != plan.Draft {
		t.Fatal("confirming did not bring the file in as a draft")
	}
	if s.plan == nil || s.plan.ID != id {
		t.Error("the plan is not shown after the import")
	}
	if d := s.reviewReimport(id, "empty.md", nil); d != nil {
		t.Error("an empty file was offered for import")
	}
}

// addBeforeSecondHeading adds a paragraph at the end of the first
// subsection of a plan's Markdown.
func addBeforeSecondHeading(md, paragraph string) string {
	first := strings.Index(md, "\n## ")
	second := first + 1 + strings.Index(md[first+1:], "\n## ")
	return md[:second] + "\n" + paragraph + "\n" + md[second:]
}
