package exchange

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

// CountyPackage is what a county sends its municipalities.
type CountyPackage struct {
	envelope
	CreatedAt time.Time        `json:"created_at"`
	County    County           `json:"county"`
	Builtins  []BuiltinVersion `json:"builtins"`
	Templates []TemplateFile   `json:"templates"`
	Partners  []Partner        `json:"partners"`
	Sessions  []training.Event `json:"sessions"`
}

// TemplateFile is one of the county's templates or state packs, as the
// Markdown it is kept as.
type TemplateFile struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Version  int    `json:"version"`
	Markdown string `json:"markdown"`
}

// BuiltinVersion is the version of a built-in template or state pack the
// county's binder carries.
type BuiltinVersion struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Version int    `json:"version"`
}

// Partner is a county or state contact as a package carries it.
type Partner struct {
	UUID            string `json:"uuid"`
	Kind            string `json:"kind"`
	Name            string `json:"name"`
	Title           string `json:"title,omitempty"`
	OrgUUID         string `json:"org_uuid,omitempty"`
	Level           string `json:"level"`
	OfficePhone     string `json:"office_phone,omitempty"`
	MobilePhone     string `json:"mobile_phone,omitempty"`
	AfterHoursPhone string `json:"after_hours_phone,omitempty"`
	Email           string `json:"email,omitempty"`
	Address         string `json:"address,omitempty"`
	VerifiedOn      string `json:"verified_on,omitempty"`
}

// fingerprint identifies what a partner says, to tell an edit from none.
func (p Partner) fingerprint() string {
	h := sha256.New()
	for _, f := range []string{p.Kind, p.Name, p.Title, p.OrgUUID, p.Level, p.OfficePhone, p.MobilePhone,
		p.AfterHoursPhone, p.Email, p.Address} {
		io.WriteString(h, strings.TrimSpace(f))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// WriteCountyPackage writes the county package of the binder conn to w,
// locked with passphrase.
func WriteCountyPackage(conn *sql.DB, w io.Writer, passphrase string, now time.Time) error {
	recipient, err := passphraseRecipient(passphrase)
	if err != nil {
		return err
	}
	pkg, err := buildCountyPackage(conn, now)
	if err != nil {
		return err
	}
	return seal(w, CountyKind, pkg, recipient)
}

func buildCountyPackage(conn *sql.DB, now time.Time) (*CountyPackage, error) {
	id, profile, err := officeOf(conn)
	if err != nil {
		return nil, err
	}
	pkg := &CountyPackage{envelope: envelope{FormatVersion, CountyKind}, CreatedAt: now.UTC(),
		County: County{UUID: id.UUID, Name: officeName(profile), PublicKey: id.PublicKey(), PackageAt: now.UTC()}}
	if pkg.Builtins, pkg.Templates, err = countyTemplates(conn); err != nil {
		return nil, err
	}
	if pkg.Partners, err = partnersOf(conn); err != nil {
		return nil, err
	}
	pkg.Sessions, err = upcomingSessions(conn, now)
	return pkg, err
}

// officeOf returns this binder's exchange identity and its jurisdiction profile.
func officeOf(conn *sql.DB) (identity, settings.Profile, error) {
	id, err := ownIdentity(conn)
	if err != nil {
		return identity{}, settings.Profile{}, err
	}
	profile, err := settings.New(conn).LoadProfile()
	return id, profile, err
}

// officeName is how an office names itself in packages.
func officeName(p settings.Profile) string {
	for _, name := range []string{p.Jurisdiction, p.County} {
		if strings.TrimSpace(name) != "" {
			return strings.TrimSpace(name)
		}
	}
	return "Unnamed office"
}

// countyTemplates lists the versions of the built-in template and packs the
// county's binder carries, and the templates and packs the county made.
func countyTemplates(conn *sql.DB) ([]BuiltinVersion, []TemplateFile, error) {
	store := plan.NewStore(conn)
	list, err := store.Templates()
	if err != nil {
		return nil, nil, err
	}
	var builtins []BuiltinVersion
	var own []TemplateFile
	for _, t := range list {
		if t.Builtin {
			builtins = append(builtins, BuiltinVersion{Name: t.Name, Kind: t.Kind, Version: t.Version})
			continue
		}
		md, err := store.TemplateMarkdown(t.Name)
		if err != nil {
			return nil, nil, err
		}
		own = append(own, TemplateFile{Name: t.Name, Kind: t.Kind, Version: t.Version, Markdown: string(md)})
	}
	return builtins, own, nil
}

func partnersOf(conn *sql.DB) ([]Partner, error) {
	list, err := contacts.NewStore(conn).Partners()
	if err != nil {
		return nil, err
	}
	orgUUID := map[int64]string{}
	for _, c := range list {
		if c.Kind == contacts.Organization {
			orgUUID[c.ID] = c.UUID
		}
	}
	out := make([]Partner, len(list))
	for i, c := range list {
		out[i] = partnerOf(c, orgUUID[c.OrgID])
	}
	return out, nil
}

func partnerOf(c contacts.Contact, orgUUID string) Partner {
	p := Partner{UUID: c.UUID, Kind: string(c.Kind), Name: c.Name, Title: c.Title, OrgUUID: orgUUID,
		Level: string(c.Level), OfficePhone: c.OfficePhone, MobilePhone: c.MobilePhone,
		AfterHoursPhone: c.AfterHoursPhone, Email: c.Email, Address: c.Address}
	if !c.VerifiedOn.IsZero() {
		p.VerifiedOn = c.VerifiedOn.Format("2006-01-02")
	}
	return p
}

// upcomingSessions are the training sessions that have not ended yet.
func upcomingSessions(conn *sql.DB, now time.Time) ([]training.Event, error) {
	list, err := training.NewStore(conn).Events("")
	if err != nil {
		return nil, err
	}
	var out []training.Event
	for _, s := range list {
		if s.End.After(now) {
			out = append(out, s.Event)
		}
	}
	return out, nil
}

// ReadCountyPackage unlocks a county package with passphrase and reads it.
func ReadCountyPackage(src []byte, passphrase string) (*CountyPackage, error) {
	identity, err := passphraseIdentity(passphrase)
	if err != nil {
		return nil, err
	}
	var pkg CountyPackage
	if err := open(src, CountyKind, identity, &pkg); err != nil {
		return nil, err
	}
	if err := pkg.check(CountyKind); err != nil {
		return nil, err
	}
	if pkg.County.UUID == "" || pkg.County.PublicKey == "" {
		return nil, ErrDamaged
	}
	for i := range pkg.Sessions {
		if err := pkg.Sessions[i].Validate(); err != nil {
			return nil, fmt.Errorf("%w (session %q: %v)", ErrDamaged, pkg.Sessions[i].Title, err)
		}
	}
	return &pkg, nil
}

// partnerVersion is a county partner as the municipality has it now.
type partnerVersion struct {
	found bool
	local Partner
	base  string // fingerprint as last taken from the county; "" if never
}

func localPartner(tx *sql.Tx, uuid string) (partnerVersion, error) {
	var v partnerVersion
	c, err := contacts.ByUUIDTx(tx, uuid)
	switch {
	case err == nil:
		v.found = true
		org := ""
		if c.OrgID != 0 {
			if err := tx.QueryRow(`SELECT uuid FROM contacts WHERE id = ?`, c.OrgID).Scan(&org); err != nil {
				return v, err
			}
		}
		v.local = partnerOf(c, org)
	case !errors.Is(err, db.ErrNotFound):
		return v, err
	}
	err = tx.QueryRow(`SELECT fingerprint FROM exchange_partner_base WHERE contact_uuid = ?`, uuid).Scan(&v.base)
	if errors.Is(err, sql.ErrNoRows) {
		v.base, err = shippedFingerprint(uuid), nil
	}
	return v, err
}

// shippedFingerprint is the fingerprint of a built-in partner as it ships,
// which both the county's and the municipality's copies started from; ""
// for a partner that is not built in.
func shippedFingerprint(uuid string) string {
	c, org, ok := contacts.Shipped(uuid)
	if !ok {
		return ""
	}
	return partnerOf(c, org).fingerprint()
}

func fmtCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
