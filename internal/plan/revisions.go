package plan

import (
	"bytes"
	"database/sql"
	"electionbinder/internal/db"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Revisions returns the revisions of a plan, oldest first.
func (s *Store) Revisions(planID int64) ([]Revision, error) {
	rows, err := s.db.Query(`SELECT id, uuid, plan_id, number, approved_by, approved_at, summary, content_hash
		FROM plan_revisions WHERE plan_id = ? ORDER BY number`, planID)
	if err != nil {
		return nil, fmt.Errorf("reading the revisions: %w", err)
	}
	defer rows.Close()
	var list []Revision
	for rows.Next() {
		var r Revision
		var at string
		if err := rows.Scan(&r.ID, &r.UUID, &r.PlanID, &r.Number, &r.ApprovedBy, &at, &r.Summary, &r.ContentHash); err != nil {
			return nil, err
		}
		r.ApprovedAt = parseStamp(at)
		list = append(list, r)
	}
	return list, rows.Err()
}

// Approval is what the clerk enters when approving a plan.
type Approval struct {
	ApprovedBy string    // who approved it, required
	Summary    string    // summary of changes; written for the clerk when empty
	At         time.Time // when; the current time when zero
	NextReview time.Time // the next review date; a year after At when zero
}

// Approve records the plan as it stands as a new numbered revision, marks
// it approved and sets its next review date.
func (s *Store) Approve(planID int64, a Approval) (Revision, error) {
	if strings.TrimSpace(a.ApprovedBy) == "" {
		return Revision{}, errors.New("say who approved the plan")
	}
	if a.At.IsZero() {
		a.At = time.Now()
	}
	a.At = a.At.UTC().Truncate(time.Second)
	if a.NextReview.IsZero() {
		a.NextReview = a.At.AddDate(1, 0, 0)
	}
	p, err := s.Load(planID)
	if err != nil {
		return Revision{}, err
	}
	rev := Revision{UUID: uuid.NewString(), PlanID: planID, Number: len(p.Revisions) + 1,
		ApprovedBy: strings.TrimSpace(a.ApprovedBy), ApprovedAt: a.At, ContentHash: ContentHash(p),
		Summary: strings.TrimSpace(a.Summary)}
	if rev.Summary == "" {
		rev.Summary, err = s.changeSummary(p)
		if err != nil {
			return Revision{}, err
		}
	}
	snapshot, err := json.Marshal(snapshotOf(p))
	if err != nil {
		return Revision{}, err
	}
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO plan_revisions(uuid, plan_id, number, approved_by, approved_at, summary, content_hash, snapshot)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, rev.UUID, planID, rev.Number, rev.ApprovedBy,
			rev.ApprovedAt.Format(time.RFC3339), rev.Summary, rev.ContentHash, string(snapshot))
		if err != nil {
			return err
		}
		if rev.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		_, err = tx.Exec(`UPDATE plans SET status = 'approved', approver = ?, approved_on = ?, next_review = ?,
			updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
			rev.ApprovedBy, formatDate(a.At), formatDate(a.NextReview), planID)
		return err
	})
	if err != nil {
		return Revision{}, fmt.Errorf("approving the plan: %w", err)
	}
	return rev, nil
}

// snapshotOf is the plan as a revision keeps it: everything but the revisions.
func snapshotOf(p *Plan) *Plan {
	c := *p
	c.Revisions = nil
	return &c
}

// changeSummary describes what changed since the last revision.
func (s *Store) changeSummary(p *Plan) (string, error) {
	last, ok := p.LatestRevision()
	if !ok {
		return fmt.Sprintf("First approved version: %d sections, %d scenarios.", len(p.Sections), len(p.Scenarios)), nil
	}
	old, err := s.RevisionPlan(p.ID, last.Number)
	if err != nil {
		return "", err
	}
	counts := map[ChangeKind]int{}
	for _, c := range Compare(old, p) {
		counts[c.Kind]++
	}
	if counts[Added]+counts[Changed]+counts[Removed] == 0 {
		return fmt.Sprintf("Reviewed; no changes since revision %d.", last.Number), nil
	}
	return fmt.Sprintf("Since revision %d: %d changed, %d added, %d removed.",
		last.Number, counts[Changed], counts[Added], counts[Removed]), nil
}

// RevisionPlan returns the plan as it was approved in revision number.
func (s *Store) RevisionPlan(planID int64, number int) (*Plan, error) {
	var snapshot string
	err := s.db.QueryRow(`SELECT snapshot FROM plan_revisions WHERE plan_id = ? AND number = ?`, planID, number).Scan(&snapshot)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, missing("revision %d of plan %d", number, planID)
	}
	if err != nil {
		return nil, fmt.Errorf("reading revision %d: %w", number, err)
	}
	var p Plan
	if err := json.Unmarshal([]byte(snapshot), &p); err != nil {
		return nil, fmt.Errorf("reading revision %d: %w", number, err)
	}
	return &p, nil
}

// ChangeKind says how a section or scenario differs between two versions.
type ChangeKind string

// The kinds of change Compare reports.
const (
	Unchanged ChangeKind = "unchanged"
	Changed   ChangeKind = "changed"
	Added     ChangeKind = "added"
	Removed   ChangeKind = "removed"
)

// Change is one section or scenario compared between two versions of a plan,
// matched by UUID.
type Change struct {
	Kind       ChangeKind
	IsScenario bool
	UUID       string
	ID         int64  // id in the newer version; 0 when removed
	Title      string // newer title, or the old one when removed
	OldTitle   string
	Old, New   string // the text (Markdown) on each side; "" when absent
}

// Compare lists every section then every scenario of old and new, in the
// newer version's order with removed ones at the end of each group.
func Compare(old, new *Plan) []Change {
	var out []Change
	oldSec := map[string]Section{}
	for _, s := range old.Sections {
		oldSec[s.UUID] = s
	}
	for _, s := range new.Sections {
		c := Change{UUID: s.UUID, ID: s.ID, Title: s.Title, New: s.Body, Kind: Added}
		if o, ok := oldSec[s.UUID]; ok {
			c.OldTitle, c.Old, c.Kind = o.Title, o.Body, kindOf(SectionHash(o.Title, o.Body), SectionHash(s.Title, s.Body))
			delete(oldSec, s.UUID)
		}
		out = append(out, c)
	}
	for _, o := range old.Sections {
		if _, gone := oldSec[o.UUID]; gone {
			out = append(out, Change{Kind: Removed, UUID: o.UUID, Title: o.Title, OldTitle: o.Title, Old: o.Body})
		}
	}
	return append(out, compareScenarios(old.Scenarios, new.Scenarios)...)
}

func compareScenarios(old, new []Scenario) []Change {
	var out []Change
	oldSc := map[string]Scenario{}
	for _, s := range old {
		oldSc[s.UUID] = s
	}
	for _, s := range new {
		c := Change{IsScenario: true, UUID: s.UUID, ID: s.ID, Title: s.Title, New: ScenarioMarkdown(s), Kind: Added}
		if o, ok := oldSc[s.UUID]; ok {
			c.OldTitle, c.Old, c.Kind = o.Title, ScenarioMarkdown(o), kindOf(ScenarioHash(o), ScenarioHash(s))
			delete(oldSc, s.UUID)
		}
		out = append(out, c)
	}
	for _, o := range old {
		if _, gone := oldSc[o.UUID]; gone {
			out = append(out, Change{Kind: Removed, IsScenario: true, UUID: o.UUID, Title: o.Title,
				OldTitle: o.Title, Old: ScenarioMarkdown(o)})
		}
	}
	return out
}

func kindOf(oldHash, newHash string) ChangeKind {
	if oldHash == newHash {
		return Unchanged
	}
	return Changed
}

// ScenarioMarkdown returns a scenario as the Markdown export writes it.
func ScenarioMarkdown(sc Scenario) string {
	var b bytes.Buffer
	writeScenario(&b, sc)
	return strings.TrimRight(b.String(), "\n")
}

// Changes says which sections and scenarios of a plan were added or changed
// since a revision, by their current ids, and which were removed.
type Changes struct {
	Since     int
	Sections  map[int64]bool // section id → added or changed
	Scenarios map[int64]bool // scenario id → added or changed
	Removed   []string       // titles of sections and scenarios removed since
}

// ChangedSince compares the plan now with revision number.
func (s *Store) ChangedSince(planID int64, number int) (Changes, error) {
	old, err := s.RevisionPlan(planID, number)
	if err != nil {
		return Changes{}, err
	}
	now, err := s.Load(planID)
	if err != nil {
		return Changes{}, err
	}
	ch := Changes{Since: number, Sections: map[int64]bool{}, Scenarios: map[int64]bool{}}
	for _, c := range Compare(old, now) {
		switch {
		case c.Kind == Removed:
			ch.Removed = append(ch.Removed, c.Title)
		case c.Kind == Unchanged:
		case c.IsScenario:
			ch.Scenarios[c.ID] = true
		default:
			ch.Sections[c.ID] = true
		}
	}
	return ch, nil
}
