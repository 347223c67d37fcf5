package exercise

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/plan"
)

// Draft is what a new exercise starts from.
type Draft struct {
	Name          string
	HeldOn        time.Time
	StartsAt      time.Duration // zero means 09:00
	Hours         float64       // zero means 2
	Location      string
	FacilitatorID int64
	ScenarioIDs   []int64 // plan scenarios, all of one plan
	Objectives    []string
}

// defaultStart is when an exercise starts unless told otherwise.
const defaultStart = 9 * time.Hour

// Create writes a new exercise with its scenarios and the script of
// injects built from them, in one transaction, and returns its id.
func (s *Store) Create(d Draft) (int64, error) {
	if err := d.check(); err != nil {
		return 0, err
	}
	if err := checkContact(contacts.NewStore(s.db), d.FacilitatorID, "facilitator"); err != nil {
		return 0, err
	}
	p, r, err := s.scenariosPlan(d.ScenarioIDs)
	if err != nil {
		return 0, err
	}
	var id int64
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`INSERT INTO exercises(uuid, name, held_on, starts_at, hours, location, facilitator_id, plan_id)
			VALUES(?, ?, ?, ?, ?, ?, ?, ?)`, uuid.NewString(), strings.TrimSpace(d.Name), formatDate(d.HeldOn),
			ClockText(d.StartsAt), d.Hours, strings.TrimSpace(d.Location), nullID(d.FacilitatorID), nullID(planID(p)))
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		for _, text := range d.Objectives {
			if _, err := insertObjective(tx, id, Objective{Text: text}); err != nil {
				return err
			}
		}
		return addScenarios(tx, id, p, r, d.ScenarioIDs, d.StartsAt)
	})
	if err != nil {
		return 0, fmt.Errorf("creating the exercise: %w", err)
	}
	return id, nil
}

// check fills in defaults and refuses a draft that cannot be saved.
func (d *Draft) check() error {
	d.Name = strings.TrimSpace(d.Name)
	switch {
	case d.Name == "":
		return errors.New("the exercise needs a name")
	case d.HeldOn.IsZero():
		return errors.New("the exercise needs a date")
	case d.Hours < 0:
		return errors.New("an exercise cannot last a negative number of hours")
	}
	if d.StartsAt == 0 {
		d.StartsAt = defaultStart
	}
	if d.Hours == 0 {
		d.Hours = 2
	}
	return nil
}

func planID(p *plan.Plan) int64 {
	if p == nil {
		return 0
	}
	return p.ID
}

// scenariosPlan loads the one plan the scenarios belong to (nil when there
// are none), refusing scenarios of different plans, and the resolver that
// fills in the placeholders of their words.
func (s *Store) scenariosPlan(ids []int64) (*plan.Plan, *plan.Resolver, error) {
	ps := plan.NewStore(s.db)
	var planID int64
	for _, id := range ids {
		pid, err := ps.ScenarioPlan(id)
		if err != nil {
			return nil, nil, fmt.Errorf("scenario %d: %w", id, err)
		}
		if planID != 0 && pid != planID {
			return nil, nil, errors.New("the scenarios of one exercise must come from one plan")
		}
		planID = pid
	}
	if planID == 0 {
		return nil, nil, nil
	}
	p, err := ps.Load(planID)
	if err != nil {
		return nil, nil, err
	}
	r, err := ps.Resolver()
	return p, r, err
}

// AddScenario adds a scenario of the exercise's plan, with its injects
// after the last inject of the script.
func (s *Store) AddScenario(exerciseID, scenarioID int64) error {
	e, err := s.Load(exerciseID)
	if err != nil {
		return err
	}
	for _, sc := range e.Scenarios {
		if sc.ScenarioID == scenarioID {
			return errors.New("the exercise uses this scenario already")
		}
	}
	p, r, err := s.scenariosPlan([]int64{scenarioID})
	if err != nil {
		return err
	}
	if e.PlanID != 0 && p.ID != e.PlanID {
		return errors.New("the scenarios of one exercise must come from one plan")
	}
	from := e.StartsAt
	if n := len(e.Injects); n > 0 {
		from = e.Injects[n-1].At + scenarioGap
	}
	return s.write(exerciseID, "adding the scenario", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE exercises SET plan_id = ? WHERE id = ?`, p.ID, exerciseID); err != nil {
			return err
		}
		return addScenarios(tx, exerciseID, p, r, []int64{scenarioID}, from)
	})
}

// List returns every exercise, the latest first.
func (s *Store) List() ([]Summary, error) {
	rows, err := s.db.Query(`SELECT e.id, e.name, e.held_on,
		(SELECT count(*) FROM exercise_participants WHERE exercise_id = e.id),
		(SELECT count(*) FROM exercise_injects WHERE exercise_id = e.id),
		(SELECT count(*) FROM exercise_items WHERE exercise_id = e.id AND status = 'open'),
		(SELECT count(*) FROM exercise_items WHERE exercise_id = e.id)
		FROM exercises e ORDER BY e.held_on DESC, e.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("reading the exercises: %w", err)
	}
	defer rows.Close()
	var list []Summary
	for rows.Next() {
		var x Summary
		var held string
		if err := rows.Scan(&x.ID, &x.Name, &held, &x.Participants, &x.Injects, &x.OpenItems, &x.Items); err != nil {
			return nil, err
		}
		x.HeldOn = parseDate(held)
		list = append(list, x)
	}
	return list, rows.Err()
}

// Load reads one whole exercise. A missing exercise gives ErrNotFound.
func (s *Store) Load(id int64) (*Exercise, error) {
	e, err := loadRow(s.db, id)
	if err != nil {
		return nil, err
	}
	dir := contacts.NewStore(s.db)
	e.Facilitator = contactName(dir, e.FacilitatorID)
	loaders := []func() error{
		func() (err error) { e.Objectives, err = loadObjectives(s.db, id); return },
		func() (err error) { e.Scenarios, err = loadScenarioRefs(s.db, id); return },
		func() (err error) { e.Participants, err = loadParticipants(s.db, dir, id); return },
		func() (err error) { e.Injects, err = loadInjects(s.db, id); return },
		func() (err error) { e.Notes, err = loadNotes(s.db, id); return },
		func() (err error) { e.Findings, err = loadFindings(s.db, id); return },
		func() (err error) { e.Items, err = s.items(`WHERE i.exercise_id = ?`, id); return },
	}
	for _, load := range loaders {
		if err := load(); err != nil {
			return nil, fmt.Errorf("reading exercise %d: %w", id, err)
		}
	}
	return e, nil
}

func loadRow(q execer, id int64) (*Exercise, error) {
	e := &Exercise{}
	var held, starts, setAt string
	var facilitator, planID sql.NullInt64
	var base int64
	err := q.QueryRow(`SELECT id, uuid, name, held_on, starts_at, hours, location, facilitator_id, plan_id,
		current_inject, clock_base, clock_set_at FROM exercises WHERE id = ?`, id).
		Scan(&e.ID, &e.UUID, &e.Name, &held, &starts, &e.Hours, &e.Location, &facilitator, &planID,
			&e.Current, &base, &setAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, missing("exercise %d (see exercises list)", id)
	}
	if err != nil {
		return nil, fmt.Errorf("reading exercise %d: %w", id, err)
	}
	e.HeldOn = parseDate(held)
	e.StartsAt, _ = ParseClock(starts)
	e.FacilitatorID, e.PlanID = facilitator.Int64, planID.Int64
	e.Clock = Clock{Base: time.Duration(base) * time.Second}
	if setAt != "" {
		e.Clock.SetAt, _ = time.Parse(time.RFC3339Nano, setAt)
	}
	return e, nil
}

// contactName is the name of a contact of the directory, ” when there is none.
func contactName(dir *contacts.Store, id int64) string {
	if id == 0 {
		return ""
	}
	c, err := dir.Get(id)
	if err != nil {
		return ""
	}
	return c.Name
}

// Details are the parts of an exercise edited on its form.
type Details struct {
	Name          string
	HeldOn        time.Time
	StartsAt      time.Duration
	Hours         float64
	Location      string
	FacilitatorID int64
}

// SaveDetails saves an exercise's name, date, start, length, place and facilitator.
func (s *Store) SaveDetails(id int64, d Details) error {
	draft := Draft{Name: d.Name, HeldOn: d.HeldOn, StartsAt: d.StartsAt, Hours: d.Hours}
	if err := draft.check(); err != nil {
		return err
	}
	if err := checkContact(contacts.NewStore(s.db), d.FacilitatorID, "facilitator"); err != nil {
		return err
	}
	return s.write(id, "saving the exercise", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercises SET name = ?, held_on = ?, starts_at = ?, hours = ?, location = ?,
			facilitator_id = ? WHERE id = ?`, draft.Name, formatDate(draft.HeldOn), ClockText(draft.StartsAt),
			draft.Hours, strings.TrimSpace(d.Location), nullID(d.FacilitatorID), id)
		return err
	})
}

// Delete removes an exercise with everything recorded in it.
func (s *Store) Delete(id int64) error {
	res, err := s.db.Exec(`DELETE FROM exercises WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("deleting the exercise: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return missing("exercise %d", id)
	}
	return nil
}

// SaveProgress records where facilitator mode stands: the inject in play
// and the exercise clock, so a restart picks up where play was.
func (s *Store) SaveProgress(id int64, current int, c Clock) error {
	setAt := ""
	if c.Running() {
		setAt = c.SetAt.UTC().Format(time.RFC3339Nano)
	}
	return s.write(id, "saving the exercise clock", func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE exercises SET current_inject = ?, clock_base = ?, clock_set_at = ? WHERE id = ?`,
			max(current, 0), int64(c.Base/time.Second), setAt, id)
		return err
	})
}

// write runs fn in a transaction after checking the exercise exists, and
// marks the exercise as changed.
func (s *Store) write(id int64, what string, fn func(tx *sql.Tx) error) error {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE exercises SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return missing("exercise %d (see exercises list)", id)
		}
		return fn(tx)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// exerciseOf returns the exercise a row of table belongs to.
func exerciseOf(q execer, table string, id int64, what string) (int64, error) {
	var ex int64
	err := q.QueryRow(`SELECT exercise_id FROM `+table+` WHERE id = ?`, id).Scan(&ex)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, missing("%s %d", what, id)
	}
	return ex, err
}
