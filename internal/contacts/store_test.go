package contacts

import (
	"errors"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/db"
)

func names(list []Contact) string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = c.Name
	}
	return strings.Join(out, ", ")
}

// TestSearchAndFilters drives List with the searches a clerk types and the
// filters of the Contacts screen.
func TestSearchAndFilters(t *testing.T) {
	s := openStore(t)
	today := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	if err := s.LoadSample(today); err != nil {
		t.Fatal(err)
	}
	roles, _ := s.Roles()
	legal := roles[6]
	if legal.Slug != "legal-counsel" {
		t.Fatalf("role 7 is %s", legal.Slug)
	}
	cases := []struct {
		name string
		f    Filter
		want string
	}{
		{"accents folded", Filter{Search: "nunez"}, "Ana Núñez"},
		{"two words, any order", Filter{Search: "xiong deputy"}, "Pao Xiong"},
		{"phone digits", Filter{Search: "555-0150"}, "Grace Okafor"},
		{"phone as typed with spaces", Filter{Search: "(920) 555 0185"}, "Keiko Tanaka"},
		{"email", Filter{Search: "haddad@"}, "Ibrahim Haddad"},
		{"organization", Filter{Search: "corporation counsel", Kind: Person}, "Keiko Tanaka, Ruth Amundsen"},
		{"role name", Filter{Search: "legal"}, "Keiko Tanaka, Ruth Amundsen"},
		{"role filter", Filter{RoleID: legal.ID}, "Keiko Tanaka, Ruth Amundsen"},
		{"level filter", Filter{Level: Vendor, Kind: Person}, "Priya Raman, Samuel Oyelaran"},
		{"level and search", Filter{Level: Municipal, Search: "clerk", Kind: Person}, "Chen Wei, Jolene Red Bird"},
		{"needs verifying", Filter{Kind: Person, NeedsVerifying: true, VerifyDays: 90, Today: today},
			"Dana Whitecloud, Ibrahim Haddad, Maren Lindqvist, Priya Raman, Ruth Amundsen, Chen Wei, Tomasz Wiśniewski"},
		{"nothing", Filter{Search: "zzzz"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := s.List(tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(list); got != tc.want && !sameSet(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func sameSet(a, b string) bool {
	as, bs := strings.Split(a, ", "), strings.Split(b, ", ")
	if len(as) != len(bs) {
		return false
	}
	seen := map[string]int{}
	for _, x := range as {
		seen[x]++
	}
	for _, x := range bs {
		seen[x]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestEditAndVerify covers saving, validation in plain words, marking
// verified, retiring and deleting.
func TestEditAndVerify(t *testing.T) {
	s := openStore(t)
	org := mustCreate(t, s, Contact{Kind: Organization, Name: "Lakeshore County IT", Level: County})
	c := mustCreate(t, s, Contact{Name: "Grace Okafor", OrgID: org.ID, Level: County})
	if c.Organization != "Lakeshore County IT" || c.UUID == "" {
		t.Fatalf("created %+v", c)
	}
	for _, bad := range []struct {
		edit func(*Contact)
		msg  string
	}{
		{func(c *Contact) { c.Name = "  " }, "needs a name"},
		{func(c *Contact) { c.Email = "grace@" }, "does not look like an email"},
		{func(c *Contact) { c.MobilePhone = "call me" }, "may hold only digits"},
		{func(c *Contact) { c.Level = "galactic" }, "not one of"},
	} {
		edited := c
		bad.edit(&edited)
		if _, err := s.Update(edited); err == nil || !strings.Contains(err.Error(), bad.msg) {
			t.Errorf("Update error = %v, want %q", err, bad.msg)
		}
	}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	if err := s.MarkVerified(c.ID, day); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(c.ID)
	if !got.VerifiedOn.Equal(day) || got.NeedsVerifying(day.AddDate(0, 0, 90), 90) || !got.NeedsVerifying(day.AddDate(0, 0, 91), 90) {
		t.Errorf("verified on %v", got.VerifiedOn)
	}
	org.Name = "Lakeshore County Information Technology"
	if _, err := s.Update(org); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(Filter{Search: "information technology", Kind: Person}); names(list) != "Grace Okafor" {
		t.Errorf("renaming the organization did not reach its members' search: %q", names(list))
	}
	got.Active = false
	if _, err := s.Update(got); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(Filter{Kind: Person}); len(list) != 0 {
		t.Errorf("a retired contact is listed: %q", names(list))
	}
	if err := s.Delete(org.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Get(c.ID)
	if got.OrgID != 0 || got.Organization != "" {
		t.Errorf("after its organization was deleted: %+v", got)
	}
	if err := s.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(c.ID); !errors.Is(err, db.ErrNotFound) {
		t.Errorf("Get after Delete: %v", err)
	}
}

// TestEnsureDefaults checks the built-in roles and partners: loaded once,
// with the help desk number, and a clerk's deletions stay deleted.
func TestEnsureDefaults(t *testing.T) {
	s := openStore(t)
	for i := 0; i < 2; i++ {
		if err := s.EnsureDefaults(); err != nil {
			t.Fatal(err)
		}
	}
	roles, _ := s.Roles()
	if len(roles) != len(DefaultRoles) {
		t.Fatalf("%d roles, want %d", len(roles), len(DefaultRoles))
	}
	for i, r := range roles {
		if r.Slug != DefaultRoles[i].Slug {
			t.Errorf("role %d is %s, want %s", i, r.Slug, DefaultRoles[i].Slug)
		}
	}
	help := byName(t, s, "Elections Help Desk")
	if help.OfficePhone != "(608) 261-2028" || help.Organization != "Wisconsin Elections Commission (WEC)" || !help.Builtin {
		t.Errorf("help desk: %+v", help)
	}
	tree, _ := s.CallTree()
	if p, ok := tree[len(tree)-1].Primary(); !ok || p.ID != help.ID {
		t.Errorf("the help desk does not hold the state help desk role: %+v", tree[len(tree)-1])
	}
	for _, lvl := range Levels[:5] {
		if list, _ := s.List(Filter{Level: lvl}); len(list) == 0 {
			t.Errorf("no built-in partner at level %s", lvl)
		}
	}
	orgs, _ := s.Organizations()
	for _, o := range orgs {
		if o.Email != "" || o.MobilePhone != "" || o.AfterHoursPhone != "" || (o.OfficePhone != "" && o.ID != help.ID) {
			t.Errorf("a built-in partner has a detail no source gave: %+v", o)
		}
	}
	cisa := byName(t, s, "Cybersecurity and Infrastructure Security Agency (CISA)")
	if err := s.Delete(cisa.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRole(roles[7].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.List(Filter{Search: "CISA"}); len(list) != 0 {
		t.Error("a deleted partner came back")
	}
	if roles2, _ := s.Roles(); len(roles2) != len(DefaultRoles)-1 {
		t.Error("a deleted role came back")
	}
}

// TestRolesAndGaps edits the call tree as the screen does and checks the gaps.
func TestRolesAndGaps(t *testing.T) {
	s := openStore(t)
	if err := s.EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	a := mustCreate(t, s, Contact{Name: "Ana Núñez", OfficePhone: "(608) 555-0101"})
	b := mustCreate(t, s, Contact{Name: "Pao Xiong", MobilePhone: "(608) 555-0102"})
	c := mustCreate(t, s, Contact{Name: "Grace Okafor", AfterHoursPhone: "(608) 555-0103"})
	r, err := s.AddRole("Poll-worker coordinator", "Reaches poll workers on election day.")
	if err != nil || r.Slug != "poll-worker-coordinator" {
		t.Fatalf("AddRole: %+v %v", r, err)
	}
	if r2, _ := s.AddRole("Poll worker coordinator", ""); r2.Slug != "poll-worker-coordinator-2" {
		t.Errorf("second slug %q", r2.Slug)
	}
	gap := func() string {
		tree, err := s.CallTree()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range tree {
			if e.Role.ID == r.ID {
				var hs []string
				for _, h := range e.Holders {
					hs = append(hs, h.Name)
				}
				return strings.Join(hs, ">") + "|" + e.Gap()
			}
		}
		return "missing"
	}
	steps := []struct {
		do   func() error
		want string
	}{
		{func() error { return nil }, "|No primary and no backup"},
		{func() error { return s.AddHolder(r.ID, a.ID) }, "Ana Núñez|No backup"},
		{func() error { return s.AddHolder(r.ID, b.ID) }, "Ana Núñez>Pao Xiong|"},
		{func() error { return s.AddHolder(r.ID, c.ID) }, "Ana Núñez>Pao Xiong>Grace Okafor|"},
		{func() error { return s.MoveHolder(r.ID, c.ID, -1) }, "Ana Núñez>Grace Okafor>Pao Xiong|"},
		{func() error { return s.MoveHolder(r.ID, c.ID, -1) }, "Grace Okafor>Ana Núñez>Pao Xiong|"},
		{func() error { return s.RemoveHolder(r.ID, a.ID) }, "Grace Okafor>Pao Xiong|"},
		{func() error { return s.Delete(c.ID) }, "Pao Xiong|No backup"},
	}
	for i, st := range steps {
		if err := st.do(); err != nil {
			t.Fatal(err)
		}
		if got := gap(); got != st.want {
			t.Errorf("step %d: %q, want %q", i, got, st.want)
		}
	}
	// A holder with no number to call is a gap.
	noPhone := mustCreate(t, s, Contact{Name: "Lee Vang", Email: "lee@example.gov"})
	if err := s.AddHolder(r.ID, noPhone.ID); err != nil {
		t.Fatal(err)
	}
	if got := gap(); got != "Pao Xiong>Lee Vang|Lee Vang has no phone number" {
		t.Errorf("a backup without a number: %q", got)
	}
	if err := s.RemoveHolder(r.ID, noPhone.ID); err != nil {
		t.Fatal(err)
	}
	hs, _ := s.Holdings()
	if h := hs[b.ID]; len(h) != 1 || h[0].Label() != "Primary" || h[0].Role != "Poll-worker coordinator" {
		t.Errorf("holdings of Pao: %+v", h)
	}
	// A retired primary keeps its place but is skipped: the backup is called first.
	if err := s.AddHolder(r.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveHolder(r.ID, a.ID, -1); err != nil {
		t.Fatal(err)
	}
	a.Active = false
	if _, err := s.Update(a); err != nil {
		t.Fatal(err)
	}
	if got := gap(); got != "Pao Xiong|No backup" {
		t.Errorf("with a retired primary: %q", got)
	}
	if hs, _ := s.Holdings(); hs[b.ID][0].Label() != "Primary" {
		t.Errorf("Pao behind a retired primary is %s", hs[b.ID][0].Label())
	}
	if err := s.MoveRole(r.ID, -1); err != nil {
		t.Fatal(err)
	}
	roles, _ := s.Roles()
	if roles[len(roles)-3].ID != r.ID {
		t.Errorf("the role did not move up one place")
	}
}
