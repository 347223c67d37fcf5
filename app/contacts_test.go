package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"electionbinder/internal/contacts"
)

// testDay is the day the Contacts tests run on.
var testDay = time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)

// openContacts opens the window over a database holding the sample county
// and brings the Contacts screen into view.
func openContacts(t *testing.T) (*ui, *contactsScreen, *contacts.Store) {
	t.Helper()
	path, conn := newTestDB(t)
	store := contacts.NewStore(conn)
	if err := store.LoadSample(testDay); err != nil {
		t.Fatal(err)
	}
	u := newTestWindow(t, path, conn)
	u.nav.showTitled("Contacts")
	s := u.nav.current().(*contactsScreen)
	s.now = func() time.Time { return testDay }
	s.refresh()
	return u, s, store
}

func listedNames(s *contactsScreen) []string {
	var out []string
	for _, id := range s.ids {
		c, _ := s.index.Get(id)
		out = append(out, c.Name)
	}
	return out
}

func TestContactsSearchAsYouType(t *testing.T) {
	_, s, _ := openContacts(t)
	all := len(s.ids)
	if all < 40 || s.count.Text != strings.Split(s.count.Text, " ")[0]+" contacts" {
		t.Fatalf("the list starts with %d contacts, count %q", all, s.count.Text)
	}
	for _, step := range []struct{ typed, want string }{
		{"n", ""}, {"u", ""}, {"n", ""}, {"e", ""}, {"z", "Ana Núñez"},
	} {
		test.Type(s.search, step.typed)
		if step.want != "" && strings.Join(listedNames(s), ",") != step.want {
			t.Errorf("after typing %q: %v", s.search.Text, listedNames(s))
		}
	}
	if s.count.Text != "1 of "+strings.TrimSuffix(strings.Split(s.count.Text, " of ")[1], "") {
		t.Errorf("count %q", s.count.Text)
	}
	s.search.SetText("")
	test.Type(s.search, "555-0150")
	if got := listedNames(s); len(got) != 1 || got[0] != "Grace Okafor" {
		t.Errorf("phone search found %v", got)
	}
	s.search.SetText("legal")
	if got := strings.Join(listedNames(s), ","); got != "Keiko Tanaka,Ruth Amundsen" {
		t.Errorf("role search found %v", got)
	}
	s.search.SetText("")
	s.level.SetSelected("Vendor")
	s.role.SetSelected("Voting-equipment vendor")
	if got := strings.Join(listedNames(s), ","); got != "Priya Raman,Samuel Oyelaran" {
		t.Errorf("level and role filters found %v", got)
	}
	s.search.SetText("xyzzy")
	if len(s.ids) != 0 || s.list.Length() != 0 {
		t.Errorf("a search for nothing lists %d", len(s.ids))
	}
}

func TestContactsEditSavesAndValidates(t *testing.T) {
	u, s, store := openContacts(t)
	test.Type(s.search, "okafor")
	s.search.OnSubmitted(s.search.Text)
	d := s.detail
	if d.heading.Text != "Grace Okafor" || d.office.Text != "(920) 555-0150" {
		t.Fatalf("the form shows %q, %q", d.heading.Text, d.office.Text)
	}
	id := d.id

	d.mobile.SetText("")
	test.Type(d.mobile, "call me")
	if err := d.mobile.Validate(); err == nil || !strings.Contains(err.Error(), "only digits") {
		t.Errorf("an invalid phone gives %v", err)
	}
	if c, _ := store.Get(id); c.MobilePhone != "" {
		t.Errorf("an invalid phone was saved as %q", c.MobilePhone)
	}
	d.mobile.SetText("")
	test.Type(d.mobile, "(920) 555-0199")
	d.email.SetText("grace@")
	if err := d.email.Validate(); err == nil || !strings.Contains(err.Error(), "email address") {
		t.Errorf("an invalid email gives %v", err)
	}
	d.email.SetText("")
	test.Type(d.email, "g.okafor@lakeshore.example.gov")
	d.title.SetText("")
	test.Type(d.title, "IT Director and CISO")
	d.level.SetSelected("State")
	c, _ := store.Get(id)
	if c.MobilePhone != "(920) 555-0199" || c.Email != "g.okafor@lakeshore.example.gov" || c.Title != "IT Director and CISO" || c.Level != contacts.State {
		t.Errorf("saved %+v", c)
	}
	if u.status.label.Text != "Saved" {
		t.Errorf("status line %q", u.status.label.Text)
	}

	d.name.SetText("")
	if c, _ := store.Get(id); c.Name != "Grace Okafor" {
		t.Errorf("an empty name was saved: %q", c.Name)
	}
	test.Type(d.name, "Grace N. Okafor")
	if c, _ := store.Get(id); c.Name != "Grace N. Okafor" {
		t.Errorf("the name saved is %q", c.Name)
	}
	if row := s.indexOf(id); row < 0 {
		t.Error("the renamed contact left the list")
	}
}

func TestContactsVerifyAndDueFilter(t *testing.T) {
	_, s, store := openContacts(t)
	s.due.SetChecked(true)
	due := strings.Join(listedNames(s), ",")
	if !strings.Contains(due, "Ibrahim Haddad") || strings.Contains(due, "Ana Núñez") || !strings.Contains(due, "Wisconsin Elections Commission") {
		t.Fatalf("the verification call list is %s", due)
	}
	s.list.Select(s.indexOf(byListedName(t, s, "Ibrahim Haddad")))
	d := s.detail
	if !strings.Contains(d.verified.Text, "Due for verifying") {
		t.Errorf("the form says %q", d.verified.Text)
	}
	test.Tap(d.verify)
	c, _ := store.Get(d.id)
	if c.VerifiedOn.Format("2006-01-02") != "2026-11-25" {
		t.Errorf("verified on %v", c.VerifiedOn)
	}
	if !strings.Contains(d.verified.Text, "today") {
		t.Errorf("after marking verified the form says %q", d.verified.Text)
	}
	s.refresh()
	if strings.Contains(strings.Join(listedNames(s), ","), "Ibrahim Haddad") {
		t.Error("a contact verified today is still on the call list")
	}
	s.u.settings.SetInt("contacts.verify_days", 400)
	s.refresh()
	if strings.Contains(strings.Join(listedNames(s), ","), "Ruth Amundsen") {
		t.Error("the verification setting is not followed")
	}
}

func byListedName(t *testing.T, s *contactsScreen, name string) int64 {
	t.Helper()
	for _, id := range s.ids {
		if c, _ := s.index.Get(id); c.Name == name {
			return id
		}
	}
	t.Fatalf("%s is not listed", name)
	return 0
}

func TestContactsGapsAndCallTree(t *testing.T) {
	_, s, store := openContacts(t)
	if !s.banner.Visible() || !strings.Contains(s.gapText.Text, "Facilities") || s.treeTab.Text != "Call tree (2 gaps)" {
		t.Fatalf("gap warning %q (hidden %v), tab %q", s.gapText.Text, !s.banner.Visible(), s.treeTab.Text)
	}
	test.Tap(s.gaps)
	if s.tabs.Selected() != s.treeTab {
		t.Error("the gap warning does not open the call tree")
	}
	var facilities contacts.Role
	for _, r := range s.index.Roles() {
		if r.Slug == "facilities" {
			facilities = r
		}
	}
	s.tree.pick(facilities)
	p := s.tree.picker
	test.Type(p.search, "xiong")
	if len(p.ids) != 1 {
		t.Fatalf("the picker found %d", len(p.ids))
	}
	p.list.Select(0)
	if s.treeTab.Text != "Call tree (1 gap)" || strings.Contains(s.gapText.Text, "Facilities") {
		t.Errorf("after adding a backup: tab %q, warning %q", s.treeTab.Text, s.gapText.Text)
	}
	tree, _ := store.CallTree()
	for _, e := range tree {
		if e.Role.ID == facilities.ID && (len(e.Holders) != 2 || e.Holders[1].Name != "Pao Xiong") {
			t.Errorf("facilities holders %+v", e.Holders)
		}
	}

	// From the form: Pao becomes a holder of legal counsel, then leaves facilities.
	s.open(byListedName(t, s, "Pao Xiong"))
	d := s.detail
	d.addRole.SetSelected("Legal counsel")
	holds := s.index.Holdings(d.id)
	if len(holds) != 4 || holds[2].Role != "Legal counsel" || holds[2].Label() != "Backup 2" {
		t.Errorf("Pao holds %+v", holds)
	}
	if err := store.RemoveHolder(facilities.ID, d.id); err != nil {
		t.Fatal(err)
	}
	s.changeRoles(nil)
	if s.treeTab.Text != "Call tree (2 gaps)" {
		t.Errorf("tab %q", s.treeTab.Text)
	}
}

func TestContactsImportPreview(t *testing.T) {
	_, s, store := openContacts(t)
	data, err := os.ReadFile(filepath.Join("..", "internal", "contacts", "testdata", "rejects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := store.Count()

	plan, err := s.planImport("rejects.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	p := s.showPreview(plan)
	// The sample county already has Keiko Tanaka, Chen Wei and Samuel Oyelaran (same emails): updates.
	if !strings.HasPrefix(p.summary.Text, "0 new, 3 updated, 1 duplicate, 5 rejected") {
		t.Errorf("summary %q", p.summary.Text)
	}
	p.show.SetSelected("Rejected")
	var lines []int
	for _, it := range p.items {
		lines = append(lines, it.Line)
	}
	if len(lines) != 5 || lines[0] != 3 || lines[4] != 12 {
		t.Errorf("rejected lines %v", lines)
	}
	p.dialog.Dismiss()
	if n, _ := store.Count(); n != before {
		t.Fatalf("a canceled import wrote %d contacts", n-before)
	}

	p = s.showPreview(plan)
	p.dialog.Confirm()
	after, _ := store.Count()
	if after != before+3 {
		t.Errorf("the import added %d organizations, want 3", after-before)
	}
	s.search.SetText("oyelaran field service")
	if got := listedNames(s); len(got) != 1 {
		t.Errorf("after the import the list shows %v", got)
	}
}

func TestContactsNewAndDelete(t *testing.T) {
	_, s, store := openContacts(t)
	before, _ := store.Count()
	s.createNew()
	d := s.detail
	if d.name.Text != "New person" || d.id == 0 {
		t.Fatalf("new contact form shows %q", d.name.Text)
	}
	test.Type(d.name, "Amara Mensah") // types over the selected placeholder
	d.org.SetSelected("Lakeshore County Clerk (sample)")
	c, _ := store.Get(d.id)
	if c.Name != "Amara Mensah" || c.Organization != "Lakeshore County Clerk (sample)" {
		t.Errorf("saved %+v", c)
	}
	if n, _ := store.Count(); n != before+1 {
		t.Errorf("count %d, want %d", n, before+1)
	}
	s.search.SetText("amara")
	if got := listedNames(s); len(got) != 1 {
		t.Errorf("search finds %v", got)
	}
	d.delete(d.id)
	if n, _ := store.Count(); n != before {
		t.Errorf("after delete count %d, want %d", n, before)
	}
	if len(s.ids) != 0 || d.id != 0 {
		t.Errorf("the deleted contact is still shown")
	}
}

func TestContactsRenameOrganisationReachesMembers(t *testing.T) {
	_, s, store := openContacts(t)
	s.search.SetText("Lakeshore County IT (sample)")
	openFirstOrganisation(t, s)
	d := s.detail
	d.name.SetText("Lakeshore County Technology Services")
	s.search.SetText("technology services okafor")
	if got := listedNames(s); len(got) != 1 || got[0] != "Grace Okafor" {
		t.Errorf("members found by the new organization name: %v", got)
	}
	c, _ := store.Get(s.ids[0])
	if c.Organization != "Lakeshore County Technology Services" {
		t.Errorf("Grace's organization is %q", c.Organization)
	}
}

// openFirstOrganisation opens the first organization listed.
func openFirstOrganisation(t *testing.T, s *contactsScreen) {
	t.Helper()
	for i, id := range s.ids {
		if c, _ := s.index.Get(id); c.Kind == contacts.Organization {
			s.list.Select(i)
			return
		}
	}
	t.Fatal("no organization listed")
}
