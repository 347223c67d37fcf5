package training

import (
	"database/sql"
	"electionbinder/internal/plural"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Requirement is a rule that attendance satisfies, such as "attend one
// in-person session" or "six hours of training per two-year term".
type Requirement struct {
	ID          int64
	UUID        string
	Name        string
	Description string
	Kinds       []Kind    // the kinds of session that count
	MinSessions int       // sessions to attend (0: no count needed)
	MinHours    float64   // hours of credit to earn (0: no hours needed)
	StartsOn    time.Time // attendance before this day does not count; zero: any time
	Deadline    time.Time // last day that counts; zero: none (ignored when TermYears > 0)
	TermYears   int       // > 0: the rule renews every TermYears years from StartsOn
	Levels      []string  // directory levels the rule applies to, such as county and municipal
}

// Counts reports whether attending a session of kind k counts toward r.
func (r Requirement) Counts(k Kind) bool {
	for _, x := range r.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// AppliesTo reports whether the rule covers people of a directory level.
func (r Requirement) AppliesTo(level string) bool {
	for _, l := range r.Levels {
		if l == level {
			return true
		}
	}
	return false
}

// Window is the span of days whose attendance counts when checking on day
// asOf, and the day by which the rule must be met (zero ends: open).
func (r Requirement) Window(asOf time.Time) (from, due time.Time) {
	if r.TermYears <= 0 || r.StartsOn.IsZero() {
		return r.StartsOn, r.Deadline
	}
	from = r.StartsOn
	for !from.AddDate(r.TermYears, 0, 0).After(asOf) {
		from = from.AddDate(r.TermYears, 0, 0)
	}
	return from, from.AddDate(r.TermYears, 0, -1)
}

// adjective is the kind as it reads before "session": in-person, live webinar.
func (k Kind) adjective() string {
	if k == InPerson {
		return "in-person"
	}
	return strings.ToLower(k.Label())
}

// KindsLabel names the counted kinds in words, such as "in-person".
func (r Requirement) KindsLabel() string {
	var words []string
	for _, k := range r.Kinds {
		words = append(words, k.adjective())
	}
	return strings.Join(words, " or ")
}

// Rule says the rule in one line, such as "1 in-person session by 2020-06-30".
func (r Requirement) Rule() string {
	var need []string
	if r.MinSessions > 0 {
		need = append(need, fmt.Sprintf("%d %s %s", r.MinSessions, r.KindsLabel(), plural.Form(r.MinSessions, "session", "sessions")))
	}
	if r.MinHours > 0 {
		need = append(need, fmt.Sprintf("%s hours of %s", FormatHours(r.MinHours), r.KindsLabel()))
	}
	s := strings.Join(need, " and ")
	switch {
	case r.TermYears > 0 && !r.StartsOn.IsZero():
		s += fmt.Sprintf(" per %d-year term from %s", r.TermYears, formatDate(r.StartsOn))
	case !r.Deadline.IsZero():
		s += " by " + formatDate(r.Deadline)
	}
	return s
}

// FormatHours writes hours without trailing zeros: 2, 1.5, 0.25.
func FormatHours(h float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", h), "0"), ".")
}

// Validate checks a requirement before it is saved.
func (r *Requirement) Validate() error {
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" {
		return errors.New("the requirement needs a name")
	}
	if len(r.Kinds) == 0 {
		return errors.New("choose at least one kind of session that counts")
	}
	for _, k := range r.Kinds {
		if _, err := ParseRequirementKind(string(k)); err != nil {
			return err
		}
	}
	if r.MinSessions < 0 || r.MinHours < 0 || r.TermYears < 0 {
		return errors.New("sessions, hours and term length cannot be negative")
	}
	if r.MinSessions == 0 && r.MinHours == 0 {
		return errors.New("the requirement needs a number of sessions or of hours")
	}
	if r.TermYears > 0 && r.StartsOn.IsZero() {
		return errors.New("a requirement that renews each term needs the day the first term starts")
	}
	if !r.Deadline.IsZero() && !r.StartsOn.IsZero() && r.Deadline.Before(r.StartsOn) {
		return errors.New("the deadline is before the start")
	}
	if len(r.Levels) == 0 {
		return errors.New("choose at least one level of the directory the requirement applies to")
	}
	return nil
}

func joinKinds(kinds []Kind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ",")
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

const requirementColumns = `id, uuid, name, description, kinds, min_sessions, min_hours, starts_on, deadline,
	term_years, levels`

func scanRequirement(row scanner) (Requirement, error) {
	var r Requirement
	var kinds, starts, deadline, levels string
	err := row.Scan(&r.ID, &r.UUID, &r.Name, &r.Description, &kinds, &r.MinSessions, &r.MinHours, &starts,
		&deadline, &r.TermYears, &levels)
	if err != nil {
		return r, err
	}
	for _, k := range splitList(kinds) {
		r.Kinds = append(r.Kinds, Kind(k))
	}
	r.Levels = splitList(levels)
	r.StartsOn, _ = parseDate(starts)
	r.Deadline, _ = parseDate(deadline)
	return r, nil
}

// Requirements lists every requirement by name.
func (s *Store) Requirements() ([]Requirement, error) {
	rows, err := s.db.Query(`SELECT ` + requirementColumns + ` FROM training_requirements ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("reading requirements: %w", err)
	}
	defer rows.Close()
	var list []Requirement
	for rows.Next() {
		r, err := scanRequirement(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// Requirement reads one requirement by id.
func (s *Store) Requirement(id int64) (Requirement, error) {
	r, err := scanRequirement(s.db.QueryRow(`SELECT `+requirementColumns+` FROM training_requirements WHERE id=?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("requirement %d: %w", id, ErrNotFound)
	}
	return r, err
}

// SaveRequirement creates (ID 0) or updates a requirement and returns it.
func (s *Store) SaveRequirement(r Requirement) (Requirement, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	args := []any{r.Name, r.Description, joinKinds(r.Kinds), r.MinSessions, r.MinHours, formatDate(r.StartsOn),
		formatDate(r.Deadline), r.TermYears, strings.Join(r.Levels, ",")}
	if r.ID == 0 {
		r.UUID = newUUID()
		res, err := s.db.Exec(`INSERT INTO training_requirements(name, description, kinds, min_sessions, min_hours,
			starts_on, deadline, term_years, levels, uuid) VALUES(?,?,?,?,?,?,?,?,?,?)`, append(args, r.UUID)...)
		if err != nil {
			return r, friendlyRequirementError(r, err)
		}
		r.ID, err = res.LastInsertId()
		return r, err
	}
	res, err := s.db.Exec(`UPDATE training_requirements SET name=?, description=?, kinds=?, min_sessions=?,
		min_hours=?, starts_on=?, deadline=?, term_years=?, levels=?,
		updated_at=strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id=?`, append(args, r.ID)...)
	if err != nil {
		return r, friendlyRequirementError(r, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return r, fmt.Errorf("requirement %d: %w", r.ID, ErrNotFound)
	}
	return r, nil
}

func friendlyRequirementError(r Requirement, err error) error {
	if strings.Contains(err.Error(), "UNIQUE constraint failed: training_requirements.name") {
		return fmt.Errorf("a requirement named %q exists already", r.Name)
	}
	return fmt.Errorf("saving the requirement %q: %w", r.Name, err)
}

// DeleteRequirement removes a requirement.
func (s *Store) DeleteRequirement(id int64) error {
	_, err := s.db.Exec(`DELETE FROM training_requirements WHERE id=?`, id)
	return err
}
