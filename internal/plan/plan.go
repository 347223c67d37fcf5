// Package plan keeps election-security contingency plans: templates, plans
// with their tree of Markdown sections, structured mock incident scenarios,
// placeholders resolved from the jurisdiction profile and the call tree, the
// gap check, numbered revisions recorded on approval, and Markdown import and
// export.
//
// Interfaces other packages render from:
//
//   - NewStore(db).Load(id) returns one whole *Plan: its sections in reading
//     order (depth first, each with ID, UUID, ParentID, Position, Depth, Title,
//     Body, UpdatedAt and a content Hash), its scenarios with ordered response
//     and communications steps, its revisions, status, approver, approval
//     date and next review date.
//   - ParseMarkdown(src) is the one goldmark parse (GFM tables, task lists,
//     strikethrough) used by the editor's preview and the PDF binder.
//   - Store.Resolver() and Resolver.Resolve(text) replace {{jurisdiction}},
//     {{county}}, {{state}}, {{clerk}} and {{role:slug}} in a body.
//   - Store.Check(id, today, extra...) returns the gaps as data ([]Gap) with the
//     section or scenario to jump to.
//   - Store.ChangedSince(id, n) tells which sections and scenarios changed
//     since revision n.
//
// Nothing here imports Fyne; the window in app/ and the commands in cli/ call
// the same functions.
package plan

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// dateLayout is how dates are kept in the database.
const dateLayout = "2006-01-02"

// Status is where a plan stands: a draft being edited, or approved as it is.
type Status string

// The statuses of a plan. Any edit to an approved plan makes it a draft
// again; the approved version stays in its revision.
const (
	Draft    Status = "draft"
	Approved Status = "approved"
)

// Level is the level of government that leads the response to a scenario.
type Level string

// The levels of government a scenario can belong to.
const (
	Federal   Level = "federal"
	State     Level = "state"
	County    Level = "county"
	Municipal Level = "municipal"
)

// Levels lists the levels of government in display order.
var Levels = []Level{Federal, State, County, Municipal}

// Severity is how serious a scenario is.
type Severity string

// The severities of a scenario, from least to most serious.
const (
	Low      Severity = "low"
	Moderate Severity = "moderate"
	High     Severity = "high"
	Critical Severity = "critical"
)

// Severities lists the severities from least to most serious.
var Severities = []Severity{Low, Moderate, High, Critical}

// StepKind tells a response step from a communications step.
type StepKind string

// The kinds of scenario step.
const (
	Response      StepKind = "response"
	Communication StepKind = "communication"
)

// TimeBox is when, counted from the moment an incident is noticed, a step
// is to be done.
type TimeBox string

// The time boxes of a scenario's steps, in order.
const (
	NoTimeBox      TimeBox = ""
	First15Minutes TimeBox = "first-15-minutes"
	FirstHour      TimeBox = "first-hour"
	FirstDay       TimeBox = "first-day"
	Later          TimeBox = "later"
)

// TimeBoxes lists the time boxes in order.
var TimeBoxes = []TimeBox{First15Minutes, FirstHour, FirstDay, Later}

// Label is the time box as a clerk reads it, such as "First 15 minutes".
func (t TimeBox) Label() string {
	switch t {
	case First15Minutes:
		return "First 15 minutes"
	case FirstHour:
		return "First hour"
	case FirstDay:
		return "First day"
	case Later:
		return "After the first day"
	}
	return ""
}

// ParseTimeBox reads a time box from its name or its label, ignoring case.
func ParseTimeBox(s string) (TimeBox, bool) {
	key := strings.ToLower(strings.TrimSpace(s))
	for _, t := range TimeBoxes {
		if key == string(t) || key == strings.ToLower(t.Label()) {
			return t, true
		}
	}
	switch key {
	case "first 15 min", "15 minutes", "first fifteen minutes":
		return First15Minutes, true
	case "later", "after day one", "recovery":
		return Later, true
	}
	return NoTimeBox, key == ""
}

// MaxDepth is the deepest a section may sit (0 is top level); Markdown
// headings go six levels deep.
const MaxDepth = 5

// Errors a caller may test for.
var (
	ErrNotFound = errors.New("not found")
	ErrTooDeep  = errors.New("sections can be nested at most six levels deep")
)

// notFound says in plain words what is missing; errors.Is(err, ErrNotFound) holds.
type notFound string

func (n notFound) Error() string        { return "there is no " + string(n) }
func (n notFound) Is(target error) bool { return target == ErrNotFound }

func missing(format string, args ...any) error { return notFound(fmt.Sprintf(format, args...)) }

// Plan is one whole contingency plan as Load returns it.
type Plan struct {
	ID              int64
	UUID            string
	Title           string
	TemplateName    string // the template it was created from, if any
	TemplateVersion int
	PackName        string // the state pack it was created with, if any
	PackVersion     int
	Status          Status
	Approver        string
	ApprovedOn      time.Time // zero when never approved
	NextReview      time.Time // zero when not set
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Sections        []Section  // depth-first reading order
	Scenarios       []Scenario // in order
	Revisions       []Revision // oldest first
}

// Section is one section of a plan's tree.
type Section struct {
	ID        int64
	UUID      string
	ParentID  int64 // 0 for a top-level section
	Position  int   // order among its siblings, from 0
	Depth     int   // 0 for a top-level section
	Title     string
	Guidance  string // advice for the clerk, shown in the editor, not printed
	Body      string // Markdown, placeholders unresolved
	UpdatedAt time.Time
	Hash      string // content hash of title and body, see SectionHash
}

// Scenario is a mock incident with its suggested response.
type Scenario struct {
	ID             int64
	UUID           string
	Position       int
	Title          string
	Level          Level
	Severity       Severity
	Description    string // what it looks like, Markdown
	Response       []Step // ordered response steps
	Communications []Step // ordered communications steps
	DoNotSay       string // what not to say while facts are unconfirmed, Markdown
	StandDown      string // when the response ends, Markdown
	UpdatedAt      time.Time
	Hash           string // content hash, see ScenarioHash
}

// Step is one step of a scenario. A response step says which role does
// Action; a communications step says which role tells Audience, with
// Statement (the message or the holding statement to use). A step may be
// time-boxed, and may apply only under Condition ("if …, then …").
type Step struct {
	ID        int64
	UUID      string
	Kind      StepKind
	TimeBox   TimeBox
	Condition string // without the leading "If"; empty when the step always applies
	Role      string // role slug, as in {{role:slug}}
	Action    string
	Audience  string
	Statement string
}

// Revision records one approval of a plan: the record of changes.
type Revision struct {
	ID          int64
	UUID        string
	PlanID      int64
	Number      int // 1, 2, 3… per plan
	ApprovedBy  string
	ApprovedAt  time.Time
	Summary     string
	ContentHash string
}

// Summary is a plan as the list of plans shows it.
type Summary struct {
	ID         int64
	UUID       string
	Title      string
	Status     Status
	ApprovedOn time.Time
	NextReview time.Time
	Sections   int
	Scenarios  int
	Revisions  int
	UpdatedAt  time.Time
}

// Store reads and writes plans and templates in one binder database.
type Store struct {
	db *sql.DB
}

// NewStore returns a Store over an open, migrated binder database.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// Section returns the section with the given id, if the plan has it.
func (p *Plan) Section(id int64) (Section, bool) {
	for _, s := range p.Sections {
		if s.ID == id {
			return s, true
		}
	}
	return Section{}, false
}

// Scenario returns the scenario with the given id, if the plan has it.
func (p *Plan) Scenario(id int64) (Scenario, bool) {
	for _, s := range p.Scenarios {
		if s.ID == id {
			return s, true
		}
	}
	return Scenario{}, false
}

// Children returns the ids of the sections directly under parentID (0 for
// the top level), in order.
func (p *Plan) Children(parentID int64) []int64 {
	var ids []int64
	for _, s := range p.Sections {
		if s.ParentID == parentID {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// HasChildren reports whether any section sits under id.
func (p *Plan) HasChildren(id int64) bool {
	for _, s := range p.Sections {
		if s.ParentID == id {
			return true
		}
	}
	return false
}

// LatestRevision returns the most recent revision, if the plan was ever approved.
func (p *Plan) LatestRevision() (Revision, bool) {
	if len(p.Revisions) == 0 {
		return Revision{}, false
	}
	return p.Revisions[len(p.Revisions)-1], true
}

func parseDate(s string) time.Time {
	t, _ := time.Parse(dateLayout, s)
	return t
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

func parseStamp(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z", "2006-01-02T15:04:05Z"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
