package exchange

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"electionbinder/assets/templates"
	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

const passphrase = "blue heron canoe lantern"

func init() { PassphraseWorkFactor = 10 }

// office is one binder database of the exchange tests.
type office struct {
	path string
	conn *sql.DB
}

func newOffice(t testing.TB, name string) *office {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".db")
	conn, err := db.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := contacts.NewStore(conn).EnsureDefaults(); err != nil {
		t.Fatal(err)
	}
	p := settings.Profile{Jurisdiction: name, County: "Dane", State: "Wisconsin"}
	if err := settings.New(conn).SaveProfile(p); err != nil {
		t.Fatal(err)
	}
	return &office{path: path, conn: conn}
}

// hash fingerprints the database file with its journal, to prove a refused
// package wrote nothing.
func (o *office) hash(t *testing.T) [32]byte {
	t.Helper()
	h := sha256.New()
	for _, f := range []string{o.path, o.path + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		h.Write(b)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}

func (o *office) countyPackage(t *testing.T, at time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCountyPackage(o.conn, &buf, passphrase, at); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (o *office) take(t *testing.T, pkg []byte, takeCounty bool) *CountyImport {
	t.Helper()
	read, err := ReadCountyPackage(pkg, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	ci, err := PlanCountyImport(o.conn, read)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ci.Changes {
		ci.Changes[i].TakeCounty = takeCounty
	}
	if _, err := ci.Apply(o.conn); err != nil {
		t.Fatal(err)
	}
	return ci
}

func (o *office) partner(t *testing.T, uuid string) contacts.Contact {
	t.Helper()
	c, err := contacts.NewStore(o.conn).ByUUID(uuid)
	if err != nil {
		t.Fatalf("partner %s: %v", uuid, err)
	}
	return c
}

// countyOffice is a county with its own partners, a model template and an
// upcoming session.
func countyOffice(t *testing.T, now time.Time) (*office, contacts.Contact) {
	o := newOffice(t, "Dane County")
	store := contacts.NewStore(o.conn)
	em, err := store.Create(contacts.Contact{Kind: contacts.Organization, Name: "Dane County Emergency Management",
		Level: contacts.County, OfficePhone: "608-555-0100", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	chief, err := store.Create(contacts.Contact{Kind: contacts.Person, Name: "Nora Lindqvist", OrgID: em.ID,
		Level: contacts.County, MobilePhone: "608-555-0101", Active: true, Notes: "county only"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.NewStore(o.conn).ImportTemplate(templates.ContingencyPlan, "dane-model"); err != nil {
		t.Fatal(err)
	}
	start := now.AddDate(0, 0, 20).Truncate(time.Hour)
	if _, err := training.NewStore(o.conn).CreateEvent(training.Event{Title: "Incident response workshop",
		Kind: training.InPerson, Start: start, End: start.Add(2 * time.Hour), Capacity: 40,
		Address: "210 Martin Luther King Jr Blvd, Madison"}); err != nil {
		t.Fatal(err)
	}
	return o, chief
}

func TestCountyAndTwoMunicipalitiesExchangePackages(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county, chief := countyOffice(t, now)
	first := county.countyPackage(t, now)
	towns := []*office{newOffice(t, "Town of Verona"), newOffice(t, "Village of Oregon")}

	for _, town := range towns {
		ci := town.take(t, first, false)
		if !strings.Contains(ci.Summary(), "new template: 1") || !strings.Contains(ci.Summary(), "new session: 1") {
			t.Errorf("%s: first import = %q", town.path, ci.Summary())
		}
		got := town.partner(t, chief.UUID)
		if got.MobilePhone != "608-555-0101" || got.Organization != "Dane County Emergency Management" {
			t.Errorf("partner taken in as %+v", got)
		}
		if got.Notes != "" {
			t.Errorf("the county's own notes travelled: %q", got.Notes)
		}
	}

	// The same package again changes nothing.
	before := towns[0].hash(t)
	read, _ := ReadCountyPackage(first, passphrase)
	again, err := PlanCountyImport(towns[0].conn, read)
	if err != nil || len(again.Changes) != 0 {
		t.Fatalf("second import plans %v (%v)", again.Changes, err)
	}
	if towns[0].hash(t) != before {
		t.Error("planning a repeated import wrote to the database")
	}

	// Verona changes the mobile; the county changes the same partner's title.
	local := towns[0].partner(t, chief.UUID)
	local.MobilePhone = "608-555-0199"
	local.Notes = "calls back fast"
	if _, err := contacts.NewStore(towns[0].conn).Update(local); err != nil {
		t.Fatal(err)
	}
	chief.Title = "Director"
	if _, err := contacts.NewStore(county.conn).Update(chief); err != nil {
		t.Fatal(err)
	}
	second := county.countyPackage(t, now.Add(time.Hour))

	ci := towns[0].take(t, second, false)
	if len(ci.Changes) != 1 || ci.Changes[0].Kind != PartnerConflict {
		t.Fatalf("Verona's second import = %+v, want one conflict", ci.Changes)
	}
	if kept := towns[0].partner(t, chief.UUID); kept.MobilePhone != "608-555-0199" || kept.Title != "" {
		t.Errorf("the local edit did not survive: %+v", kept)
	}
	ci = towns[1].take(t, second, false)
	if len(ci.Changes) != 1 || ci.Changes[0].Kind != PartnerChanged {
		t.Fatalf("Oregon's second import = %+v, want one change", ci.Changes)
	}
	if got := towns[1].partner(t, chief.UUID); got.Title != "Director" {
		t.Errorf("Oregon did not take the county's change: %+v", got)
	}

	// A conflict taken from the county keeps the clerk's notes.
	third := county.countyPackage(t, now.Add(2*time.Hour))
	read, _ = ReadCountyPackage(third, passphrase)
	if ci, _ := PlanCountyImport(towns[0].conn, read); len(ci.Changes) != 0 {
		t.Errorf("a conflict already answered comes back: %+v", ci.Changes)
	}
	chief.MobilePhone = "608-555-0177"
	contacts.NewStore(county.conn).Update(chief)
	fourth := county.countyPackage(t, now.Add(3*time.Hour))
	towns[0].take(t, fourth, true)
	if got := towns[0].partner(t, chief.UUID); got.MobilePhone != "608-555-0177" || got.Notes != "calls back fast" {
		t.Errorf("taking the county's version = %+v", got)
	}

	// Status packages come back and the roll-up shows both.
	dir := t.TempDir()
	for i, town := range towns {
		f, err := os.Create(filepath.Join(dir, []string{"verona", "oregon"}[i]+FileExtension))
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteStatusPackage(town.conn, f, now.Add(4*time.Hour)); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	res, err := ImportStatusFiles(county.conn, []string{dir})
	if err != nil || res.Added != 2 || len(res.Refused) != 0 {
		t.Fatalf("roll-up import = %+v (%v)", res, err)
	}
	list, err := Rollup(county.conn, now)
	if err != nil || len(list) != 2 {
		t.Fatalf("roll-up = %v (%v)", list, err)
	}
	for _, m := range list {
		if st, why := m.Standing(now); st != Overdue || !strings.Contains(strings.Join(why, ","), "no approved plan") {
			t.Errorf("%s stands %v %v; no plan is approved", m.Name(), st, why)
		}
	}
	res, _ = ImportStatusFiles(county.conn, []string{dir})
	if res.Older != 2 || res.Added+res.Replaced != 0 {
		t.Errorf("the same status packages again = %+v, want both ignored", res)
	}
}

func TestBadPackagesAreRefusedAndWriteNothing(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county, _ := countyOffice(t, now)
	good := county.countyPackage(t, now)
	town := newOffice(t, "Town of Verona")

	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	newer := bytes.Replace(bytes.Clone(good), []byte(magic+" 1 "), []byte(magic+" 2 "), 1)
	cases := []struct {
		name, pass string
		src        []byte
		want       error
	}{
		{"wrong passphrase", "not the county's words", good, ErrWrongPassword},
		{"flipped byte", passphrase, flipped, ErrDamaged},
		{"truncated", passphrase, good[:len(good)-40], ErrDamaged},
		{"empty", passphrase, nil, ErrNotPackage},
		{"another program's file", passphrase, []byte("PK\x03\x04 a zip file"), ErrNotPackage},
	}
	for _, c := range cases {
		before := town.hash(t)
		pkg, err := ReadCountyPackage(c.src, c.pass)
		if err == nil {
			_, err = PlanCountyImport(town.conn, pkg)
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if town.hash(t) != before {
			t.Errorf("%s: the database changed", c.name)
		}
	}
	var newerErr NewerFormatError
	if _, err := ReadCountyPackage(newer, passphrase); !errors.As(err, &newerErr) {
		t.Errorf("newer format: err = %v", err)
	}

	// A status package that was tampered with is refused; the roll-up keeps what it had.
	town.take(t, good, false)
	var status bytes.Buffer
	if err := WriteStatusPackage(town.conn, &status, now); err != nil {
		t.Fatal(err)
	}
	bad := status.Bytes()
	bad[len(bad)-5] ^= 1
	path := filepath.Join(t.TempDir(), "verona"+FileExtension)
	os.WriteFile(path, bad, 0o600)
	before := county.hash(t)
	res, err := ImportStatusFiles(county.conn, []string{path})
	if err != nil || len(res.Refused) != 1 || res.Added != 0 {
		t.Fatalf("tampered status = %+v (%v)", res, err)
	}
	if county.hash(t) != before {
		t.Error("a refused status package changed the county's database")
	}
}

func TestOlderCountyPackageIsRefused(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county, _ := countyOffice(t, now)
	old := county.countyPackage(t, now)
	town := newOffice(t, "Town of Verona")
	town.take(t, county.countyPackage(t, now.Add(time.Hour)), false)
	read, err := ReadCountyPackage(old, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := PlanCountyImport(town.conn, read); !errors.Is(err, ErrOlderPackage) {
		t.Errorf("older package: err = %v", err)
	}
}

func TestStatusNeedsTheCountyFirstAndCarriesNoNumbers(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	town := newOffice(t, "Town of Verona")
	if err := WriteStatusPackage(town.conn, &bytes.Buffer{}, now); !errors.Is(err, ErrNoCounty) {
		t.Fatalf("status before any county package: %v", err)
	}
	if _, err := contacts.NewStore(town.conn).Create(contacts.Contact{Name: "Ada Reyes", Level: contacts.Municipal,
		MobilePhone: "608-555-0142", Email: "ada@verona.example", Active: true}); err != nil {
		t.Fatal(err)
	}
	rep, err := BuildStatus(town.conn, now)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.ToLower(string(raw))
	if !strings.Contains(body, "town of verona") {
		t.Errorf("the status does not name its office: %s", body)
	}
	for _, private := range []string{"555-0142", "ada@", "ada reyes"} {
		if strings.Contains(body, private) {
			t.Errorf("the status carries %q", private)
		}
	}
}

func TestNamesSortAsClerksReadThem(t *testing.T) {
	names := []string{"Ward 12", "ward 3", "Village of Oregon", "Ward 3A", "City of Verona 2", "City of Verona 10"}
	sorted := slices.Clone(names)
	slices.SortFunc(sorted, func(a, b string) int {
		if NameLess(a, b) {
			return -1
		}
		if NameLess(b, a) {
			return 1
		}
		return 0
	})
	want := []string{"City of Verona 2", "City of Verona 10", "Village of Oregon", "ward 3", "Ward 3A", "Ward 12"}
	if !slices.Equal(sorted, want) {
		t.Errorf("sorted = %q, want %q", sorted, want)
	}
}

func TestABuiltInPartnerTheCountyFilledInIsAChangeNotAConflict(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county, _ := countyOffice(t, now)
	const sheriff = "ad6417e1-c607-4007-9ce0-0fec920e3a98" // County Sheriff's Office, as shipped
	c := county.partner(t, sheriff)
	c.Name, c.OfficePhone = "Dane County Sheriff's Office", "608-555-0130"
	if _, err := contacts.NewStore(county.conn).Update(c); err != nil {
		t.Fatal(err)
	}
	town := newOffice(t, "Town of Verona")
	var got Change
	for _, ch := range town.take(t, county.countyPackage(t, now), false).Changes {
		if ch.UUID == sheriff {
			got = ch
		}
	}
	if got.Kind != PartnerChanged || town.partner(t, sheriff).OfficePhone != "608-555-0130" {
		t.Errorf("the sheriff's office came in as %v: %q", got.Kind.Label(), got.Detail)
	}
}

func TestANewerBuiltInTemplateAtTheCountyAsksForAnUpdate(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	county, _ := countyOffice(t, now)
	pkg, err := ReadCountyPackage(county.countyPackage(t, now), passphrase)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Builtins) == 0 {
		t.Fatal("the package does not say which built-in template versions the county has")
	}
	pkg.Builtins[0].Version += 5
	town := newOffice(t, "Town of Verona")
	ci, err := PlanCountyImport(town.conn, pkg)
	if err != nil {
		t.Fatal(err)
	}
	var found *Change
	for i, c := range ci.Changes {
		if c.Kind == BuiltinNewer {
			found = &ci.Changes[i]
		}
	}
	if found == nil || found.Writes() || !strings.Contains(found.Detail, "install the newer") {
		t.Fatalf("a newer built-in at the county shows as %+v", found)
	}
}
