package exchange

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"electionbinder/internal/db"
)

// StaleAfter is how old a municipality's newest status package may be
// before the roll-up counts the municipality as overdue.
const StaleAfter = 120 * 24 * time.Hour

// Standing is where a municipality stands in the roll-up, worst first.
type Standing int

// The standings, in the order the roll-up lists them.
const (
	Overdue   Standing = iota // no approved plan, review passed, or no recent package
	Attention                 // gaps, roles without a backup, or training not met
	Ready
)

// Label is how the standing reads to a clerk.
func (s Standing) Label() string {
	return [...]string{"Overdue", "Needs attention", "Ready"}[s]
}

// Municipality is one row of the county's roll-up.
type Municipality struct {
	ID         int64
	Report     StatusReport
	ReceivedAt time.Time
}

// Name is the municipality's name as its package gave it.
func (m Municipality) Name() string { return m.Report.Office.Name }

// MainPlan is the plan the roll-up judges: the one approved most recently,
// or else the first listed.
func (m Municipality) MainPlan() (PlanStatus, bool) {
	var best PlanStatus
	found := false
	for _, p := range m.Report.Plans {
		if !found || p.ApprovedOn.After(best.ApprovedOn) {
			best, found = p, true
		}
	}
	return best, found
}

// Gaps counts the open gaps of the main plan.
func (m Municipality) Gaps() int {
	p, _ := m.MainPlan()
	return len(p.Gaps)
}

// RolesWithoutBackup counts the incident roles that lack a primary or a backup.
func (m Municipality) RolesWithoutBackup() int {
	n := 0
	for _, r := range m.Report.Roles {
		if r.Gap != "" {
			n++
		}
	}
	return n
}

// TrainingMet returns how many people covered by requirements met them all,
// of how many are covered.
func (m Municipality) TrainingMet() (met, covered int) {
	for _, p := range m.Report.Training {
		covered++
		if p.Met == p.Applies {
			met++
		}
	}
	return met, covered
}

// TrainingWords says how many covered people met every requirement, such
// as "3 of 8", or "—" when no requirement covers anyone.
func (m Municipality) TrainingWords() string {
	met, covered := m.TrainingMet()
	if covered == 0 {
		return "—"
	}
	return fmt.Sprintf("%d of %d", met, covered)
}

// PlanWords says where the main plan stands, such as "Revision 3, review by Mar 1, 2027".
func (m Municipality) PlanWords() string {
	p, ok := m.MainPlan()
	switch {
	case !ok:
		return "No plan"
	case p.ApprovedOn.IsZero():
		return "Never approved"
	case p.NextReview.IsZero():
		return fmt.Sprintf("Revision %d, no review date", p.Revision)
	}
	return fmt.Sprintf("Revision %d, review by %s", p.Revision, p.NextReview.Format("Jan 2, 2006"))
}

// OverdueReasons says why the municipality is overdue on day today; none
// when it is not.
func (m Municipality) OverdueReasons(today time.Time) []string {
	var overdue []string
	p, ok := m.MainPlan()
	switch {
	case !ok || p.ApprovedOn.IsZero():
		overdue = append(overdue, "no approved plan")
	case !p.NextReview.IsZero() && p.NextReview.Before(today):
		overdue = append(overdue, "plan review date passed")
	}
	if today.Sub(m.Report.CreatedAt) > StaleAfter {
		overdue = append(overdue, fmt.Sprintf("no status since %s", m.Report.CreatedAt.Format("Jan 2, 2006")))
	}
	if r := m.Report.Readiness; r != nil && r.Overdue > 0 {
		overdue = append(overdue, fmt.Sprintf("%s overdue for %s", fmtCount(r.Overdue, "readiness task", "readiness tasks"), r.Election))
	}
	return overdue
}

// ReadinessWords sums up the readiness for the next election, such as
// "Apr 6: 2 overdue, 3 due, 6 done"; "" when no election was on the calendar.
func (m Municipality) ReadinessWords() string {
	r := m.Report.Readiness
	if r == nil {
		return ""
	}
	return fmt.Sprintf("%s: %d overdue, %d due, %d done", r.Day.Format("Jan 2"), r.Overdue, r.Due, r.Done)
}

// Standing judges the municipality on day today, with the reasons.
func (m Municipality) Standing(today time.Time) (Standing, []string) {
	overdue := m.OverdueReasons(today)
	var attention []string
	if n := m.Gaps(); n > 0 {
		attention = append(attention, fmtCount(n, "gap", "gaps"))
	}
	if n := m.RolesWithoutBackup(); n > 0 {
		attention = append(attention, fmtCount(n, "role without primary or backup", "roles without primary or backup"))
	}
	if met, covered := m.TrainingMet(); met < covered {
		attention = append(attention, fmt.Sprintf("training met by %d of %d", met, covered))
	}
	switch {
	case len(overdue) > 0:
		return Overdue, append(overdue, attention...)
	case len(attention) > 0:
		return Attention, attention
	}
	return Ready, nil
}

// RollupResult counts what a roll-up import did.
type RollupResult struct {
	Added, Replaced, Older int
	Refused                []string // "file: why", for packages that could not be read
}

// Summary says what the import did in one line.
func (r RollupResult) Summary() string {
	s := fmt.Sprintf("%d new, %d updated, %d older than the one held (ignored)", r.Added, r.Replaced, r.Older)
	if len(r.Refused) > 0 {
		s += fmt.Sprintf(", %d refused", len(r.Refused))
	}
	return s
}

// ImportStatusFiles reads status packages from the files and folders given
// (a folder's *.ebpkg files) into the roll-up. A newer package from a
// municipality replaces the older; an older one is ignored. Packages that
// cannot be read are listed in Refused; the rest are taken in together.
func ImportStatusFiles(conn *sql.DB, paths []string) (RollupResult, error) {
	files, err := packageFiles(paths)
	if err != nil {
		return RollupResult{}, err
	}
	id, err := ownIdentity(conn)
	if err != nil {
		return RollupResult{}, err
	}
	var res RollupResult
	var reports []*StatusReport
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err == nil {
			var rep *StatusReport
			if rep, err = readStatus(src, id); err == nil {
				reports = append(reports, rep)
				continue
			}
		}
		res.Refused = append(res.Refused, fmt.Sprintf("%s: %v", filepath.Base(f), err))
	}
	err = db.InTx(conn, func(tx *sql.Tx) error { return storeReports(tx, reports, &res) })
	return res, err
}

// packageFiles expands folders into the package files they hold.
func packageFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		found, err := filepath.Glob(filepath.Join(p, "*"+FileExtension))
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("the folder %s holds no %s files", p, FileExtension)
		}
		files = append(files, found...)
	}
	return files, nil
}

func storeReports(tx *sql.Tx, reports []*StatusReport, res *RollupResult) error {
	for _, rep := range reports {
		var held string
		err := tx.QueryRow(`SELECT created_at FROM rollup_status WHERE uuid = ?`, rep.Office.UUID).Scan(&held)
		heldAt, _ := time.Parse(time.RFC3339Nano, held)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			res.Added++
		case err != nil:
			return err
		case !rep.CreatedAt.After(heldAt):
			res.Older++
			continue
		default:
			res.Replaced++
		}
		body, err := json.Marshal(rep)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO rollup_status(uuid, jurisdiction, created_at, received_at, report)
			VALUES(?, ?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET jurisdiction = excluded.jurisdiction,
				created_at = excluded.created_at, received_at = excluded.received_at, report = excluded.report`,
			strings.ToLower(rep.Office.UUID), rep.Office.Name, stamp(rep.CreatedAt), stamp(time.Now()), string(body)); err != nil {
			return err
		}
	}
	return nil
}

// Rollup lists every municipality of the roll-up, worst standing first,
// then by name.
func Rollup(conn *sql.DB, today time.Time) ([]Municipality, error) {
	rows, err := conn.Query(`SELECT id, received_at, report FROM rollup_status`)
	if err != nil {
		return nil, fmt.Errorf("reading the roll-up: %w", err)
	}
	defer rows.Close()
	var list []Municipality
	for rows.Next() {
		var m Municipality
		var received, body string
		if err := rows.Scan(&m.ID, &received, &body); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(body), &m.Report); err != nil {
			return nil, fmt.Errorf("roll-up row %d: %w", m.ID, err)
		}
		m.ReceivedAt, _ = time.Parse(time.RFC3339Nano, received)
		list = append(list, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	SortRollup(list, today)
	return list, nil
}

// SortRollup orders municipalities worst standing first, then by name.
func SortRollup(list []Municipality, today time.Time) {
	standing := make(map[int64]Standing, len(list))
	for _, m := range list {
		standing[m.ID], _ = m.Standing(today)
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := standing[list[i].ID], standing[list[j].ID]
		if a != b {
			return a < b
		}
		return NameLess(list[i].Name(), list[j].Name())
	})
}

// NameLess orders names as a clerk reads them: without regard to case, and
// with numbers by value, so "Ward 3" comes before "Ward 12".
func NameLess(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	for a != "" && b != "" {
		na, restA := leadingNumber(a)
		nb, restB := leadingNumber(b)
		switch {
		case na >= 0 && nb >= 0 && na != nb:
			return na < nb
		case na >= 0 && nb >= 0:
			a, b = restA, restB
		case a[0] != b[0]:
			return a[0] < b[0]
		default:
			a, b = a[1:], b[1:]
		}
	}
	return len(a) < len(b)
}

// leadingNumber reads the digits at the start of s, or -1 when there are none.
func leadingNumber(s string) (int, string) {
	i, n := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 9 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 {
		return -1, s
	}
	return n, s[i:]
}

// RemoveFromRollup drops a municipality from the roll-up.
func RemoveFromRollup(conn *sql.DB, id int64) error {
	res, err := conn.Exec(`DELETE FROM rollup_status WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return db.ErrNotFound
	}
	return nil
}
