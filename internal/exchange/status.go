package exchange

import (
	"database/sql"
	"errors"
	"io"
	"time"

	"filippo.io/age"

	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/readiness"
	"electionbinder/internal/training"
)

// StatusReport is what a municipality tells its county: the state of its
// plan, call tree and training. It names people only in the training list,
// and carries no phone numbers, addresses or email addresses.
type StatusReport struct {
	envelope
	CreatedAt  time.Time        `json:"created_at"`
	Office     Office           `json:"office"`
	CountyUUID string           `json:"county_uuid"`
	Plans      []PlanStatus     `json:"plans"`
	Roles      []RoleStatus     `json:"roles"`
	Training   []PersonTraining `json:"training"`
	Readiness  *ReadinessStatus `json:"readiness,omitempty"` // nil when no election is on the calendar
}

// ReadinessStatus is the readiness board for the municipality's next election.
type ReadinessStatus struct {
	Election     string    `json:"election"`
	Day          time.Time `json:"day"`
	Overdue      int       `json:"overdue"`
	Due          int       `json:"due"`
	Done         int       `json:"done"`
	OverdueTasks []string  `json:"overdue_tasks,omitempty"`
}

// Office names the municipality that wrote a status package.
type Office struct {
	UUID   string `json:"uuid"`
	Name   string `json:"name"`
	County string `json:"county,omitempty"`
}

// PlanStatus is one plan's standing.
type PlanStatus struct {
	Title      string    `json:"title"`
	Revision   int       `json:"revision"` // 0 when never approved
	ApprovedOn time.Time `json:"approved_on,omitzero"`
	NextReview time.Time `json:"next_review,omitzero"`
	Gaps       []string  `json:"gaps"`
}

// RoleStatus is one incident role of the call tree, without its holders' names.
type RoleStatus struct {
	Role    string `json:"role"`
	Primary bool   `json:"primary"`
	Backups int    `json:"backups"`
	Gap     string `json:"gap,omitempty"` // what is missing, '' when filled
}

// PersonTraining is one person's standing against the training requirements.
type PersonTraining struct {
	Name    string   `json:"name"`
	Office  string   `json:"office,omitempty"`
	Met     int      `json:"met"`
	Applies int      `json:"applies"`
	Missing []string `json:"missing,omitempty"`
}

// StatusContents says, for the export screen, what a status package carries.
const StatusContents = "A status package carries: this office's name; each plan's title, revision, " +
	"approval and review dates and its open gaps; each incident role and whether it has a primary and " +
	"backups (no names or numbers); for each person training requirements cover, their name, office " +
	"and which requirements they have met; and how many readiness tasks for the next election are done, due or overdue. It carries no phone numbers, email or street addresses."

// ErrNoCounty is returned when a status package is asked for before any
// county package was taken in.
var ErrNoCounty = errors.New("take in your county's package first: the status package is locked with the county's key, which comes in that package")

// WriteStatusPackage writes this binder's status to w, encrypted to the
// county it reports to.
func WriteStatusPackage(conn *sql.DB, w io.Writer, now time.Time) error {
	county, ok, err := ReportsTo(conn)
	if err != nil {
		return err
	}
	if !ok {
		return ErrNoCounty
	}
	recipient, err := age.ParseX25519Recipient(county.PublicKey)
	if err != nil {
		return ErrDamaged
	}
	rep, err := BuildStatus(conn, now)
	if err != nil {
		return err
	}
	rep.CountyUUID = county.UUID
	return seal(w, StatusKind, rep, recipient)
}

// BuildStatus gathers this binder's status as of now.
func BuildStatus(conn *sql.DB, now time.Time) (*StatusReport, error) {
	id, profile, err := officeOf(conn)
	if err != nil {
		return nil, err
	}
	rep := &StatusReport{envelope: envelope{FormatVersion, StatusKind}, CreatedAt: now.UTC(),
		Office: Office{UUID: id.UUID, Name: officeName(profile), County: profile.County}}
	if rep.Plans, err = planStatuses(conn, now); err != nil {
		return nil, err
	}
	if rep.Roles, err = roleStatuses(conn); err != nil {
		return nil, err
	}
	if rep.Training, err = trainingStatuses(conn, now); err != nil {
		return nil, err
	}
	rep.Readiness, err = readinessStatus(conn, now)
	return rep, err
}

// readinessStatus sums up the board of the next election on the calendar.
func readinessStatus(conn *sql.DB, now time.Time) (*ReadinessStatus, error) {
	store := readiness.NewStore(conn)
	e, ok, err := store.Next(now)
	if err != nil || !ok {
		return nil, err
	}
	board, err := store.Board(e.ID, now)
	if err != nil {
		return nil, err
	}
	rs := &ReadinessStatus{Election: e.Name, Day: e.Day, Overdue: board.Overdue(), Due: board.Open()}
	for _, t := range board.Tasks {
		switch t.State {
		case readiness.Overdue:
			rs.OverdueTasks = append(rs.OverdueTasks, t.Title)
		case readiness.Done:
			rs.Done++
		}
	}
	return rs, nil
}

func planStatuses(conn *sql.DB, now time.Time) ([]PlanStatus, error) {
	store := plan.NewStore(conn)
	list, err := store.List()
	if err != nil {
		return nil, err
	}
	out := make([]PlanStatus, 0, len(list))
	for _, p := range list {
		gaps, err := store.Check(p.ID, now, exercise.NewStore(conn).ItemGaps)
		if err != nil {
			return nil, err
		}
		ps := PlanStatus{Title: p.Title, Revision: p.Revisions, ApprovedOn: p.ApprovedOn, NextReview: p.NextReview,
			Gaps: make([]string, len(gaps))}
		for i, g := range gaps {
			ps.Gaps[i] = g.Message
		}
		out = append(out, ps)
	}
	return out, nil
}

func roleStatuses(conn *sql.DB) ([]RoleStatus, error) {
	tree, err := contacts.NewStore(conn).CallTree()
	if err != nil {
		return nil, err
	}
	out := make([]RoleStatus, len(tree))
	for i, e := range tree {
		_, primary := e.Primary()
		out[i] = RoleStatus{Role: e.Role.Name, Primary: primary, Backups: len(e.Backups()), Gap: e.Gap()}
	}
	return out, nil
}

func trainingStatuses(conn *sql.DB, now time.Time) ([]PersonTraining, error) {
	rep, err := training.NewStore(conn).Compliance(now)
	if err != nil {
		return nil, err
	}
	var out []PersonTraining
	for _, st := range rep.People {
		if !st.Covered() {
			continue
		}
		pt := PersonTraining{Name: st.Person.Name, Office: st.Person.Office}
		for i, r := range st.Results {
			if !r.Applies {
				continue
			}
			pt.Applies++
			if r.Met {
				pt.Met++
			} else {
				pt.Missing = append(pt.Missing, rep.Requirements[i].Name)
			}
		}
		out = append(out, pt)
	}
	return out, nil
}

// ReadStatusPackage unlocks a status package with this binder's key.
func ReadStatusPackage(conn *sql.DB, src []byte) (*StatusReport, error) {
	id, err := ownIdentity(conn)
	if err != nil {
		return nil, err
	}
	return readStatus(src, id)
}

func readStatus(src []byte, id identity) (*StatusReport, error) {
	var rep StatusReport
	if err := open(src, StatusKind, id.key, &rep); err != nil {
		return nil, err
	}
	if err := rep.check(StatusKind); err != nil {
		return nil, err
	}
	if rep.CountyUUID != id.UUID {
		return nil, ErrNotForThisDesk
	}
	if rep.Office.UUID == "" {
		return nil, ErrDamaged
	}
	return &rep, nil
}
