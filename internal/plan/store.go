package plan

import (
	"database/sql"
	"electionbinder/internal/db"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

// execer is what both *sql.DB and *sql.Tx offer.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
	QueryRow(query string, args ...any) *sql.Row
}

// List returns every plan, most recently changed first.
func (s *Store) List() ([]Summary, error) {
	rows, err := s.db.Query(`SELECT p.id, p.uuid, p.title, p.status, p.approved_on, p.next_review, p.updated_at,
		(SELECT count(*) FROM plan_sections WHERE plan_id = p.id),
		(SELECT count(*) FROM plan_scenarios WHERE plan_id = p.id),
		(SELECT count(*) FROM plan_revisions WHERE plan_id = p.id)
		FROM plans p ORDER BY p.updated_at DESC, p.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("reading the plans: %w", err)
	}
	defer rows.Close()
	var list []Summary
	for rows.Next() {
		var p Summary
		var approved, review, updated string
		if err := rows.Scan(&p.ID, &p.UUID, &p.Title, &p.Status, &approved, &review, &updated,
			&p.Sections, &p.Scenarios, &p.Revisions); err != nil {
			return nil, err
		}
		p.ApprovedOn, p.NextReview, p.UpdatedAt = parseDate(approved), parseDate(review), parseStamp(updated)
		list = append(list, p)
	}
	return list, rows.Err()
}

// Load reads one whole plan: its sections in reading order, its scenarios
// with their steps, and its revisions. A missing plan gives ErrNotFound.
func (s *Store) Load(id int64) (*Plan, error) {
	p, err := loadPlanRow(s.db, id)
	if err != nil {
		return nil, err
	}
	if p.Sections, err = loadSections(s.db, id); err != nil {
		return nil, fmt.Errorf("reading the plan's sections: %w", err)
	}
	if p.Scenarios, err = loadScenarios(s.db, id); err != nil {
		return nil, fmt.Errorf("reading the plan's scenarios: %w", err)
	}
	if p.Revisions, err = s.Revisions(id); err != nil {
		return nil, err
	}
	return p, nil
}

func loadPlanRow(q execer, id int64) (*Plan, error) {
	p := &Plan{}
	var approved, review, created, updated string
	err := q.QueryRow(`SELECT id, uuid, title, template_name, template_version, pack_name, pack_version,
		status, approver, approved_on, next_review, created_at, updated_at FROM plans WHERE id = ?`, id).
		Scan(&p.ID, &p.UUID, &p.Title, &p.TemplateName, &p.TemplateVersion, &p.PackName, &p.PackVersion,
			&p.Status, &p.Approver, &approved, &review, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, missing("plan %d (see plans list)", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading plan %d: %w", id, err)
	}
	p.ApprovedOn, p.NextReview = parseDate(approved), parseDate(review)
	p.CreatedAt, p.UpdatedAt = parseStamp(created), parseStamp(updated)
	return p, nil
}

// loadSections reads a plan's sections and orders them depth first.
func loadSections(q execer, planID int64) ([]Section, error) {
	rows, err := q.Query(`SELECT id, uuid, coalesce(parent_id, 0), position, title, guidance, body, updated_at
		FROM plan_sections WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	children := map[int64][]Section{}
	count := 0
	for rows.Next() {
		var sec Section
		var updated string
		if err := rows.Scan(&sec.ID, &sec.UUID, &sec.ParentID, &sec.Position, &sec.Title, &sec.Guidance,
			&sec.Body, &updated); err != nil {
			return nil, err
		}
		sec.UpdatedAt = parseStamp(updated)
		sec.Hash = SectionHash(sec.Title, sec.Body)
		children[sec.ParentID] = append(children[sec.ParentID], sec)
		count++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ordered := make([]Section, 0, count)
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, sec := range children[parent] {
			sec.Depth = depth
			ordered = append(ordered, sec)
			walk(sec.ID, depth+1)
		}
	}
	walk(0, 0)
	return ordered, nil
}

// Create writes a new draft plan from a document in one transaction and
// returns its id; nothing is written when any part fails.
func (s *Store) Create(doc Document) (int64, error) {
	return s.create(doc, "")
}

// create writes a new draft plan; base is the template text it starts from
// (see TemplateUpdates), empty when it does not come from a template.
func (s *Store) create(doc Document, base string) (int64, error) {
	if strings.TrimSpace(doc.Title) == "" {
		return 0, errors.New("the plan needs a title")
	}
	var id int64
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO plans(uuid, title, template_name, template_version, pack_name,
			pack_version, template_base, next_review) VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(),
			strings.TrimSpace(doc.Title), doc.TemplateName, doc.TemplateVersion, doc.PackName, doc.PackVersion,
			base, formatDate(doc.NextReview))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := insertSections(tx, id, doc.Sections, nil); err != nil {
			return err
		}
		for i, sc := range doc.Scenarios {
			if _, err := insertScenario(tx, id, i, sc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("creating the plan: %w", err)
	}
	return id, nil
}

// insertSections writes sections given in reading order with their depths;
// a depth deeper than one more than the previous section's is clamped.
// uuids, when given, keeps the identity of sections that had one ("" for new).
func insertSections(tx *sql.Tx, planID int64, sections []DocSection, uuids []string) error {
	stmt, err := tx.Prepare(`INSERT INTO plan_sections(uuid, plan_id, parent_id, position, title, guidance, body)
		VALUES(?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	var parents []int64 // parents[d] is the last section written at depth d
	next := map[int64]int{}
	for i, sec := range sections {
		id := uuid.NewString()
		if i < len(uuids) && uuids[i] != "" {
			id = uuids[i]
		}
		depth := min(max(sec.Depth, 0), len(parents), MaxDepth)
		parents = parents[:depth]
		var parent any
		var key int64
		if depth > 0 {
			key = parents[depth-1]
			parent = key
		}
		title := strings.TrimSpace(sec.Title)
		if title == "" {
			title = "Untitled section"
		}
		res, err := stmt.Exec(id, planID, parent, next[key], title, sec.Guidance, sec.Body)
		if err != nil {
			return err
		}
		next[key]++
		rowID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		parents = append(parents, rowID)
	}
	return nil
}

// SetTitle renames a plan.
func (s *Store) SetTitle(planID int64, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return errors.New("the plan needs a title")
	}
	return s.updatePlan(planID, "renaming the plan", `UPDATE plans SET title = ?, status = 'draft',
		updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`, title, planID)
}

// SetNextReview sets the date by which the plan is to be reviewed again
// (the zero time clears it).
func (s *Store) SetNextReview(planID int64, date time.Time) error {
	return s.updatePlan(planID, "saving the review date", `UPDATE plans SET next_review = ?,
		updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`, formatDate(date), planID)
}

// Delete removes a plan with its sections, scenarios and revisions.
func (s *Store) Delete(planID int64) error {
	return s.updatePlan(planID, "deleting the plan", `DELETE FROM plans WHERE id = ?`, planID)
}

func (s *Store) updatePlan(planID int64, what, query string, args ...any) error {
	res, err := s.db.Exec(query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: %w", what, missing("plan %d", planID))
	}
	return nil
}

// touch marks a plan as edited: a changed plan is a draft until approved again.
func touch(q execer, planID int64) error {
	_, err := q.Exec(`UPDATE plans SET status = 'draft', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		WHERE id = ?`, planID)
	return err
}
