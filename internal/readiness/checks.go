package readiness

import (
	"fmt"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/db"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/plural"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

// check is what every task's check reads: the election, the day, the
// previous election and the ticks.
type check struct {
	s        *Store
	st       *settings.Store
	election Election
	asOf     time.Time
	since    time.Time // the previous election, or a year before this one
	ticks    map[string]Tick
	zone     string
}

func (s *Store) newCheck(e Election, asOf time.Time) (*check, error) {
	c := &check{s: s, st: settings.New(s.db), election: e, asOf: asOf}
	prev, ok, err := s.previous(e)
	if err != nil {
		return nil, err
	}
	c.since = e.Day.AddDate(-1, 0, 0)
	if ok {
		c.since = prev
	}
	if c.ticks, err = s.ticks(e.ID); err != nil {
		return nil, err
	}
	c.zone, err = c.st.Get(ZoneKey, DefaultZone)
	return c, err
}

// task starts a task that falls due its offset before election day.
func (c *check) task(key, title string, fix Place) Task {
	return Task{Key: key, Title: title, Fix: fix, Due: c.election.Day.AddDate(0, 0, -OffsetDays(c.st, key))}
}

// tick returns a task's tick when it was made on or before the board's day.
func (c *check) tick(key string) (Tick, bool) {
	t, ok := c.ticks[key]
	if !ok || t.On.After(c.asOf) {
		return Tick{}, false
	}
	return t, true
}

// done marks t done with a reason.
func done(t *Task, why string) { t.State, t.Why = Done, why }

// checks compute the tasks of the board, in the order they are listed.
var checks = []func(*check) ([]Task, error){
	checkCallTree, checkVerified, checkPlan, checkCopies, checkTraining, checkExercise,
	checkBackup, checkOffsite, checkGoKit, checkPocketCards,
}

func checkCallTree(c *check) ([]Task, error) {
	t := c.task(TaskCallTree, "Every role has a primary and a backup with a number to call", AtCallTree)
	tree, err := contacts.NewStore(c.s.db).CallTree()
	if err != nil {
		return nil, err
	}
	var gaps []string
	for _, e := range tree {
		if gap := callGap(e); gap != "" {
			gaps = append(gaps, e.Role.Name+": "+gap)
		}
	}
	switch {
	case len(tree) == 0:
		t.Why = "The call tree has no roles yet: open Contacts to start it."
	case len(gaps) == 0:
		done(&t, fmt.Sprintf("All %s have a primary and a backup with a number to call.", plural.Count(len(tree), "role", "roles")))
	default:
		t.Why = listed(gaps, 4)
	}
	return []Task{t}, nil
}

// callGap says what a role lacks: a primary, a backup, or a number to call them on.
func callGap(e contacts.CallTreeEntry) string {
	if gap := e.Gap(); gap != "" {
		return strings.ToLower(gap[:1]) + gap[1:]
	}
	primary, _ := e.Primary()
	if len(primary.Phones()) == 0 {
		return primary.Name + " (primary) has no number to call"
	}
	for _, b := range e.Backups() {
		if len(b.Phones()) > 0 {
			return ""
		}
	}
	return "no backup has a number to call"
}

func checkVerified(c *check) ([]Task, error) {
	t := c.task(TaskVerify, "Contacts verified", AtVerify)
	days, err := c.st.GetInt(settings.VerifyDaysKey, settings.DefaultVerifyDays)
	if err != nil {
		return nil, err
	}
	due, err := contacts.NewStore(c.s.db).List(contacts.Filter{NeedsVerifying: true, VerifyDays: days, Today: c.asOf})
	if err != nil {
		return nil, err
	}
	if len(due) == 0 {
		done(&t, fmt.Sprintf("Every contact was verified in the last %d days.", days))
		return []Task{t}, nil
	}
	names := make([]string, len(due))
	for i, p := range due {
		names[i] = p.Name
	}
	t.Why = fmt.Sprintf("%s not verified in the last %d days: %s", plural.Count(len(due), "contact", "contacts"), days, listed(names, 4))
	return []Task{t}, nil
}

// CurrentPlanID is the id of the plan the board speaks of: the one approved
// last, or, when none was ever approved, the one edited last; 0 when there
// is no plan.
func (s *Store) CurrentPlanID() (int64, error) {
	list, err := plan.NewStore(s.db).List()
	if err != nil || len(list) == 0 {
		return 0, err
	}
	pick := list[0]
	for _, p := range list {
		if p.ApprovedOn.After(pick.ApprovedOn) {
			pick = p
		}
	}
	return pick.ID, nil
}

// currentPlan loads the plan the board speaks of; nil when there is none.
func (c *check) currentPlan() (*plan.Plan, error) {
	id, err := c.s.CurrentPlanID()
	if err != nil || id == 0 {
		return nil, err
	}
	return plan.NewStore(c.s.db).Load(id)
}

// approvedBy returns the plan's last revision approved on or before the board's day.
func (c *check) approvedBy(p *plan.Plan) (plan.Revision, bool) {
	for i := len(p.Revisions) - 1; i >= 0; i-- {
		if !day(p.Revisions[i].ApprovedAt).After(c.asOf) {
			return p.Revisions[i], true
		}
	}
	return plan.Revision{}, false
}

func checkPlan(c *check) ([]Task, error) {
	t := c.task(TaskPlan, "Plan reviewed and approved since the last election", AtPlan)
	p, err := c.currentPlan()
	if err != nil {
		return nil, err
	}
	if p == nil {
		t.Why = "There is no contingency plan yet: start one from the built-in template."
		return []Task{t}, nil
	}
	rev, ok := c.approvedBy(p)
	switch {
	case !ok:
		t.Why = fmt.Sprintf("%q has never been approved.", p.Title)
	case !day(rev.ApprovedAt).After(c.since):
		t.Why = fmt.Sprintf("%q was last approved on %s, not since the last election (%s): review it and approve it again.",
			p.Title, dayText(rev.ApprovedAt), dayText(c.since))
	case !p.NextReview.IsZero() && p.NextReview.Before(c.asOf):
		t.Why = fmt.Sprintf("%q: its review date, %s, has passed.", p.Title, dayText(p.NextReview))
	default:
		why := fmt.Sprintf("Revision %d of %q approved on %s by %s.", rev.Number, p.Title, dayText(rev.ApprovedAt), rev.ApprovedBy)
		if !p.NextReview.IsZero() {
			why += " Next review " + dayText(p.NextReview) + "."
		}
		done(&t, why)
	}
	return []Task{t}, nil
}

// checkCopies asks the binder what each controlled copy holds: a copy is
// current when the pages printed for it match the binder as it is now. Prints
// are not dated in the past, so the answer is today's whatever the board's day.
func checkCopies(c *check) ([]Task, error) {
	t := c.task(TaskCopies, "Every controlled copy of the binder current", AtPrint)
	p, err := c.currentPlan()
	if err != nil {
		return nil, err
	}
	rev, ok := plan.Revision{}, false
	if p != nil {
		rev, ok = c.approvedBy(p)
	}
	if !ok {
		t.Why = "No approved revision to hand out yet: approve the plan first."
		return []Task{t}, nil
	}
	store := binder.NewStore(c.s.db)
	copies, err := store.Copies(p.ID)
	if err != nil {
		return nil, err
	}
	var stale []string
	for _, cp := range copies {
		st, err := store.CopyState(cp)
		if err != nil {
			return nil, err
		}
		if !st.Printed || !st.Needs.Empty() {
			stale = append(stale, fmt.Sprintf("copy %s (%s) %s", cp.Number, cp.Holder, st.Summary()))
		}
	}
	switch {
	case len(copies) == 0:
		done(&t, "No controlled copies are on the distribution list.")
	case len(stale) == 0:
		done(&t, fmt.Sprintf("All %s are up to date with revision %d.", plural.Count(len(copies), "copy", "copies"), rev.Number))
	default:
		t.Why = listed(stale, 3)
	}
	return []Task{t}, nil
}

func checkTraining(c *check) ([]Task, error) {
	rep, err := training.NewStore(c.s.db).Compliance(c.asOf)
	if err != nil {
		return nil, err
	}
	var tasks []Task
	for i, req := range rep.Requirements {
		tasks = append(tasks, trainingTask(c, rep, i, req))
	}
	return tasks, nil
}

// trainingTask is one requirement: done when everyone it covers meets it,
// due by its own deadline (election day when it has none).
func trainingTask(c *check, rep training.Report, i int, req training.Requirement) Task {
	t := Task{Key: fmt.Sprintf("training:%d", req.ID), Title: "Training: " + req.Name, Fix: AtTraining, Due: c.election.Day}
	if _, deadline := req.Window(c.asOf); !deadline.IsZero() {
		t.Due = day(deadline)
	}
	var missing []string
	covered := 0
	for _, p := range rep.People {
		r := p.Results[i]
		if !r.Applies {
			continue
		}
		covered++
		if !r.Met {
			missing = append(missing, p.Person.Name+" ("+r.Missing+")")
		}
	}
	switch {
	case covered == 0:
		done(&t, "Nobody in the directory is covered by this requirement.")
	case len(missing) == 0:
		done(&t, fmt.Sprintf("All %s covered meet it.", plural.Count(covered, "person", "people")))
	default:
		t.Why = fmt.Sprintf("%d of %d not met%s: %s", len(missing), covered, officesShort(rep, i), listed(missing, 3))
	}
	return t
}

// officesShort names the offices where someone still misses requirement i.
func officesShort(rep training.Report, i int) string {
	var offices []string
	for _, o := range rep.Offices {
		if o.Covered[i] > o.Met[i] && o.Office != "" {
			offices = append(offices, fmt.Sprintf("%s %d/%d", o.Office, o.Met[i], o.Covered[i]))
		}
	}
	if len(offices) == 0 {
		return ""
	}
	return " (met by office: " + listed(offices, 3) + ")"
}

func checkExercise(c *check) ([]Task, error) {
	t := c.task(TaskExercise, "Tabletop exercise held within the last 12 months", AtExercise)
	from := c.election.Day.AddDate(-1, 0, 0)
	held, ok, err := exercise.LastHeldBy(c.s.db, c.asOf)
	if err != nil {
		return nil, err
	}
	switch {
	case ok && !held.Before(from):
		done(&t, "Exercise held on "+dayText(held)+".")
	case ok:
		t.Why = fmt.Sprintf("The last exercise, on %s, is more than 12 months before the election.", dayText(held))
	default:
		t.Why = "No tabletop exercise has been held: run one from the plan's scenarios."
	}
	return []Task{t}, nil
}

// Backup windows: a recent backup, and one kept off this computer.
const (
	recentBackupDays  = 7
	offsiteBackupDays = 30
)

// backupsBy returns the backups taken on or before the board's day, newest first.
func (c *check) backupsBy() ([]db.BackupRecord, error) {
	all, err := db.RecentBackups(c.s.db, 1000)
	if err != nil {
		return nil, err
	}
	var out []db.BackupRecord
	for _, b := range all {
		if !day(b.TakenAt.In(time.Local)).After(c.asOf) {
			out = append(out, b)
		}
	}
	return out, nil
}

func checkBackup(c *check) ([]Task, error) {
	t := c.task(TaskBackup, fmt.Sprintf("Backup of the data taken within the last %d days", recentBackupDays), AtBackup)
	backups, err := c.backupsBy()
	if err != nil {
		return nil, err
	}
	from := c.asOf.AddDate(0, 0, -recentBackupDays)
	switch {
	case len(backups) == 0:
		t.Why = "No backup has been taken."
	case day(backups[0].TakenAt.In(time.Local)).Before(from):
		t.Why = "The last backup was taken on " + dayText(backups[0].TakenAt.In(time.Local)) + "."
	default:
		done(&t, "Backup taken on "+dayText(backups[0].TakenAt.In(time.Local))+".")
	}
	return []Task{t}, nil
}

func checkOffsite(c *check) ([]Task, error) {
	t := c.task(TaskOffsite, "A recent backup kept off this computer", AtBackup)
	t.Tickable = true
	if tick, ok := c.tick(TaskOffsite); ok {
		t.Tick = &tick
		done(&t, fmt.Sprintf("%s confirmed on %s that a backup is kept off this computer.", tick.By, dayText(tick.On)))
		return []Task{t}, nil
	}
	backups, err := c.backupsBy()
	if err != nil {
		return nil, err
	}
	dbPath, err := c.s.path()
	if err != nil {
		return nil, err
	}
	from := c.asOf.AddDate(0, 0, -offsiteBackupDays)
	for _, b := range backups {
		if day(b.TakenAt.In(time.Local)).Before(from) {
			break
		}
		if where, off := OffComputer(dbPath, b.Path); off {
			done(&t, fmt.Sprintf("Backup of %s %s.", dayText(b.TakenAt.In(time.Local)), where))
			return []Task{t}, nil
		}
	}
	t.Why = fmt.Sprintf("No backup of the last %d days was written to another drive, a removable drive or a network folder. "+
		"Back up to one, or tick this when a copy is kept elsewhere.", offsiteBackupDays)
	return []Task{t}, nil
}

// path is the database file's own path.
func (s *Store) path() (string, error) {
	var seq int
	var name, file string
	err := s.db.QueryRow(`SELECT seq, name, file FROM pragma_database_list WHERE name = 'main'`).Scan(&seq, &name, &file)
	return file, err
}

func checkPocketCards(c *check) ([]Task, error) {
	t := c.task(TaskPocket, "Pocket cards printed and handed out", AtPrint)
	t.Tickable = true
	if tick, ok := c.tick(TaskPocket); ok {
		t.Tick = &tick
		done(&t, fmt.Sprintf("Handed out by %s on %s.", tick.By, dayText(tick.On)))
	} else {
		t.Why = "Print the binder's pocket card, hand it to everyone in the call tree, then tick this."
	}
	return []Task{t}, nil
}
