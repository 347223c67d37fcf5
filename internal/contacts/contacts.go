// Package contacts is the directory of who to call in an incident: partner
// organisations and people by level of government, the incident roles they
// hold as primary or backup, and import and export as CSV and vCard.
package contacts

import (
	"database/sql"
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

// Kind tells a person from an organisation.
type Kind string

// The kinds of contact.
const (
	Person       Kind = "person"
	Organization Kind = "organization"
)

// Contact is a person or an organisation in the directory.
type Contact struct {
	ID              int64
	UUID            string
	Kind            Kind
	Name            string
	Title           string
	OrgID           int64  // 0 when the contact belongs to no organisation
	Organization    string // the organisation's name, filled in on reads
	Level           Level
	OfficePhone     string
	MobilePhone     string
	AfterHoursPhone string
	Email           string
	Address         string
	Notes           string
	VerifiedOn      time.Time // zero when never verified
	Active          bool
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
