package binder

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Document is everything a printed plan binder shows, already resolved: the
// plan's text with its placeholders filled in, the call tree from the
// directory and the facts for the cover. The renderer reads nothing else.
type Document struct {
	Title        string
	Jurisdiction string
	County       string
	State        string
	Revision     int       // revision number printed on the cover and in every footer
	Draft        bool      // edited since revision Revision (or never approved): printed as a draft
	RevisionDate time.Time // when this revision was made; zero when unknown
	// Dated is written as the file's creation date: when the revision was
	// approved, or when a draft was last edited; zero falls back to RevisionDate.
	Dated      time.Time `json:"-"`
	ApprovedBy string    // who approved the revision; empty when not yet approved
	ApprovedOn time.Time // zero when not yet approved
	ReviewBy   time.Time // next review due; zero when none is set
	Marking    string    // handling marking printed at the top and bottom of every page
	CopyNumber string    // controlled-copy number; empty for an uncontrolled print
	IssuedTo   []string  // lines about who holds the controlled copy and where it is kept
	PreparedBy []string  // lines about the office that keeps the plan (name, title, address, phone)

	Changes      []Change           // record of changes, oldest first
	Distribution []CopyHolder       // who holds which controlled copy
	Sections     []Section          // the plan's sections as a tree
	CallTree     CallTree           // who to call, grouped by level of government
	Scenarios    []Scenario         // mock incidents with their response checklists
	Pocket       PocketCard         // the fold-and-cut reference card
	Pictures     map[string]Picture // pictures stored with the plan, by the name bodies show them by
}

// Picture is a picture stored with the plan: PNG or JPEG data. Sum stands
// for the data in the content hash.
type Picture struct {
	Format string // "png" or "jpeg"
	Data   []byte `json:"-"`
	Sum    string
}

// Change is one line of the record of changes.
type Change struct {
	Revision   int
	Date       time.Time
	ApprovedBy string
	Summary    string
	Pages      string // the pages the revision changed, such as "1-6 to 1-8; ii"
}

// CopyHolder is one line of the distribution list: who holds a controlled copy.
type CopyHolder struct {
	Copy     string // copy number as printed, such as "3"
	Name     string
	Title    string // title or organisation
	Location string // where the copy is kept
	Issued   time.Time
}

// Section is one section of the plan. Body is Markdown; Children are its
// subsections.
type Section struct {
	Title    string
	Body     string
	Children []Section
}

// CallTree is the directory part of the binder, grouped by level of government.
type CallTree struct {
	Groups []CallGroup
}

// CallGroup is one level of government (federal, state, county …) with its roles.
type CallGroup struct {
	Level string // heading as printed, such as "County"
	Roles []CallRole
}

// CallRole is an incident role with the people to call, primary first.
type CallRole struct {
	Role    string
	Holders []CallHolder // [0] is the primary, the rest backups in calling order
}

// CallHolder is one person (or organisation) to call for a role.
type CallHolder struct {
	Name         string
	Organization string // organisation or title, printed under the name
	Office       string
	Mobile       string
	AfterHours   string
	Email        string
	Verified     time.Time // when the numbers were last checked; zero when never
	Source       string    // where a built-in partner's facts came from
	Stale        bool      // checked more than a year before the plan was printed: verify first
}

// Scenario is a mock incident: what it looks like, the numbered response
// checklist with the role responsible for each step, and the communications.
type Scenario struct {
	Title          string
	Level          string // level of government that leads, such as "County"; may be empty
	Severity       string // such as "High"; may be empty
	Description    string // Markdown: what the incident looks like
	Steps          []Step
	Communications []Step
	DoNotSay       string // Markdown: what not to say until facts are confirmed
	StandDown      string // Markdown: when the response ends
}

// Step is one numbered action of a scenario, with who carries it out.
type Step struct {
	TimeBox   string // such as "First 15 minutes"; steps of one time box are printed under it
	Condition string // the step applies only if this holds: printed "If …, then"
	Text      string
	Detail    string // printed under the text in italics, such as the statement to read out
	Role      string // the role responsible
	Who       string // the role's primary holder, when the directory has one
	// Call is the role's primary and first backup with their numbers, so
	// the page pulled out in an incident says whom to ring and how.
	Call []CallHolder
}

// PocketCard is the fold-and-cut card: the top roles to call and the first steps.
type PocketCard struct {
	Title    string // heading of the card; defaults to "Incident quick reference"
	Contacts []CardContact
	Steps    []string
}

// CardContact is one line of the pocket card's call list.
type CardContact struct {
	Role  string
	Name  string
	Phone string // the number to call first
	Alt   string // a second number, such as after hours
}

// ContentHash returns a short fingerprint of the binder's content, printed in
// every footer so a loose page can be matched to its revision. The copy
// number and the change marks are left out: every controlled copy of one
// revision, and its replacement pages, carry the same hash.
func (d *Document) ContentHash() string {
	c := *d
	c.CopyNumber = ""
	b, err := json.Marshal(c)
	if err != nil { // a Document holds only strings, numbers and times
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:4])
}

// unapproved reports whether the binder is a draft: edited since its
// revision, or never approved.
func (d *Document) unapproved() bool { return d.Draft || d.Revision == 0 }
