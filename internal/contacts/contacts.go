// Package contacts is the directory of who to call in an incident: partner
// organizations and people by level of government, the incident roles they
// hold as primary or backup, and import and export as CSV and vCard.
package contacts

import (
	"database/sql"
	"strings"
	"time"
)

// Level is the level of government (or kind of partner) a contact belongs to.
type Level string

// The levels, in the order the directory and the call tree group them.
const (
	Federal   Level = "federal"
	State     Level = "state"
	County    Level = "county"
	Municipal Level = "municipal"
	Vendor    Level = "vendor"
	Other     Level = "other"
)

// Levels lists every level in display order.
var Levels = []Level{Federal, State, County, Municipal, Vendor, Other}

// Label is the level as a clerk reads it, such as "Federal".
func (l Level) Label() string {
	if l == "" {
		return ""
	}
	return strings.ToUpper(string(l[:1])) + string(l[1:])
}

// ParseLevel reads a level from its name or label, ignoring case and spaces;
// it also knows a few common words such as "local" or "city".
func ParseLevel(s string) (Level, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, l := range Levels {
		if key == string(l) {
			return l, true
		}
	}
	switch key {
	case "fed", "national":
		return Federal, true
	case "city", "town", "village", "local", "municipality":
		return Municipal, true
	case "supplier", "contractor":
		return Vendor, true
	}
	return "", false
}

// Kind tells a person from an organization.
type Kind string

// The kinds of contact.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
)

// Contact is a person or an organization in the directory.
type Contact struct {
	ID              int64
	UUID            string
	Kind            Kind
	Name            string
	Title           string
	OrgID           int64  // 0 when the contact belongs to no organization
	Organization    string // the organization's name, filled in on reads
	Level           Level
	OfficePhone     string
	MobilePhone     string
	AfterHoursPhone string
	Email           string
	Address         string
	Notes           string
	VerifiedOn      time.Time // zero when never verified
	Active          bool
	Builtin         bool   // from the shipped partner list
	Source          string // where a built-in partner's facts came from; VerifiedOn is when they were checked
}

// StaleAfter is how old a checked fact may get before it is flagged for
// verifying again, whatever the directory's own verifying interval.
const StaleAfter = 365 // days

// Stale reports whether the contact's facts were never checked or were
// last checked more than a year before asOf.
func (c Contact) Stale(asOf time.Time) bool {
	return c.NeedsVerifying(asOf, StaleAfter)
}

// NeedsVerifying reports whether the contact was never verified, or was last
// verified more than days before today.
func (c Contact) NeedsVerifying(today time.Time, days int) bool {
	if c.VerifiedOn.IsZero() {
		return true
	}
	return c.VerifiedOn.Before(verifyCutoff(today, days))
}

// verifyCutoff is the earliest verification date that still counts as current.
func verifyCutoff(today time.Time, days int) time.Time {
	y, m, d := today.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -days)
}

// Phones returns the contact's numbers that are filled in, labeled.
func (c Contact) Phones() []LabelledPhone {
	var out []LabelledPhone
	for _, p := range []LabelledPhone{{"Office", c.OfficePhone}, {"Mobile", c.MobilePhone}, {"After hours", c.AfterHoursPhone}} {
		if p.Number != "" {
			out = append(out, p)
		}
	}
	return out
}

// LabelledPhone is a phone number with what it is for.
type LabelledPhone struct {
	Label  string
	Number string
}

// Role is an incident role, such as IT support or public information officer.
type Role struct {
	ID          int64
	UUID        string
	Slug        string // referenced from plans as {{role:slug}}
	Name        string
	Description string
	Position    int
}

// CallTreeEntry is one role with the active contacts who hold it:
// Holders[0] is the primary, the rest are backups in calling order.
type CallTreeEntry struct {
	Role    Role
	Holders []Contact
}

// Primary returns the role's primary contact, if any.
func (e CallTreeEntry) Primary() (Contact, bool) {
	if len(e.Holders) == 0 {
		return Contact{}, false
	}
	return e.Holders[0], true
}

// Backups returns the role's backup contacts in calling order.
func (e CallTreeEntry) Backups() []Contact {
	if len(e.Holders) < 2 {
		return nil
	}
	return e.Holders[1:]
}

// Store reads and writes the directory in one binder database.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}
