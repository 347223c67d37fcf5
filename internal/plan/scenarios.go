package plan

import (
	"database/sql"
	"electionbinder/internal/db"
	"electionbinder/internal/idlist"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// loadScenarios reads a plan's scenarios in order, each with its steps.
func loadScenarios(q execer, planID int64) ([]Scenario, error) {
	rows, err := q.Query(`SELECT id, uuid, position, title, level, severity, description, do_not_say,
		stand_down, updated_at FROM plan_scenarios WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	var list []Scenario
	index := map[int64]int{}
	for rows.Next() {
		var sc Scenario
		var updated string
		if err := rows.Scan(&sc.ID, &sc.UUID, &sc.Position, &sc.Title, &sc.Level, &sc.Severity,
			&sc.Description, &sc.DoNotSay, &sc.StandDown, &updated); err != nil {
			rows.Close()
			return nil, err
		}
		sc.UpdatedAt = parseStamp(updated)
		index[sc.ID] = len(list)
		list = append(list, sc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := loadSteps(q, planID, list, index); err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Hash = ScenarioHash(list[i])
	}
	return list, nil
}

func loadSteps(q execer, planID int64, list []Scenario, index map[int64]int) error {
	rows, err := q.Query(`SELECT st.scenario_id, st.id, st.uuid, st.kind, st.role_slug, st.action, st.audience, st.statement,
		st.time_box, st.condition FROM plan_scenario_steps st JOIN plan_scenarios sc ON sc.id = st.scenario_id
		WHERE sc.plan_id = ? ORDER BY st.scenario_id, st.kind, st.position, st.id`, planID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var scID int64
		var st Step
		if err := rows.Scan(&scID, &st.ID, &st.UUID, &st.Kind, &st.Role, &st.Action, &st.Audience, &st.Statement,
			&st.TimeBox, &st.Condition); err != nil {
			return err
		}
		sc := &list[index[scID]]
		if st.Kind == Communication {
			sc.Communications = append(sc.Communications, st)
		} else {
			sc.Response = append(sc.Response, st)
		}
	}
	return rows.Err()
}

// insertScenario writes a scenario with its steps at position.
func insertScenario(tx *sql.Tx, planID int64, position int, sc Scenario) (int64, error) {
	sc = normalizeScenario(sc)
	if sc.UUID == "" {
		sc.UUID = uuid.NewString()
	}
	res, err := tx.Exec(`INSERT INTO plan_scenarios(uuid, plan_id, position, title, level, severity, description,
		do_not_say, stand_down) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)`, sc.UUID, planID, position, sc.Title, sc.Level,
		sc.Severity, sc.Description, sc.DoNotSay, sc.StandDown)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := writeSteps(tx, id, Response, sc.Response); err != nil {
		return 0, err
	}
	return id, writeSteps(tx, id, Communication, sc.Communications)
}

// normalizeScenario fills in a title, level and severity the database accepts.
func normalizeScenario(sc Scenario) Scenario {
	sc.Title = strings.TrimSpace(sc.Title)
	if sc.Title == "" {
		sc.Title = "Untitled scenario"
	}
	if !slices.Contains(Levels, sc.Level) {
		sc.Level = County
	}
	if !slices.Contains(Severities, sc.Severity) {
		sc.Severity = Moderate
	}
	sc.Response, sc.Communications = normalizeSteps(sc.Response), normalizeSteps(sc.Communications)
	return sc
}

// normalizeSteps returns a copy of steps with time boxes the database
// accepts and conditions without a leading "If".
func normalizeSteps(steps []Step) []Step {
	if steps == nil {
		return nil
	}
	out := make([]Step, len(steps))
	for i, st := range steps {
		if !slices.Contains(TimeBoxes, st.TimeBox) {
			st.TimeBox, _ = ParseTimeBox(string(st.TimeBox))
		}
		st.Condition = trimIf(st.Condition)
		out[i] = st
	}
	return out
}

// trimIf drops a leading "If" and a trailing comma or "then" from a condition.
func trimIf(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "if ") {
		s = strings.TrimSpace(s[3:])
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "then"))
	return strings.TrimRight(s, ",: ")
}

// writeSteps replaces the steps of one kind of a scenario, keeping the UUIDs
// of steps that have one.
func writeSteps(tx *sql.Tx, scenarioID int64, kind StepKind, steps []Step) error {
	if _, err := tx.Exec(`DELETE FROM plan_scenario_steps WHERE scenario_id = ? AND kind = ?`, scenarioID, kind); err != nil {
		return err
	}
	for i, st := range steps {
		if st.UUID == "" {
			st.UUID = uuid.NewString()
		}
		if _, err := tx.Exec(`INSERT INTO plan_scenario_steps(uuid, scenario_id, kind, position, role_slug, action,
			audience, statement, time_box, condition) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, st.UUID, scenarioID,
			kind, i, strings.TrimSpace(st.Role), st.Action, st.Audience, st.Statement, st.TimeBox,
			st.Condition); err != nil {
			return err
		}
	}
	return nil
}

// AddScenario adds a scenario at the end of a plan's list and returns its id.
func (s *Store) AddScenario(planID int64, sc Scenario) (int64, error) {
	var id int64
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM plan_scenarios WHERE plan_id = ?`, planID).Scan(&n); err != nil {
			return err
		}
		var err error
		if id, err = insertScenario(tx, planID, n, sc); err != nil {
			return err
		}
		return touch(tx, planID)
	})
	if err != nil {
		return 0, fmt.Errorf("adding a scenario: %w", err)
	}
	return id, nil
}

// UpdateScenario saves a scenario's title, level, severity, description and
// both lists of steps; sc.ID says which scenario. It returns the scenario as
// saved, with UUIDs given to new steps.
func (s *Store) UpdateScenario(sc Scenario) (Scenario, error) {
	sc = normalizeScenario(sc)
	sc.Response, sc.Communications = withUUIDs(sc.Response), withUUIDs(sc.Communications)
	err := db.InTx(s.db, func(tx *sql.Tx) error { return updateScenario(tx, sc) })
	if err != nil {
		return sc, fmt.Errorf("saving the scenario: %w", err)
	}
	sc.Hash = ScenarioHash(sc)
	return sc, nil
}

// updateScenario is UpdateScenario inside a transaction, for a normalized scenario.
func updateScenario(tx *sql.Tx, sc Scenario) error {
	planID, err := scenarioPlan(tx, sc.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE plan_scenarios SET title = ?, level = ?, severity = ?, description = ?,
		do_not_say = ?, stand_down = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
		sc.Title, sc.Level, sc.Severity, sc.Description, sc.DoNotSay, sc.StandDown, sc.ID); err != nil {
		return err
	}
	if err := writeSteps(tx, sc.ID, Response, sc.Response); err != nil {
		return err
	}
	if err := writeSteps(tx, sc.ID, Communication, sc.Communications); err != nil {
		return err
	}
	return touch(tx, planID)
}

// withUUIDs returns a copy of steps in which every step has a UUID.
func withUUIDs(steps []Step) []Step {
	out := make([]Step, len(steps))
	for i, st := range steps {
		if st.UUID == "" {
			st.UUID = uuid.NewString()
		}
		out[i] = st
	}
	return out
}

func scenarioPlan(q execer, id int64) (int64, error) {
	var planID int64
	err := q.QueryRow(`SELECT plan_id FROM plan_scenarios WHERE id = ?`, id).Scan(&planID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, missing("scenario %d", id)
	}
	return planID, err
}

// MoveScenario moves a scenario up (delta < 0) or down (delta > 0) in its plan's list.
func (s *Store) MoveScenario(id int64, delta int) error {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		planID, err := scenarioPlan(tx, id)
		if err != nil {
			return err
		}
		ids, err := scenarioIDs(tx, planID)
		if err != nil {
			return err
		}
		for pos, x := range idlist.Move(ids, id, delta) {
			if _, err := tx.Exec(`UPDATE plan_scenarios SET position = ? WHERE id = ?`, pos, x); err != nil {
				return err
			}
		}
		return touch(tx, planID)
	})
	if err != nil {
		return fmt.Errorf("moving the scenario: %w", err)
	}
	return nil
}

func scenarioIDs(q execer, planID int64) ([]int64, error) {
	return idlist.Query(q, `SELECT id FROM plan_scenarios WHERE plan_id = ? ORDER BY position, id`, planID)
}

// DeleteScenario removes a scenario with its steps.
func (s *Store) DeleteScenario(id int64) error {
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		planID, err := scenarioPlan(tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM plan_scenarios WHERE id = ?`, id); err != nil {
			return err
		}
		return touch(tx, planID)
	})
	if err != nil {
		return fmt.Errorf("removing the scenario: %w", err)
	}
	return nil
}

// ScenarioPlan returns the id of the plan a scenario belongs to; a missing
// scenario gives ErrNotFound.
func (s *Store) ScenarioPlan(scenarioID int64) (int64, error) {
	return scenarioPlan(s.db, scenarioID)
}
