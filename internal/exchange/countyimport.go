package exchange

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
	"electionbinder/internal/training"
)

// ChangeKind says what taking in a county package does to one thing.
type ChangeKind int

// The kinds of change a county package can bring.
const (
	TemplateNew ChangeKind = iota
	TemplateNewer
	PartnerNew
	PartnerChanged
	PartnerConflict    // changed here and by the county: the clerk chooses
	PartnerRemovedHere // removed here after an earlier package: not added back
	SessionNew
	SessionChanged
	BuiltinNewer // the county's binder carries a newer built-in template or pack: update the app
)

var changeLabels = map[ChangeKind]string{
	TemplateNew: "New template", TemplateNewer: "Newer template", PartnerNew: "New partner",
	PartnerChanged: "Changed partner", PartnerConflict: "Conflict", PartnerRemovedHere: "Removed here",
	SessionNew: "New session", SessionChanged: "Changed session", BuiltinNewer: "Update the binder",
}

// Label is how the kind of change reads to a clerk.
func (k ChangeKind) Label() string { return changeLabels[k] }

// Change is one thing a county package adds or changes.
type Change struct {
	Kind   ChangeKind
	Name   string // the template, partner or session
	Detail string // what changes, in words
	UUID   string // the partner's or session's; the template's name for templates
	// TakeCounty is the clerk's choice on a conflict: true takes the
	// county's version, false (the default) keeps this office's.
	TakeCounty bool
}

// Writes reports whether taking the change writes anything, as chosen.
func (c Change) Writes() bool {
	switch c.Kind {
	case PartnerRemovedHere, BuiltinNewer:
		return false
	case PartnerConflict:
		return c.TakeCounty
	}
	return true
}

// CountyImport is what taking in one county package will do, for the clerk
// to read before anything is written.
type CountyImport struct {
	Package *CountyPackage
	Changes []Change
}

// Summary counts the changes in one line.
func (ci *CountyImport) Summary() string {
	counts := map[ChangeKind]int{}
	for _, c := range ci.Changes {
		counts[c.Kind]++
	}
	var parts []string
	for k := TemplateNew; k <= BuiltinNewer; k++ {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", strings.ToLower(k.Label()), counts[k]))
		}
	}
	if len(parts) == 0 {
		return "Nothing to take in: this binder already has everything in the package."
	}
	return strings.Join(parts, " · ")
}

// ErrOlderPackage refuses a county package older than one already taken in.
var ErrOlderPackage = errors.New("this county package is older than the one already taken in; ask the county for its newest package")

// PlanCountyImport compares a county package with this binder and lists
// what taking it in would add or change. It writes nothing.
func PlanCountyImport(conn *sql.DB, pkg *CountyPackage) (*CountyImport, error) {
	if err := checkNotOlder(conn, pkg); err != nil {
		return nil, err
	}
	ci := &CountyImport{Package: pkg}
	steps := []func(*sql.DB, *CountyImport) error{planTemplates, planPartners, planSessions}
	for _, step := range steps {
		if err := step(conn, ci); err != nil {
			return nil, err
		}
	}
	return ci, nil
}

func checkNotOlder(conn *sql.DB, pkg *CountyPackage) error {
	county, ok, err := ReportsTo(conn)
	if err != nil || !ok || county.UUID != pkg.County.UUID {
		return err
	}
	if pkg.CreatedAt.Before(county.PackageAt) {
		return fmt.Errorf("%w (this one was written %s, the one taken in %s)", ErrOlderPackage,
			pkg.CreatedAt.Local().Format("Jan 2, 2006 3:04 PM"), county.PackageAt.Local().Format("Jan 2, 2006 3:04 PM"))
	}
	return nil
}

func planTemplates(conn *sql.DB, ci *CountyImport) error {
	list, err := plan.NewStore(conn).Templates()
	if err != nil {
		return err
	}
	have := map[string]int{}
	for _, t := range list {
		have[t.Name] = t.Version
	}
	for _, b := range ci.Package.Builtins {
		if v, ok := have[b.Name]; !ok || v < b.Version {
			ci.Changes = append(ci.Changes, Change{Kind: BuiltinNewer, Name: b.Name, UUID: "builtin:" + b.Name,
				Detail: fmt.Sprintf("the county's binder has version %d of the built-in %s, this one %d: install the newer Election Security Binder to get it",
					b.Version, kindWord(b.Kind), v)})
		}
	}
	for _, t := range ci.Package.Templates {
		v, ok := have[t.Name]
		switch {
		case !ok:
			ci.Changes = append(ci.Changes, Change{Kind: TemplateNew, Name: t.Name, UUID: t.Name,
				Detail: fmt.Sprintf("%s, version %d", kindWord(t.Kind), t.Version)})
		case v < t.Version:
			ci.Changes = append(ci.Changes, Change{Kind: TemplateNewer, Name: t.Name, UUID: t.Name,
				Detail: fmt.Sprintf("%s version %d replaces version %d; plans made from it are offered the changes section by section",
					kindWord(t.Kind), t.Version, v)})
		}
	}
	return nil
}

// kindWord names a kind of template in words.
func kindWord(kind string) string {
	if kind == plan.KindPack {
		return "state pack"
	}
	return "template"
}

func planPartners(conn *sql.DB, ci *CountyImport) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range ci.Package.Partners {
		v, err := localPartner(tx, p.UUID)
		if err != nil {
			return err
		}
		if c, ok := partnerChange(p, v); ok {
			ci.Changes = append(ci.Changes, c)
		}
	}
	return nil
}

// partnerChange decides what a county partner does to this binder's copy.
func partnerChange(p Partner, v partnerVersion) (Change, bool) {
	c := Change{Name: p.Name, UUID: p.UUID}
	county := p.fingerprint()
	switch {
	case !v.found && v.base != "":
		c.Kind, c.Detail = PartnerRemovedHere, "removed from this directory after an earlier package; not added back"
	case !v.found:
		c.Kind, c.Detail = PartnerNew, levelWords(p.Level)
	case v.local.fingerprint() == county || v.base == county:
		return c, false
	case v.base == v.local.fingerprint():
		c.Kind, c.Detail = PartnerChanged, differences(v.local, p)
	default:
		c.Kind, c.Detail = PartnerConflict, "changed here and by the county: "+differences(v.local, p)
	}
	return c, true
}

func levelWords(level string) string {
	if l, ok := contacts.ParseLevel(level); ok {
		return l.Label() + " partner"
	}
	return "partner"
}

// differences says in words how the county's version differs from this
// office's, such as "mobile: 608-555-0100 → 608-555-0199".
func differences(here, county Partner) string {
	fields := []struct{ label, a, b string }{
		{"name", here.Name, county.Name}, {"title", here.Title, county.Title},
		{"level", here.Level, county.Level}, {"office", here.OfficePhone, county.OfficePhone},
		{"mobile", here.MobilePhone, county.MobilePhone}, {"after hours", here.AfterHoursPhone, county.AfterHoursPhone},
		{"email", here.Email, county.Email}, {"address", here.Address, county.Address},
		{"organization", here.OrgUUID, county.OrgUUID},
	}
	var out []string
	for _, f := range fields {
		if strings.TrimSpace(f.a) != strings.TrimSpace(f.b) {
			out = append(out, fmt.Sprintf("%s: %s → %s", f.label, orNone(f.a), orNone(f.b)))
		}
	}
	return strings.Join(out, "; ")
}

func orNone(s string) string {
	if s = strings.TrimSpace(s); s == "" {
		return "(none)"
	}
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

func planSessions(conn *sql.DB, ci *CountyImport) error {
	store := training.NewStore(conn)
	for _, e := range ci.Package.Sessions {
		old, err := store.EventByUUID(e.UUID)
		switch {
		case errors.Is(err, training.ErrNotFound):
			ci.Changes = append(ci.Changes, Change{Kind: SessionNew, Name: e.Title, UUID: e.UUID, Detail: e.When()})
		case err != nil:
			return err
		case !sameSession(old, e):
			ci.Changes = append(ci.Changes, Change{Kind: SessionChanged, Name: e.Title, UUID: e.UUID, Detail: e.When()})
		}
	}
	return nil
}

func sameSession(a, b training.Event) bool {
	return a.Title == b.Title && a.Kind == b.Kind && a.Start.Equal(b.Start) && a.End.Equal(b.End) &&
		a.TimeZone == b.TimeZone && a.Address == b.Address && a.Room == b.Room && a.Directions == b.Directions &&
		a.Capacity == b.Capacity && a.RegistrationURL == b.RegistrationURL && a.CreditHours == b.CreditHours &&
		a.Organizer == b.Organizer && a.Notes == b.Notes
}

// Apply writes what the import plans, with the clerk's choices on
// conflicts, all or nothing, and returns how many things it wrote.
func (ci *CountyImport) Apply(conn *sql.DB) (written int, err error) {
	chosen := map[string]Change{}
	for _, c := range ci.Changes {
		chosen[c.UUID] = c
	}
	err = db.InTx(conn, func(tx *sql.Tx) error {
		written = 0
		n, err := applyTemplates(tx, ci.Package.Templates, chosen)
		written += n
		if err != nil {
			return err
		}
		if n, err = applyPartners(tx, ci.Package.Partners, chosen); err != nil {
			return err
		}
		written += n
		if n, err = applySessions(tx, ci.Package.Sessions, chosen); err != nil {
			return err
		}
		written += n
		county := ci.Package.County
		county.PackageAt = ci.Package.CreatedAt
		return saveCounty(tx, county)
	})
	return written, err
}

func applyTemplates(tx *sql.Tx, list []TemplateFile, chosen map[string]Change) (int, error) {
	n := 0
	for _, t := range list {
		if _, ok := chosen[t.Name]; !ok {
			continue
		}
		if _, err := plan.ImportTemplateTx(tx, []byte(t.Markdown), t.Name); err != nil {
			return n, fmt.Errorf("template %q: %w", t.Name, err)
		}
		n++
	}
	return n, nil
}

func applyPartners(tx *sql.Tx, list []Partner, chosen map[string]Change) (int, error) {
	n := 0
	for _, p := range list {
		if c, ok := chosen[p.UUID]; ok && c.Writes() {
			if err := savePartner(tx, p); err != nil {
				return n, fmt.Errorf("partner %s: %w", p.Name, err)
			}
			n++
		}
		if _, err := tx.Exec(`INSERT INTO exchange_partner_base(contact_uuid, fingerprint) VALUES(?, ?)
			ON CONFLICT(contact_uuid) DO UPDATE SET fingerprint = excluded.fingerprint`,
			strings.ToLower(p.UUID), p.fingerprint()); err != nil {
			return n, err
		}
	}
	return n, nil
}

// savePartner writes the county's fields of p over this binder's contact
// with its UUID (keeping the clerk's notes), or adds it.
func savePartner(tx *sql.Tx, p Partner) error {
	c, err := contacts.ByUUIDTx(tx, p.UUID)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	if errors.Is(err, db.ErrNotFound) {
		c = contacts.Contact{UUID: p.UUID, Active: true}
	}
	c.Kind, c.Name, c.Title, c.Level = contacts.Kind(p.Kind), p.Name, p.Title, contacts.Level(p.Level)
	c.OfficePhone, c.MobilePhone, c.AfterHoursPhone = p.OfficePhone, p.MobilePhone, p.AfterHoursPhone
	c.Email, c.Address = p.Email, p.Address
	c.VerifiedOn, _ = time.Parse("2006-01-02", p.VerifiedOn)
	c.OrgID = 0
	if p.OrgUUID != "" {
		if org, err := contacts.ByUUIDTx(tx, p.OrgUUID); err == nil && org.Kind == contacts.Organization {
			c.OrgID = org.ID
		}
	}
	_, err = contacts.SaveTx(tx, c)
	return err
}

func applySessions(tx *sql.Tx, list []training.Event, chosen map[string]Change) (int, error) {
	var take []training.Event
	for _, e := range list {
		if _, ok := chosen[e.UUID]; ok {
			take = append(take, e)
		}
	}
	res, err := training.ImportEventsTx(tx, take)
	return res.Created + res.Updated, err
}
