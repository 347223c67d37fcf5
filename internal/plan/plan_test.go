package plan

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/db"
	"electionbinder/internal/settings"
)

func openStore(t testing.TB) (*Store, *sql.DB) {
	t.Helper()
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return NewStore(conn), conn
}

func mustLoad(t testing.TB, s *Store, id int64) *Plan {
	t.Helper()
	p, err := s.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func titles(p *Plan) []string {
	var out []string
	for _, s := range p.Sections {
		out = append(out, strings.Repeat("  ", s.Depth)+s.Title)
	}
	return out
}

// saveProfile and addRole fill the tables of the settings and contacts
// features, as those features would.
func saveProfile(t testing.TB, conn *sql.DB) {
	t.Helper()
	err := settings.New(conn).SaveProfile(settings.Profile{Jurisdiction: "Lakeshore County", County: "Lakeshore County",
		State: "Wisconsin", ClerkName: "Ana Núñez", Kind: settings.County})
	if err != nil {
		t.Fatal(err)
	}
}

func addRole(t testing.TB, conn *sql.DB, slug string, holders ...string) {
	t.Helper()
	res, err := conn.Exec(`INSERT INTO roles(uuid, slug, name) VALUES(?, ?, ?)`, "role-"+slug, slug, "Role "+slug)
	if err != nil {
		t.Fatal(err)
	}
	roleID, _ := res.LastInsertId()
	for rank, name := range holders {
		res, err := conn.Exec(`INSERT INTO contacts(uuid, kind, name, office_phone) VALUES(?, 'person', ?, ?)`,
			fmt.Sprintf("c-%s-%d", slug, rank), name, fmt.Sprintf("(920) 555-01%02d", rank))
		if err != nil {
			t.Fatal(err)
		}
		cid, _ := res.LastInsertId()
		if _, err := conn.Exec(`INSERT INTO role_holders(role_id, contact_id, rank) VALUES(?, ?, ?)`, roleID, cid, rank); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCreateFromBuiltinTemplate(t *testing.T) {
	s, conn := openStore(t)
	saveProfile(t, conn)
	id, err := s.CreateFromTemplate(BuiltinTemplate, "")
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	if p.Title != "Lakeshore County election-security contingency plan" {
		t.Errorf("title = %q", p.Title)
	}
	if p.Status != Draft || p.TemplateName != BuiltinTemplate || p.TemplateVersion != 2 ||
		p.PackName != DefaultPack || p.PackVersion != 1 {
		t.Errorf("status %q template %q v%d pack %q v%d", p.Status, p.TemplateName, p.TemplateVersion, p.PackName, p.PackVersion)
	}
	if len(p.Sections) < 60 {
		t.Errorf("only %d sections", len(p.Sections))
	}
	if len(p.Scenarios) < 16 {
		t.Fatalf("only %d scenarios", len(p.Scenarios))
	}
	for _, sc := range p.Scenarios {
		if len(sc.Response) < 3 || len(sc.Communications) < 1 || sc.Description == "" {
			t.Errorf("scenario %q: %d response, %d communications steps", sc.Title, len(sc.Response), len(sc.Communications))
		}
		for _, st := range sc.Response {
			if st.Role == "" || st.Action == "" || st.TimeBox == NoTimeBox {
				t.Errorf("scenario %q has a step without a role or action: %+v", sc.Title, st)
			}
		}
	}
	for _, sec := range p.Sections {
		if sec.Guidance == "" {
			t.Errorf("section %q has no guidance", sec.Title)
		}
		if sec.Hash != SectionHash(sec.Title, sec.Body) || sec.UUID == "" {
			t.Errorf("section %q: hash or uuid missing", sec.Title)
		}
	}
	want := []string{"Part 1: Plan basics", "  Purpose, scope and readers", "  Legal authorities and references", "  Hazards, risks and planning assumptions"}
	if got := titles(p)[:4]; !reflect.DeepEqual(got, want) {
		t.Errorf("first sections = %q, want %q", got, want)
	}
	if _, err := s.CreateFromTemplate("no-such-template", ""); err == nil {
		t.Error("a missing template was accepted")
	}
}

func TestEditSectionTree(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.Create(Document{Title: "Tree", Sections: []DocSection{{Title: "A", Body: "a"}, {Title: "B"}, {Depth: 1, Title: "B1"}, {Title: "C"}}})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	ids := map[string]int64{}
	for _, sec := range p.Sections {
		ids[sec.Title] = sec.ID
	}
	steps := []struct {
		name string
		do   func() error
		want []string
	}{
		{"add after A", func() error { _, err := s.AddSection(id, 0, ids["A"], "A2"); return err },
			[]string{"A", "A2", "B", "  B1", "C"}},
		{"add under B", func() error { _, err := s.AddSection(id, ids["B"], 0, "B2"); return err },
			[]string{"A", "A2", "B", "  B1", "  B2", "C"}},
		{"rename C", func() error { return s.RenameSection(ids["C"], "  C renamed ") },
			[]string{"A", "A2", "B", "  B1", "  B2", "C renamed"}},
		{"move C up", func() error { return s.MoveSection(ids["C"], -1) },
			[]string{"A", "A2", "C renamed", "B", "  B1", "  B2"}},
		{"move A up past the top", func() error { return s.MoveSection(ids["A"], -5) },
			[]string{"A", "A2", "C renamed", "B", "  B1", "  B2"}},
		{"indent C under A2", func() error { return s.IndentSection(ids["C"]) },
			[]string{"A", "A2", "  C renamed", "B", "  B1", "  B2"}},
		{"outdent B1", func() error { return s.OutdentSection(ids["B1"]) },
			[]string{"A", "A2", "  C renamed", "B", "  B2", "B1"}},
		{"move B down", func() error { return s.MoveSection(ids["B"], 1) },
			[]string{"A", "A2", "  C renamed", "B1", "B", "  B2"}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := titles(mustLoad(t, s, id)); !reflect.DeepEqual(got, st.want) {
			t.Fatalf("%s: got %q, want %q", st.name, got, st.want)
		}
	}
	if err := s.IndentSection(ids["A"]); err == nil {
		t.Error("the first section was indented with nothing before it")
	}
	if err := s.RenameSection(ids["A"], "  "); err == nil {
		t.Error("a blank title was accepted")
	}
	before := mustLoad(t, s, id)
	removed, err := s.DeleteSection(ids["B"])
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(mustLoad(t, s, id)); !reflect.DeepEqual(got, []string{"A", "A2", "  C renamed", "B1"}) {
		t.Fatalf("after delete: %q", got)
	}
	if err := s.RestoreSection(removed); err != nil {
		t.Fatal(err)
	}
	after := mustLoad(t, s, id)
	if !reflect.DeepEqual(titles(after), titles(before)) {
		t.Fatalf("undo gave %q, want %q", titles(after), titles(before))
	}
	for i := range before.Sections {
		if before.Sections[i].UUID != after.Sections[i].UUID || before.Sections[i].ID != after.Sections[i].ID {
			t.Errorf("undo changed the identity of %q", before.Sections[i].Title)
		}
	}
}

func TestSectionDepthLimit(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.Create(Document{Title: "Deep"})
	if err != nil {
		t.Fatal(err)
	}
	parent := int64(0)
	for d := 0; d <= MaxDepth; d++ {
		if parent, err = s.AddSection(id, parent, 0, fmt.Sprintf("Level %d", d)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddSection(id, parent, 0, "Too deep"); err == nil {
		t.Error("a seventh level was accepted")
	}
}

func TestEditingAnApprovedPlanMakesItADraft(t *testing.T) {
	s, _ := openStore(t)
	id, _ := s.Create(Document{Title: "P", Sections: []DocSection{{Title: "A", Body: "x"}}})
	if _, err := s.Approve(id, Approval{ApprovedBy: "Board"}); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.Status != Approved {
		t.Fatalf("status %q after approval", p.Status)
	}
	p := mustLoad(t, s, id)
	if err := s.SetSectionBody(p.Sections[0].ID, "y"); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.Status != Draft || p.Sections[0].Body != "y" {
		t.Fatalf("status %q body %q after an edit", p.Status, p.Sections[0].Body)
	}
}

func TestScenarios(t *testing.T) {
	s, _ := openStore(t)
	id, _ := s.Create(Document{Title: "P"})
	scID, err := s.AddScenario(id, Scenario{Title: "Flood", Level: "bogus", Severity: High})
	if err != nil {
		t.Fatal(err)
	}
	second, _ := s.AddScenario(id, Scenario{Title: "Fire"})
	sc, _ := mustLoad(t, s, id).Scenario(scID)
	if sc.Level != County || sc.Severity != High {
		t.Errorf("level %q severity %q", sc.Level, sc.Severity)
	}
	sc.Response = []Step{{Role: "facilities", Action: "Move the equipment upstairs"}, {Role: "it-support", Action: "Check backups"}}
	sc.Communications = []Step{{Role: "public-information", Audience: "voters", Statement: "Voting moves to the library."}}
	if _, err := s.UpdateScenario(sc); err != nil {
		t.Fatal(err)
	}
	got, _ := mustLoad(t, s, id).Scenario(scID)
	if len(got.Response) != 2 || got.Response[1].Action != "Check backups" || got.Communications[0].Audience != "voters" {
		t.Fatalf("steps not saved: %+v", got)
	}
	if err := s.MoveScenario(second, -1); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.Scenarios[0].ID != second {
		t.Errorf("move did not reorder: %q first", p.Scenarios[0].Title)
	}
	if err := s.DeleteScenario(scID); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); len(p.Scenarios) != 1 {
		t.Errorf("%d scenarios after delete", len(p.Scenarios))
	}
}

func TestPlaceholders(t *testing.T) {
	s, conn := openStore(t)
	saveProfile(t, conn)
	addRole(t, conn, "it-support", "Dee Xiong", "Sam Ortiz")
	addRole(t, conn, "facilities")
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ in, want, missing string }{
		{"{{jurisdiction}} and {{ county }}", "Lakeshore County and Lakeshore County", ""},
		{"Clerk: {{clerk}}, {{state}}", "Clerk: Ana Núñez, Wisconsin", ""},
		{"Call {{role:it-support}}.", "Call Dee Xiong, (920) 555-0100; backup: Sam Ortiz, (920) 555-0101.", ""},
		{"{{role:facilities}}", "{{role:facilities}}", "{{role:facilities}}"},
		{"{{role:nobody}} {{weather}}", "{{role:nobody}} {{weather}}", "{{role:nobody}} {{weather}}"},
		{"{{ not a placeholder", "{{ not a placeholder", ""},
	}
	for _, c := range cases {
		got, missing := r.Resolve(c.in)
		var m []string
		for _, p := range missing {
			m = append(m, p.Text)
		}
		if got != c.want || strings.Join(m, " ") != c.missing {
			t.Errorf("Resolve(%q) = %q missing %q; want %q missing %q", c.in, got, m, c.want, c.missing)
		}
	}
}

func TestGapCheck(t *testing.T) {
	s, conn := openStore(t)
	addRole(t, conn, "it-support", "Dee Xiong")
	addRole(t, conn, "security-lead", "Ana Núñez", "Sam Ortiz")
	today := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	id, err := s.Create(Document{Title: "Gaps", NextReview: today.AddDate(0, 0, -1), Sections: []DocSection{
		{Title: "Empty"},
		{Title: "Parent"}, {Depth: 1, Title: "Child", Body: "Call {{role:security-lead}} or {{role:it-support}}."},
		{Title: "Where", Body: "{{jurisdiction}}"},
	}, Scenarios: []Scenario{
		{Title: "No steps"},
		{Title: "Steps", Response: []Step{{Role: "ghost", Action: "Haunt"}}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	gaps, err := s.Check(id, today)
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	var got []string
	for _, g := range gaps {
		where := ""
		if g.SectionID != 0 {
			sec, _ := p.Section(g.SectionID)
			where = "section " + sec.Title
		}
		if g.ScenarioID != 0 {
			sc, _ := p.Scenario(g.ScenarioID)
			where = "scenario " + sc.Title
		}
		got = append(got, string(g.Kind)+" @ "+where)
	}
	want := []string{
		"review-overdue @ ",
		"empty-section @ section Empty",
		"unresolved-placeholder @ section Where",
		"scenario-without-steps @ scenario No steps",
		"step-without-time-box @ scenario Steps",
		"scenario-without-decision-point @ scenario Steps",
		"scenario-without-what-not-to-say @ scenario Steps",
		"scenario-without-stand-down @ scenario Steps",
		"unknown-role @ scenario Steps",
		"role-without-backup @ section Child",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gaps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Filling the gaps empties the list.
	saveProfile(t, conn)
	addRole(t, conn, "ghost", "Casper", "Spook")
	if _, err := conn.Exec(`INSERT INTO contacts(uuid, kind, name) VALUES('b', 'person', 'Backup')`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`INSERT INTO role_holders(role_id, contact_id, rank) SELECT r.id, c.id, 1 FROM roles r, contacts c WHERE r.slug = 'it-support' AND c.uuid = 'b'`); err != nil {
		t.Fatal(err)
	}
	sec := p.Sections[0]
	if err := s.SetSectionBody(sec.ID, "Filled in."); err != nil {
		t.Fatal(err)
	}
	for i, sc := range p.Scenarios {
		if i == 0 {
			sc.Response = []Step{{Role: "it-support", Action: "Act"}}
		}
		sc.Response[0].TimeBox, sc.Response[0].Condition = FirstHour, "it is needed"
		sc.DoNotSay, sc.StandDown = "Do not guess.", "When it is over."
		if _, err := s.UpdateScenario(sc); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetNextReview(id, today); err != nil {
		t.Fatal(err)
	}
	// A backup with no number to call is still a gap.
	gaps, _ = s.Check(id, today)
	if len(gaps) != 1 || gaps[0].Kind != GapNoNumber || gaps[0].Message != "Backup, who holds the role Role it-support, has no phone number to call." {
		t.Errorf("a backup without a number: %+v", gaps)
	}
	if _, err := conn.Exec(`UPDATE contacts SET mobile_phone = '(920) 555-0199' WHERE uuid = 'b'`); err != nil {
		t.Fatal(err)
	}
	if gaps, _ := s.Check(id, today); len(gaps) != 0 {
		t.Errorf("gaps remain: %+v", gaps)
	}
}

func TestApprovalAndRevisions(t *testing.T) {
	s, _ := openStore(t)
	id, _ := s.Create(Document{Title: "P", Sections: []DocSection{{Title: "A", Body: "one"}, {Title: "B", Body: "two"}},
		Scenarios: []Scenario{{Title: "S", Response: []Step{{Role: "x", Action: "y"}}}}})
	if _, err := s.Approve(id, Approval{}); err == nil {
		t.Error("approval without an approver was accepted")
	}
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	r1, err := s.Approve(id, Approval{ApprovedBy: "County Board", At: at})
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	if r1.Number != 1 || p.Approver != "County Board" || formatDate(p.ApprovedOn) != "2026-03-01" ||
		formatDate(p.NextReview) != "2027-03-01" || r1.ContentHash != ContentHash(p) {
		t.Fatalf("revision 1 = %+v, plan %+v", r1, p)
	}
	if !strings.Contains(r1.Summary, "First approved version") {
		t.Errorf("summary %q", r1.Summary)
	}
	a, b := p.Sections[0], p.Sections[1]
	if err := s.SetSectionBody(a.ID, "one, revised"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteSection(b.ID); err != nil {
		t.Fatal(err)
	}
	added, _ := s.AddSection(id, 0, 0, "C")
	ch, err := s.ChangedSince(id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Sections[a.ID] || !ch.Sections[added] || len(ch.Sections) != 2 || len(ch.Scenarios) != 0 ||
		!reflect.DeepEqual(ch.Removed, []string{"B"}) {
		t.Errorf("changed since 1 = %+v", ch)
	}
	r2, err := s.Approve(id, Approval{ApprovedBy: "County Board", At: at.AddDate(0, 6, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Number != 2 || r2.Summary != "Since revision 1: 1 changed, 1 added, 1 removed." || r2.ContentHash == r1.ContentHash {
		t.Errorf("revision 2 = %+v", r2)
	}
	old, err := s.RevisionPlan(id, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(old.Sections) != 2 || old.Sections[0].Body != "one" {
		t.Errorf("revision 1 snapshot: %+v", old.Sections)
	}
	changes := Compare(old, mustLoad(t, s, id))
	kinds := map[string]ChangeKind{}
	for _, c := range changes {
		kinds[c.Title] = c.Kind
	}
	want := map[string]ChangeKind{"A": Changed, "B": Removed, "C": Added, "S": Unchanged}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("compare = %v, want %v", kinds, want)
	}
	revs, _ := s.Revisions(id)
	if len(revs) != 2 || revs[0].Number != 1 || revs[1].ApprovedAt != at.AddDate(0, 6, 0) {
		t.Errorf("revisions = %+v", revs)
	}
	if r3, _ := s.Approve(id, Approval{ApprovedBy: "Clerk"}); r3.Summary != "Reviewed; no changes since revision 2." {
		t.Errorf("summary without changes = %q", r3.Summary)
	}
}

func TestSaveAsTemplate(t *testing.T) {
	s, _ := openStore(t)
	id, _ := s.Create(Document{Title: "County plan", Sections: []DocSection{{Title: "A", Guidance: "g", Body: "b"}}})
	t1, err := s.SaveAsTemplate(id, "lakeshore-municipal", "For our municipalities")
	if err != nil {
		t.Fatal(err)
	}
	t2, err := s.SaveAsTemplate(id, "lakeshore-municipal", "Second edition")
	if err != nil {
		t.Fatal(err)
	}
	if t1.Version != 1 || t2.Version != 2 || t1.ID != t2.ID {
		t.Errorf("versions %d then %d", t1.Version, t2.Version)
	}
	if _, err := s.SaveAsTemplate(id, BuiltinTemplate, ""); err == nil {
		t.Error("the built-in template was overwritten")
	}
	list, _ := s.Templates()
	if len(list) != 3 || list[0].Name != BuiltinTemplate || list[1].Description != "Second edition" || list[1].Sections != 1 ||
		list[2].Name != DefaultPack || list[2].Kind != KindPack {
		t.Errorf("templates = %+v", list)
	}
	newID, err := s.CreateFromTemplate("lakeshore-municipal", "Town of Bay plan")
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, newID)
	if p.Title != "Town of Bay plan" || p.TemplateVersion != 2 || p.Sections[0].Guidance != "g" {
		t.Errorf("plan from saved template: %+v", p)
	}
}

func TestMarkdownRoundTrip(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.CreateFromTemplate(BuiltinTemplate, "Round trip")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := s.ExportMarkdown(id)
	id2, err := s.ImportMarkdown(first, "")
	if err != nil {
		t.Fatal(err)
	}
	second, _ := s.ExportMarkdown(id2)
	if string(first) != string(second) {
		t.Fatalf("export → import → export differs:\n%s", firstDifference(string(first), string(second)))
	}
	a, b := DocumentOf(mustLoad(t, s, id)), DocumentOf(mustLoad(t, s, id2))
	if !reflect.DeepEqual(a, b) {
		t.Errorf("import → export → import gave a different plan")
	}
	if mustLoad(t, s, id2).Title != "Round trip" {
		t.Errorf("the title did not travel in the front matter")
	}
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n%q\n%q", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func TestReadMarkdownFromWord(t *testing.T) {
	src := "\uFEFFOur plan, kept in Word until now.\r\n\r\n" +
		"Emergency Plan\r\n==============\r\n\r\nIntro text.\r\n\r\n" +
		"### Skipped a level\r\n\r\n- item with # hash\r\n\r\n" +
		"```\r\n# not a heading\r\n```\r\n\r\n" +
		"Contacts\r\n--------\r\n\r\n| Who | Phone |\r\n|---|---|\r\n| IT | 555 |\r\n\r\n" +
		"# Scenario: Flood\r\n\r\n- Severity: High\r\nWater in the basement.\r\n\r\n## Response\r\n\r\n" +
		"1. **facilities**: Move ballots\r\n   upstairs.\r\n2. Call the insurer.\r\n\r\n## Communications\r\n\r\n" +
		"- Tells *voters*: The site moved.\r\n- **public-information**: Short note.\r\n\r\n## Notes\r\n\r\nKeep sandbags.\r\n"
	d, err := ReadMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []DocSection{
		{Depth: 0, Title: "Introduction", Body: "Our plan, kept in Word until now."},
		{Depth: 0, Title: "Emergency Plan", Body: "Intro text."},
		{Depth: 1, Title: "Skipped a level", Body: "- item with # hash\n\n```\n# not a heading\n```"},
		{Depth: 1, Title: "Contacts", Body: "| Who | Phone |\n|---|---|\n| IT | 555 |"},
	}
	if !reflect.DeepEqual(d.Sections, want) {
		t.Errorf("sections:\n%#v\nwant\n%#v", d.Sections, want)
	}
	if len(d.Scenarios) != 1 {
		t.Fatalf("%d scenarios", len(d.Scenarios))
	}
	sc := d.Scenarios[0]
	wantSc := Scenario{Title: "Flood", Level: County, Severity: High,
		Description: "Water in the basement.\n\n**Notes**\n\nKeep sandbags.",
		Response: []Step{{Kind: Response, Role: "facilities", Action: "Move ballots upstairs."},
			{Kind: Response, Action: "Call the insurer."}},
		Communications: []Step{{Kind: Communication, Audience: "voters", Statement: "The site moved."},
			{Kind: Communication, Role: "public-information", Statement: "Short note."}}}
	if !reflect.DeepEqual(sc, wantSc) {
		t.Errorf("scenario:\n%#v\nwant\n%#v", sc, wantSc)
	}
}

func TestImportRejectsWithoutWriting(t *testing.T) {
	s, conn := openStore(t)
	for _, src := range [][]byte{[]byte("PK\x03\x04word/document.xml"), []byte("%PDF-1.7"), {0x41, 0x00, 0x01, 0x02}, []byte("   \n\n")} {
		if _, err := s.ImportMarkdown(src, "x"); err == nil {
			t.Errorf("import of %q was accepted", src)
		}
	}
	var n int
	conn.QueryRow(`SELECT count(*) FROM plans`).Scan(&n)
	if n != 0 {
		t.Errorf("%d plans written by failed imports", n)
	}
}

// bigDocument is a plan of n sections, nested up to three deep, with
// placeholders and checklists in their bodies.
func bigDocument(n int) Document {
	d := Document{Title: "Big plan", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := range n {
		d.Sections = append(d.Sections, DocSection{Depth: i % 3, Title: fmt.Sprintf("Section %d", i+1),
			Guidance: "Say what this covers.",
			Body:     fmt.Sprintf("Paragraph %d for {{jurisdiction}}, call {{role:it-support}}.\n\n- [ ] Check one\n- [x] Check two\n\n| A | B |\n|---|---|\n| 1 | 2 |", i)})
	}
	for i := range 10 {
		d.Scenarios = append(d.Scenarios, Scenario{Title: fmt.Sprintf("Scenario %d", i), Level: State, Severity: Low,
			Description: "What it looks like.", DoNotSay: "Do not guess.", StandDown: "When it is over.",
			Response:       []Step{{Role: "it-support", Action: "Act", TimeBox: FirstHour, Condition: "it is needed"}},
			Communications: []Step{{Role: "public-information", Audience: "media", Statement: "Hold."}}})
	}
	return d
}

func TestFiveHundredSectionPlan(t *testing.T) {
	s, conn := openStore(t)
	saveProfile(t, conn)
	addRole(t, conn, "it-support", "Dee Xiong", "Sam Ortiz")
	addRole(t, conn, "public-information", "Pat Lee", "Kim Cho")
	id, err := s.Create(bigDocument(500))
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	if len(p.Sections) != 500 || p.Sections[499].Title != "Section 500" || p.Sections[499].Depth != 1 {
		t.Fatalf("%d sections, last %+v", len(p.Sections), p.Sections[len(p.Sections)-1])
	}
	if gaps, _ := s.Check(id, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); len(gaps) != 0 {
		t.Errorf("gaps in a complete plan: %v", gaps[0])
	}
	md, _ := s.ExportMarkdown(id)
	id2, err := s.ImportMarkdown(md, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(DocumentOf(p), DocumentOf(mustLoad(t, s, id2))) {
		t.Error("the 500-section plan did not survive a Markdown round trip")
	}
}

func BenchmarkOpen500SectionPlan(b *testing.B) {
	s, _ := openStore(b)
	id, err := s.Create(bigDocument(500))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Load(id); err != nil {
			b.Fatal(err)
		}
	}
}

// bigStoredPlan stores a 500-section plan beside a profile and one filled
// role, the set-up of the gap-check benchmarks.
func bigStoredPlan(b *testing.B) (*Store, int64) {
	b.Helper()
	s, conn := openStore(b)
	saveProfile(b, conn)
	addRole(b, conn, "it-support", "Dee Xiong")
	id, err := s.Create(bigDocument(500))
	if err != nil {
		b.Fatal(err)
	}
	return s, id
}

func BenchmarkGapCheck500Sections(b *testing.B) {
	s, id := bigStoredPlan(b)
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Check(id, today); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdownImport500Sections(b *testing.B) {
	s, _ := openStore(b)
	md := WriteMarkdown(bigDocument(500))
	b.SetBytes(int64(len(md)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ImportMarkdown(md, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckPlanInMemory is the gap check the editor reruns on every
// keystroke: the plan and the directory are already loaded.
func BenchmarkCheckPlanInMemory500Sections(b *testing.B) {
	s, id := bigStoredPlan(b)
	p := mustLoad(b, s, id)
	r, err := s.Resolver()
	if err != nil {
		b.Fatal(err)
	}
	today := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		CheckPlan(p, r, today)
	}
}

func TestDiffLines(t *testing.T) {
	cases := []struct {
		old, new string
		want     string
	}{
		{"a\nb\nc", "a\nb\nc", " a  b  c"},
		{"a\nb\nc", "a\nx\nc", " a -b +x  c"},
		{"", "new", "+new"},
		{"gone", "", "-gone"},
		{"a\nb", "b\nc", "-a  b +c"},
	}
	for _, c := range cases {
		var parts []string
		for _, l := range DiffLines(c.old, c.new) {
			parts = append(parts, string(" -+"[l.Op])+l.Text)
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("DiffLines(%q, %q) = %q, want %q", c.old, c.new, got, c.want)
		}
	}
}

func TestNotFoundInPlainWords(t *testing.T) {
	s, _ := openStore(t)
	_, err := s.Load(42)
	if !errors.Is(err, ErrNotFound) || err.Error() != "there is no plan 42 (see plans list)" {
		t.Errorf("Load(42) = %v", err)
	}
	if _, err := s.CreateFromTemplate("nope", ""); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `template named "nope"`) {
		t.Errorf("missing template: %v", err)
	}
}

func TestGapMessagesSayWhy(t *testing.T) {
	s, conn := openStore(t)
	addRole(t, conn, "facilities")
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	p := &Plan{Title: "P", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Sections: []Section{{ID: 1, Title: "S",
		Body: "{{county}} {{role:facilities}} {{role:ghost}} {{weather}}"}}}
	var got []string
	for _, g := range CheckPlan(p, r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		got = append(got, g.Message)
	}
	want := []string{
		`Section "S": {{county}} is blank in Settings.`,
		`Section "S": {{role:facilities}} names a role nobody holds yet.`,
		`Section "S": {{role:ghost}} names a role that is not in the directory.`,
		`Section "S": {{weather}} is not a placeholder the binder knows (use jurisdiction, county, state, clerk or role:…).`,
		`The role Role facilities has no primary contact.`,
		`Role "ghost" is not in the directory.`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messages:\n%s", strings.Join(got, "\n"))
	}
}

func TestListRenameDeleteAndExportSince(t *testing.T) {
	s, _ := openStore(t)
	a, _ := s.Create(Document{Title: "A", Sections: []DocSection{{Title: "One", Body: "1"}, {Title: "Two", Body: "2"}}})
	b, _ := s.Create(Document{Title: "B"})
	if err := s.SetTitle(a, "  Alpha "); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTitle(a, " "); err == nil {
		t.Error("a blank title was accepted")
	}
	list, err := s.List()
	if err != nil || len(list) != 2 {
		t.Fatalf("list = %+v, %v", list, err)
	}
	for _, p := range list {
		if p.ID == a && (p.Title != "Alpha" || p.Sections != 2) || p.ID == b && p.Title != "B" {
			t.Errorf("listed %+v", p)
		}
	}
	if _, err := s.Approve(a, Approval{ApprovedBy: "Board"}); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, a)
	if err := s.SetSectionBody(p.Sections[1].ID, "2, revised"); err != nil {
		t.Fatal(err)
	}
	md, err := s.ExportMarkdownSince(a, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "title: Alpha (changes since revision 1)") || !strings.Contains(string(md), "# Two\n\n2, revised") ||
		strings.Contains(string(md), "# One") {
		t.Errorf("changes since 1:\n%s", md)
	}
	if err := s.Delete(b); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(b); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}
