package binder

import (
	"bytes"
	"database/sql"
	"io"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// storedPlan opens a new database with the sample directory, a profile
// and a plan from the built-in template.
func storedPlan(t *testing.T) (*sql.DB, int64) {
	t.Helper()
	conn := openTestDB(t)
	err := settings.New(conn).SaveProfile(settings.Profile{Jurisdiction: "Lakeshore County", Kind: settings.County,
		County: "Lakeshore County", State: "Wisconsin", ClerkName: "Ana Núñez", ClerkTitle: "County Clerk",
		Phone: "(920) 555-0140", Address: "100 Main Street\nLakeshore, WI 54000"})
	if err != nil {
		t.Fatal(err)
	}
	if err := contacts.NewStore(conn).LoadSample(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	id, err := plan.NewStore(conn).CreateFromTemplate(plan.BuiltinTemplate, "Lakeshore County contingency plan")
	if err != nil {
		t.Fatal(err)
	}
	return conn, id
}

// export prints a stored plan to a file and returns its path.
func export(t *testing.T, s *Store, id int64, opt ExportOptions) (string, Result, []byte) {
	t.Helper()
	var buf bytes.Buffer
	res, err := s.Export(&buf, id, opt)
	if err != nil {
		t.Fatal(err)
	}
	return writeTempFile(t, "binder.pdf", buf.Bytes()), res, buf.Bytes()
}

func TestStoredPlanPrintsWithSettingsAndDirectory(t *testing.T) {
	conn, id := storedPlan(t)
	st := settings.New(conn)
	for k, v := range map[string]string{settings.PaperKey: "a4", settings.DuplexKey: "true", settings.MarkingKey: "CONFIDENTIAL — ELECTION SECURITY"} {
		if err := st.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s := NewStore(conn)
	for _, c := range []Copy{{PlanID: id, Number: "2", Holder: "Grace Okafor", Title: "IT Director"}, {PlanID: id, Number: "1", Holder: "Ana Núñez"}} {
		if _, err := s.AddCopy(c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Export(io.Discard, id, ExportOptions{Copy: "2"}); err == nil || !strings.Contains(err.Error(), "never been approved") {
		t.Fatalf("a controlled copy of a draft printed, or with the wrong error: %v", err)
	}
	if _, err := s.Approve(id, plan.Approval{ApprovedBy: "Ana Núñez", At: time.Date(2026, 3, 5, 15, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	printDay := ExportOptions{Copy: "2", Today: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}
	path, res, first := export(t, s, id, printDay)
	checkValid(t, path)
	if !strings.Contains(runTool(t, "pdfinfo", path), "595.28 x 841.89") {
		t.Error("the paper setting (A4) was not used")
	}
	pages := pageTexts(t, path)
	all := squash(strings.Join(pages, " "))
	for _, want := range []string{"Lakeshore County contingency plan", "Revision 1 of March 5, 2026", "Controlled copy No. 2",
		"ISSUED TO Grace Okafor, IT Director", "Revision 1 · March 5, 2026 · Copy 2", "Revision 1 · updated March 9, 2026 · Copy 2",
		"Grace Okafor", "Tomasz Wiśniewski", "Ana Núñez", "Part 1: Plan basics",
		"Scenario", "Phishing or account takeover", "First 15 minutes", "Stand down", "100 Main Street, Lakeshore, WI 54000"} {
		if !strings.Contains(all, want) {
			t.Errorf("the binder lacks %q", want)
		}
	}
	if strings.Contains(all, "{{") {
		t.Error("a placeholder was printed unresolved")
	}
	for i, p := range pages {
		if strings.Count(p, "CONFIDENTIAL — ELECTION SECURITY") < 2 {
			t.Errorf("page %d lacks the marking from Settings", i+1)
		}
	}
	dist := squash(strings.Join(pagesOf(pages, res, "Record of changes"), " "))
	if !strings.Contains(dist, "1 Ana Núñez") || !strings.Contains(dist, "2 Grace Okafor IT Director") {
		t.Errorf("the distribution list reads: %s", dist)
	}
	for _, p := range res.Parts {
		if p.First%2 != 1 {
			t.Errorf("double-sided: part %q starts on page %d", p.Title, p.First)
		}
	}
	if _, _, again := export(t, s, id, printDay); !bytes.Equal(first, again) {
		t.Error("a second export of the same plan differs")
	}
}

func TestCopiesStore(t *testing.T) {
	conn, id := storedPlan(t)
	s := NewStore(conn)
	for _, n := range []string{"10", "2", "A", "1"} {
		if _, err := s.AddCopy(Copy{PlanID: id, Number: n, Holder: "Holder " + n}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Copies(id)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, c := range list {
		order = append(order, c.Number)
	}
	if strings.Join(order, ",") != "1,2,10,A" {
		t.Errorf("copies in order %v", order)
	}
	for _, bad := range []Copy{{PlanID: id, Number: "", Holder: "x"}, {PlanID: id, Number: "5", Holder: " "}, {PlanID: id, Number: "2", Holder: "again"}, {PlanID: 999, Number: "1", Holder: "x"}} {
		if _, err := s.AddCopy(bad); err == nil {
			t.Errorf("%+v was accepted", bad)
		}
	}
	list[0].Holder = "Renamed"
	if err := s.UpdateCopy(list[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCopy(list[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteCopy(list[1].ID); err == nil {
		t.Error("deleting a copy twice succeeded")
	}
	if err := plan.NewStore(conn).Delete(id); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Copies(id); len(list) != 0 {
		t.Errorf("copies outlive their plan: %v", list)
	}
}

// TestUnfilledPlaceholderPrintsAsABlank: a placeholder that cannot be filled
// prints as a line to fill in by pen, in a section, a scenario's description
// and a step, and never as its code.
func TestUnfilledPlaceholderPrintsAsABlank(t *testing.T) {
	conn, id := storedPlan(t)
	ps := plan.NewStore(conn)
	p, err := ps.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.SetSectionBody(p.Sections[0].ID, "Call {{role:nonexistent}} first.\n\n{{weather}}\n\nThen the clerk."); err != nil {
		t.Fatal(err)
	}
	sc := p.Scenarios[0]
	sc.Description = "Reported by {{role:ghost}}."
	sc.Response[0].Action = "Phone {{role:ghost}} at once."
	if _, err := ps.UpdateScenario(sc); err != nil {
		t.Fatal(err)
	}
	path, _, _ := export(t, NewStore(conn), id, ExportOptions{})
	all := squash(strings.Join(pageTexts(t, path), " "))
	if strings.Contains(all, "{{") || strings.Contains(all, "nonexistent") || strings.Contains(all, "ghost") {
		t.Error("a placeholder was printed as code")
	}
	for _, want := range []string{"Call " + plainBlank + " first.", "Reported by " + plainBlank + ".", "Phone " + plainBlank + " at once."} {
		if !strings.Contains(all, want) {
			t.Errorf("the binder lacks %q", want)
		}
	}
	if strings.Count(all, plainBlank) < 4 {
		t.Errorf("%d blanks printed, want 4", strings.Count(all, plainBlank))
	}
}
