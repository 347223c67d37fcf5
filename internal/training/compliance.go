package training

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"electionbinder/internal/exercise"
	"electionbinder/internal/plural"
)

// Result is how one person stands against one requirement.
type Result struct {
	Applies  bool // false when the rule does not cover the person's level
	Met      bool
	Sessions int     // counted sessions attended inside the window
	Hours    float64 // counted hours inside the window
	Due      time.Time
	Overdue  bool              // not met and the deadline has passed
	Missing  string            // what is still needed, in words; '' when met
	Counted  []AttendedSession // the sessions that counted, for the grant file
}

// AttendedSession is one session a person attended.
type AttendedSession struct {
	EventID int64
	Title   string
	Kind    Kind
	Day     time.Time // the session's date where it took place
	Hours   float64
}

// Standing is one person with a result for each requirement of the report.
type Standing struct {
	Person  Person
	Results []Result // in the order of Report.Requirements
}

// Covered reports whether any requirement applies to the person.
func (s Standing) Covered() bool {
	for _, r := range s.Results {
		if r.Applies {
			return true
		}
	}
	return false
}

// Met reports whether the person meets every requirement that applies.
func (s Standing) Met() bool {
	for _, r := range s.Results {
		if r.Applies && !r.Met {
			return false
		}
	}
	return true
}

// OfficeTally counts, for one office, the people a requirement covers and
// how many of them meet it.
type OfficeTally struct {
	Office  string
	People  int
	Covered []int // per requirement
	Met     []int // per requirement
}

// Report is the compliance of every trainee on one day.
type Report struct {
	AsOf         time.Time
	Requirements []Requirement
	People       []Standing // by office, then name
	Offices      []OfficeTally
}

// Compliance checks every active person of the directory against every
// requirement on day asOf.
func (s *Store) Compliance(asOf time.Time) (Report, error) {
	asOf = time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	rep := Report{AsOf: asOf}
	var err error
	if rep.Requirements, err = s.Requirements(); err != nil {
		return rep, err
	}
	people, err := s.People("", 0)
	if err != nil {
		return rep, err
	}
	attended, err := s.attendedByPerson()
	if err != nil {
		return rep, err
	}
	sort.SliceStable(people, func(i, j int) bool {
		return strings.ToLower(people[i].Office) < strings.ToLower(people[j].Office)
	})
	for _, p := range people {
		st := Standing{Person: p}
		for _, req := range rep.Requirements {
			st.Results = append(st.Results, evaluate(req, p, attended[p.ID], asOf))
		}
		rep.People = append(rep.People, st)
	}
	rep.Offices = tallyOffices(rep)
	return rep, nil
}

// attendedByPerson reads every attended session, grouped by person.
func (s *Store) attendedByPerson() (map[int64][]AttendedSession, error) {
	rows, err := s.db.Query(`SELECT r.contact_id, e.id, e.title, e.kind, e.starts_at, e.time_zone, e.credit_hours
		FROM training_registrations r JOIN training_events e ON e.id = r.event_id
		WHERE r.attendance = 'attended' ORDER BY e.starts_at`)
	if err != nil {
		return nil, fmt.Errorf("reading attendance: %w", err)
	}
	defer rows.Close()
	out := map[int64][]AttendedSession{}
	for rows.Next() {
		var id int64
		var a AttendedSession
		var start, zoneName string
		if err := rows.Scan(&id, &a.EventID, &a.Title, &a.Kind, &start, &zoneName, &a.Hours); err != nil {
			return nil, err
		}
		t, err := parseStamp(start)
		if err != nil {
			return nil, fmt.Errorf("a session has an unreadable start %q", start)
		}
		local := t.In(zone(zoneName))
		a.Day = time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
		out[id] = append(out[id], a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.addExerciseAttendance(out)
}

// addExerciseAttendance adds attendance at tabletop exercises, kept by the
// exercise package, as sessions of the kind Exercise, in day order.
func (s *Store) addExerciseAttendance(out map[int64][]AttendedSession) error {
	list, err := exercise.Attendance(s.db)
	if err != nil {
		return err
	}
	for _, a := range list {
		out[a.ContactID] = append(out[a.ContactID], AttendedSession{Title: a.Name, Kind: Exercise, Day: a.Day, Hours: a.Hours})
	}
	for id := range out {
		sessions := out[id]
		sort.SliceStable(sessions, func(i, j int) bool { return sessions[i].Day.Before(sessions[j].Day) })
	}
	return nil
}

// evaluate checks one person's attendance against one requirement.
func evaluate(req Requirement, p Person, list []AttendedSession, asOf time.Time) Result {
	if !req.AppliesTo(p.Level) {
		return Result{}
	}
	from, due := req.Window(asOf)
	res := Result{Applies: true, Due: due}
	for _, a := range list {
		if !req.Counts(a.Kind) || (!from.IsZero() && a.Day.Before(from)) || (!due.IsZero() && a.Day.After(due)) ||
			a.Day.After(asOf) { // a report as of a day knows nothing of later sessions
			continue
		}
		res.Sessions++
		res.Hours += a.Hours
		res.Counted = append(res.Counted, a)
	}
	res.Met = res.Sessions >= req.MinSessions && res.Hours+1e-9 >= req.MinHours
	if !res.Met {
		res.Overdue = !due.IsZero() && asOf.After(due)
		res.Missing = missing(req, res)
	}
	return res
}

// missing says what a person still needs, such as "1 in-person session".
func missing(req Requirement, res Result) string {
	var need []string
	if n := req.MinSessions - res.Sessions; n > 0 {
		need = append(need, fmt.Sprintf("%d more %s %s", n, req.KindsLabel(), plural.Form(n, "session", "sessions")))
	}
	if h := req.MinHours - res.Hours; h > 1e-9 {
		need = append(need, fmt.Sprintf("%s more hours", FormatHours(h)))
	}
	s := strings.Join(need, " and ")
	if !res.Due.IsZero() {
		if res.Overdue {
			s += ", was due " + formatDate(res.Due)
		} else {
			s += " by " + formatDate(res.Due)
		}
	}
	return s
}

func tallyOffices(rep Report) []OfficeTally {
	var out []OfficeTally
	index := map[string]int{}
	for _, st := range rep.People {
		i, ok := index[st.Person.Office]
		if !ok {
			i = len(out)
			index[st.Person.Office] = i
			n := len(rep.Requirements)
			out = append(out, OfficeTally{Office: st.Person.Office, Covered: make([]int, n), Met: make([]int, n)})
		}
		out[i].People++
		for j, r := range st.Results {
			if r.Applies {
				out[i].Covered[j]++
				if r.Met {
					out[i].Met[j]++
				}
			}
		}
	}
	return out
}
