package readiness

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"electionbinder/internal/settings"
)

// State is where a task stands on the day the board is drawn.
type State string

// The states of a task.
const (
	Done    State = "done"
	Due     State = "due"     // not done yet, and its day has not passed
	Overdue State = "overdue" // not done, and its day has passed
)

// Place is where in the binder a task is put right.
type Place string

// The places a task's button leads to.
const (
	AtCallTree Place = "call-tree" // Contacts, the Call tree tab
	AtVerify   Place = "verify"    // Contacts, due for verifying
	AtPlan     Place = "plan"      // Plans: review and approve
	AtPrint    Place = "print"     // Plans: print the binder, the distribution list
	AtTraining Place = "training"  // Training, the Compliance tab
	AtBackup   Place = "backup"    // File, Backup
	AtExercise Place = "exercise"  // Exercises
	AtBoard    Place = "board"     // ticked on the board itself
)

// Label says in words where to go, for the command line and the checklist.
func (p Place) Label() string {
	switch p {
	case AtCallTree:
		return "Contacts > Call tree"
	case AtVerify:
		return "Contacts > Due for verifying"
	case AtPlan:
		return "Plans > Approve"
	case AtPrint:
		return "Plans > Print"
	case AtTraining:
		return "Training > Compliance"
	case AtBackup:
		return "File > Backup"
	case AtExercise:
		return "Exercises"
	}
	return "Readiness > tick it done"
}

// Item is one line of a task's checklist, such as one thing in the go-kit.
type Item struct {
	Key  string // the tick's task key
	Text string
	Tick *Tick // nil while not ticked
}

// Task is one thing to have ready before an election.
type Task struct {
	Key   string // stable, such as "call-tree" or "training:3"
	Title string
	Due   time.Time
	State State
	Why   string // in plain words: what makes it done, or what is missing
	Fix   Place
	// Tickable tasks rest on the clerk's judgment: she ticks them done with a name and a day.
	Tickable bool
	Tick     *Tick  // the tick, when ticked
	Items    []Item // a checklist ticked line by line (the go-kit)
}

// Board is the readiness of one election on one day.
type Board struct {
	Election Election
	AsOf     time.Time
	DaysLeft int
	Tasks    []Task // overdue first, then due, then done; each by due day
	Zone     string // the office's time zone, for the calendar export
}

// Overdue counts the overdue tasks.
func (b Board) Overdue() int { return b.count(Overdue) }

// Open counts the tasks due and not yet overdue.
func (b Board) Open() int { return b.count(Due) }

func (b Board) count(s State) int {
	n := 0
	for _, t := range b.Tasks {
		if t.State == s {
			n++
		}
	}
	return n
}

// Countdown says how far off the election is, such as "40 days to go".
func (b Board) Countdown() string {
	switch d := b.DaysLeft; {
	case d == 0:
		return "Election day"
	case d == 1:
		return "1 day to go"
	case d < 0:
		return fmt.Sprintf("%d days ago", -d)
	default:
		return fmt.Sprintf("%d days to go", d)
	}
}

// Headline sums up the election, its day and the countdown.
func (b Board) Headline() string {
	return fmt.Sprintf("%s — %s (%s)", b.Election.Name, b.Election.Day.Format("Monday, January 2, 2006"), b.Countdown())
}

// Board computes the readiness of an election as of the day asOf.
func (s *Store) Board(electionID int64, asOf time.Time) (Board, error) {
	e, err := s.Election(electionID)
	if err != nil {
		return Board{}, err
	}
	asOf = day(asOf)
	c, err := s.newCheck(e, asOf)
	if err != nil {
		return Board{}, err
	}
	b := Board{Election: e, AsOf: asOf, DaysLeft: e.DaysUntil(asOf), Zone: c.zone}
	for _, check := range checks {
		tasks, err := check(c)
		if err != nil {
			return b, err
		}
		b.Tasks = append(b.Tasks, tasks...)
	}
	for i := range b.Tasks {
		b.Tasks[i].State = stateOf(b.Tasks[i], asOf)
	}
	sortTasks(b.Tasks)
	return b, nil
}

// stateOf is done when the check found the task done, overdue when its day has passed.
func stateOf(t Task, asOf time.Time) State {
	switch {
	case t.State == Done:
		return Done
	case asOf.After(t.Due):
		return Overdue
	}
	return Due
}

var stateOrder = map[State]int{Overdue: 0, Due: 1, Done: 2}

func sortTasks(tasks []Task) {
	sort.SliceStable(tasks, func(i, j int) bool {
		a, b := tasks[i], tasks[j]
		if a.State != b.State {
			return stateOrder[a.State] < stateOrder[b.State]
		}
		return a.Due.Before(b.Due)
	})
}

// Offset is a task's default number of days before election day.
type Offset struct {
	Key     string // the task's key
	Label   string // as Settings shows it
	Default int
}

// Offsets lists the tasks whose day a clerk can move in Settings, with the
// defaults: E-60 for the call tree, E-45 for verifying contacts, and so on.
var Offsets = []Offset{
	{TaskCallTree, "Call tree complete", 60},
	{TaskVerify, "Contacts verified", 45},
	{TaskPlan, "Plan reviewed and approved", 30},
	{TaskExercise, "Tabletop exercise held", 30},
	{TaskCopies, "Binder copies current", 14},
	{TaskBackup, "Recent backup", 7},
	{TaskOffsite, "Backup kept off this computer", 7},
	{TaskGoKit, "Go-kit checked", 7},
	{TaskPocket, "Pocket cards handed out", 7},
}

// Keys of the tasks that are always on the board.
const (
	TaskCallTree = "call-tree"
	TaskVerify   = "verify"
	TaskPlan     = "plan"
	TaskCopies   = "copies"
	TaskExercise = "exercise"
	TaskBackup   = "backup"
	TaskOffsite  = "offsite"
	TaskGoKit    = "gokit"
	TaskPocket   = "pocket-cards"
)

// OffsetKey is the settings key of a task's offset.
func OffsetKey(task string) string { return "readiness.offset." + task }

// ZoneKey is the settings key of the office's time zone, used for the
// calendar export.
const ZoneKey = "readiness.time_zone"

// DefaultZone is the office's zone until Settings says otherwise (Wisconsin's).
const DefaultZone = "America/Chicago"

// MaxOffset is the furthest before an election a task can fall due.
const MaxOffset = 365

// OffsetDays reads a task's offset from Settings, or its default.
func OffsetDays(st *settings.Store, task string) int {
	def := 0
	for _, o := range Offsets {
		if o.Key == task {
			def = o.Default
		}
	}
	n, err := st.GetInt(OffsetKey(task), def)
	if err != nil || n < 0 || n > MaxOffset {
		return def
	}
	return n
}

// SetOffsetDays saves a task's offset after checking it.
func SetOffsetDays(st *settings.Store, task string, days int) error {
	if days < 0 || days > MaxOffset {
		return fmt.Errorf("give a number of days between 0 and %d", MaxOffset)
	}
	return st.SetInt(OffsetKey(task), days)
}

// listed joins up to max names and says how many more there are.
func listed(names []string, limit int) string {
	if len(names) <= limit {
		return strings.Join(names, "; ")
	}
	return strings.Join(names[:limit], "; ") + fmt.Sprintf("; and %d more", len(names)-limit)
}

func dayText(t time.Time) string { return t.Format("Jan 2, 2006") }
