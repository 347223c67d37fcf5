package exercise

import (
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"electionbinder/internal/plan"
)

// scenarioGap is the pause between one scenario's last inject and the
// next scenario's opening.
const scenarioGap = 15 * time.Minute

// addScenarios records scenarios of plan p in an exercise and writes the
// script of each, one after the other from the clock time from.
func addScenarios(tx *sql.Tx, exerciseID int64, p *plan.Plan, r *plan.Resolver, ids []int64, from time.Duration) error {
	for _, id := range ids {
		sc, ok := p.Scenario(id)
		if !ok {
			return missing("scenario %d in plan %d", id, p.ID)
		}
		if _, err := tx.Exec(`INSERT INTO exercise_scenarios(uuid, exercise_id, position, scenario_id, title)
			VALUES(?, ?, (SELECT count(*) FROM exercise_scenarios WHERE exercise_id = ?), ?, ?)`,
			uuid.NewString(), exerciseID, exerciseID, id, sc.Title); err != nil {
			return err
		}
		script := scenarioScript(p, sc, r, from)
		for _, in := range script {
			if _, err := insertInject(tx, exerciseID, in); err != nil {
				return err
			}
		}
		from = script[len(script)-1].At + scenarioGap
	}
	return nil
}

func loadInjects(q execer, exerciseID int64) ([]Inject, error) {
	rows, err := q.Query(`SELECT id, uuid, at, text, coalesce(scenario_id, 0), coalesce(section_id, 0), roles
		FROM exercise_injects WHERE exercise_id = ? ORDER BY position, id`, exerciseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Inject
	for rows.Next() {
		var in Inject
		var at, roles string
		if err := rows.Scan(&in.ID, &in.UUID, &at, &in.Text, &in.ScenarioID, &in.SectionID, &roles); err != nil {
			return nil, err
		}
		in.At, _ = ParseClock(at)
		in.Roles = splitList(roles)
		list = append(list, in)
	}
	return list, rows.Err()
}

func checkInject(in Inject) error {
	if strings.TrimSpace(in.Text) == "" {
		return errors.New("an inject needs the words the facilitator reads out")
	}
	if err := checkLength("inject", in.Text); err != nil {
		return err
	}
	if in.At < 0 || in.At >= 24*time.Hour {
		return errors.New("an inject's time must be a time of day, such as 10:20")
	}
	return nil
}

func insertInject(tx execer, exerciseID int64, in Inject) (int64, error) {
	if err := checkInject(in); err != nil {
		return 0, err
	}
	res, err := tx.Exec(`INSERT INTO exercise_injects(uuid, exercise_id, position, at, text, scenario_id, section_id, roles)
		VALUES(?, ?, (SELECT count(*) FROM exercise_injects WHERE exercise_id = ?), ?, ?, ?, ?, ?)`,
		uuid.NewString(), exerciseID, exerciseID, ClockText(in.At), strings.TrimSpace(in.Text),
		nullID(in.ScenarioID), nullID(in.SectionID), joinList(in.Roles))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// AddInject adds the facilitator's own inject and puts the script back in
// clock order; it returns the inject's id.
func (s *Store) AddInject(exerciseID int64, in Inject) (int64, error) {
	var id int64
	err := s.write(exerciseID, "adding the inject", func(tx *sql.Tx) (err error) {
		if id, err = insertInject(tx, exerciseID, in); err != nil {
			return err
		}
		return orderInjects(tx, exerciseID)
	})
	return id, err
}

// UpdateInject saves an inject's time, words, roles and section, and puts
// the script back in clock order.
func (s *Store) UpdateInject(in Inject) error {
	if err := checkInject(in); err != nil {
		return err
	}
	ex, err := exerciseOf(s.db, "exercise_injects", in.ID, "inject")
	if err != nil {
		return err
	}
	return s.write(ex, "saving the inject", func(tx *sql.Tx) error {
		if _, err := tx.Exec(`UPDATE exercise_injects SET at = ?, text = ?, section_id = ?, roles = ? WHERE id = ?`,
			ClockText(in.At), strings.TrimSpace(in.Text), nullID(in.SectionID), joinList(in.Roles), in.ID); err != nil {
			return err
		}
		return orderInjects(tx, ex)
	})
}

// DeleteInject removes an inject from the script; notes taken while it was
// in play keep their words.
func (s *Store) DeleteInject(id int64) error {
	return s.deleteRow("exercise_injects", id, "inject")
}

// orderInjects numbers an exercise's injects by clock time, keeping the
// order of injects set at the same time.
func orderInjects(tx *sql.Tx, exerciseID int64) error {
	list, err := loadInjects(tx, exerciseID)
	if err != nil {
		return err
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].At < list[j].At })
	for pos, in := range list {
		if _, err := tx.Exec(`UPDATE exercise_injects SET position = ? WHERE id = ?`, pos, in.ID); err != nil {
			return err
		}
	}
	return nil
}
