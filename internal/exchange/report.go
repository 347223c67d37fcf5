package exchange

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/plural"
)

// Tally counts the municipalities of each standing in one line, such as
// "301 municipalities: 222 overdue, 60 need attention, 19 ready".
func Tally(list []Municipality, today time.Time) string {
	counts := map[Standing]int{}
	for _, m := range list {
		s, _ := m.Standing(today)
		counts[s]++
	}
	return fmt.Sprintf("%s: %d overdue, %d need attention, %d ready", plural.Count(len(list), "municipality", "municipalities"),
		counts[Overdue], counts[Attention], counts[Ready])
}

// StandingsNote says what the standings mean.
var StandingsNote = fmt.Sprintf("Overdue: no approved plan, its review date passed, readiness tasks overdue, "+
	"or no status package for %d days. Needs attention: open gaps, roles without a primary or backup, "+
	"or training not met.", int(StaleAfter.Hours()/24))

// PrintRollup writes the roll-up as of today to path as a PDF, on the
// paper chosen in Settings.
func PrintRollup(conn *sql.DB, today time.Time, path string) error {
	list, err := Rollup(conn, today)
	if err != nil {
		return err
	}
	setup, county, err := binder.OfficePageSetup(conn)
	if err != nil {
		return err
	}
	return binder.PrintRollupReport(path, rollupReport(list, county, today), setup)
}

func rollupReport(list []Municipality, county string, today time.Time) binder.RollupReport {
	rep := binder.RollupReport{County: county, Today: today, Summary: Tally(list, today), Note: StandingsNote,
		Header: []string{"Municipality", "Standing", "Plan", "Gaps", "Roles without backup", "Training met",
			"Next election", "Last package", "Why overdue"},
		Weights: []float64{2.6, 1.4, 2.4, 1.0, 1.2, 1.5, 2.0, 1.3, 2.7}}
	for _, m := range list {
		standing, _ := m.Standing(today)
		rep.Rows = append(rep.Rows, []string{m.Name(), standing.Label(), m.PlanWords(), strconv.Itoa(m.Gaps()),
			strconv.Itoa(m.RolesWithoutBackup()), m.TrainingWords(), orDash(m.ReadinessWords()),
			m.Report.CreatedAt.Format("2006-01-02"), strings.Join(m.OverdueReasons(today), "; ")})
		rep.Overdue = append(rep.Overdue, standing == Overdue)
	}
	return rep
}

// orDash prints "—" for an empty cell.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
